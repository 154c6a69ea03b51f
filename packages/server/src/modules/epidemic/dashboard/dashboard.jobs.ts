import type { ScheduledJob } from '../../../ops/scheduler.js';
import { foldEpidemicCounters } from './counters.service.js';

/** Keeps the dashboard's cumulative counters at one base cell per grid plus the days to come (decision 0017). */
export const epidemicCountersFoldJob: ScheduledJob = {
  name: 'epidemic.fold-counters',
  description: 'Fold the epidemic dashboard counters of past days into their base cells',
  intervalMs: 3_600_000,
  run: async ({ services, now }) => ({ folded: await foldEpidemicCounters(services.db.kysely, services.db.dialect, now()) }),
};
