import { randomUUID } from 'node:crypto';
import {
  acceptanceDueAt,
  assessLec,
  assessLs,
  CHEMICAL_MAJOR_HAZARD_CRITERIA_2017,
  createHazard,
  DEFAULT_HAZARD_SETTINGS,
  DEFAULT_RISK_THRESHOLDS,
  GENERAL_CHECKLIST,
  GOVERNANCE_PLAN_PARTS,
  hazardGradeForFailedItem,
  listingPublicationDueAt,
  transition,
  type HazardAction,
  type HazardActor,
  type HazardGrade,
  type HazardState,
} from '@shoutu/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { UnitsRepository } from '../../units/units.repository.js';
import { UsersRepository } from '../../users/users.repository.js';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';
import { InspectionsRepository } from '../inspections/inspections.repository.js';
import { RisksRepository } from '../risks/risks.repository.js';
import { WORKING_CALENDAR } from './hazards.listing.js';
import { HazardsRepository } from './hazards.repository.js';
import { stateColumns } from './hazards.state.js';
import type { EscalationLevel, HazardEventTable, HazardTable } from './hazards.tables.js';

/**
 * Demo risk points, inspections and hazards (every text marked 演示) for the demo register's
 * enterprises: all four risk colours, hazards at every step of the loop, some overdue and
 * escalated, major ones with governance plans and one listed by the city's emergency bureau. Each
 * hazard is driven through the domain's state machine at past instants, so states and timelines
 * are what the API itself would have written.
 */

const DAY = 86_400_000;
const DEMO = '（演示）';

interface DemoEnterprise {
  id: string;
  name: string;
  region_code: string;
  hazardous_chemicals: number;
}

type RiskInput = { method: 'LS'; likelihood: number; severity: number } | { method: 'LEC'; l: number; e: number; c: number };
interface DemoRiskPoint {
  place: string;
  factors: string;
  types: string[];
  measures: string;
  person: string;
  input: RiskInput;
}

const CHEMICAL_RISKS: DemoRiskPoint[] = [
  { place: '液氯储罐区', factors: '液氯泄漏；储罐超压', types: ['poisoning_or_asphyxiation', 'vessel_explosion'], measures: '紧急切断阀、氯气检测报警、碱液吸收装置，每月应急演练', person: '王建国', input: { method: 'LEC', l: 3, e: 6, c: 40 } },
  { place: '硝化反应釜', factors: '反应失控；超温超压', types: ['other_explosion', 'fire'], measures: 'DCS 自动控制与 SIS 联锁，双人巡检', person: '李秀英', input: { method: 'LEC', l: 1, e: 6, c: 40 } },
  { place: '危化品装卸站台', factors: '装卸软管破裂；静电', types: ['fire', 'poisoning_or_asphyxiation'], measures: '万向管道充装系统，静电接地报警', person: '张伟', input: { method: 'LS', likelihood: 3, severity: 4 } },
];
const GENERAL_RISKS: DemoRiskPoint[] = [
  { place: '配电室', factors: '带电作业；绝缘老化', types: ['electric_shock', 'fire'], measures: '停送电操作票制度，绝缘工器具定期检测', person: '刘洋', input: { method: 'LS', likelihood: 2, severity: 4 } },
  { place: '叉车作业区', factors: '人车混行；视线盲区', types: ['vehicle_injury'], measures: '人车分流标线，限速 5 km/h', person: '陈静', input: { method: 'LS', likelihood: 3, severity: 3 } },
  { place: '污水池（有限空间）', factors: '硫化氢积聚；缺氧', types: ['poisoning_or_asphyxiation'], measures: '先通风、再检测、后作业，作业审批与监护', person: '欧阳明', input: { method: 'LEC', l: 3, e: 6, c: 15 } },
  { place: '仓库货架', factors: '货物坠落', types: ['object_strike'], measures: '限高限重标识，定期检查货架', person: '杨帆', input: { method: 'LS', likelihood: 1, severity: 3 } },
];

type Step =
  | { act: 'assign'; deadlineDays: number; plan?: boolean }
  | { act: 'submit' }
  | { act: 'send_back' }
  | { act: 'accept' }
  | { act: 'request_extension'; days: number }
  | { act: 'list' }
  | { act: 'escalate'; level: EscalationLevel; daysAgo: number };

