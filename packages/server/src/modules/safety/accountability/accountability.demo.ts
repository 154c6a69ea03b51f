import { permissionsOf } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import { UnitsService } from '../../units/units.service.js';
import { UsersRepository } from '../../users/users.repository.js';
import { AccidentsRepository } from '../accidents/accidents.repository.js';
import { AccidentsService } from '../accidents/accidents.service.js';
import { enterpriseDirectory } from '../accidents/enterprise-directory.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { EnterpriseLookup } from '../hazards/enterprise-lookup.js';
import { HazardSettingsService } from '../hazards/hazard-settings.service.js';
import { HazardsService } from '../hazards/hazards.service.js';
import { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import { ChainService } from '../responsibility/chain.service.js';
import { chinaToday } from '../responsibility/responsibility-units.js';
import { AccountabilityRepository } from './accountability.repository.js';
import { AccountabilityService } from './accountability.service.js';
import { AccountabilityTriggers } from './accountability.triggers.js';

const DEMO = '（演示）';
const DAY_MS = 86_400_000;

/**
 * Two demo accountability records (演示) on last year's demo accidents, one in 海州区 and one in
 * 连云区, checked by the service as the city leader's would be, so each keeps the accident's evidence
 * pack as the API would have written it.
 */
export async function seedDemoAccountability(trx: Kysely<Database>, audit: AuditService, crypto: FieldCrypto, now: Date): Promise<number> {
  const leader = await new UsersRepository(trx).findByUsername('leader');
  if (!leader) return 0;
  const ctx: RequestContext = {
    actor: {
      id: leader.id,
      username: leader.username,
      displayName: leader.display_name,
      roles: ['city_leader'],
      permissions: permissionsOf(['city_leader']),
      ground: { regionCodes: JSON.parse(leader.ground_region_codes) as string[] },
      mustChangePassword: false,
      secondFactorPending: false,
      sessionTokenHash: '',
    },
    db: trx,
    ip: null,
    requestId: 'demo-seed',
    now: () => now,
  };
  const enterprises = new EnterprisesService(audit, crypto, trx, new IndustrySupervisionService(audit, trx));
  const hazards = new HazardsService(audit, new EnterpriseLookup(enterprises), new UnitsService(audit), new HazardSettingsService(audit, trx));
  const triggers = new AccountabilityTriggers(hazards, new AccidentsService(audit, enterpriseDirectory(enterprises)), new ChainService(enterprises, trx, crypto));
  const service = new AccountabilityService(audit, triggers);
  const accidents = new AccidentsRepository(trx);
  const decidedOn = chinaToday(new Date(now.getTime() - 20 * DAY_MS));
  const plans = [
    {
      region: '320706001',
      summary: '管道检修燃气中毒',
      body: {
        subjectKind: 'person' as const,
        subjectName: `郑国强${DEMO}`,
        subjectPost: '分管安全生产副区长',
        subjectUnit: `连云港市海州区人民政府${DEMO}`,
        facts: `对辖区燃气企业有限空间作业专项检查部署不到位，事故暴露出属地监管存在薄弱环节。${DEMO}`,
        status: 'decided' as const,
        measure: 'reminder_talk' as const,
        decidedBy: `连云港市安全生产委员会${DEMO}`,
        decidedOn,
      },
    },
    {
      region: '320703005',
      summary: '钢水喷溅',
      body: {
        subjectKind: 'unit' as const,
        subjectName: `连云区应急管理局${DEMO}`,
        facts: `对冶金企业熔融金属作业环节监督检查流于形式，未督促企业整改吊运安全隐患。${DEMO}`,
        status: 'investigating' as const,
      },
    },
  ];
  let written = 0;
  for (const plan of plans) {
    const accident = (await accidents.list({ regionCode: plan.region }, { limit: 50 })).find((row) => row.summary?.includes(plan.summary));
    if (!accident) continue;
    const row = await service.prepare(ctx, { triggerKind: 'accident', triggerId: accident.id, ...plan.body });
    await new AccountabilityRepository(trx).insert({ ...row, is_demo: 1, created_by: 'demo' });
    written += 1;
  }
  return written;
}
