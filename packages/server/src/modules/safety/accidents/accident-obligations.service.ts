import type { RequestContext } from '../../../http/context.js';
import { notFound } from '../../../http/errors.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { gradeLabel, investigationOf, replyOf, reportingOf, typeLabel } from './accidents.present.js';
import { AccidentsRepository, type LevelReportRow } from './accidents.repository.js';
import type { Obligation } from './accidents.schema.js';
import { accidentScope } from './accidents.service.js';

const DAY_MS = 86_400_000;
/** How far ahead a deadline counts as "due soon" in the inbox; the level reports are due within hours anyway. */
const DUE_SOON_MS = { investigation: 7 * DAY_MS, reply: 3 * DAY_MS } as const;

/**
 * The accident inbox (待办): level reports, escalations, investigation reports and government
 * replies that are overdue or due soon in the caller's ground, overdue first. An overdue item is
 * flagged for escalation to the level above the one that owes it.
 */
export class AccidentObligationsService {
  async list(ctx: RequestContext, query: { regionCode?: string }) {
    if (query.regionCode !== undefined && !(await new RegionsRepository(ctx.db).byCode(query.regionCode))) throw notFound();
    const repo = new AccidentsRepository(ctx.db);
    const rows = await repo.open({ ...accidentScope(ctx), ...(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}) });
    const reports = new Map<string, LevelReportRow[]>();
    for (const report of await repo.levelReports(rows.map((row) => row.id))) reports.set(report.accident_id, [...(reports.get(report.accident_id) ?? []), report]);
    const now = ctx.now();
    const items: Obligation[] = [];
    for (const row of rows) {
      const base = {
        accidentId: row.id,
        regionCode: row.region_code,
        occurredAt: row.occurred_at,
        grade: row.grade,
        gradeLabel: gradeLabel(row.grade),
        type: row.type,
        typeLabel: typeLabel(row.type),
        enterpriseName: row.enterprise_name,
      };
      for (const owed of reportingOf(row, reports.get(row.id) ?? [], now).owed) {
        const overdue = owed.status === 'overdue';
        items.push({ ...base, kind: owed.owedBy === 'unit' ? 'report' : 'escalation', level: owed.level, owedBy: owed.owedBy, dueAt: owed.dueAt, status: overdue ? 'overdue' : 'due_soon', escalate: overdue });
      }
      const investigation = investigationOf(row, [], now);
      const reply = replyOf(row, now);
      const deadlines = [
        { kind: 'investigation' as const, owedBy: 'investigation_team' as const, dueAt: investigation.dueAt, status: investigation.status },
        { kind: 'reply' as const, owedBy: 'government' as const, dueAt: reply.dueAt, status: reply.status },
      ];
      for (const deadline of deadlines) {
        if (deadline.dueAt === null) continue;
        const overdue = deadline.status === 'overdue';
        const soon = deadline.status === 'pending' && new Date(deadline.dueAt).getTime() - now.getTime() <= DUE_SOON_MS[deadline.kind];
        if (overdue || soon) items.push({ ...base, kind: deadline.kind, level: null, owedBy: deadline.owedBy, dueAt: deadline.dueAt, status: overdue ? 'overdue' : 'due_soon', escalate: overdue });
      }
    }
    items.sort((a, b) => Number(b.status === 'overdue') - Number(a.status === 'overdue') || a.dueAt.localeCompare(b.dueAt) || a.accidentId.localeCompare(b.accidentId));
    const overdue = items.filter((item) => item.status === 'overdue').length;
    return { now: now.toISOString(), counts: { overdue, dueSoon: items.length - overdue }, items };
  }
}