interface DemoHazard {
  enterprise: string;
  grade: HazardGrade;
  description: string;
  place: string;
  foundDaysAgo: number;
  steps: Step[];
}

const HAZARDS: DemoHazard[] = [
  { enterprise: '海州演示燃气有限公司', grade: 'major', description: '液化石油气储罐区未设置紧急切断装置', place: '储罐区', foundDaysAgo: 12, steps: [{ act: 'list' }, { act: 'assign', deadlineDays: 25, plan: true }] },
  { enterprise: '海州演示机械制造有限公司', grade: 'general', description: '冲压设备安全防护罩缺失', place: '冲压车间', foundDaysAgo: 20, steps: [{ act: 'assign', deadlineDays: -3 }, { act: 'escalate', level: 'county', daysAgo: 2 }] },
  { enterprise: '海州演示电气设备有限公司', grade: 'general', description: '配电室未配备绝缘垫', place: '配电室', foundDaysAgo: 3, steps: [{ act: 'assign', deadlineDays: 6 }, { act: 'submit' }] },
  { enterprise: '锦屏演示矿业有限公司', grade: 'major', description: '采空区未按设计充填', place: '三号采区', foundDaysAgo: 2, steps: [] },
  { enterprise: '新浦演示大酒店有限公司', grade: 'general', description: '消防通道堆放杂物', place: '一层后厨通道', foundDaysAgo: 15, steps: [{ act: 'assign', deadlineDays: 10 }, { act: 'submit' }, { act: 'send_back' }, { act: 'submit' }, { act: 'accept' }] },
  { enterprise: '浦南演示建设工程有限公司', grade: 'general', description: '脚手架连墙件缺失', place: '3 号楼', foundDaysAgo: 6, steps: [{ act: 'assign', deadlineDays: 4 }, { act: 'request_extension', days: 10 }] },
  { enterprise: '朐阳演示客运有限公司', grade: 'general', description: '客车应急锤缺失', place: '停车场', foundDaysAgo: 1, steps: [] },
  { enterprise: '锦屏演示建材有限公司', grade: 'general', description: '粉尘清扫制度未落实', place: '粉磨车间', foundDaysAgo: 10, steps: [{ act: 'assign', deadlineDays: -1 }] },
  { enterprise: '连云港演示化工有限公司', grade: 'major', description: '涉及重点监管危险化工工艺的装置未实现自动化控制', place: '氯化装置', foundDaysAgo: 40, steps: [{ act: 'list' }, { act: 'assign', deadlineDays: -2, plan: true }, { act: 'escalate', level: 'county', daysAgo: 1 }] },
  { enterprise: '连云港演示港口物流有限公司', grade: 'general', description: '危险货物堆场未设置警示标志', place: '二号堆场', foundDaysAgo: 18, steps: [{ act: 'assign', deadlineDays: 5 }, { act: 'submit' }, { act: 'accept' }] },
  { enterprise: '板桥演示钢铁有限公司', grade: 'general', description: '煤气区域未设置一氧化碳报警仪', place: '高炉煤气管网', foundDaysAgo: 8, steps: [{ act: 'assign', deadlineDays: 3 }, { act: 'submit' }] },
  { enterprise: '堆沟港演示精细化工有限公司', grade: 'general', description: '动火作业票未按规定审批', place: '检修区', foundDaysAgo: 30, steps: [{ act: 'assign', deadlineDays: -12 }, { act: 'escalate', level: 'county', daysAgo: 11 }, { act: 'escalate', level: 'city', daysAgo: 4 }] },
  { enterprise: '灌云演示化工有限公司', grade: 'general', description: '可燃气体报警仪未定期标定', place: '罐区', foundDaysAgo: 3, steps: [{ act: 'assign', deadlineDays: 12 }] },
];

const PLAN = Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((part, i) => [part, `${DEMO}${['更换并加装紧急切断阀，实现远程关断', '委托有资质单位设计施工，分区停用改造', '专项资金 80 万元，设备物资已采购', '企业主要负责人牵头，设备部、安环部负责', '30 日内完成，经评估后申请销号', '改造期间停用相关储罐，落实监护，修订应急预案'][i]}`]));

