import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { UnitsRepository } from '../../units/units.repository.js';
import { industryByCode, longestMatchingPrefix } from '../industries/industries.js';
import { monthsBefore } from './coverage.service.js';
import { EnterpriseContacts } from './enterprise-contacts.js';
import { EnterprisesRepository } from './enterprises.repository.js';
import type { EnterpriseScale, EnterpriseTable } from './enterprises.tables.js';
import { coversRegion, type UnitRow } from './supervising-units.js';

/**
 * Demo register (every name carries 演示): enterprises in real communities of six county-level
 * regions, the chemical ones in the parks of 徐圩 (连云区), 堆沟港 (灌南县) and 燕尾港 (灌云县).
 * Credit codes are well-formed but made up; retail, hotels and two others are deliberately left
 * outside the industry mapping so that the "three musts" report has gaps to show.
 */
interface DemoEnterprise {
  name: string;
  town: string;
  industry: string;
  park?: string;
  scale: EnterpriseScale;
  hazardous?: boolean;
  majorHazard?: boolean;
  /** Months since the last inspection; null: never inspected. */
  inspected: number | null;
}

const PETROCHEMICAL_BASE = '连云港石化产业基地';
const GUANNAN_PARK = '连云港化工产业园区';
const GUANYUN_PARK = '灌云临港产业区';
const ETDZ = '连云港经济技术开发区';

