import { randomUUID } from 'node:crypto';
import type { HazardGrade } from '@shoutu/domain';
import fc from 'fast-check';
import { sql, type Selectable, type Updateable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise } from '../../../test-support/enterprise-fixtures.js';
import { createTestApp, DEMO_PASSWORD, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { markOverdueCounts } from './hazard-counts.marking.js';
import { HazardCountsRepository } from './hazard-counts.repository.js';
import { INBOX_QUEUES, inboxQueues } from './hazard-inbox.queues.js';
import { HazardsRepository } from './hazards.repository.js';
import type { HazardTable } from './hazards.tables.js';

const COMMUNITIES = ['320706010001', '320706001001', '320703001001'];
const DAY = 86_400_000;

type Step =
  | { kind: 'report'; community: number; grade: HazardGrade; deadlineDays: number | null }
  | { kind: 'close' | 'reopen' | 'regrade' | 'submit' | 'flag' | 'request' | 'escalate'; pick: number }
  | { kind: 'extend'; pick: number; days: number }
  | { kind: 'wait'; days: number }
  | { kind: 'mark' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('report' as const), community: fc.nat(2), grade: fc.constantFrom<HazardGrade>('general', 'major'), deadlineDays: fc.option(fc.integer({ min: -5, max: 10 })) }),
  fc.record({ kind: fc.constantFrom('close' as const, 'reopen' as const, 'regrade' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constantFrom('submit' as const, 'flag' as const, 'request' as const, 'escalate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('extend' as const), pick: fc.nat(), days: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('mark' as const) }),
);

/** What a step changes in a hazard, as the service's writes would. */
function changesOf(kind: Exclude<Step['kind'], 'report' | 'wait' | 'mark'>, h: Selectable<HazardTable>, now: Date, days: number): Updateable<HazardTable> {
  const at = now.toISOString();
  switch (kind) {
    case 'close':
      return { status: 'closed', closed_at: at };
    case 'reopen':
      return { status: 'rectifying', closed_at: null };
    case 'regrade':
      return { grade: h.grade === 'major' ? 'general' : 'major' };
    case 'extend':
      return { deadline: new Date(Date.parse(h.deadline ?? at) + days * DAY).toISOString() };
    case 'submit':
      return { status: 'awaiting_acceptance', pending_extension: null, acceptance_overdue_at: null };
    case 'flag':
      return { acceptance_overdue_at: at };
    case 'request':
      return { pending_extension: JSON.stringify({ requestedDeadline: new Date(now.getTime() + 30 * DAY).toISOString(), reason: '计数测试', requestedAt: at }) };
    case 'escalate':
      return { escalation_level: h.escalation_level === null ? 'county' : 'city', escalated_at: at };
  }
}

/** The overview's counters (decision 0029) and the inbox's (decision 0032) against a recount of the hazards themselves. */
describe.each(ENGINES)('hazard counters on %s', (engine) => {
  let t: TestApp;
  let enterprises: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    enterprises = new Map();
    for (const [i, community] of COMMUNITIES.entries()) enterprises.set(community, await createEnterprise(t, community, 'HC', i));
  });
  afterAll(async () => {
    await t.close();
  });

  async function recount(now: string) {
    const rows = await sql<{ region_code: string; open: number; overdue: number; major: number }>`
      select region_code, count(*) as open,
        sum(case when deadline < ${now} then 1 else 0 end) as overdue,
        sum(case when grade = 'major' then 1 else 0 end) as major
      from hazards where status <> 'closed' group by region_code`.execute(t.db.kysely);
    return rows.rows.map((r) => ({ region_code: r.region_code, open: Number(r.open), overdue: Number(r.overdue), major: Number(r.major) })).sort((a, b) => a.region_code.localeCompare(b.region_code));
  }

  /** The inbox's queues per community, counted from every hazard by the rule itself. */
  async function recountQueues() {
    const cells = new Map<string, number>();
    for (const h of await t.db.kysely.selectFrom('hazards').selectAll().execute()) {
      for (const queue of inboxQueues(h)) cells.set(`${h.region_code}|${queue}`, (cells.get(`${h.region_code}|${queue}`) ?? 0) + 1);
    }
    return [...cells].map(([key, n]) => ({ region_code: key.split('|')[0]!, queue: key.split('|')[1]!, n })).sort((a, b) => a.region_code.localeCompare(b.region_code) || a.queue.localeCompare(b.queue));
  }

  async function countedQueues() {
    return (await new HazardCountsRepository(t.db.kysely).inboxCells()).map((c) => ({ region_code: c.region_code, queue: c.queue as string, n: Number(c.n) })).sort((a, b) => a.region_code.localeCompare(b.region_code) || a.queue.localeCompare(b.queue));
  }

  /** Per community (12 digits), or summed per leading digits as an overview of a city or county asks. */
  async function counted(now: string, digits = 12) {
    return (await new HazardCountsRepository(t.db.kysely).bySubtree('320700', now, digits)).filter((r) => r.open > 0 || r.overdue > 0).sort((a, b) => a.region_code.localeCompare(b.region_code));
  }

  function rolledUp(rows: Awaited<ReturnType<typeof recount>>, digits: number) {
    const sums = new Map<string, { region_code: string; open: number; overdue: number; major: number }>();
    for (const row of rows) {
      const code = row.region_code.slice(0, digits);
      const sum = sums.get(code) ?? { region_code: code, open: 0, overdue: 0, major: 0 };
      sums.set(code, { region_code: code, open: sum.open + row.open, overdue: sum.overdue + row.overdue, major: sum.major + row.major });
    }
    return [...sums.values()].sort((a, b) => a.region_code.localeCompare(b.region_code));
  }

  it('equal a full recount after any series of reports, closures, reopenings, extensions, submissions, flags, escalations, waits and markings', async () => {
    const ids: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const repo = new HazardsRepository(t.db.kysely);
        for (const s of steps) {
          const now = t.clock.now();
          const pick = async (n: number) => {
            const id = ids[n % Math.max(ids.length, 1)];
            return id ? t.db.kysely.selectFrom('hazards').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
          };
          if (s.kind === 'report') {
            const community = COMMUNITIES[s.community]!;
            const id = randomUUID();
            const deadline = s.deadlineDays === null ? null : new Date(now.getTime() + s.deadlineDays * DAY).toISOString();
            await repo.insert({
              id, region_code: community, enterprise_id: enterprises.get(community)!, inspection_id: null, inspection_item_number: null, campaign_id: null, grade: s.grade, source: 'regulator_inspection',
              description: '计数测试隐患', place: null, photos: '[]', status: deadline ? 'rectifying' : 'found', responsible_unit: null, responsible_person: null, deadline, original_deadline: deadline,
              pending_extension: null, governance_plan: null, rectification: null, acceptance: null, listed_by_unit_id: null, listed_by_unit_name: null, listed_at: null,
              listing_publication_due_at: null, delisting_publication_due_at: null, escalation_level: null, escalated_at: null, acceptance_due_at: null, acceptance_overdue_at: null,
              found_at: now.toISOString(), found_by: null, closed_at: null, created_at: now.toISOString(), updated_at: now.toISOString(), version: 1,
            });
            ids.push(id);
          } else if (s.kind === 'wait') {
            t.clock.advance(s.days * DAY);
          } else if (s.kind === 'mark') {
            await markOverdueCounts(t.db.kysely, now);
          } else {
            const h = await pick(s.pick);
            if (!h) continue;
            expect(await repo.updateVersioned(h.id, h.version, changesOf(s.kind, h, now, s.kind === 'extend' ? s.days : 0))).toBe(1);
          }
        }
        const at = t.clock.now().toISOString();
        const expected = await recount(at);
        expect(await counted(at)).toEqual(expected);
        for (const digits of [6, 9]) expect(await counted(at, digits), `${digits} digits`).toEqual(rolledUp(expected, digits));
        expect(await countedQueues()).toEqual(await recountQueues());
      }),
      { numRuns: engine === 'sqlite' ? 40 : 15 },
    );
    expect(ids.length).toBeGreaterThan(0);
  });

  it('give the same overview and inbox counts after a rebuild from the hazards', async () => {
    const at = t.clock.now().toISOString();
    const before = await counted(at);
    const queuesBefore = await countedQueues();
    await new HazardCountsRepository(t.db.kysely).rebuild(at);
    expect(await counted(at)).toEqual(before);
    expect(before).toEqual(await recount(at));
    expect(await countedQueues()).toEqual(queuesBefore);
    expect(new Set(queuesBefore.map((c) => c.queue))).toEqual(new Set(INBOX_QUEUES));
  });

  it('answer GET /safety/hazard-overview with the recounted figures', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: DEMO_PASSWORD } });
    const cookie = `shoutu_session=${login.cookies.find((c) => c.name === 'shoutu_session')!.value}`;
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/safety/hazard-overview', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const expected = (await recount(t.clock.now().toISOString())).reduce((sum, r) => ({ open: sum.open + r.open, overdue: sum.overdue + r.overdue, major: sum.major + r.major }), { open: 0, overdue: 0, major: 0 });
    expect(response.json().total).toEqual(expected);
    expect(expected.open).toBeGreaterThan(0);
  });
});
