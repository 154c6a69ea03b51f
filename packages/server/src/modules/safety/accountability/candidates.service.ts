import { ACCOUNTABILITY_TRIGGER_LABELS, accountabilityTriggerKey } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import type { AccidentsService } from '../accidents/accidents.service.js';
import { chinaDay } from '../accidents/accidents.period.js';
import type { HazardsService } from '../hazards/hazards.service.js';
import { AccountabilityRepository } from './accountability.repository.js';
import type { Candidate, CandidateQuery } from './accountability.schema.js';
import { accidentEvidence, hazardEvidence, LEVEL_LABELS } from './accountability.evidence.js';
import { isOverdueMajor, lateLevels, type AccountabilityTriggers } from './accountability.triggers.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Late reports of accidents that happened within this many days are proposed unless asked otherwise. */
export const DEFAULT_LOOKBACK_DAYS = 365;
const PAGE = 200;

const minutesBetween = (from: string, to: Date) => Math.max(0, Math.floor((to.getTime() - new Date(from).getTime()) / MINUTE_MS));

/**
 * Accountability candidates (问责线索): major hazards overdue by more than the configured number of
 * days and accident reports that came late or are overdue, in the caller's ground, each with its
 * evidence pack and who the responsibility chain names. An item with any record already decided
 * for it is not proposed again. Nothing is written: a person decides, by making a record.
 */
export class CandidatesService {
  constructor(
    private readonly hazards: HazardsService,
    private readonly accidents: AccidentsService,
    private readonly triggers: AccountabilityTriggers,
    private readonly defaultOverdueDays: number,
  ) {}

  async list(ctx: RequestContext, query: CandidateQuery) {
    const now = ctx.now();
    const overdueDays = query.overdueDays ?? this.defaultOverdueDays;
    const lookbackDays = query.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
    const found = [
      ...(query.kind === undefined || query.kind === 'overdue_major_hazard' ? await this.overdueHazards(ctx, now, overdueDays) : []),
      ...(query.kind === undefined || query.kind === 'late_accident_report' ? await this.lateReports(ctx, now, lookbackDays) : []),
    ];
    const decided = await new AccountabilityRepository(ctx.db).decidedKeys(found.map((candidate) => candidate.key));
    const items = found.filter((candidate) => !decided.has(candidate.key)).sort((a, b) => b.lateMinutes - a.lateMinutes || a.key.localeCompare(b.key));
    return { now: now.toISOString(), overdueDays, lookbackDays, items };
  }

  private async overdueHazards(ctx: RequestContext, now: Date, overdueDays: number): Promise<Candidate[]> {
    const cutoff = now.getTime() - overdueDays * DAY_MS;
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.hazards.list(ctx, { grade: 'major', overdue: true, limit: PAGE, ...(cursor ? { cursor } : {}) });
      for (const hazard of page.items) if (hazard.deadline !== null && new Date(hazard.deadline).getTime() < cutoff) ids.push(hazard.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const candidates: Candidate[] = [];
    for (const id of ids) {
      const hazard = await this.triggers.hazard(ctx, id);
      if (!hazard || !isOverdueMajor(hazard, now) || hazard.deadline === null) continue;
      candidates.push({
        key: accountabilityTriggerKey('overdue_major_hazard', hazard.id),
        kind: 'overdue_major_hazard',
        kindLabel: { ...ACCOUNTABILITY_TRIGGER_LABELS.overdue_major_hazard },
        triggerId: hazard.id,
        triggerPart: null,
        regionCode: hazard.regionCode,
        title: `${hazard.enterpriseName}：${hazard.description}`,
        dueAt: hazard.deadline,
        doneAt: null,
        lateMinutes: minutesBetween(hazard.deadline, now),
        suggestions: await this.triggers.hazardSuggestions(ctx, hazard),
        evidence: hazardEvidence(hazard, now),
      });
    }
    return candidates;
  }

  private async lateReports(ctx: RequestContext, now: Date, lookbackDays: number): Promise<Candidate[]> {
    const from = chinaDay(new Date(now.getTime() - lookbackDays * DAY_MS));
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.accidents.list(ctx, { from, limit: PAGE, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((accident) => accident.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const candidates: Candidate[] = [];
    for (const id of ids) {
      const accident = await this.triggers.accident(ctx, id);
      if (!accident) continue;
      const late = lateLevels(accident);
      if (late.length === 0) continue;
      const evidence = accidentEvidence(accident);
      for (const level of late) {
        const owedBy = level.owedBy === 'unit' ? (accident.enterpriseName ?? '事故单位') : LEVEL_LABELS[level.owedBy]['zh-CN'];
        candidates.push({
          key: accountabilityTriggerKey('late_accident_report', accident.id, level.level),
          kind: 'late_accident_report',
          kindLabel: { ...ACCOUNTABILITY_TRIGGER_LABELS.late_accident_report },
          triggerId: accident.id,
          triggerPart: level.level,
          regionCode: accident.regionCode,
          title: `${evidence.title}：${owedBy}向${LEVEL_LABELS[level.level]['zh-CN']}${level.status === 'late' ? '迟报' : '逾期未报'}`,
          dueAt: level.dueAt,
          doneAt: level.reportedAt,
          lateMinutes: level.reportedAt ? minutesBetween(level.dueAt, new Date(level.reportedAt)) : minutesBetween(level.dueAt, now),
          suggestions: await this.triggers.reportSuggestions(ctx, accident, level),
          evidence,
        });
      }
    }
    return candidates;
  }
}
