import type { WorkingCalendar } from '@shoutu/domain';

// The time limits of government-supervised listing (挂牌督办) are local rules: hazard settings
// (hazard-settings.service.ts), the published Qingdao example of the domain until a city sets its own.

/**
 * Public holidays and weekend working days (调休) of the State Council's yearly notice. None are
 * loaded yet, so working days are Monday to Friday.
 */
export const WORKING_CALENDAR: WorkingCalendar = {};
