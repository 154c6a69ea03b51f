import { randomUUID } from 'node:crypto';
import {
  CHEMICAL_MAJOR_HAZARD_CRITERIA_2017,
  chinaDateOf,
  createHazard,
  GOVERNANCE_PLAN_PARTS,
  transition,
  type HazardAction,
  type HazardState,
} from '@shoutu/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { UsersRepository } from '../../users/users.repository.js';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';
import { HazardsRepository } from '../hazards/hazards.repository.js';
import { stateColumns } from '../hazards/hazards.state.js';
import type { HazardEventTable } from '../hazards/hazards.tables.js';
import { InspectionsRepository } from '../inspections/inspections.repository.js';
import { CampaignsRepository } from './campaigns.repository.js';

/**
 * The demo campaign (every text marked 演示): the city's 危险化学品安全专项整治 over the chemical
 * industries (C25 石油加工, C26 化学原料, C27 医药) and, named one by one, 海州's LPG distributor,
 * started a month ago, with regulator inspections of a few of its enterprises against the 2017
 * criteria, a self-inspection, and the major hazards they found: one closed by formal acceptance,
 * one past its deadline, one just found. Hazards go through the domain's state machine at past
 * instants, as the API would have written them.
 */

const DAY = 86_400_000;
/** Stores liquefied petroleum gas without being in a chemical industry: in scope by name. */
const NAMED = '海州演示燃气有限公司';
const DEMO = '（演示）';
const PLAN = Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((part, i) => [part, `${['完成自动化控制改造并投用联锁', '停用相关装置，委托有资质单位设计施工', '专项资金 120 万元', '企业主要负责人牵头，生产部、设备部负责', '限期内完成并经评估后申请验收', '改造期间停产，落实监护，修订应急预案'][i]}${DEMO}`]));

interface PlannedInspection {
  enterprise: string;
  kind: 'regulator' | 'self';
  inspector: 'yingji' | 'lianyun' | null;
  daysAgo: number;
  /** The failed item and what happened to its hazard since. */
  failed?: { number: number; note: string; steps: 'none' | 'closed' | 'overdue' };
}

const PLANNED: PlannedInspection[] = [
  { enterprise: '连云港演示石化有限公司', kind: 'regulator', inspector: 'yingji', daysAgo: 25 },
  { enterprise: '堆沟港演示精细化工有限公司', kind: 'regulator', inspector: 'yingji', daysAgo: 24, failed: { number: 18, note: '动火作业未执行作业许可制度', steps: 'closed' } },
  { enterprise: '连云港演示化工有限公司', kind: 'regulator', inspector: 'lianyun', daysAgo: 20, failed: { number: 4, note: '氯化工艺装置未实现紧急停车功能', steps: 'overdue' } },
  { enterprise: '灌云演示化工有限公司', kind: 'regulator', inspector: 'yingji', daysAgo: 5, failed: { number: 20, note: '甲类仓库超量储存', steps: 'none' } },
  { enterprise: '开发区演示制药有限公司', kind: 'self', inspector: null, daysAgo: 3 },
];

