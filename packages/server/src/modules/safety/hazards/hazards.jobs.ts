import type { ScheduledJob } from '../../../ops/scheduler.js';
import { escalateOverdueHazards } from './hazards.escalation.js';

const HOUR_MS = 3_600_000;

/** Overdue hazards go up to the county, then the city (DESIGN.md: overdue hazards escalate). */
export const hazardEscalationJob: ScheduledJob = {
  name: 'hazards.escalate-overdue',
  description: 'Escalate open hazards past their deadline to the county, then to the city',
  intervalMs: HOUR_MS,
  run: async ({ services, system }) => ({ ...(await escalateOverdueHazards(services.db.kysely, services.audit, system)) }),
};
