import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { backup, restore } from '../../ops/backup.js';
import { createTestApp, createTestDb, ENGINES, type TestApp } from '../../test-support/harness.js';
import { AuditService } from './audit.service.js';

const DAY = 24 * 60 * 60_000;

const rowsOf = (db: Db) => db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
const anchorOf = (db: Db) => db.kysely.selectFrom('audit_anchor').selectAll().executeTakeFirst();

describe('the SHOUTU_AUDIT_RETENTION_DAYS setting', () => {
  it('defaults to 180 days and takes a longer period', () => {
    expect(loadConfig({}).auditRetentionDays).toBe(180);
    expect(loadConfig({ SHOUTU_AUDIT_RETENTION_DAYS: '180' }).auditRetentionDays).toBe(180);
    expect(loadConfig({ SHOUTU_AUDIT_RETENTION_DAYS: '400' }).auditRetentionDays).toBe(400);
  });

  it.each(['179', '90', '1'])('refuses %s days at start, naming the law', (days) => {
    expect(() => loadConfig({ SHOUTU_AUDIT_RETENTION_DAYS: days })).toThrow(/at least 180 .*Cybersecurity Law art\. 21/);
  });
});

/**
 * SECURITY.md row 13 (Cybersecurity Law art. 21): the audit trail is kept at least 180 days. A
 * purge removes only a whole prefix of rows older than that, moves the chain's anchor to the
 * last row removed, records itself, and leaves a chain that still verifies. The fake clock ages
 * the rows.
 */
