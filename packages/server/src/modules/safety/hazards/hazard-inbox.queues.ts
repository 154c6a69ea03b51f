import type { HazardStatus } from '@shoutu/domain';

/**
 * The regulators' inbox figures kept as counters per community (`hazard_inbox_counts`, decision
 * 0032), so 我的待办 costs the same at a thousand hazards and at a million:
 * - to_decide: found and not yet handed over, or an extension request waiting for a decision;
 * - to_accept: a rectification awaiting acceptance; acceptance_overdue: of those, flagged as
 *   waiting past the acceptor's due time;
 * - escalated: open and escalated. Every escalated hazard is overdue: it is escalated only past its
 *   deadline, and the one later change of deadline, an approved extension, clears the escalation.
 * The inbox's overdue total itself comes from the overview's counters (`hazard_counts`).
 */
export const INBOX_QUEUES = ['to_decide', 'to_accept', 'acceptance_overdue', 'escalated'] as const;
export type InboxQueue = (typeof INBOX_QUEUES)[number];

/** What of a hazard decides its queues. */
export interface QueueFacts {
  status: HazardStatus;
  pending_extension: string | null;
  acceptance_overdue_at: string | null;
  escalation_level: string | null;
}

/** The queues a hazard in this state is counted in. */
export function inboxQueues(h: QueueFacts): InboxQueue[] {
  const queues: InboxQueue[] = [];
  if (h.status === 'found' || (h.status === 'rectifying' && h.pending_extension !== null)) queues.push('to_decide');
  if (h.status === 'awaiting_acceptance') {
    queues.push('to_accept');
    if (h.acceptance_overdue_at !== null) queues.push('acceptance_overdue');
  }
  if (h.status !== 'closed' && h.escalation_level !== null) queues.push('escalated');
  return queues;
}