const LISTING_TIME_LIMITS = DEFAULT_HAZARD_SETTINGS.listing;
const REGULATOR: HazardActor = { kind: 'regulator' };
const ENTERPRISE: HazardActor = { kind: 'enterprise_safety_officer' };

/** Seeds inside seedDemo's transaction, after the demo register; answers what it wrote. */
export async function seedDemoHazards(trx: Kysely<Database>, unitIds: ReadonlyMap<string, string>, now: Date): Promise<{ riskPoints: number; inspections: number; hazards: number }> {
  // Whatever demo enterprises the register holds at seed time (their names carry 演示).
  const enterprises: DemoEnterprise[] = await new EnterprisesRepository(trx).list({ nameContains: '演示' }, { limit: 1000 });
  if (enterprises.length === 0) return { riskPoints: 0, inspections: 0, hazards: 0 };
  const accounts = new UsersRepository(trx);
  const users = new Map<string, { id: string; display_name: string }>();
  for (const username of ['yingji', 'haizhou', 'lianyun']) {
    const user = await accounts.findByUsername(username);
    if (user) users.set(username, user);
  }
  const regulatorOf = (regionCode: string) => users.get(regionCode.startsWith('320706') ? 'haizhou' : regionCode.startsWith('320703') ? 'lianyun' : 'yingji') ?? null;
  const cityUnit = unitIds.get('city-emergency') ?? null;
  const cityUnitName = cityUnit ? ((await new UnitsRepository(trx).byId(cityUnit))?.name ?? null) : null;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const riskPoints = await seedRiskPoints(trx, enterprises, ago);
  const hazardsRepo = new HazardsRepository(trx);

  /** One hazard: found, then each step through the domain at the instant it happened; written once, in its final state. */
  async function seedHazard(enterprise: DemoEnterprise, demo: Omit<DemoHazard, 'enterprise'>, inspection?: { id: string; number: number }): Promise<string> {
    const regulator = regulatorOf(enterprise.region_code);
    const id = randomUUID();
    let state: HazardState = createHazard({ grade: demo.grade, source: 'regulator_inspection' });
    const foundAt = ago(demo.foundDaysAgo);
    let at = foundAt;
    const events: Insertable<HazardEventTable>[] = [];
    const event = (type: string, from: HazardState['status'] | null, payload: Record<string, unknown>, actor: HazardActor | 'system') => {
      // A listing is the city bureau's act; other regulator steps are the district's (or the city's outside the demo districts).
      const person = actor === 'system' || actor.kind !== 'regulator' ? null : type === 'listed' ? (users.get('yingji') ?? null) : regulator;
      events.push({
        id: randomUUID(), hazard_id: id, region_code: enterprise.region_code, version: state.version, type, from_status: from, to_status: state.status,
        actor_id: person?.id ?? null, actor_name: person?.display_name ?? (actor === 'system' ? null : `${enterprise.name}安全员`), actor_kind: actor === 'system' ? 'system' : actor.kind, at: at.toISOString(), payload: JSON.stringify(payload),
      });
    };
    event('found', null, { grade: demo.grade, source: state.source, description: `${demo.description}${DEMO}`, place: demo.place, photos: [], inspectionId: inspection?.id ?? null, inspectionItemNumber: inspection?.number ?? null }, REGULATOR);

    const extra: Partial<Insertable<HazardTable>> = {};
    for (const step of demo.steps) {
      at = step.act === 'escalate' ? ago(step.daysAgo) : new Date(at.getTime() + DAY);
      if (step.act === 'list') {
        if (!cityUnit) continue;
        state = { ...state, version: state.version + 1 };
        const publicationDueAt = listingPublicationDueAt(at, LISTING_TIME_LIMITS, WORKING_CALENDAR).toISOString();
        Object.assign(extra, { listed_by_unit_id: cityUnit, listed_by_unit_name: cityUnitName, listed_at: at.toISOString(), listing_publication_due_at: publicationDueAt });
        event('listed', state.status, { unitId: cityUnit, unitName: cityUnitName, publicationDueAt, note: `市安委会挂牌督办${DEMO}`, limitsSource: LISTING_TIME_LIMITS.source, limitsVerify: LISTING_TIME_LIMITS.verify }, REGULATOR);
      } else if (step.act === 'escalate') {
        state = { ...state, version: state.version + 1 };
        Object.assign(extra, { escalation_level: step.level, escalated_at: at.toISOString() });
        const to = step.level === 'county' ? enterprise.region_code.slice(0, 6) : `${enterprise.region_code.slice(0, 4)}00`;
        event('escalated', state.status, { level: step.level, escalatedTo: to, departmentIds: [], deadline: state.deadline, triggeredBy: 'schedule' }, 'system');
      } else {
        const [action, actor] = demoAction(step, now, state);
        const result = transition(state, action, actor, at);
        if (!result.ok) throw new Error(`demo hazard "${demo.description}": ${step.act} refused with ${result.error.code}`);
        const { at: _at, actor: _actor, from, to: _to, version: _version, type, ...payload } = result.event;
        state = result.hazard;
        if (state.status === 'closed') extra.closed_at = at.toISOString();
        if (type === 'rectification_submitted') {
          extra.acceptance_due_at = acceptanceDueAt(at, state.grade, DEFAULT_HAZARD_SETTINGS.acceptanceWait, WORKING_CALENDAR).toISOString();
          Object.assign(payload, { acceptanceDueAt: extra.acceptance_due_at });
        } else if (from === 'awaiting_acceptance') {
          extra.acceptance_due_at = null;
        }
        event(type, from, payload, actor);
      }
    }
    // A submission still waiting past its due time was flagged by the scheduled job when it fell due.
    if (state.status === 'awaiting_acceptance' && extra.acceptance_due_at && extra.acceptance_due_at < now.toISOString()) {
      at = new Date(extra.acceptance_due_at);
      state = { ...state, version: state.version + 1 };
      extra.acceptance_overdue_at = extra.acceptance_due_at;
      event('acceptance_overdue', state.status, { dueAt: extra.acceptance_due_at, submittedAt: state.rectification?.submittedAt ?? null }, 'system');
    }
    await hazardsRepo.insert({
      id, region_code: enterprise.region_code, enterprise_id: enterprise.id, inspection_id: inspection?.id ?? null, inspection_item_number: inspection?.number ?? null,
      description: `${demo.description}${DEMO}`, place: demo.place, photos: '[]', ...stateColumns(state),
      listed_by_unit_id: null, listed_by_unit_name: null, listed_at: null, listing_publication_due_at: null, delisting_publication_due_at: null,
      escalation_level: null, escalated_at: null, found_at: foundAt.toISOString(), found_by: regulator?.id ?? null, closed_at: null, created_at: foundAt.toISOString(), updated_at: at.toISOString(),
      ...extra,
    });
    for (const row of events) await hazardsRepo.insertEvent(row);
    return id;
  }

  let hazards = 0;
  const byName = new Map(enterprises.map((e) => [e.name, e]));
  for (const demo of HAZARDS) {
    const enterprise = byName.get(demo.enterprise);
    if (!enterprise) continue;
    await seedHazard(enterprise, demo);
    hazards += 1;
  }

  // Two inspections: the city bureau's against the 2017 criteria (item 12 failed → a major hazard), and a district's general one.
  const inspectionsRepo = new InspectionsRepository(trx);
  let inspections = 0;
  const planned = [
    { enterprise: '灌南演示化学有限公司', template: 'chemical_major_hazards_2017' as const, items: CHEMICAL_MAJOR_HAZARD_CRITERIA_2017, failed: 12, note: '甲类仓库未设置可燃气体检测报警装置', inspector: users.get('yingji') ?? null, daysAgo: 4 },
    { enterprise: '海州演示机械制造有限公司', template: 'general' as const, items: GENERAL_CHECKLIST, failed: 7, note: '车间灭火器过期未更换', inspector: users.get('haizhou') ?? null, daysAgo: 3 },
  ];
  for (const plan of planned) {
    const enterprise = byName.get(plan.enterprise);
    if (!enterprise) continue;
    const id = randomUUID();
    const at = ago(plan.daysAgo).toISOString();
    await inspectionsRepo.insert(
      { id, region_code: enterprise.region_code, enterprise_id: enterprise.id, template_code: plan.template, kind: 'regulator', inspected_at: at, inspector_id: plan.inspector?.id ?? null, inspector_name: plan.inspector?.display_name ?? null, unit_id: plan.template === 'chemical_major_hazards_2017' ? cityUnit : null, note: `日常检查${DEMO}`, item_count: plan.items.length, failed_count: 1, created_at: at },
      plan.items.map((item) => ({ inspection_id: id, number: item.number, region_code: enterprise.region_code, item_text: item['zh-CN'], result: item.number === plan.failed ? ('fail' as const) : ('pass' as const), note: item.number === plan.failed ? plan.note : null, hazard_id: null })),
    );
    const hazardId = await seedHazard(enterprise, { grade: hazardGradeForFailedItem(plan.template, plan.failed), description: `第${plan.failed}项：${plan.note}`, place: '现场检查发现', foundDaysAgo: plan.daysAgo, steps: [] }, { id, number: plan.failed });
    await inspectionsRepo.linkHazard(id, plan.failed, hazardId);
    inspections += 1;
    hazards += 1;
  }
  return { riskPoints, inspections, hazards };
}

