import { hazardAcceptanceWaitJob, hazardEscalationJob, hazardOverdueCountsJob } from '../modules/safety/hazards/hazards.jobs.js';
import { epidemicCountersFoldJob } from '../modules/epidemic/dashboard/dashboard.jobs.js';
import { epidemicRetentionJob } from '../modules/epidemic/retention/retention.jobs.js';
import type { ScheduledJob } from './scheduler.js';
import { idempotencyPurgeJob } from '../http/idempotency.js';
import { plannerStatisticsJob } from '../db/planner-statistics.js';

/**
 * Every scheduled job of the server, in the order `shoutu jobs run` runs them. A module adds its
 * job with one line here (docs/developing.md "Scheduled jobs").
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  hazardEscalationJob,
  epidemicRetentionJob,
  hazardAcceptanceWaitJob,
  hazardOverdueCountsJob,
  plannerStatisticsJob,
  idempotencyPurgeJob,
  epidemicCountersFoldJob,
];
