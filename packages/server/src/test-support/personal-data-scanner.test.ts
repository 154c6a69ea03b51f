import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { exportWatermark, maskMobile, maskResidentId, type ExportFormat } from '@shoutu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { CONTENT_TYPES } from '../modules/exports/formats/document.js';
import { WRITERS } from '../modules/exports/formats/index.js';
import { fictitiousIds, fictitiousPhones } from './fixtures.js';
import { createTestDb, ENGINES, type TestDb } from './harness.js';
import { installPersonalDataScanner } from './personal-data-scanner.js';

const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'pdf'];
const ID = fictitiousIds({ fromYear: 1971, sequence: 610 })(5);
const PHONE = fictitiousPhones('137')(4242);

async function file(format: ExportFormat, cells: [string, string], name = '张*'): Promise<Buffer> {
  const watermark = exportWatermark({ username: 'haizhou', displayName: '演示·海州区干部', at: new Date('2026-03-01T08:00:00Z'), exportId: 'scanner-test', unmasked: false });
  async function* pages() {
    yield [[name, ...cells, '海州区']];
  }
  return WRITERS[format]({ title: '扫描测试', watermark, columns: ['姓名', '证件', '电话', '区'].map((header) => ({ header, width: 12 })), pages: pages() });
}

/**
 * SECURITY.md row 16 for files: the scanner that runs on every test response reads CSV, unzips XLSX
 * and extracts PDF text, and refuses a full ID number or mobile number in any of them unless the
 * audit trail holds an unmasked export of exactly those bytes.
 */
describe.each(ENGINES)('the personal-data scanner over exported files on %s', (engine) => {
  let testDb: TestDb;
  let app: FastifyInstance;
  const served = new Map<string, { bytes: Buffer; format: ExportFormat; sha?: boolean }>();

  beforeAll(async () => {
    testDb = await createTestDb(engine);
    await migrateToLatest(testDb.db);
    app = Fastify({ logger: false });
    app.decorate('services', { db: testDb.db } as never);
    app.get('/api/v1/files/:name', async (request, reply) => {
      const entry = served.get((request.params as { name: string }).name)!;
      reply.type(CONTENT_TYPES[entry.format]);
      if (entry.sha) reply.header('x-export-sha256', createHash('sha256').update(entry.bytes).digest('hex'));
      return reply.send(entry.bytes);
    });
    installPersonalDataScanner(app);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  const fetchFile = async (name: string, bytes: Buffer, format: ExportFormat, sha = false) => {
    served.set(name, { bytes, format, sha });
    return app.inject({ method: 'GET', url: `/api/v1/files/${name}` });
  };

  it.each(FORMATS)('lets a masked %s through', async (format) => {
    const response = await fetchFile(`masked-${format}`, await file(format, [maskResidentId(ID), maskMobile(PHONE)]), format);
    expect(response.statusCode).toBe(200);
  });

  it.each(FORMATS)('catches a planted full ID number in a %s', async (format) => {
    const response = await fetchFile(`id-${format}`, await file(format, [ID, maskMobile(PHONE)]), format);
    expect(response.statusCode).toBe(500);
  });

  it.each(FORMATS)('catches a planted full mobile number in a %s', async (format) => {
    const response = await fetchFile(`mobile-${format}`, await file(format, [maskResidentId(ID), PHONE]), format);
    expect(response.statusCode).toBe(500);
  });

  it.each(FORMATS)('lets a %s with full identifiers through only when an unmasked export of exactly those bytes is audited', async (format) => {
    const bytes = await file(format, [ID, PHONE]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // A header alone proves nothing.
    expect((await fetchFile(`forged-${format}`, bytes, format, true)).statusCode).toBe(500);
    const audit = new AuditService(testDb.db.dialect);
    const ctx = { actor: null, ip: null, now: () => new Date() };
    // A masked export of the same bytes is not an unmask.
    await audit.record(testDb.db.kysely, ctx, { action: 'person.export', objectType: 'export', objectId: `m-${format}`, detail: { sha256, unmasked: false } });
    expect((await fetchFile(`masked-audit-${format}`, bytes, format, true)).statusCode).toBe(500);
    await audit.record(testDb.db.kysely, ctx, { action: 'person.export', objectType: 'export', objectId: `u-${format}`, detail: { sha256, unmasked: true, reason: '流调核查' } });
    expect((await fetchFile(`audited-${format}`, bytes, format, true)).statusCode).toBe(200);
    // Other bytes under the same header are still refused.
    expect((await fetchFile(`other-${format}`, await file(format, [ID, PHONE], '李*'), format, true)).statusCode).toBe(500);
  });
});