describe.each(ENGINES)('audit retention on %s', (engine) => {
  let t: TestApp;
  const start = new Date('2026-01-05T08:00:00Z').getTime();

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const purge = async (username = 'auditor') =>
    t.app.inject({ method: 'POST', url: '/api/v1/audit/purge', headers: { cookie: await t.login(username) } });
  const verify = async () => (await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: await t.login('auditor') } })).json();
  const ageTo = (days: number) => t.clock.advance(start + days * DAY - t.clock.now().getTime());

  it('refuses a retention shorter than 180 days, and removes nothing', async () => {
    const before = await rowsOf(t.db);
    await expect(t.app.services.audit.purge(t.db.kysely, { actor: null, ip: null, now: () => t.clock.now() }, 179)).rejects.toThrow(/at least 180 days/);
    expect(await rowsOf(t.db)).toEqual(before);
  });

  it('is refused to the system admin and the security admin', async () => {
    const before = (await rowsOf(t.db)).length;
    for (const username of ['admin', 'secadmin']) {
      const response = await purge(username);
      expect(response.statusCode, username).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    // Their sign-ins were recorded; nothing was removed.
    expect((await rowsOf(t.db)).length).toBe(before + 2);
  });

  it('keeps every row younger than 180 days, and records that it ran', async () => {
    ageTo(10);
    const before = await rowsOf(t.db);
    const response = await purge();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ retentionDays: 180, cutoff: new Date(start + 10 * DAY - 180 * DAY).toISOString(), purged: 0, anchor: null });
    const after = await rowsOf(t.db);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ action: 'audit.purge', actor_username: 'auditor', result: 'success' });
    expect(await anchorOf(t.db)).toBeUndefined();
  });

  it('removes the rows older than 180 days, moves the anchor to the last of them, and the chain still verifies', async () => {
    ageTo(100);
    await t.login('leader');
    ageTo(181);
    const cutoff = new Date(t.clock.now().getTime() - 180 * DAY).toISOString();
    const before = await rowsOf(t.db);
    const old = before.filter((r) => r.at < cutoff);
    // The import of regions, the demo data and the refused admins' sign-ins, on the first day.
    expect(old.length).toBeGreaterThanOrEqual(4);
    // The old rows are the oldest: a prefix of the chain.
    expect(before.slice(0, old.length)).toEqual(old);

    const response = await purge();
    expect(response.statusCode).toBe(200);
    const last = old.at(-1)!;
    expect(response.json()).toEqual({ retentionDays: 180, cutoff, purged: old.length, anchor: { seq: last.seq, hash: last.hash, at: last.at } });

    const after = await rowsOf(t.db);
    expect(after.every((r) => r.at >= cutoff)).toBe(true);
    expect(after[0]!.seq).toBe(last.seq + 1);
    expect(after[0]!.prev_hash).toBe(last.hash);
    expect(after.slice(0, before.length - old.length)).toEqual(before.slice(old.length));
    expect(await anchorOf(t.db)).toMatchObject({ seq: last.seq, hash: last.hash, at: last.at, purged_at: t.clock.now().toISOString() });
    const record = after.at(-1)!;
    expect(record).toMatchObject({ action: 'audit.purge', actor_username: 'auditor', result: 'success' });
    expect(JSON.parse(record.detail!)).toEqual({ retentionDays: 180, cutoff, purged: old.length, anchorSeq: last.seq, anchorHash: last.hash });

    const verified = await verify();
    expect(verified).toEqual({ ok: true, checked: (await rowsOf(t.db)).length, firstBadSeq: null });
  });

  it('still has the database refuse a DELETE outside the purge', async () => {
    const before = await rowsOf(t.db);
    await expect(t.db.kysely.deleteFrom('audit_log').where('seq', '=', before[0]!.seq).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (engine === 'postgres') {
      await expect(sql`truncate audit_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    } else {
      // The purge's permit lived only inside its transaction.
      const { rows } = await sql<{ n: number }>`select count(*) as n from audit_purge_permit`.execute(t.db.kysely);
      expect(Number(rows[0]!.n)).toBe(0);
    }
    expect(await rowsOf(t.db)).toEqual(before);
  });

  it('has the database refuse to move or remove the anchor outside the purge', async () => {
    const anchor = await anchorOf(t.db);
    await expect(t.db.kysely.updateTable('audit_anchor').set({ seq: anchor!.seq + 5 }).execute()).rejects.toThrow(/moves only with a purge/);
    await expect(t.db.kysely.updateTable('audit_anchor').set({ hash: '0'.repeat(64) }).execute()).rejects.toThrow(/moves only with a purge/);
    await expect(t.db.kysely.deleteFrom('audit_anchor').execute()).rejects.toThrow(/moves only with a purge/);
    expect(await anchorOf(t.db)).toEqual(anchor);
  });

  it('never removes an old row that follows a younger one: only a whole prefix goes', async () => {
    // A row stamped long ago but written now, as a clock set back would write it.
    await t.db.kysely.transaction().execute((trx) =>
      t.app.services.audit.record(trx, { actor: null, ip: null, now: () => new Date(start) }, { action: 'clock.set_back', actorUsername: 'system' }),
    );
    ageTo(285);
    const cutoff = new Date(t.clock.now().getTime() - 180 * DAY).toISOString();
    const before = await rowsOf(t.db);
    const stray = before.find((r) => r.action === 'clock.set_back')!;
    const prefix = before.slice(0, before.findIndex((r) => r.at >= cutoff));
    expect(prefix.length).toBeGreaterThan(0);

    const response = await purge();
    expect(response.json()).toMatchObject({ purged: prefix.length, anchor: { seq: prefix.at(-1)!.seq } });
    const after = await rowsOf(t.db);
    expect(after.find((r) => r.seq === stray.seq)).toEqual(stray);
    expect(after[0]!.seq).toBe(prefix.at(-1)!.seq + 1);
    expect((await verify()).ok).toBe(true);
  });

  it('carries the anchor through a backup and restore, so the restored chain verifies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-retention-'));
    const target = await createTestDb(engine);
    try {
      await migrateToLatest(target.db);
      const file = path.join(dir, 'purged.backup.gz');
      await backup(t.db, file, t.clock.now());
      await restore(target.db, file);
      expect(await anchorOf(target.db)).toEqual(await anchorOf(t.db));
      expect(await new AuditService(target.db.dialect).verify(target.db.kysely)).toEqual({ ok: true, checked: (await rowsOf(target.db)).length, firstBadSeq: null });
    } finally {
      await target.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds an anchor changed in the database, and then refuses to purge so the evidence stays', async () => {
    if (engine === 'postgres') await sql`alter table audit_anchor disable trigger audit_anchor_no_change`.execute(t.db.kysely);
    else await sql`drop trigger audit_anchor_no_update`.execute(t.db.kysely);
    const first = (await rowsOf(t.db))[0]!;
    await t.db.kysely.updateTable('audit_anchor').set({ hash: 'f'.repeat(64) }).execute();
    expect(await verify()).toEqual({ ok: false, checked: 0, firstBadSeq: first.seq });

    ageTo(400);
    const before = (await rowsOf(t.db)).length;
    const response = await purge();
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('audit_chain_broken');
    // Only the sign-in of the auditor who asked was added; nothing was removed.
    expect((await rowsOf(t.db))[0]).toEqual(first);
    expect((await rowsOf(t.db)).length).toBe(before + 1);
  });
});
