import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '@shoutu/domain';
import { hashPassword } from '../modules/auth/passwords.js';
import { EnterprisesRepository } from '../modules/safety/enterprises/enterprises.repository.js';
import { UsersRepository } from '../modules/users/users.repository.js';
import { DEMO_PASSWORD, type TestApp } from './harness.js';

/** Enterprises and their safety officers for suites that are about something else than registration. */

/** A chemical enterprise in a community, straight through the register; `tag` keeps credit codes apart between suites. */
export async function createEnterprise(t: TestApp, regionCode: string, tag: string, serial: number): Promise<string> {
  const first17 = `91${regionCode.slice(0, 6)}${tag}${String(serial).padStart(6, '0')}P`;
  const at = t.clock.now().toISOString();
  const id = randomUUID();
  await new EnterprisesRepository(t.db.kysely).insertNew([
    { id, credit_code: first17 + creditCodeCheckChar(first17), name: `测试企业${tag}${serial}有限公司`, industry_code: 'C26', industry_name: '化学原料和化学制品制造业', region_code: regionCode, park: null, scale: 'small', hazardous_chemicals: 1, major_hazard_source: 0, principal_name: null, principal_phone: null, safety_officer_name: null, safety_officer_phone: null, last_inspected_at: null, created_at: at, updated_at: at, version: 1 },
  ]);
  return id;
}

/** An enterprise safety officer: an account narrowed to one enterprise, grounded at its community. */
export async function createEnterpriseOfficer(t: TestApp, username: string, enterpriseId: string, community: string): Promise<void> {
  const at = t.clock.now().toISOString();
  await new UsersRepository(t.db.kysely).insert({
    id: randomUUID(),
    username,
    display_name: '测试·企业安全员',
    password_hash: await hashPassword(DEMO_PASSWORD),
    roles: JSON.stringify(['enterprise_officer']),
    ground_region_codes: JSON.stringify([community]),
    home_region_code: community,
    department_id: null,
    enterprise_id: enterpriseId,
    must_change_password: 0,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: at,
    is_demo: 0,
    totp_secret_enc: null,
    totp_last_step: null,
    totp_enrolled_at: null,
    created_at: at,
    updated_at: at,
    version: 1,
  });
}
