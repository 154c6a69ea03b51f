import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createEnterpriseOfficer, hazardCalls, type HazardJson } from '../../../test-support/hazard-fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { multipart, photoUpload, tinyPng } from '../../../test-support/photos.js';

const HAIZHOU_COMMUNITY = '320706010001';
const HAIZHOU_OTHER_TOWN_COMMUNITY = '320706001001';
const MAX_BYTES = 4096;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 7)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32, 1)]);

interface PhotoJson {
  id: string;
  hazardId: string;
  mime: string;
  bytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
  url: string;
}

/** Hazard photos: content-checked uploads, stored once by hash outside the database, served only within the ground. */
describe.each(ENGINES)('hazard photos on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof hazardCalls>;
  let filesDir: string;
  let haizhou: string;
  let lianyun: string;
  let officer: string;
  let otherOfficer: string;
  let own: string;
  let other: string;

  const upload = (cookie: string, hazardId: string, body: { payload: Buffer; contentType: string }) =>
    t.app.inject({ method: 'POST', url: `/api/v1/hazards/${hazardId}/photos`, headers: { cookie, 'content-type': body.contentType }, payload: body.payload });
  const uploaded = async (cookie: string, hazardId: string, content: Buffer, filename = 'p.png', type = 'image/png'): Promise<PhotoJson> => {
    const response = await upload(cookie, hazardId, photoUpload(content, filename, type));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json() as { code: string; message: { 'zh-CN': string; en: string }; errors?: Array<{ field: string; code: string }> };
    expect(body.code).toBe(code);
    expect(body.message['zh-CN']).not.toBe('');
    return body;
  };
  /** Files in the store, and rows and audit rows of uploads: what "nothing stored" is checked against. */
  const stored = async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      if (!fs.existsSync(dir)) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) entry.isDirectory() ? walk(path.join(dir, entry.name)) : files.push(entry.name);
    };
    walk(filesDir);
    const rows = (await t.db.kysely.selectFrom('hazard_photos').select('id').execute()).length;
    const audits = (await t.db.kysely.selectFrom('audit_log').select('seq').where('action', '=', 'hazard.photo_upload').execute()).length;
    return { files: files.sort(), rows, audits };
  };
  const fresh = async (enterpriseId = own): Promise<HazardJson> => api.assign(haizhou, await api.report(haizhou, enterpriseId), 10);

  beforeAll(async () => {
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-photos-test-'));
    t = await createTestApp(engine, { files: { dir: filesDir, photoMaxBytes: MAX_BYTES } });
    api = hazardCalls(t);
    own = await createEnterprise(t, HAIZHOU_COMMUNITY, 'PH', 1);
    other = await createEnterprise(t, HAIZHOU_OTHER_TOWN_COMMUNITY, 'PH', 2);
    await createEnterpriseOfficer(t, `ph_officer_${engine}`, own, HAIZHOU_COMMUNITY);
    await createEnterpriseOfficer(t, `ph_other_${engine}`, other, HAIZHOU_OTHER_TOWN_COMMUNITY);
    [haizhou, lianyun, officer, otherOfficer] = (await Promise.all(['haizhou', 'lianyun', `ph_officer_${engine}`, `ph_other_${engine}`].map((u) => t.login(u)))) as [string, string, string, string];
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  it('stores an upload by its SHA-256 outside the database, with who and when, audited, and serves the bytes with their type, nosniff and no-store', async () => {
    const hazard = await fresh();
    const content = tinyPng('first');
    const photo = await uploaded(officer, hazard.id, content);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(photo).toMatchObject({ hazardId: hazard.id, mime: 'image/png', bytes: content.length, sha256, uploadedBy: '测试·企业安全员', uploadedAt: t.clock.now().toISOString(), url: `/api/v1/hazards/${hazard.id}/photos/${photo.id}` });
    expect(fs.readFileSync(path.join(filesDir, 'hazard-photos', sha256.slice(0, 2), sha256))).toEqual(content);
    const row = await t.db.kysely.selectFrom('hazard_photos').selectAll().where('id', '=', photo.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ hazard_id: hazard.id, region_code: HAIZHOU_COMMUNITY, sha256, mime: 'image/png', bytes: content.length });
    const audit = await t.db.kysely.selectFrom('audit_log').select(['actor_username', 'object_id', 'detail']).where('action', '=', 'hazard.photo_upload').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_username: `ph_officer_${engine}`, object_id: hazard.id });
    expect(JSON.parse(audit.detail!)).toMatchObject({ photoId: photo.id, sha256 });

    for (const cookie of [officer, haizhou]) {
      const served = await api.call(cookie, 'GET', `/hazards/${hazard.id}/photos/${photo.id}`);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['cache-control']).toBe('no-store');
      expect(served.rawPayload).toEqual(content);
    }
    const detail = (await api.call(haizhou, 'GET', `/hazards/${hazard.id}`)).json() as { photoFiles: PhotoJson[] };
    expect(detail.photoFiles).toEqual([photo]);
  });

  it('keeps the same content once, however often and wherever it is uploaded', async () => {
    const content = tinyPng('twice');
    const before = await stored();
    const a = await uploaded(haizhou, (await fresh()).id, content);
    const b = await uploaded(haizhou, (await fresh()).id, content);
    const after = await stored();
    expect(a.sha256).toBe(b.sha256);
    expect(a.id).not.toBe(b.id);
    expect(after.rows).toBe(before.rows + 2);
    expect(after.files.length).toBe(before.files.length + 1);
  });

  it('judges the type by the bytes alone: a JPEG or WebP sent as text is taken, an HTML page called .png is refused — and a bad file stores nothing', async () => {
    const hazard = await fresh();
    expect((await uploaded(haizhou, hazard.id, JPEG, 'scan.txt', 'text/plain')).mime).toBe('image/jpeg');
    expect((await uploaded(haizhou, hazard.id, WEBP, 'x.bin', 'application/octet-stream')).mime).toBe('image/webp');
    const before = await stored();
    const refusals: Array<[{ payload: Buffer; contentType: string }, number, string]> = [
      [photoUpload(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png', 'image/png'), 415, 'photo_type_not_allowed'],
      [photoUpload(Buffer.from('GIF89a\x01\x00\x01\x00'), 'anim.gif', 'image/gif'), 415, 'photo_type_not_allowed'],
      [photoUpload(tinyPng('x'.repeat(MAX_BYTES))), 413, 'photo_too_large'],
      [photoUpload(Buffer.alloc(0)), 400, 'photo_required'],
      [multipart([{ name: 'note', content: '没有文件' }]), 400, 'photo_required'],
      [multipart([{ name: 'photo', filename: 'p.png', type: 'image/png', content: tinyPng('wrong field') }]), 400, 'photo_required'],
      [multipart([{ name: 'file', filename: 'a.png', content: tinyPng('a') }, { name: 'file', filename: 'b.png', content: tinyPng('b') }]), 400, 'photo_required'],
      [{ payload: Buffer.from(JSON.stringify({ file: 'iVBORw0KGgo=' })), contentType: 'application/json' }, 415, 'unsupported_media_type'],
      [{ payload: Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\n\r\n\x89PNG'), contentType: 'multipart/form-data; boundary=x' }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of refusals) expectProblem(await upload(haizhou, hazard.id, body), status, code);
    expect(await stored()).toEqual(before);
  });

  it('answers 404 outside the ground for the bytes and the upload, and for a photo asked for under another hazard', async () => {
    const hazard = await fresh();
    const photo = await uploaded(haizhou, hazard.id, tinyPng('ground'));
    const before = await stored();
    expectProblem(await api.call(lianyun, 'GET', `/hazards/${hazard.id}/photos/${photo.id}`), 404, 'not_found');
    expectProblem(await upload(lianyun, hazard.id, photoUpload(tinyPng('foreign'))), 404, 'not_found');
    // The other enterprise's officer sees neither this enterprise's hazard nor its photos.
    expectProblem(await api.call(otherOfficer, 'GET', `/hazards/${hazard.id}/photos/${photo.id}`), 404, 'not_found');
    expectProblem(await upload(otherOfficer, hazard.id, photoUpload(tinyPng('foreign officer'))), 404, 'not_found');
    const elsewhere = await fresh(other);
    expectProblem(await api.call(haizhou, 'GET', `/hazards/${elsewhere.id}/photos/${photo.id}`), 404, 'not_found');
    expect(await stored()).toEqual(before);
  });

  it('lets a rectification name only photos uploaded to the same hazard, shows them in the timeline, and takes none once closed', async () => {
    const hazard = await fresh();
    const mine = await uploaded(officer, hazard.id, tinyPng('evidence'));
    const foreign = await uploaded(haizhou, (await fresh()).id, tinyPng('evidence elsewhere'));
    const refused = expectProblem(await api.call(officer, 'POST', `/hazards/${hazard.id}/transitions`, { action: 'submit_rectification', version: hazard.version, evidence: '已整改', photos: [mine.id, foreign.id, 'photo://elsewhere.jpg'] }), 400, 'validation_failed');
    expect(refused.errors!.map((e) => [e.field, e.code])).toEqual([
      ['photos.1', 'unknown_photo'],
      ['photos.2', 'unknown_photo'],
    ]);
    expect((await api.get(officer, hazard.id)).status).toBe('rectifying');

    const submitted = await api.submit(officer, hazard, { photos: [mine.id] });
    expect(submitted.rectification!.photos).toEqual([mine.id]);
    expect(submitted.events.at(-1)).toMatchObject({ type: 'rectification_submitted', payload: { photos: [mine.id] } });
    const closed = await api.step(haizhou, submitted, { action: 'accept' });
    expectProblem(await upload(officer, closed.id, photoUpload(tinyPng('too late'))), 409, 'hazard_closed');
  });
});
