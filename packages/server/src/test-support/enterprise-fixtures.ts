import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '@shoutu/domain';
import { EnterprisesRepository } from '../modules/safety/enterprises/enterprises.repository.js';
import { createTestAccount } from './account-fixtures.js';
import type { TestApp } from './harness.js';

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
  await createTestAccount(t, { username, roles: ['enterprise_officer'], ground: community, displayName: '测试·企业安全员', enterpriseId });
}
