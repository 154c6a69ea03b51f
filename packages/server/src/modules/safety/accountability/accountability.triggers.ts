import {
  accountabilityTriggerKey,
  isWithinGround,
  type AccountabilityTriggerKind,
  type ReportingLevel,
} from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid } from '../../../http/errors.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import type { AccidentDetail } from '../accidents/accidents.schema.js';
import type { AccidentsService } from '../accidents/accidents.service.js';
import type { HazardDetail } from '../hazards/hazards.schema.js';
import type { HazardsService } from '../hazards/hazards.service.js';
import type { ChainService } from '../responsibility/chain.service.js';
import type { EvidencePack, Suggestion } from './accountability.schema.js';
import { accidentEvidence, hazardEvidence, LEVEL_LABELS } from './accountability.evidence.js';

export type LevelDeadline = AccidentDetail['reporting']['levels'][number];

/** What a record is about, found in the caller's ground. */
export interface ResolvedTrigger {
  regionCode: string;
  key: string | null;
  summary: string;
  evidence: EvidencePack;
}

/** A level's report is a candidate when it came late or is overdue now. */
export function lateLevels(accident: AccidentDetail): LevelDeadline[] {
  return accident.reporting.levels.filter((level) => level.status === 'late' || level.status === 'overdue');
}

/** A major hazard whose deadline passed before it was closed (or that is still open past it). */
export function isOverdueMajor(hazard: HazardDetail, now: Date): boolean {
  if (hazard.grade !== 'major' || hazard.deadline === null) return false;
  return new Date(hazard.deadline).getTime() < (hazard.closedAt ? new Date(hazard.closedAt) : now).getTime();
}

/** The county-level or city region a regulator level answers for, seen from a place. */
function levelRegion(regionCode: string, level: ReportingLevel): string | null {
  if (level === 'county') return regionCode.slice(0, 6);
  if (level === 'city') return `${regionCode.slice(0, 4)}00`;
  return null;
}

/**
 * Finds the item behind a record or a candidate through the hazards and accidents services (in the
 * caller's ground, so a foreign id is simply unknown), builds its evidence pack, and names who the
 * responsibility chain holds answerable for it. A supervision task will be one more case here.
 */
export class AccountabilityTriggers {
  constructor(
    private readonly hazards: HazardsService,
    private readonly accidents: AccidentsService,
    private readonly chain: ChainService,
  ) {}

  async hazard(ctx: RequestContext, id: string): Promise<HazardDetail | null> {
    return this.hazards.get(ctx, id).catch(nullWhenNotFound);
  }

  async accident(ctx: RequestContext, id: string): Promise<AccidentDetail | null> {
    return this.accidents.get(ctx, id).catch(nullWhenNotFound);
  }

  async resolve(ctx: RequestContext, input: { kind: AccountabilityTriggerKind; id?: string | undefined; part?: string | undefined; regionCode?: string | undefined }): Promise<ResolvedTrigger> {
    if (input.kind === 'other') {
      if (input.id !== undefined) throw invalid(fieldError('triggerId', 'not_allowed'));
      if (input.regionCode === undefined) throw invalid(fieldError('regionCode', 'required'));
      if (!isWithinGround(input.regionCode, ctx.actor!.ground)) throw invalid(fieldError('regionCode', 'outside_ground'));
      if (!(await new RegionsRepository(ctx.db).byCode(input.regionCode))) throw invalid(fieldError('regionCode', 'unknown_region'));
      return { regionCode: input.regionCode, key: null, summary: '其他事由', evidence: { title: '其他事由', link: null, events: [] } };
    }
    if (input.regionCode !== undefined) throw invalid(fieldError('regionCode', 'not_allowed'));
    if (input.id === undefined) throw invalid(fieldError('triggerId', 'required'));
    if (input.kind !== 'late_accident_report' && input.part !== undefined) throw invalid(fieldError('triggerPart', 'not_allowed'));
    const now = ctx.now();
    if (input.kind === 'overdue_major_hazard') {
      const hazard = await this.hazard(ctx, input.id);
      if (!hazard) throw invalid(fieldError('triggerId', 'unknown_trigger'));
      if (!isOverdueMajor(hazard, now)) throw invalid(fieldError('triggerId', 'not_a_candidate'));
      const evidence = hazardEvidence(hazard, now);
      return { regionCode: hazard.regionCode, key: accountabilityTriggerKey('overdue_major_hazard', hazard.id), summary: `重大事故隐患逾期未整改：${evidence.title}`, evidence };
    }
    const accident = await this.accident(ctx, input.id);
    if (!accident) throw invalid(fieldError('triggerId', 'unknown_trigger'));
    const evidence = accidentEvidence(accident);
    if (input.kind === 'accident') return { regionCode: accident.regionCode, key: accountabilityTriggerKey('accident', accident.id), summary: `生产安全事故：${evidence.title}`, evidence };
    if (input.part === undefined) throw invalid(fieldError('triggerPart', 'required'));
    const level = lateLevels(accident).find((l) => l.level === input.part);
    if (!level) throw invalid(fieldError('triggerPart', 'not_a_candidate'));
    return { regionCode: accident.regionCode, key: accountabilityTriggerKey('late_accident_report', accident.id, level.level), summary: `事故迟报（${LEVEL_LABELS[level.level]['zh-CN']}）：${evidence.title}`, evidence };
  }

