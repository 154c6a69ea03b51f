import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { UnitsRepository } from '../modules/units/units.repository.js';
import { newUserRow } from '../modules/users/new-user-row.js';
import { UsersRepository } from '../modules/users/users.repository.js';
import { seedDemoPersons } from '../modules/epidemic/persons/persons.demo.js';
import { seedDemoTracing } from '../modules/epidemic/tracing/tracing.demo.js';
import { seedDemoEnterprises } from '../modules/safety/enterprises/enterprises.demo.js';
import { seedDemoHazards } from '../modules/safety/hazards/hazards.demo.js';
import { seedDemoCampaigns } from '../modules/safety/campaigns/campaigns.demo.js';
import { seedDemoEnforcement } from '../modules/safety/enforcement/enforcement.demo.js';
import { seedDemoAccidents } from '../modules/safety/accidents/accidents.demo.js';
import { seedDemoResponsibility } from '../modules/safety/responsibility/responsibility.demo.js';
import { seedDemoAccountability } from '../modules/safety/accountability/accountability.demo.js';
import { seedDemoTraining } from '../modules/safety/training/training.demo.js';
import type { FieldCrypto } from '../privacy/field-crypto.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { DemoRepository } from './demo.repository.js';

/** Demo departments of the city (labelled 演示 so nobody takes them for the real register). */
const DEMO_UNITS = [
  { key: 'city-emergency', name: '市应急管理局（演示）', regionCode: '320700', matters: ['work_safety', 'hazardous_chemicals', 'mining'] },
  { key: 'city-health', name: '市卫生健康委员会（演示）', regionCode: '320700', matters: ['epidemic_control', 'medical_institutions'] },
  { key: 'city-industry', name: '市工业和信息化局（演示）', regionCode: '320700', matters: ['industry', 'resumption_of_work'] },
  { key: 'city-housing', name: '市住房和城乡建设局（演示）', regionCode: '320700', matters: ['construction'] },
  { key: 'city-transport', name: '市交通运输局（演示）', regionCode: '320700', matters: ['road_transport', 'ports'] },
  { key: 'haizhou-emergency', name: '海州区应急管理局（演示）', regionCode: '320706', matters: ['work_safety'] },
  { key: 'lianyun-emergency', name: '连云区应急管理局（演示）', regionCode: '320703', matters: ['work_safety'] },
];

/** The demo grid worker answers for one busy 海州区 community, the enterprise officer for one enterprise. */
async function narrowFieldAccounts(trx: Kysely<Database>): Promise<void> {
  const demo = new DemoRepository(trx);
  const users = new UsersRepository(trx);
  const grid = await demo.busiestGrid('320706');
  const gridWorker = await users.findByUsername('grid');
  if (grid && gridWorker) await users.update(gridWorker.id, { ground_region_codes: JSON.stringify([grid]), home_region_code: grid });
  const enterprise = await demo.busiestEnterprise('320706');
  const officer = await users.findByUsername('qiye');
  if (enterprise && officer) {
    await users.update(officer.id, { ground_region_codes: JSON.stringify([enterprise.region_code]), home_region_code: enterprise.region_code, enterprise_id: enterprise.id });
  }
}

/** `crypto` encrypts the demo persons' identifiers; without it no persons are seeded. */
export async function seedDemo(db: Kysely<Database>, audit: AuditService, password: string, now: Date, crypto?: FieldCrypto): Promise<{ created: string[] }> {
  const users = new UsersRepository(db);
  if ((await users.findByUsername('admin')) !== undefined) return { created: [] };
  const at = now.toISOString();
  const passwordHash = await hashPassword(password);
  const unitIds = new Map<string, string>();
  const created: string[] = [];
  await db.transaction().execute(async (trx) => {
    const units = new UnitsRepository(trx);
    for (const unit of DEMO_UNITS) {
      const id = randomUUID();
      unitIds.set(unit.key, id);
      await units.insert({ id, name: unit.name, kind: 'department', region_code: unit.regionCode, matters: JSON.stringify(unit.matters), member_region_codes: '[]', created_at: at, updated_at: at, version: 1 });
    }
    for (const account of DEMO_ACCOUNTS) {
      await new UsersRepository(trx).insert(
        newUserRow({
          username: account.username,
          displayName: account.displayName,
          passwordHash,
          roles: account.roles,
          regionCodes: account.regionCodes,
          departmentId: account.department ? unitIds.get(account.department)! : null,
          mustChangePassword: false,
          isDemo: true,
          at,
        }),
      );
      created.push(account.username);
    }
    await seedDemoEnterprises(trx, unitIds, now, crypto);
    await seedDemoHazards(trx, unitIds, now);
    await seedDemoCampaigns(trx, unitIds, now);
    await seedDemoEnforcement(trx, unitIds, now);
    await seedDemoAccidents(trx, now);
    await seedDemoResponsibility(trx, unitIds, now, crypto);
    if (crypto) await seedDemoAccountability(trx, audit, crypto, now);
    const persons = crypto ? await seedDemoPersons(trx, crypto, now) : 0;
    if (crypto) await seedDemoTracing(trx, audit, crypto, now);
    await narrowFieldAccounts(trx);
    await seedDemoTraining(trx, unitIds, now, crypto);
    await audit.record(trx, { actor: null, ip: null, now: () => now }, { action: 'demo.seed', actorUsername: 'system', detail: { users: created.length, units: DEMO_UNITS.length, persons } });
  });
  return { created };
}
