import { QINGDAO_LISTING_TIME_LIMITS, type ListingTimeLimits, type WorkingCalendar } from '@shoutu/domain';

/**
 * The time limits of government-supervised listing (挂牌督办) in force. They are local rules
 * (RULES.md "Work safety"); until the city's own are configured, the published Qingdao example the
 * domain ships applies, marked [verify].
 */
export const LISTING_TIME_LIMITS: ListingTimeLimits = QINGDAO_LISTING_TIME_LIMITS;

/**
 * Public holidays and weekend working days (调休) of the State Council's yearly notice. None are
 * loaded yet, so working days are Monday to Friday.
 */
export const WORKING_CALENDAR: WorkingCalendar = {};