const DEMO_ENTERPRISES: DemoEnterprise[] = [
  { name: '连云港演示石化有限公司', town: '320703007', industry: 'C25', park: PETROCHEMICAL_BASE, scale: 'large', hazardous: true, majorHazard: true, inspected: 2 },
  { name: '连云港演示化工有限公司', town: '320703007', industry: 'C26', park: PETROCHEMICAL_BASE, scale: 'large', hazardous: true, majorHazard: true, inspected: 1 },
  { name: '徐圩演示新材料有限公司', town: '320703007', industry: 'C26', park: PETROCHEMICAL_BASE, scale: 'medium', hazardous: true, inspected: 14 },
  { name: '徐圩演示烯烃有限公司', town: '320703007', industry: 'C26', park: PETROCHEMICAL_BASE, scale: 'large', hazardous: true, majorHazard: true, inspected: null },
  { name: '连云港演示港口物流有限公司', town: '320703001', industry: 'G59', scale: 'medium', hazardous: true, inspected: 5 },
  { name: '连云港演示海运有限公司', town: '320703001', industry: 'G55', scale: 'medium', inspected: 8 },
  { name: '墟沟演示渔港冷链有限公司', town: '320703001', industry: 'C13', scale: 'small', inspected: 20 },
  { name: '连云演示建筑工程有限公司', town: '320703003', industry: 'E47', scale: 'small', inspected: 3 },
  { name: '板桥演示钢铁有限公司', town: '320703005', industry: 'C31', scale: 'large', majorHazard: true, inspected: 4 },
  { name: '连岛演示酒店管理有限公司', town: '320703003', industry: 'H61', scale: 'small', inspected: null },

  { name: '海州演示商贸有限公司', town: '320706010', industry: 'F52', scale: 'small', inspected: null },
  { name: '新浦演示大酒店有限公司', town: '320706010', industry: 'H61', scale: 'medium', inspected: 15 },
  { name: '海州演示餐饮管理有限公司', town: '320706010', industry: 'H62', scale: 'micro', inspected: null },
  { name: '海州演示机械制造有限公司', town: '320706404', industry: 'C34', park: '海州经济开发区', scale: 'medium', inspected: 6 },
  { name: '海州演示电气设备有限公司', town: '320706404', industry: 'C38', park: '海州经济开发区', scale: 'small', inspected: 13 },
  { name: '锦屏演示建材有限公司', town: '320706100', industry: 'C30', scale: 'small', inspected: 7 },
  { name: '锦屏演示矿业有限公司', town: '320706100', industry: 'B10', scale: 'small', hazardous: true, inspected: 2 },
  { name: '浦南演示建设工程有限公司', town: '320706104', industry: 'E47', scale: 'medium', inspected: 9 },
  { name: '朐阳演示客运有限公司', town: '320706001', industry: 'G54', scale: 'medium', inspected: 11 },
  { name: '海州演示燃气有限公司', town: '320706001', industry: 'D45', scale: 'medium', hazardous: true, majorHazard: true, inspected: 3 },

  { name: '灌南演示化学有限公司', town: '320724101', industry: 'C26', park: GUANNAN_PARK, scale: 'large', hazardous: true, majorHazard: true, inspected: 1 },
  { name: '堆沟港演示精细化工有限公司', town: '320724101', industry: 'C26', park: GUANNAN_PARK, scale: 'medium', hazardous: true, majorHazard: true, inspected: 13 },
  { name: '灌南演示医药化工有限公司', town: '320724101', industry: 'C27', park: GUANNAN_PARK, scale: 'medium', hazardous: true, inspected: 4 },
  { name: '灌南演示农药有限公司', town: '320724101', industry: 'C26', park: GUANNAN_PARK, scale: 'small', hazardous: true, inspected: null },
  { name: '新安演示百货有限公司', town: '320724100', industry: 'F52', scale: 'small', inspected: 18 },
  { name: '灌南演示危险货物运输有限公司', town: '320724100', industry: 'G54', scale: 'small', hazardous: true, inspected: 2 },
  { name: '三口演示食品有限公司', town: '320724105', industry: 'C14', scale: 'small', inspected: 10 },

  { name: '灌云演示化工有限公司', town: '320723103', industry: 'C26', park: GUANYUN_PARK, scale: 'large', hazardous: true, majorHazard: true, inspected: 2 },
  { name: '燕尾港演示染料有限公司', town: '320723103', industry: 'C26', park: GUANYUN_PARK, scale: 'medium', hazardous: true, inspected: 16 },
  { name: '灌云演示医药有限公司', town: '320723103', industry: 'C27', park: GUANYUN_PARK, scale: 'medium', hazardous: true, inspected: 5 },
  { name: '伊山演示纺织有限公司', town: '320723100', industry: 'C17', scale: 'small', inspected: 8 },
  { name: '灌云演示成品油批发有限公司', town: '320723100', industry: 'F51', scale: 'small', hazardous: true, inspected: null },

  { name: '赣榆演示特钢有限公司', town: '320707101', industry: 'C31', park: '赣榆柘汪临港产业区', scale: 'large', majorHazard: true, inspected: 3 },
  { name: '柘汪演示码头有限公司', town: '320707101', industry: 'G55', park: '赣榆柘汪临港产业区', scale: 'medium', inspected: 7 },
  { name: '青口演示水产食品有限公司', town: '320707100', industry: 'C13', scale: 'small', inspected: 12 },
  { name: '赣榆演示房地产开发有限公司', town: '320707100', industry: 'K70', scale: 'medium', inspected: null },

  { name: '东海演示石英制品有限公司', town: '320722001', industry: 'C30', scale: 'medium', inspected: 6 },
  { name: '东海演示硅材料有限公司', town: '320722001', industry: 'C30', scale: 'small', inspected: 25 },

  { name: '开发区演示制药有限公司', town: '320771003', industry: 'C27', park: ETDZ, scale: 'large', hazardous: true, inspected: 2 },
  { name: '猴嘴演示生物医药有限公司', town: '320771002', industry: 'C27', park: ETDZ, scale: 'medium', hazardous: true, inspected: 9 },
];

/** Which demo department supervises which industry prefix (管行业必须管安全); unit keys as in seed-demo.ts. */
const DEMO_MAPPING: Array<[string, string[]]> = [
  ['B', ['city-emergency', 'haizhou-emergency', 'lianyun-emergency']],
  ['C25', ['city-emergency', 'lianyun-emergency']],
  ['C26', ['city-emergency', 'haizhou-emergency', 'lianyun-emergency']],
  ['C27', ['city-emergency']],
  ['C', ['city-industry']],
  ['D45', ['city-housing']],
  ['E', ['city-housing']],
  ['G54', ['city-transport']],
  ['G55', ['city-transport']],
];

