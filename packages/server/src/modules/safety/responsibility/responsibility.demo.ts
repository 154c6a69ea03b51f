import { randomUUID } from 'node:crypto';
import { dutyItemsFromTemplate, shippedDutyItems, SHIPPED_DUTY_TEMPLATES, type LetterStatus, type RegionLeaderPost, type ResponsibilityUnitKind } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { UnitsRepository } from '../../units/units.repository.js';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';
import { DutyRepository } from './duty.repository.js';
import { LeadersRepository } from './leaders.repository.js';
import { LettersRepository } from './letters.repository.js';
import { LeaderPhones } from './leaders.service.js';
import { chinaToday, chinaYear } from './responsibility-units.js';

/**
 * Demo responsibility system (every name marked 演示): one template written by the city, duty lists
 * of the city and of 海州区 down to one enterprise, this year's letters (most signed, a few not),
 * and the leaders of the city, 海州区 and the town and community of the demo gas company, so that
 * its chain reaches from the community to the city.
 */

const DEMO = '（演示）';
const DAY_MS = 86_400_000;
const CHAIN_ENTERPRISE = '海州演示燃气有限公司';

const template = (code: string) => SHIPPED_DUTY_TEMPLATES.find((t) => t.code === code)!;

interface DemoUnit {
  kind: ResponsibilityUnitKind;
  name: string;
  region: string;
  unitKey?: string;
}

const CITY_UNITS: DemoUnit[] = [
  { kind: 'party_committee', name: `中共连云港市委员会${DEMO}`, region: '320700' },
  { kind: 'government', name: `连云港市人民政府${DEMO}`, region: '320700' },
  { kind: 'department', name: '', region: '320700', unitKey: 'city-emergency' },
];
const HAIZHOU_UNITS: DemoUnit[] = [
  { kind: 'party_committee', name: `中共连云港市海州区委员会${DEMO}`, region: '320706' },
  { kind: 'government', name: `连云港市海州区人民政府${DEMO}`, region: '320706' },
  { kind: 'department', name: '', region: '320706', unitKey: 'haizhou-emergency' },
];

/** Which posts each kind of unit keeps a list for, by shipped template. */
const POSTS: Record<ResponsibilityUnitKind, Array<{ template: string; post?: string }>> = {
  party_committee: [{ template: 'party_secretary' }, { template: 'deputy_in_charge', post: '党委常委（分管政法）' }],
  government: [{ template: 'government_head' }, { template: 'deputy_in_charge', post: '分管安全生产副职' }],
  department: [{ template: 'department_head' }, { template: 'post_worker', post: '执法人员' }],
  enterprise: [{ template: 'enterprise_principal' }, { template: 'safety_manager' }, { template: 'post_worker' }],
  other: [],
};

const LEADERS: Array<{ region: string | 'town' | 'community'; post: RegionLeaderPost; title: string; name: string }> = [
  { region: '320700', post: 'party_secretary', title: '市委书记', name: '陈立新' },
  { region: '320700', post: 'government_head', title: '市长', name: '周明远' },
  { region: '320700', post: 'deputy_safety', title: '分管安全生产副市长', name: '吴海峰' },
  { region: '320706', post: 'party_secretary', title: '区委书记', name: '孙建国' },
  { region: '320706', post: 'government_head', title: '区长', name: '李文博' },
  { region: '320706', post: 'deputy_safety', title: '分管安全生产副区长', name: '郑国强' },
  { region: 'town', post: 'party_secretary', title: '街道党工委书记', name: '王立平' },
  { region: 'town', post: 'government_head', title: '街道办事处主任', name: '赵红梅' },
  { region: 'town', post: 'deputy_safety', title: '分管安全生产副主任', name: '钱志刚' },
  { region: 'community', post: 'party_secretary', title: '社区党委书记、居委会主任', name: '冯秀兰' },
];

/** This year's letters from the city to its county-level governments and departments: the listed ones are not signed yet. */
const UNSIGNED: Record<string, { status: LetterStatus; reason?: string }> = {
  '320724': { status: 'pending' },
  '320707': { status: 'returned', reason: `事故控制指标需与区里再商定${DEMO}` },
  'city-transport': { status: 'pending' },
};

