import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/passwords.js';
import { UnitsRepository } from '../../units/units.repository.js';
import { UsersRepository } from '../../users/users.repository.js';
import { createTestAccount } from '../../../test-support/account-fixtures.js';
import { createTestApp, DEMO_PASSWORD, ENGINES, type TestApp } from '../../../test-support/harness.js';

const HAIZHOU_TOWN = '320706001';

interface Tally {
  required: number;
  attended: number;
  partial: number;
  absent: number;
  rate: number | null;
}
interface Attendee {
  userId: string;
  displayName: string | null;
  groupKind: string;
  groupId: string;
  groupName: string | null;
  watchedMinutes: number;
  status: string;
  version: number;
}
interface SessionBody {
  id: string;
  title: string;
  regionCode: string;
  requiredMinutes: number;
  course: { id: string; title: string; link: string | null; durationMinutes: number };
  organiserName: string | null;
  isDemo: boolean;
  tally: Tally | null;
  roster: Attendee[] | null;
  targets: { units: Array<{ id: string; name: string | null }>; accounts: Array<{ id: string; displayName: string | null }> } | null;
  myAttendance: { watchedMinutes: number; status: string; version: number } | null;
  canManage: boolean;
  canRecord: boolean;
  version: number;
}
interface Rates {
  sessions: number;
  total: Tally;
  items: Array<Tally & { groupKind: string; groupId: string; name: string | null }>;
}

