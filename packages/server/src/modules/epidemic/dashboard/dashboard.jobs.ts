import type { ScheduledJob } from '../../../ops/scheduler.js';
import { foldEpidemicCounters } from './counters.service.js';

/** Keeps the dashboard's counters at one base cell per grid and key, the days to come and a month of daily cells (decision 0017). */
export const epidemicCountersFoldJob: ScheduledJob = {
  name: 'epidemic.fold-counters',
  description: 'Fold the epidemic dashboard counters of past days into their base cells and drop cells no read reaches',
  intervalMs: 3_600_000,
  run: async ({ services, now }) => foldEpidemicCounters(services.db.kysely, services.db.dialect, now()),
};
