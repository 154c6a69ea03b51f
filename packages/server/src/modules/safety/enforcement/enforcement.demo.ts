import { randomUUID } from 'node:crypto';
import { chinaDateOf, type EnforcementMeasure, type EnforcementStatus, type EnforcementViolation } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { UsersRepository } from '../../users/users.repository.js';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';
import { HazardsRepository } from '../hazards/hazards.repository.js';
import { InspectionsRepository } from '../inspections/inspections.repository.js';
import { EnforcementRepository } from './enforcement.repository.js';
import { measureColumns, normaliseMeasure } from './enforcement.service.js';

/**
 * Demo enforcement cases (every text marked 演示): a district's order to rectify and fine after its
 * inspection of a 海州 enterprise, the city bureau's suspension and fine over an unremedied major
 * hazard, and a case still under investigation. Each links the hazards of its enterprise the
 * demo already holds.
 */

const DAY = 86_400_000;
const DEMO = '（演示）';

interface DemoCase {
  enterprise: string;
  by: 'haizhou' | 'yingji';
  unit: string;
  caseNumber: string | null;
  status: EnforcementStatus;
  violations: EnforcementViolation[];
  measures: (day: (offset: number) => string) => EnforcementMeasure[];
  decidedDaysAgo: number | null;
  /** Link the enterprise's latest inspection and its hazards. */
  fromInspection: boolean;
}

const CASES: DemoCase[] = [
  {
    enterprise: '海州演示机械制造有限公司',
    by: 'haizhou',
    unit: 'haizhou-emergency',
    caseNumber: `（海）应急罚〔2026〕演示1号`,
    status: 'decided',
    violations: [{ description: `车间灭火器过期未更换，未保证安全设备正常使用${DEMO}`, legalBasis: '《中华人民共和国安全生产法》第三十六条' }],
    measures: (day) => [
      { kind: 'order_rectify', deadline: day(7), description: `更换过期灭火器并建立检查台账${DEMO}` },
      { kind: 'fine', amountYuan: 8000 },
    ],
    decidedDaysAgo: 2,
    fromInspection: true,
  },
  {
    enterprise: '连云港演示化工有限公司',
    by: 'yingji',
    unit: 'city-emergency',
    caseNumber: `连应急罚〔2026〕演示3号`,
    status: 'executed',
    violations: [{ description: `重大事故隐患（重点监管危险化工工艺装置未实现自动化控制）未按期消除${DEMO}`, legalBasis: '《中华人民共和国安全生产法》第一百零二条' }],
    measures: (day) => [
      { kind: 'suspension', startsOn: day(-18), endsOn: day(-4), description: `氯化装置停产整顿${DEMO}` },
      { kind: 'fine', amountYuan: 150000 },
    ],
    decidedDaysAgo: 19,
    fromInspection: false,
  },
  {
    enterprise: '堆沟港演示精细化工有限公司',
    by: 'yingji',
    unit: 'city-emergency',
    caseNumber: null,
    status: 'investigating',
    violations: [{ description: `动火作业未执行作业许可制度${DEMO}`, legalBasis: '《危险化学品企业特殊作业安全规范》（GB 30871-2022）' }],
    measures: () => [],
    decidedDaysAgo: null,
    fromInspection: false,
  },
];

/** Seeds inside seedDemo's transaction, after the demo hazards; answers how many cases it wrote. */
export async function seedDemoEnforcement(trx: Kysely<Database>, unitIds: ReadonlyMap<string, string>, now: Date): Promise<number> {
  const enterprises = new Map((await new EnterprisesRepository(trx).list({ nameContains: '演示' }, { limit: 1000 })).map((e) => [e.name, e]));
  const users = new UsersRepository(trx);
  const repo = new EnforcementRepository(trx);
  const day = (offset: number) => chinaDateOf(new Date(now.getTime() + offset * DAY));
  let written = 0;
  for (const demo of CASES) {
    const enterprise = enterprises.get(demo.enterprise);
    if (!enterprise) continue;
    const inspection = demo.fromInspection ? (await new InspectionsRepository(trx).list({ enterpriseId: enterprise.id }, { limit: 1 }))[0] : undefined;
    const hazards = await new HazardsRepository(trx).list({ enterpriseId: enterprise.id, ...(inspection ? {} : { grade: 'major' as const }) }, { limit: 20 });
    const hazardIds = hazards.filter((h) => !inspection || h.inspection_id === inspection.id).map((h) => h.id);
    const measures = demo.measures(day).map(normaliseMeasure);
    const at = new Date(now.getTime() - (demo.decidedDaysAgo ?? 1) * DAY - DAY).toISOString();
    await repo.insert({
      id: randomUUID(),
      region_code: enterprise.region_code,
      enterprise_id: enterprise.id,
      inspection_id: inspection?.id ?? null,
      hazard_ids: JSON.stringify(hazardIds),
      case_number: demo.caseNumber,
      status: demo.status,
      violations: JSON.stringify(demo.violations),
      ...measureColumns(measures),
      decided_by: demo.decidedDaysAgo === null ? null : demo.unit === 'city-emergency' ? '连云港市应急管理局（演示）' : '连云港市海州区应急管理局（演示）',
      decided_on: demo.decidedDaysAgo === null ? null : day(-demo.decidedDaysAgo),
      unit_id: unitIds.get(demo.unit) ?? null,
      created_by: (await users.findByUsername(demo.by))?.id ?? null,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    written += 1;
  }
  return written;
}