  /** Who answers for an overdue major hazard: the listing or supervising departments, the local deputies in charge, the enterprise. */
  async hazardSuggestions(ctx: RequestContext, hazard: HazardDetail): Promise<Suggestion[]> {
    const chain = await this.chain.chain(ctx, hazard.enterpriseId).catch(nullWhenNotFound);
    const suggestions: Suggestion[] = [];
    const supervision = { 'zh-CN': '监管责任（管行业必须管安全）', en: 'Regulatory duty (three musts)' };
    if (hazard.listing?.unitName) suggestions.push({ subjectKind: 'unit', name: hazard.listing.unitName, post: null, unit: null, basis: { 'zh-CN': '挂牌督办单位', en: 'Listed it for supervision' } });
    for (const unit of chain?.supervisors ?? []) if (unit.name !== hazard.listing?.unitName) suggestions.push({ subjectKind: 'unit', name: unit.name, post: null, unit: null, basis: supervision });
    suggestions.push(...deputies(chain?.regions ?? [], ['town', 'county']));
    suggestions.push({ subjectKind: 'unit', name: hazard.enterpriseName, post: null, unit: null, basis: { 'zh-CN': '企业主体责任', en: "The enterprise's own duty" } });
    return suggestions;
  }

  /** Who answers for a late report: the unit for its own report, else the level that owed it and that region's deputy in charge. */
  async reportSuggestions(ctx: RequestContext, accident: AccidentDetail, level: LevelDeadline): Promise<Suggestion[]> {
    if (level.owedBy === 'unit') {
      return [{ subjectKind: 'unit', name: accident.enterpriseName ?? '事故单位', post: null, unit: null, basis: { 'zh-CN': '事故单位负责人 1 小时内报告（《生产安全事故报告和调查处理条例》第九条）', en: 'The unit reports within 1 hour (Order 493 art. 9)' } }];
    }
    const region = levelRegion(accident.regionCode, level.owedBy);
    const chain = accident.enterpriseId ? await this.chain.chain(ctx, accident.enterpriseId).catch(nullWhenNotFound) : null;
    const regions = chain?.regions ?? (await this.chain.lineageLeaders(accident.regionCode));
    const basis = { 'zh-CN': `${LEVEL_LABELS[level.owedBy]['zh-CN']} 2 小时内逐级上报（第十一条）`, en: `The ${LEVEL_LABELS[level.owedBy].en} passes it on within 2 hours (art. 11)` };
    const departments = (chain?.supervisors ?? []).filter((unit) => region !== null && unit.jurisdictionCode === region);
    return [
      ...departments.map((unit): Suggestion => ({ subjectKind: 'unit', name: unit.name, post: null, unit: null, basis })),
      ...deputies(regions.filter((r) => r.regionCode === region), ['county', 'city']),
    ];
  }
}

/** The deputies in charge of work safety (or, without one, the heads of government) of the regions at these levels. */
function deputies(regions: Awaited<ReturnType<ChainService['lineageLeaders']>>, levels: readonly string[]): Suggestion[] {
  const basis = { 'zh-CN': '属地领导责任（党政同责、一岗双责）', en: 'Local leadership duty' };
  return regions
    .filter((region) => levels.includes(region.level))
    .flatMap((region) => {
      const inCharge = region.leaders.filter((leader) => leader.postKind === 'deputy_safety');
      const chosen = inCharge.length ? inCharge : region.leaders.filter((leader) => leader.postKind === 'government_head');
      return chosen.map((leader): Suggestion => ({ subjectKind: 'person', name: leader.name, post: leader.postTitle, unit: region.name, basis }));
    });
}

function nullWhenNotFound(error: unknown): null {
  if (error instanceof AppError && error.code === 'not_found') return null;
  throw error;
}