function demoAction(step: Exclude<Step, { act: 'list' } | { act: 'escalate' }>, now: Date, state: HazardState): [HazardAction, HazardActor] {
  switch (step.act) {
    case 'assign':
      return [{ type: 'assign', responsibleUnit: '设备部', responsiblePerson: '周强', deadline: new Date(now.getTime() + step.deadlineDays * DAY).toISOString(), governancePlan: step.plan ? PLAN : null }, REGULATOR];
    case 'submit':
      return [{ type: 'submit_rectification', evidence: `已按要求整改，整改记录存档备查${DEMO}` }, ENTERPRISE];
    case 'send_back':
      return [{ type: 'send_back', reason: `整改不彻底，请补充整改记录${DEMO}` }, REGULATOR];
    case 'accept':
      return [{ type: 'accept', note: `现场复核合格${DEMO}`, ...(state.grade === 'major' ? { formal: true, assessmentReportRef: '治理评估报告（演示）' } : {}) }, REGULATOR];
    case 'request_extension':
      return [{ type: 'request_extension', newDeadline: new Date(new Date(state.deadline!).getTime() + step.days * DAY).toISOString(), reason: `材料到货延迟${DEMO}` }, ENTERPRISE];
  }
}

async function seedRiskPoints(trx: Kysely<Database>, enterprises: DemoEnterprise[], ago: (days: number) => Date): Promise<number> {
  const repo = new RisksRepository(trx);
  let count = 0;
  for (const [index, enterprise] of enterprises.entries()) {
    const catalogue = enterprise.hazardous_chemicals === 1 ? [...CHEMICAL_RISKS, GENERAL_RISKS[0]!] : GENERAL_RISKS;
    const points = catalogue.filter((_, i) => (i + index) % 3 !== 0);
    for (const demo of points) {
      const result = demo.input.method === 'LS' ? assessLs(demo.input, DEFAULT_RISK_THRESHOLDS) : assessLec(demo.input, DEFAULT_RISK_THRESHOLDS);
      const { method: _m, ...inputs } = demo.input;
      const id = randomUUID();
      const at = ago(30 + (index % 20)).toISOString();
      await repo.insert({
        id, region_code: enterprise.region_code, enterprise_id: enterprise.id, place: `${demo.place}${DEMO}`, hazard_factors: demo.factors, accident_types: JSON.stringify(demo.types), control_measures: demo.measures, responsible_person: demo.person,
        method: result.method, inputs: JSON.stringify(inputs), score: result.score, level: result.level, thresholds_source: DEFAULT_RISK_THRESHOLDS.source, assessed_at: at, retired_at: null, created_at: at, updated_at: at, version: 1,
      });
      await repo.insertAssessment({ id: randomUUID(), risk_point_id: id, region_code: enterprise.region_code, method: result.method, inputs: JSON.stringify(inputs), score: result.score, level: result.level, thresholds: JSON.stringify(DEFAULT_RISK_THRESHOLDS), note: `年度辨识评估${DEMO}`, assessed_at: at, assessed_by: null, assessed_by_name: null });
      count += 1;
    }
  }
  return count;
}