/** Seeds inside seedDemo's transaction, after the demo register and hazards; answers what it wrote. */
export async function seedDemoCampaigns(trx: Kysely<Database>, unitIds: ReadonlyMap<string, string>, now: Date): Promise<{ campaigns: number; inspections: number; hazards: number }> {
  const enterprises = new Map((await new EnterprisesRepository(trx).list({ nameContains: '演示' }, { limit: 1000 })).map((e) => [e.name, e]));
  if (enterprises.size === 0) return { campaigns: 0, inspections: 0, hazards: 0 };
  const accounts = new UsersRepository(trx);
  const users = new Map<string, { id: string; display_name: string }>();
  for (const username of ['yingji', 'lianyun']) {
    const user = await accounts.findByUsername(username);
    if (user) users.set(username, user);
  }
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const at = ago(30).toISOString();
  const campaignId = randomUUID();
  await new CampaignsRepository(trx).insert({
    id: campaignId,
    region_code: '320700',
    title: `危险化学品安全专项整治${DEMO}`,
    description: `对全市石油加工、化学原料和化学制品制造、医药制造企业，对照《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》逐项排查，重大隐患挂牌督办、限期清零。${DEMO}`,
    template_code: 'chemical_major_hazards_2017',
    scope_industries: JSON.stringify(['C25', 'C26', 'C27']),
    scope_regions: '[]',
    scope_enterprise_ids: JSON.stringify([enterprises.get(NAMED)?.id].filter((id) => id !== undefined)),
    starts_on: chinaDateOf(ago(30)),
    ends_on: chinaDateOf(new Date(now.getTime() + 60 * DAY)),
    target_inspected_pct: 80,
    target_closed_pct: 90,
    unit_id: unitIds.get('city-emergency') ?? null,
    created_by: users.get('yingji')?.id ?? null,
    created_at: at,
    updated_at: at,
    version: 1,
  });

  const inspections = new InspectionsRepository(trx);
  const hazards = new HazardsRepository(trx);
  let inspected = 0;
  let found = 0;
  for (const plan of PLANNED) {
    const enterprise = enterprises.get(plan.enterprise);
    if (!enterprise) continue;
    const inspector = plan.inspector ? (users.get(plan.inspector) ?? null) : null;
    const id = randomUUID();
    const inspectedAt = ago(plan.daysAgo);
    await inspections.insert(
      {
        id, region_code: enterprise.region_code, enterprise_id: enterprise.id, template_code: 'chemical_major_hazards_2017', kind: plan.kind, inspected_at: inspectedAt.toISOString(),
        inspector_id: inspector?.id ?? null, inspector_name: inspector?.display_name ?? `${enterprise.name}安全员`, unit_id: plan.inspector === 'yingji' ? (unitIds.get('city-emergency') ?? null) : null,
        note: `专项整治检查${DEMO}`, campaign_id: campaignId, item_count: CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.length, failed_count: plan.failed ? 1 : 0, created_at: inspectedAt.toISOString(),
      },
      CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.map((item) => ({
        inspection_id: id, number: item.number, region_code: enterprise.region_code, item_text: item['zh-CN'],
        result: item.number === plan.failed?.number ? ('fail' as const) : ('pass' as const), note: item.number === plan.failed?.number ? `${plan.failed.note}${DEMO}` : null, hazard_id: null,
      })),
    );
    if (plan.kind === 'regulator') await inspections.markEnterpriseInspected(enterprise.id, inspectedAt.toISOString());
    inspected += 1;
    if (!plan.failed) continue;

    // The hazard of the failed item, driven through the state machine at the instants it moved.
    const hazardId = randomUUID();
    const events: Insertable<HazardEventTable>[] = [];
    let state: HazardState = createHazard({ grade: 'major', source: 'regulator_inspection' });
    const description = `第${plan.failed.number}项：${CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.find((i) => i.number === plan.failed!.number)!['zh-CN']}\n检查记录：${plan.failed.note}${DEMO}`;
    const event = (type: string, from: HazardState['status'] | null, when: Date, payload: Record<string, unknown>, byEnterprise = false) =>
      events.push({
        id: randomUUID(), hazard_id: hazardId, region_code: enterprise.region_code, version: state.version, type, from_status: from, to_status: state.status,
        actor_id: byEnterprise ? null : (inspector?.id ?? null), actor_name: byEnterprise ? `${enterprise.name}安全员` : (inspector?.display_name ?? null), actor_kind: byEnterprise ? 'enterprise_safety_officer' : 'regulator', at: when.toISOString(), payload: JSON.stringify(payload),
      });
    event('found', null, inspectedAt, { grade: 'major', source: 'regulator_inspection', description, place: null, photos: [], inspectionId: id, inspectionItemNumber: plan.failed.number });
    const step = (action: HazardAction, when: Date, byEnterprise = false) => {
      const result = transition(state, action, { kind: byEnterprise ? 'enterprise_safety_officer' : 'regulator' }, when);
      if (!result.ok) throw new Error(`demo campaign hazard: ${action.type} refused with ${result.error.code}`);
      const { at: _at, actor: _actor, from, to: _to, version: _version, type, ...payload } = result.event;
      state = result.hazard;
      event(type, from, when, payload, byEnterprise);
    };
    let closedAt: string | null = null;
    let updatedAt = inspectedAt;
    if (plan.failed.steps !== 'none') {
      const assignedAt = new Date(inspectedAt.getTime() + DAY);
      const deadline = plan.failed.steps === 'overdue' ? ago(2) : new Date(assignedAt.getTime() + 15 * DAY);
      step({ type: 'assign', responsibleUnit: '生产部', responsiblePerson: '周强', deadline: deadline.toISOString(), governancePlan: PLAN }, assignedAt);
      updatedAt = assignedAt;
    }
    if (plan.failed.steps === 'closed') {
      const submittedAt = new Date(inspectedAt.getTime() + 10 * DAY);
      step({ type: 'submit_rectification', evidence: `已完成整改并经第三方评估${DEMO}`, photos: [] }, submittedAt, true);
      const acceptedAt = new Date(inspectedAt.getTime() + 14 * DAY);
      step({ type: 'accept', formal: true, assessmentReportRef: `治理评估报告${DEMO}`, note: `现场复核合格，同意销号${DEMO}` }, acceptedAt);
      closedAt = acceptedAt.toISOString();
      updatedAt = acceptedAt;
    }
    await hazards.insert({
      id: hazardId, region_code: enterprise.region_code, enterprise_id: enterprise.id, inspection_id: id, inspection_item_number: plan.failed.number, campaign_id: campaignId,
      description, place: null, photos: '[]', ...stateColumns(state),
      found_at: inspectedAt.toISOString(), found_by: inspector?.id ?? null, closed_at: closedAt, created_at: inspectedAt.toISOString(), updated_at: updatedAt.toISOString(),
    });
    for (const row of events) await hazards.insertEvent(row);
    await inspections.linkHazard(id, plan.failed.number, hazardId);
    found += 1;
  }
  return { campaigns: 1, inspections: inspected, hazards: found };
}
