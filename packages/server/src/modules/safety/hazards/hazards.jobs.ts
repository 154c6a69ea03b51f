import type { ScheduledJob } from '../../../ops/scheduler.js';
import { markOverdueCounts } from './hazard-counts.marking.js';
import { HazardSettingsService } from './hazard-settings.service.js';
import { flagOverdueAcceptances } from './hazards.acceptance-wait.js';
import { escalateOverdueHazards } from './hazards.escalation.js';

const HOUR_MS = 3_600_000;

/** Overdue hazards go up to the county, then the city (DESIGN.md: overdue hazards escalate). */
export const hazardEscalationJob: ScheduledJob = {
  name: 'hazards.escalate-overdue',
  description: 'Escalate open hazards past their deadline to the county, then to the city',
  intervalMs: HOUR_MS,
  run: async ({ services, system }) => {
    const settings = await new HazardSettingsService(services.audit, services.db.kysely).inForce();
    return { ...(await escalateOverdueHazards(services.db.kysely, services.audit, system, settings)) };
  },
};

/** Acceptance requests left waiting past the acceptor's due time are flagged (the regulator's own deadline). */
export const hazardAcceptanceWaitJob: ScheduledJob = {
  name: 'hazards.flag-acceptance-overdue',
  description: 'Flag rectifications left awaiting acceptance past the acceptor’s due time',
  intervalMs: HOUR_MS,
  run: ({ services, system }) => flagOverdueAcceptances(services.db.kysely, services.audit, system),
};

/** Keeps the overview's pending-overdue range short by counting passed deadlines as overdue. */
export const hazardOverdueCountsJob: ScheduledJob = {
  name: 'hazards.count-overdue',
  description: 'Move open hazards past their deadline into the overview’s overdue counters',
  intervalMs: 10 * 60_000,
  run: ({ services, now }) => markOverdueCounts(services.db.kysely, now()),
};