const PRINCIPALS = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周强', '吴敏', '徐涛', '孙娟', '马超', '朱琳', '胡军', '欧阳明'];
const OFFICERS = ['郭晓东', '何倩', '高峰', '林娜', '罗斌', '梁燕', '宋杰', '郑红', '谢鹏', '韩雪', '唐亮', '冯婷', '于海', '董梅', '萧然', '程刚'];

/** A well-formed made-up code: registration authority 9 (market regulation), category 1 (enterprise), the county, an organisation code. */
function demoCreditCode(county: string, index: number): string {
  const first17 = `91${county}MA1D${String(index + 1).padStart(4, '0')}E`;
  return first17 + creditCodeCheckChar(first17);
}

/** Seeds the demo register inside seedDemo's transaction; returns how many enterprises it wrote. */
export async function seedDemoEnterprises(trx: Kysely<Database>, unitIds: ReadonlyMap<string, string>, now: Date, crypto?: FieldCrypto): Promise<number> {
  const at = now.toISOString();
  const regions = new RegionsRepository(trx);
  const contacts = crypto ? new EnterpriseContacts(crypto) : null;
  const villages = new Map<string, string[]>();
  const rows: EnterpriseTable[] = [];
  for (const [index, demo] of DEMO_ENTERPRISES.entries()) {
    if (!villages.has(demo.town)) villages.set(demo.town, (await regions.children(demo.town)).map((region) => region.code));
    const inTown = villages.get(demo.town)!;
    const industry = industryByCode(demo.industry);
    if (inTown.length === 0 || !industry) continue;
    const encrypted = contacts?.encrypt({
      principalName: PRINCIPALS[index % PRINCIPALS.length]!,
      principalPhone: `1390518${String(1000 + index).padStart(4, '0')}`,
      safetyOfficerName: OFFICERS[index % OFFICERS.length]!,
      safetyOfficerPhone: `1380518${String(2000 + index).padStart(4, '0')}`,
    }).columns;
    rows.push({
      id: randomUUID(),
      credit_code: demoCreditCode(demo.town.slice(0, 6), index),
      name: demo.name,
      industry_code: industry.code,
      industry_name: industry.name,
      region_code: inTown[index % inTown.length]!,
      park: demo.park ?? null,
      scale: demo.scale,
      hazardous_chemicals: demo.hazardous ? 1 : 0,
      major_hazard_source: demo.majorHazard ? 1 : 0,
      principal_name: encrypted?.principal_name ?? null,
      principal_phone: encrypted?.principal_phone ?? null,
      safety_officer_name: encrypted?.safety_officer_name ?? null,
      safety_officer_phone: encrypted?.safety_officer_phone ?? null,
      last_inspected_at: demo.inspected === null ? null : monthsBefore(now, demo.inspected).toISOString(),
      created_at: at,
      updated_at: at,
      version: 1,
    });
  }
  const mapping = DEMO_MAPPING.flatMap(([prefix, keys]) => keys.flatMap((key) => (unitIds.has(key) ? [{ prefix, unitId: unitIds.get(key)! }] : [])));
  if (mapping.length) await trx.insertInto('industry_supervision').values(mapping.map(({ prefix, unitId }) => ({ id: randomUUID(), industry_prefix: prefix, unit_id: unitId, created_at: at }))).execute();

  const units = new UnitsRepository(trx);
  const unitRows = new Map<string, UnitRow>();
  for (const id of new Set(mapping.map((m) => m.unitId))) {
    const unit = await units.byId(id);
    if (unit) unitRows.set(id, unit);
  }
  const repo = new EnterprisesRepository(trx);
  await repo.insertNew(rows);
  await repo.insertSupervisors(
    rows.flatMap((row) => {
      // The same rule a new enterprise gets: the longest mapped prefix whose departments cover its region.
      const covering = mapping.filter(({ unitId }) => unitRows.has(unitId) && coversRegion(unitRows.get(unitId)!, row.region_code));
      const best = longestMatchingPrefix(row.industry_code, covering.map(({ prefix }) => prefix));
      return covering.filter(({ prefix }) => prefix === best).map(({ unitId }) => ({ id: randomUUID(), enterprise_id: row.id, unit_id: unitId, created_at: at }));
    }),
  );
  return rows.length;
}