/** Courses, sessions, attendance and the rates by unit, through the API (issue 4, "Training and study"). */
describe.each(ENGINES)('training sessions on %s', (engine) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let unitA: string;
  let unitB: string;
  let courseId: string;
  let districtSessionId = '';
  let citySessionId = '';

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
    const body = response.json() as { code: string; message: { 'zh-CN': string; en: string }; errors?: Array<{ field: string; code: string }> };
    expect(body.code).toBe(code);
    expect(body.message['zh-CN'].length).toBeGreaterThan(0);
    return body;
  };
  const count = async (table: 'training_sessions' | 'training_attendance' | 'training_courses') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const TEST_ACCOUNTS = ['a1', 'a2', 'a3', 'b1', 'b2', 'n1'];
  const signIn = async () => {
    for (const who of ['haizhou', 'lianyun', 'yingji', 'leader', 'qiye', 'admin', ...TEST_ACCOUNTS.map((a) => `${a}_${engine}`)]) cookies[who.replace(`_${engine}`, '')] = await t.login(who);
  };

  async function unit(name: string): Promise<string> {
    const at = t.clock.now().toISOString();
    const id = randomUUID();
    await new UnitsRepository(t.db.kysely).insert({ id, name, kind: 'department', region_code: '320706', matters: '[]', member_region_codes: '[]', created_at: at, updated_at: at, version: 1 });
    return id;
  }

  async function account(key: string, department: string | null, home: string, passwordHash: string): Promise<void> {
    ids[key] = await createTestAccount(t, { username: `${key}_${engine}`, roles: ['district_officer'], ground: home, displayName: `测试·${key}`, departmentId: department, passwordHash });
  }

  const idOf = async (username: string) => (await new UsersRepository(t.db.kysely).findByUsername(username))!.id;
  const inHours = (hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp(engine);
    unitA = await unit('测试·甲局');
    unitB = await unit('测试·乙局');
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const key of ['a1', 'a2', 'a3']) await account(key, unitA, '320706', hash);
    for (const key of ['b1', 'b2']) await account(key, unitB, '320706', hash);
    await account('n1', null, HAIZHOU_TOWN, hash);
    for (const name of ['haizhou', 'lianyun', 'yingji', 'leader', 'qiye']) ids[name] = await idOf(name);
    await signIn();
  });
  afterAll(() => t.close());

  it('seeds the 3·21 warning film watched by the city leading group, labelled demo, without a link', async () => {
    const courses = await ok<{ items: Array<{ id: string; title: string; link: string | null; isDemo: boolean; source: string }> }>(call('leader', 'GET', '/training/courses?q=3·21'));
    expect(courses.items).toHaveLength(1);
    expect(courses.items[0]).toMatchObject({ link: null, isDemo: true });
    expect(courses.items[0]!.title).toContain('响水天嘉宜');
    const sessions = await ok<{ items: Array<{ id: string; title: string; regionCode: string; tally: Tally }> }>(call('leader', 'GET', `/training/sessions?courseId=${courses.items[0]!.id}`));
    expect(sessions.items).toHaveLength(1);
    expect(sessions.items[0]).toMatchObject({ regionCode: '320700', tally: { required: 4, attended: 2, partial: 1, absent: 1, rate: 0.5 } });
    const detail = await ok<SessionBody>(call('leader', 'GET', `/training/sessions/${sessions.items[0]!.id}`));
    expect(detail.isDemo).toBe(true);
    expect(detail.roster!.map((r) => [r.displayName, r.status]).sort()).toEqual([
      ['演示·市应急管理局', 'attended'],
      ['演示·市领导', 'attended'],
      ['演示·海州区干部', 'partial'],
      ['演示·连云区干部', 'absent'],
    ]);
    expect(detail.myAttendance).toMatchObject({ watchedMinutes: 45, status: 'attended' });
  });

  it('keeps the course library shared: a district sees the city course but only its adder may change it', async () => {
    const created = await ok<{ id: string; canEdit: boolean; version: number; ownerRegionName: string }>(
      call('yingji', 'POST', '/training/courses', { title: ' 测试课程：危化品仓储安全 ', source: '测试·市应急管理局', kind: 'video', durationMinutes: 40, link: 'https://example.org/course/1' }),
      201,
    );
    courseId = created.id;
    expect(created).toMatchObject({ canEdit: true, version: 1, ownerRegionName: '连云港市' });
    const seen = await ok<{ id: string; title: string; canEdit: boolean }>(call('haizhou', 'GET', `/training/courses/${courseId}`));
    expect(seen).toMatchObject({ title: '测试课程：危化品仓储安全', canEdit: false });
    expectProblem(await call('haizhou', 'PATCH', `/training/courses/${courseId}`, { version: 1, title: '改' }), 403, 'forbidden');
    expectProblem(await call('yingji', 'PATCH', `/training/courses/${courseId}`, { title: '改' }), 428, 'version_required');
    const changed = await ok<{ version: number; summary: string }>(call('yingji', 'PATCH', `/training/courses/${courseId}`, { version: 1, summary: '仓储安全要点' }));
    expect(changed).toMatchObject({ version: 2, summary: '仓储安全要点' });
    expectProblem(await call('yingji', 'PATCH', `/training/courses/${courseId}`, { version: 1, summary: '旧版本' }), 409, 'version_conflict');
    expect((await ok<{ summary: string }>(call('yingji', 'GET', `/training/courses/${courseId}`))).summary).toBe('仓储安全要点');
  });

  it('refuses a bad course with 400 and writes nothing', async () => {
    const before = await count('training_courses');
    const bad = expectProblem(await call('yingji', 'POST', '/training/courses', { title: '坏链接', source: '测试', kind: 'video', durationMinutes: 10, link: 'ftp://example.org/x' }), 400, 'validation_failed');
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'link', code: 'invalid' })]);
    expectProblem(await call('yingji', 'POST', '/training/courses', { title: '零时长', source: '测试', kind: 'video', durationMinutes: 0 }), 400, 'validation_failed');
    expectProblem(await call('yingji', 'POST', '/training/courses', { title: '多字段', source: '测试', kind: 'video', durationMinutes: 10, secret: 1 }), 400, 'validation_failed');
    expectProblem(await call('qiye', 'POST', '/training/courses', { title: '企业无权', source: '测试', kind: 'video', durationMinutes: 10 }), 403, 'forbidden');
    expect(await count('training_courses')).toBe(before);
  });

  describe('a session of a district and its rates by unit (hand-computed)', () => {
    let session: SessionBody;

    it('draws the roster from the units and accounts named, each once', async () => {
      session = await ok<SessionBody>(
        call('haizhou', 'POST', '/training/sessions', {
          courseId,
          mode: 'online',
          startsAt: inHours(-1),
          targets: { unitIds: [unitA, unitB], userIds: [ids.n1, ids.a1] },
        }),
        201,
      );
      districtSessionId = session.id;
      expect(session).toMatchObject({ title: '测试课程：危化品仓储安全', regionCode: '320706', requiredMinutes: 40, canManage: true, tally: { required: 6, attended: 0, absent: 6, rate: 0 } });
      expect(session.roster!.map((r) => r.displayName).sort()).toEqual(['测试·a1', '测试·a2', '测试·a3', '测试·b1', '测试·b2', '测试·n1']);
      expect(session.targets!.units.map((u) => u.name).sort()).toEqual(['测试·乙局', '测试·甲局']);
      const n1 = session.roster!.find((r) => r.userId === ids.n1)!;
      expect(n1).toMatchObject({ groupKind: 'region', groupId: HAIZHOU_TOWN, groupName: '朐阳街道' });
    });

    it('lets an attendee record their own minutes and the organiser record for the others', async () => {
      const a1Row = session.roster!.find((r) => r.userId === ids.a1)!;
      const mine = await ok<SessionBody>(call('a1', 'POST', `/training/sessions/${session.id}/attendance`, { version: a1Row.version, watchedMinutes: 40 }));
      expect(mine.myAttendance).toMatchObject({ watchedMinutes: 40, status: 'attended', version: 2 });
      for (const [who, minutes] of [['a2', 39], ['b1', 60], ['b2', 40]] as const) {
        const row = session.roster!.find((r) => r.userId === ids[who])!;
        await ok(call('haizhou', 'POST', `/training/sessions/${session.id}/attendance`, { version: row.version, watchedMinutes: minutes, userId: ids[who] }));
      }
      const detail = await ok<SessionBody>(call('haizhou', 'GET', `/training/sessions/${session.id}`));
      const status = Object.fromEntries(detail.roster!.map((r) => [r.displayName, r.status]));
      expect(status).toEqual({ '测试·a1': 'attended', '测试·a2': 'partial', '测试·a3': 'absent', '测试·b1': 'attended', '测试·b2': 'attended', '测试·n1': 'absent' });
      // The organiser's list of who has not attended yet.
      expect(detail.roster!.filter((r) => r.status !== 'attended').map((r) => r.displayName).sort()).toEqual(['测试·a2', '测试·a3', '测试·n1']);
      const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', session.id).where('action', '=', 'training.attendance.record').execute();
      expect(audit).toHaveLength(4);
    });

    it('gives attended over required per unit: 甲 1/3, 乙 2/2, the town 0/1, all 3/6', async () => {
      const rates = await ok<Rates>(call('haizhou', 'GET', `/training/attendance-rates?sessionId=${session.id}`));
      expect(rates.sessions).toBe(1);
      expect(rates.total).toEqual({ required: 6, attended: 3, partial: 1, absent: 2, rate: 0.5 });
      expect(rates.items.map((i) => [i.name, i.required, i.attended, i.rate])).toEqual([
        ['朐阳街道', 1, 0, 0],
        ['测试·甲局', 3, 1, 1 / 3],
        ['测试·乙局', 2, 2, 1],
      ]);
    });

    it('re-grades every row when the required minutes change, and refuses a stale version', async () => {
      const changed = await ok<SessionBody>(call('haizhou', 'PATCH', `/training/sessions/${session.id}`, { version: session.version, requiredMinutes: 39 }));
      expect(changed.tally).toMatchObject({ attended: 4, rate: 4 / 6 });
      expectProblem(await call('haizhou', 'PATCH', `/training/sessions/${session.id}`, { version: session.version, requiredMinutes: 20 }), 409, 'version_conflict');
      const rates = await ok<Rates>(call('haizhou', 'GET', `/training/attendance-rates?sessionId=${session.id}`));
      expect(rates.items.find((i) => i.name === '测试·甲局')).toMatchObject({ attended: 2, rate: 2 / 3 });
      session = changed;
    });

    it('answers a stale or missing attendance version with 409 / 428, and bad minutes with 400, changing nothing', async () => {
      const a3 = session.roster!.find((r) => r.userId === ids.a3)!;
      expectProblem(await call('a3', 'POST', `/training/sessions/${session.id}/attendance`, { watchedMinutes: 5 }), 428, 'version_required');
      expectProblem(await call('a3', 'POST', `/training/sessions/${session.id}/attendance`, { version: a3.version + 1, watchedMinutes: 5 }), 409, 'version_conflict');
      expectProblem(await call('a3', 'POST', `/training/sessions/${session.id}/attendance`, { version: a3.version, watchedMinutes: -1 }), 400, 'validation_failed');
      expectProblem(await call('a3', 'POST', `/training/sessions/${session.id}/attendance`, { version: a3.version, watchedMinutes: 1441 }), 400, 'validation_failed');
      const row = await t.db.kysely.selectFrom('training_attendance').selectAll().where('session_id', '=', session.id).where('user_id', '=', ids.a3!).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ watched_minutes: 0, version: a3.version, status: 'absent' });
    });

    it('keeps the session in its ground: another district neither lists nor opens nor changes it', async () => {
      const list = await ok<{ items: Array<{ id: string; regionCode: string }> }>(call('lianyun', 'GET', '/training/sessions?limit=200'));
      expect(list.items.map((s) => s.id)).not.toContain(session.id);
      expect(list.items.every((s) => s.regionCode.startsWith('320703'))).toBe(true);
      expectProblem(await call('lianyun', 'GET', `/training/sessions/${session.id}`), 404, 'not_found');
      expectProblem(await call('lianyun', 'PATCH', `/training/sessions/${session.id}`, { version: session.version, title: '越界' }), 404, 'not_found');
      const b1 = session.roster!.find((r) => r.userId === ids.b1)!;
      expectProblem(await call('lianyun', 'POST', `/training/sessions/${session.id}/attendance`, { version: b1.version, watchedMinutes: 0, userId: ids.b1 }), 404, 'not_found');
      const rates = await ok<Rates>(call('lianyun', 'GET', `/training/attendance-rates?sessionId=${session.id}`));
      expect(rates).toEqual({ sessions: 0, total: { required: 0, attended: 0, partial: 0, absent: 0, rate: null }, items: [] });
      expect((await t.db.kysely.selectFrom('training_sessions').select('title').where('id', '=', session.id).executeTakeFirstOrThrow()).title).toBe('测试课程：危化品仓储安全');
    });
  });

  it('refuses a roster with someone outside the ground, and one with nobody, writing nothing', async () => {
    const sessions = await count('training_sessions');
    const rows = await count('training_attendance');
    const outside = expectProblem(await call('haizhou', 'POST', '/training/sessions', { courseId, mode: 'online', startsAt: inHours(1), targets: { unitIds: [], userIds: [ids.lianyun] } }), 400, 'validation_failed');
    expect(outside.errors).toEqual([expect.objectContaining({ field: 'targets.userIds', code: 'invalid' })]);
    const empty = await unit('测试·空局');
    const nobody = expectProblem(await call('haizhou', 'POST', '/training/sessions', { courseId, mode: 'online', startsAt: inHours(1), targets: { unitIds: [empty], userIds: [] } }), 400, 'validation_failed');
    expect(nobody.errors).toEqual([expect.objectContaining({ field: 'targets', code: 'no_attendees' })]);
    const late = expectProblem(await call('haizhou', 'POST', '/training/sessions', { courseId, mode: 'online', startsAt: inHours(2), endsAt: inHours(1), targets: { unitIds: [], userIds: [ids.n1] } }), 400, 'validation_failed');
    expect(late.errors).toEqual([expect.objectContaining({ field: 'endsAt', code: 'out_of_range' })]);
    expectProblem(await call('haizhou', 'POST', '/training/sessions', { courseId, mode: 'online', startsAt: '2026-01-05 09:00', targets: { unitIds: [], userIds: [ids.n1] } }), 400, 'validation_failed');
    expect(await count('training_sessions')).toBe(sessions);
    expect(await count('training_attendance')).toBe(rows);
  });

  it('shows a district officer on a city roster the session and their own record only, and lets them record once it has started', async () => {
    const city = await ok<SessionBody>(call('yingji', 'POST', '/training/sessions', { courseId, mode: 'in_person', place: '市政府会议室', startsAt: inHours(2), requiredMinutes: 30, targets: { unitIds: [], userIds: [ids.haizhou, ids.leader] } }), 201);
    citySessionId = city.id;
    expect(city.regionCode).toBe('320700');
    const list = await ok<{ items: Array<{ id: string }> }>(call('haizhou', 'GET', '/training/sessions?limit=200'));
    expect(list.items.map((s) => s.id)).not.toContain(city.id);
    const invited = await ok<{ items: Array<{ id: string; myAttendance: { status: string; version: number }; organiserName: string | null }> }>(call('haizhou', 'GET', '/training/my-sessions?pending=true'));
    const mine = invited.items.find((s) => s.id === city.id)!;
    expect(mine).toMatchObject({ organiserName: '市应急管理局（演示）', myAttendance: { status: 'absent', version: 1 } });
    expect(Object.keys(mine)).not.toContain('regionCode');
    const view = await ok<SessionBody>(call('haizhou', 'GET', `/training/sessions/${city.id}`));
    expect(view).toMatchObject({ roster: null, tally: null, targets: null, canManage: false, canRecord: false, myAttendance: { watchedMinutes: 0 } });
    expectProblem(await call('lianyun', 'GET', `/training/sessions/${city.id}`), 404, 'not_found');

    expectProblem(await call('haizhou', 'POST', `/training/sessions/${city.id}/attendance`, { version: 1, watchedMinutes: 30 }), 422, 'session_not_started');
    t.clock.advance(3 * 3_600_000);
    await signIn();
    const recorded = await ok<SessionBody>(call('haizhou', 'POST', `/training/sessions/${city.id}/attendance`, { version: 1, watchedMinutes: 30 }));
    expect(recorded).toMatchObject({ roster: null, myAttendance: { watchedMinutes: 30, status: 'attended', version: 2 } });
    // Someone else's row is the organiser's to record, within their own ground.
    expectProblem(await call('haizhou', 'POST', `/training/sessions/${city.id}/attendance`, { version: 1, watchedMinutes: 30, userId: ids.leader }), 404, 'not_found');
    const byOrganiser = await ok<SessionBody>(call('yingji', 'GET', `/training/sessions/${city.id}`));
    expect(byOrganiser.tally).toMatchObject({ required: 2, attended: 1 });
    const pending = await ok<{ items: Array<{ id: string }> }>(call('haizhou', 'GET', '/training/my-sessions?pending=true'));
    expect(pending.items.map((s) => s.id)).not.toContain(city.id);
  });

  it("shows an enterprise officer only the sessions they are on, and the system admin the library but no attendance", async () => {
    const mine = await ok<{ items: Array<{ id: string; title: string }> }>(call('qiye', 'GET', '/training/my-sessions'));
    expect(mine.items.map((s) => s.title)).toEqual(['海州区危化企业安全生产法专题学习（演示）']);
    const list = await ok<{ items: Array<{ id: string }> }>(call('qiye', 'GET', '/training/sessions'));
    expect(list.items).toEqual([]);
    expect((await call('admin', 'GET', '/training/courses')).statusCode).toBe(200);
    expectProblem(await call('admin', 'POST', `/training/sessions/${mine.items[0]!.id}/attendance`, { version: 1, watchedMinutes: 1 }), 403, 'forbidden');
  });

  it('filters sessions by the days of China on which they start', async () => {
    // The clock began at 2026-01-05T08:00Z (16:00 in China): both test sessions started on 5 January there.
    const fifth = await ok<{ items: Array<{ id: string; title: string }> }>(call('yingji', 'GET', '/training/sessions?from=2026-01-05&to=2026-01-05&limit=200'));
    expect(fifth.items.map((s) => s.id).sort()).toEqual([districtSessionId, citySessionId].sort());
    const fourth = await ok<{ items: unknown[] }>(call('yingji', 'GET', '/training/sessions?from=2026-01-04&to=2026-01-04'));
    expect(fourth.items).toEqual([]);
    expectProblem(await call('yingji', 'GET', '/training/sessions?from=2026-02-30'), 400, 'validation_failed');
});
});