export async function seedDemoResponsibility(trx: Kysely<Database>, unitIds: ReadonlyMap<string, string>, now: Date, crypto?: FieldCrypto): Promise<void> {
  const at = now.toISOString();
  const year = chinaYear(now);
  const duty = new DutyRepository(trx);
  const regions = new RegionsRepository(trx);
  const units = new Map<string, { id: string; name: string; region_code: string }>();
  for (const id of unitIds.values()) {
    const unit = await new UnitsRepository(trx).byId(id);
    if (unit) units.set(id, unit);
  }
  const enterprise = (await new EnterprisesRepository(trx).list({ nameContains: CHAIN_ENTERPRISE }, { limit: 1 }))[0];

  await duty.insertTemplate({
    id: randomUUID(),
    name: `化工园区管理机构负责人安全生产责任清单${DEMO}`,
    post: '化工园区管委会主任',
    principle: 'one_post_two_duties',
    unit_kinds: JSON.stringify(['other']),
    items: JSON.stringify([
      { text: '组织园区安全风险评估，落实园区封闭化管理', basis: '《化工园区安全风险排查治理导则》', verify: true },
      { text: '统筹园区应急救援力量和物资，组织园区级应急演练', basis: null, verify: false },
      { text: '督促入园企业落实安全生产主体责任，定期开展联合检查', basis: '《安全生产法》（2021年修正） 第三条', verify: false },
    ]),
    source: `连云港市安委会办公室${DEMO}`,
    shipped: 0,
    updated_by: 'demo',
    created_at: at,
    updated_at: at,
    version: 1,
  });

  const resolve = (unit: DemoUnit) => {
    const row = unit.unitKey ? units.get(unitIds.get(unit.unitKey) ?? '') : undefined;
    return row ? { kind: unit.kind, id: row.id, name: row.name, region: row.region_code } : { kind: unit.kind, id: null, name: unit.name, region: unit.region };
  };
  const listUnits = [...CITY_UNITS, ...HAIZHOU_UNITS].map(resolve);
  if (enterprise) listUnits.push({ kind: 'enterprise', id: enterprise.id, name: enterprise.name, region: enterprise.region_code });
  for (const unit of listUnits) {
    for (const post of POSTS[unit.kind]) {
      const shipped = template(post.template);
      await duty.insertList({
        id: randomUUID(),
        region_code: unit.region,
        unit_kind: unit.kind,
        unit_id: unit.id,
        unit_name: unit.name,
        post: post.post ?? shipped.post['zh-CN'],
        principle: shipped.principle,
        template_id: shipped.code,
        items: JSON.stringify(dutyItemsFromTemplate(shippedDutyItems(shipped))),
        is_demo: 1,
        updated_by: 'demo',
        created_at: at,
        updated_at: at,
        version: 1,
      });
    }
  }

  // Letters: the city to each county-level government and to its departments; 海州区 to its towns and the demo enterprise.
  const letters = new LettersRepository(trx);
  const counties = (await regions.children('320700')).filter((region) => region.level === 'county' || region.level === 'zone');
  const cityDepartments = [...unitIds.entries()].filter(([key]) => key.startsWith('city-')).flatMap(([key, id]) => (units.has(id) ? [{ key, unit: units.get(id)! }] : []));
  const haizhouTowns = (await regions.children('320706')).slice(0, 6);
  const issued: Array<{ key: string; kind: ResponsibilityUnitKind; id: string | null; name: string; region: string; issuer: string }> = [
    ...counties.map((county) => ({ key: county.code, kind: 'government' as const, id: null, name: `${county.name}人民政府${DEMO}`, region: county.code, issuer: `连云港市人民政府${DEMO}` })),
    ...cityDepartments.map(({ key, unit }) => ({ key, kind: 'department' as const, id: unit.id, name: unit.name, region: unit.region_code, issuer: `连云港市人民政府${DEMO}` })),
    ...haizhouTowns.map((town) => ({ key: town.code, kind: 'government' as const, id: null, name: `${town.name}${town.name.endsWith('街道') ? '办事处' : '人民政府'}${DEMO}`, region: town.code, issuer: `连云港市海州区人民政府${DEMO}` })),
    ...(enterprise ? [{ key: 'enterprise', kind: 'enterprise' as const, id: enterprise.id, name: enterprise.name, region: enterprise.region_code, issuer: `连云港市海州区人民政府${DEMO}` }] : []),
  ];
  const lastTown = haizhouTowns[haizhouTowns.length - 1]?.code;
  for (const [index, letter] of issued.entries()) {
    const unsigned = UNSIGNED[letter.key] ?? (letter.key === lastTown ? { status: 'pending' as const } : undefined);
    const signedOn = chinaToday(new Date(now.getTime() - (2 + (index % 20)) * DAY_MS));
    await letters.insert({
      id: randomUUID(),
      region_code: letter.region,
      year,
      unit_kind: letter.kind,
      unit_id: letter.id,
      unit_name: letter.name,
      issuer: letter.issuer,
      title: `${year}年度安全生产目标责任书${DEMO}`,
      status: unsigned?.status ?? 'signed',
      signed_on: unsigned ? null : signedOn,
      signer_name: unsigned ? null : `${LEADERS[(index % 6) + 3]!.name.slice(0, 1)}某某`,
      returned_reason: unsigned?.reason ?? null,
      status_changed_at: unsigned?.status === 'pending' ? null : at,
      is_demo: 1,
      updated_by: 'demo',
      created_at: at,
      updated_at: at,
      version: 1,
    });
  }

  const phones = crypto ? new LeaderPhones(crypto) : null;
  const leaders = new LeadersRepository(trx);
  for (const [index, leader] of LEADERS.entries()) {
    const region = leader.region === 'town' ? enterprise?.region_code.slice(0, 9) : leader.region === 'community' ? enterprise?.region_code : leader.region;
    if (!region) continue;
    await leaders.insert({
      id: randomUUID(),
      region_code: region,
      post_kind: leader.post,
      post_title: leader.title,
      leader_name: `${leader.name}${DEMO}`,
      phone: phones?.encrypt(`1370518${String(3000 + index).padStart(4, '0')}`, []) ?? null,
      sort_order: index,
      is_demo: 1,
      updated_by: 'demo',
      created_at: at,
      updated_at: at,
      version: 1,
    });
  }
}
