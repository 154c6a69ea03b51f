import { SCHEDULER_USERNAME, type ScheduledJob } from '../../../ops/scheduler.js';
import { RetentionService } from './retention.service.js';

const DAY_MS = 86_400_000;

/** Epidemic personal data past its purpose is destroyed once a day (SECURITY.md row 19, decision 0020). */
export const epidemicRetentionJob: ScheduledJob = {
  name: 'epidemic.retention',
  description: 'Destroy epidemic personal data past its retention period and record the destruction',
  intervalMs: DAY_MS,
  run: async ({ services, config, system }) => {
    const result = await new RetentionService(services.db, services.audit).run({ name: SCHEDULER_USERNAME, ctx: system }, config.epidemicRetention);
    const summary: Record<string, number> = { records: result.records };
    for (const counts of Object.values(result.destroyed)) for (const [table, n] of Object.entries(counts ?? {})) summary[table] = (summary[table] ?? 0) + n;
    return summary;
  },
};
