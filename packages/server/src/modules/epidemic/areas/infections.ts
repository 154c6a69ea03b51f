/**
 * New infections (新增感染者) as the daily reports counted them: confirmed cases and asymptomatic
 * infections. A suspected case is not yet one. Their report dates run the risk areas' clocks.
 */
export const NEW_INFECTION_CATEGORIES = ['confirmed', 'asymptomatic'] as const;
