import fs from 'node:fs';
import { maskResidentId } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFile } from '../../../db/database.js';
import { fictitiousIds } from '../../../test-support/fixtures.js';
import { createEnterprise, createEnterpriseOfficer } from '../../../test-support/enterprise-fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const DAY = 86_400_000;
const HAIZHOU_COMMUNITY = '320706010001';
const LIANYUN_COMMUNITY = '320703001001';
const IDS = fictitiousIds({ fromYear: 1966, sequence: 640 });

interface CertificateBody {
  id: string;
  kind: string;
  ownerKind: string;
  enterpriseId: string | null;
  unitId: string | null;
  ownerName: string | null;
  regionCode: string;
  holderName: string;
  holderIdNumber: string;
  certificateNo: string | null;
  operationType: string | null;
  issuedOn: string;
  expiresOn: string;
  reviewDueOn: string | null;
  lastReviewedOn: string | null;
  dueOn: string;
  due: string;
  status: string;
  daysLeft: number;
  version: number;
}
interface Alerts {
  today: string;
  windowDays: number;
  expiring: number;
  expired: number;
  items: CertificateBody[];
}

/** Safety certificates through the API: expiry standing with a fake clock, ground, masking (issue 4). */
describe.each(ENGINES)('safety certificates on %s', (engine) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let haizhouEnterprise: string;
  let lianyunEnterprise: string;
  let serial = 0;

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async <T>(response: Promise<LightMyRequestResponse>, status = 200): Promise<T> => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json() as { code: string; errors?: Array<{ field: string; code: string }> };
    expect(body.code).toBe(code);
    return body;
  };
  const rows = async () => Number((await t.db.kysely.selectFrom('training_certificates').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const signIn = async () => {
    for (const who of ['haizhou', 'lianyun', 'yingji', 'leader', 'qiye', `cert_officer_${engine}`]) cookies[who.replace(`_${engine}`, '')] = await t.login(who);
  };
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    await signIn();
  };

  const create = (who: string, body: Record<string, unknown>) => call(who, 'POST', '/training/certificates', { kind: 'principal', holderName: '王建设', holderIdNumber: IDS(++serial), issuedOn: '2024-01-10', enterpriseId: haizhouEnterprise, ...body });

  beforeAll(async () => {
    t = await createTestApp(engine);
    haizhouEnterprise = await createEnterprise(t, HAIZHOU_COMMUNITY, 'CT', ++serial);
    lianyunEnterprise = await createEnterprise(t, LIANYUN_COMMUNITY, 'CT', ++serial);
    await createEnterpriseOfficer(t, `cert_officer_${engine}`, haizhouEnterprise, HAIZHOU_COMMUNITY);
    await signIn();
  });
  afterAll(() => t.close());

  it('seeds demo certificates in every standing, the demo officer seeing an expiring one of their own enterprise', async () => {
    const alerts = await ok<Alerts>(call('qiye', 'GET', '/training/certificates/alerts'));
    expect(alerts.windowDays).toBe(90);
    expect(alerts.items.map((c) => c.status)).toContain('expiring');
    expect(alerts.items.map((c) => c.status)).toContain('expired');
    expect(alerts.items.some((c) => c.due === 'review')).toBe(true);
    const city = await ok<{ items: CertificateBody[] }>(call('leader', 'GET', '/training/certificates?limit=200'));
    expect(new Set(city.items.map((c) => c.status))).toEqual(new Set(['valid', 'expiring', 'expired']));
  });

  it('dates a certificate by the rule when the form leaves them out, and masks its holder in every answer', async () => {
    const idNumber = IDS(++serial);
    const created = await ok<CertificateBody>(create('haizhou', { holderName: '欧阳建国', holderIdNumber: idNumber, certificateNo: 'AQ320706-2024-0123' }), 201);
    expect(created).toMatchObject({ kind: 'principal', issuedOn: '2024-01-10', expiresOn: '2027-01-10', reviewDueOn: null, dueOn: '2027-01-10', due: 'expiry', status: 'valid', regionCode: HAIZHOU_COMMUNITY, ownerKind: 'enterprise', ownerName: '测试企业CT1有限公司' });
    expect(created.holderName).toBe('欧阳**');
    expect(created.holderIdNumber).toBe(maskResidentId(idNumber));
    expect(created.certificateNo).toBe('AQ************0123');
    const body = JSON.stringify(await ok(call('haizhou', 'GET', `/training/certificates/${created.id}`)));
    expect(body).not.toContain(idNumber);
    expect(body).not.toContain('欧阳建国');
    // At rest: encrypted, and found by the keyed hash only.
    const row = await t.db.kysely.selectFrom('training_certificates').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain('欧阳建国');
    if (engine === 'sqlite') {
      const file = sqliteFile(t.db.url);
      const bytes = Buffer.concat([fs.readFileSync(file), ...(fs.existsSync(`${file}-wal`) ? [fs.readFileSync(`${file}-wal`)] : [])]);
      for (const secret of [idNumber, '欧阳建国', 'AQ320706-2024-0123']) expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    const found = await ok<{ items: CertificateBody[] }>(call('haizhou', 'POST', '/training/certificates/search', { idNumber }));
    expect(found.items.map((c) => c.id)).toEqual([created.id]);
    const foreign = await ok<{ items: CertificateBody[] }>(call('lianyun', 'POST', '/training/certificates/search', { idNumber }));
    expect(foreign.items).toEqual([]);

    const special = await ok<CertificateBody>(create('haizhou', { kind: 'special_operation', operationType: '电工作业', issuedOn: '2023-02-01' }), 201);
    expect(special).toMatchObject({ expiresOn: '2029-02-01', reviewDueOn: '2026-02-01', dueOn: '2026-02-01', due: 'review', status: 'expiring', daysLeft: 27 });
    const reviewed = await ok<CertificateBody>(call('haizhou', 'PATCH', `/training/certificates/${special.id}`, { version: special.version, reviewedOn: '2026-01-05' }));
    expect(reviewed).toMatchObject({ lastReviewedOn: '2026-01-05', reviewDueOn: '2029-01-05', due: 'review', status: 'valid', version: 2 });
  });

  it('turns expiring 90 days before the due date and expired the day after it, by the calendar of China', async () => {
    // The clock starts at 2026-01-05T08:00Z, 16:00 on 5 January in China.
    const certificate = await ok<CertificateBody>(create('haizhou', { issuedOn: '2023-04-06', expiresOn: '2026-04-06' }), 201);
    const standing = async () => ok<CertificateBody>(call('haizhou', 'GET', `/training/certificates/${certificate.id}`));
    const inList = async (status: string) => (await ok<{ items: CertificateBody[] }>(call('haizhou', 'GET', `/training/certificates?status=${status}&limit=200`))).items.some((c) => c.id === certificate.id);
    const alerted = async () => (await ok<Alerts>(call('haizhou', 'GET', '/training/certificates/alerts?limit=200'))).items.some((c) => c.id === certificate.id);

    expect(await standing()).toMatchObject({ status: 'valid', daysLeft: 91 });
    expect([await inList('valid'), await inList('expiring'), await alerted()]).toEqual([true, false, false]);

    await advance(DAY); // 6 January: 90 days left
    expect(await standing()).toMatchObject({ status: 'expiring', daysLeft: 90 });
    expect([await inList('valid'), await inList('expiring'), await alerted()]).toEqual([false, true, true]);

    await advance(89 * DAY); // 5 April, the day before
    expect(await standing()).toMatchObject({ status: 'expiring', daysLeft: 1 });

    await advance(DAY); // 6 April, the day of expiry, still standing
    expect(await standing()).toMatchObject({ status: 'expiring', daysLeft: 0 });
    expect([await inList('expiring'), await inList('expired')]).toEqual([true, false]);

    // 23:59 in China on 6 April is 15:59 UTC: still the day of expiry; a minute later it is 7 April.
    await advance(8 * 3_600_000 - 60_000 - 1);
    expect((await standing()).status).toBe('expiring');
    await advance(60_001);
    expect(await standing()).toMatchObject({ status: 'expired', daysLeft: -1 });
    expect([await inList('expiring'), await inList('expired'), await alerted()]).toEqual([false, true, true]);
    const alerts = await ok<Alerts>(call('haizhou', 'GET', '/training/certificates/alerts?limit=200'));
    expect(alerts.today).toBe('2026-04-07');
    expect(alerts.expired).toBe(alerts.items.filter((c) => c.status === 'expired').length);
  });

  it('keeps certificates in their ground: another district neither lists, finds nor changes them', async () => {
    const own = await ok<CertificateBody>(create('haizhou', {}), 201);
    const theirs = await ok<CertificateBody>(create('lianyun', { enterpriseId: lianyunEnterprise }), 201);
    const lianyun = await ok<{ items: CertificateBody[] }>(call('lianyun', 'GET', '/training/certificates?limit=200'));
    expect(lianyun.items.map((c) => c.id)).toContain(theirs.id);
    expect(lianyun.items.every((c) => c.regionCode.startsWith('320703'))).toBe(true);
    expectProblem(await call('lianyun', 'GET', `/training/certificates/${own.id}`), 404, 'not_found');
    expectProblem(await call('lianyun', 'PATCH', `/training/certificates/${own.id}`, { version: own.version, issuingAuthority: '越界' }), 404, 'not_found');
    const alerts = await ok<Alerts>(call('lianyun', 'GET', '/training/certificates/alerts?limit=200'));
    expect(alerts.items.every((c) => c.regionCode.startsWith('320703'))).toBe(true);
    expectProblem(await create('haizhou', { enterpriseId: lianyunEnterprise }), 400, 'validation_failed');
  });

  it("lets an enterprise officer keep only their own enterprise's certificates", async () => {
    const mine = await ok<CertificateBody>(call('cert_officer', 'POST', '/training/certificates', { kind: 'safety_manager', holderName: '李安全', holderIdNumber: IDS(++serial), issuedOn: '2025-06-01' }), 201);
    expect(mine).toMatchObject({ enterpriseId: haizhouEnterprise, expiresOn: '2028-06-01' });
    const list = await ok<{ items: CertificateBody[] }>(call('cert_officer', 'GET', '/training/certificates?limit=200'));
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c) => c.enterpriseId === haizhouEnterprise)).toBe(true);
    const other = await createEnterprise(t, HAIZHOU_COMMUNITY, 'CT', ++serial);
    expectProblem(await call('cert_officer', 'POST', '/training/certificates', { kind: 'principal', holderName: '赵越', holderIdNumber: IDS(++serial), issuedOn: '2025-06-01', enterpriseId: other }), 400, 'validation_failed');
    const units = await ok<{ items: Array<{ id: string }> }>(call('haizhou', 'GET', '/units?limit=200'));
    expectProblem(await call('cert_officer', 'POST', '/training/certificates', { kind: 'principal', holderName: '赵越', holderIdNumber: IDS(++serial), issuedOn: '2025-06-01', unitId: units.items[0]!.id }), 403, 'forbidden');
  });

  it("keeps a unit's certificate in the unit's region", async () => {
    const units = await ok<{ items: Array<{ id: string; regionCode: string; name: string }> }>(call('yingji', 'GET', '/units?limit=200'));
    const cityUnit = units.items.find((u) => u.regionCode === '320700')!;
    const created = await ok<CertificateBody>(create('yingji', { enterpriseId: undefined, unitId: cityUnit.id, kind: 'safety_manager' }), 201);
    expect(created).toMatchObject({ ownerKind: 'unit', unitId: cityUnit.id, ownerName: cityUnit.name, regionCode: '320700' });
    expectProblem(await call('haizhou', 'GET', `/training/certificates/${created.id}`), 404, 'not_found');
  });

  it('refuses bad input with 400 and a duplicate with 409, writing nothing', async () => {
    const before = await rows();
    const badId = expectProblem(await create('haizhou', { holderIdNumber: '320706196601011231' }), 400, 'validation_failed');
    expect(badId.errors).toEqual([expect.objectContaining({ field: 'holderIdNumber', code: 'invalid' })]);
    const backwards = expectProblem(await create('haizhou', { issuedOn: '2024-01-10', expiresOn: '2023-01-10' }), 400, 'validation_failed');
    expect(backwards.errors).toEqual([expect.objectContaining({ field: 'expiresOn', code: 'not_after_issue' })]);
    const future = expectProblem(await create('haizhou', { issuedOn: '2099-01-01' }), 400, 'validation_failed');
    expect(future.errors).toEqual([expect.objectContaining({ field: 'issuedOn', code: 'in_future' })]);
    const noType = expectProblem(await create('haizhou', { kind: 'special_operation' }), 400, 'validation_failed');
    expect(noType.errors).toEqual([expect.objectContaining({ field: 'operationType', code: 'required' })]);
    expectProblem(await create('haizhou', { issuedOn: '2024-02-30' }), 400, 'validation_failed');
    expectProblem(await create('haizhou', { kind: 'driver' }), 400, 'validation_failed');
    expectProblem(await create('haizhou', { enterpriseId: undefined }), 400, 'validation_failed');
    expect(await rows()).toBe(before);

    const holderIdNumber = IDS(++serial);
    await ok(create('haizhou', { holderIdNumber }), 201);
    const twice = expectProblem(await create('haizhou', { holderIdNumber }), 409, 'conflict');
    expect(twice.errors).toEqual([expect.objectContaining({ field: 'holderIdNumber', code: 'certificate_registered' })]);
    expect(await rows()).toBe(before + 1);
  });

  it('needs the version read to change a certificate: 428 without, 409 when stale', async () => {
    const created = await ok<CertificateBody>(create('haizhou', {}), 201);
    expectProblem(await call('haizhou', 'PATCH', `/training/certificates/${created.id}`, { issuingAuthority: '市应急管理局' }), 428, 'version_required');
    const changed = await ok<CertificateBody>(call('haizhou', 'PATCH', `/training/certificates/${created.id}`, { version: created.version, issuingAuthority: '市应急管理局', expiresOn: '2027-06-30' }));
    expect(changed).toMatchObject({ version: 2, expiresOn: '2027-06-30', dueOn: '2027-06-30' });
    expectProblem(await call('haizhou', 'PATCH', `/training/certificates/${created.id}`, { version: created.version, expiresOn: '2028-01-01' }), 409, 'version_conflict');
    expectProblem(await call('haizhou', 'PATCH', `/training/certificates/${created.id}`, { version: 2, reviewDueOn: '2030-01-01' }), 400, 'validation_failed');
    expect((await ok<CertificateBody>(call('haizhou', 'GET', `/training/certificates/${created.id}`))).expiresOn).toBe('2027-06-30');
  });
});
