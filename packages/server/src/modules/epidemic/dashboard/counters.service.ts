import type { MeasurePlan } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import { shiftDay } from '../followups/calendar.js';
import { FollowupsRepository } from '../followups/followups.repository.js';
import type { ManagedPerson, PersonBrief } from '../persons/persons.directory.js';
import { PersonsDirectoryRepository } from '../persons/persons.directory.repository.js';
import { chinaToday } from '../persons/persons.input.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import type { PersonTable } from '../persons/persons.tables.js';
import { TravelRepository } from '../travel/travel.repository.js';
import { addPerson, CounterDeltas, CUMULATIVE_SERIES, followupMark, markedDays, NO_DAY, personDeltas, READ_WINDOW_DAYS, type CounterSeries, type PersonFacts } from './counters.js';
import { CountersRepository } from './counters.repository.js';

type FactColumns = Pick<PersonTable, 'region_code' | 'category' | 'status' | 'created_at' | 'report_date'>;

export function personFacts(row: FactColumns, plan: MeasurePlan | null): PersonFacts {
  return { regionCode: row.region_code, category: row.category, status: row.status, createdAt: row.created_at, reportDate: row.report_date, plan };
}

/** The same, from a person as the directory gives them to the other epidemic modules. */
export function briefFacts(person: Pick<PersonBrief, 'gridCode' | 'category' | 'status' | 'createdAt' | 'reportDate'>, plan: MeasurePlan | null): PersonFacts {
  return { regionCode: person.gridCode, category: person.category, status: person.status, createdAt: person.createdAt, reportDate: person.reportDate, plan };
}

/** The plan as stored (JSON), or null. */
export function storedPlan(json: string | undefined | null): MeasurePlan | null {
  return json ? (JSON.parse(json) as MeasurePlan) : null;
}

/** Adds the changes to the counters inside the caller's transaction (ground-scoped like the write itself). */
export async function applyCounters(trx: Kysely<Database>, deltas: CounterDeltas): Promise<void> {
  const changes = deltas.entries();
  if (changes.length > 0) await new CountersRepository(trx).add(changes);
}

/**
 * Counts a person's change (registration: `before` null) inside the transaction that writes it.
 * The follow-up marks of yesterday and today move with the person; the person is already visible
 * to the caller, so their follow-up days are read without the ground (a follow-up keeps the grid
 * the person had when it was recorded).
 */
export async function countPersonChange(trx: Kysely<Database>, personId: string, before: PersonFacts | null, after: PersonFacts | null, today: string): Promise<void> {
  let followedUp = new Set<string>();
  if (before) {
    const [yesterday] = markedDays(today);
    const rows = await new FollowupsRepository(trx.withoutPlugins()).daysRecorded([personId], yesterday, today);
    followedUp = new Set(rows.map((row) => row.followup_date));
  }
  await applyCounters(trx, personDeltas(before, after, followedUp, today));
}

/**
 * Counts new persons (an import, a seed) inside the transaction that inserts them. Persons of an
 * import share their registration time and, by their facts, their plan: each group of alike
 * persons is counted once.
 */
export async function countRegistrations(trx: Kysely<Database>, registered: readonly PersonFacts[]): Promise<void> {
  const plans = new Map<MeasurePlan, number>();
  const groups = new Map<string, { facts: PersonFacts; n: number }>();
  for (const facts of registered) {
    let plan = 0;
    if (facts.plan) {
      plan = plans.get(facts.plan) ?? plans.size + 1;
      plans.set(facts.plan, plan);
    }
    const key = `${facts.regionCode}|${facts.category}|${facts.status}|${facts.createdAt}|${facts.reportDate}|${plan}`;
    const group = groups.get(key);
    if (group) group.n += 1;
    else groups.set(key, { facts, n: 1 });
  }
  const deltas = new CounterDeltas();
  for (const { facts, n } of groups.values()) addPerson(deltas, facts, n);
  await applyCounters(trx, deltas);
}

/** Counts a person's first follow-up of a day inside the transaction that records it. */
export async function countFollowup(trx: Kysely<Database>, person: ManagedPerson, day: string): Promise<void> {
  const deltas = new CounterDeltas();
  followupMark(deltas, briefFacts(person, person.plan), day, 1);
  await applyCounters(trx, deltas);
}

const PAGE = 2_000;

/**
 * The counters from scratch: every person, their current plan and their follow-ups of yesterday
 * and today, and every travel check. The migration fills the table with it, the demo seed calls it
 * after writing its rows directly, and the tests compare it with the counters kept by the writes.
 * Runs on the unscoped handle, in the caller's transaction if it is one.
 */
export async function rebuildEpidemicCounters(db: Kysely<Database>, now: Date): Promise<number> {
  const today = chinaToday(now);
  const [yesterday] = markedDays(today);
  const deltas = new CounterDeltas();
  const persons = new PersonsDirectoryRepository(db);
  for (let after = ''; ; ) {
    const page = await persons.factsPage(after, PAGE);
    if (page.length === 0) break;
    const ids = page.map((row) => row.id);
    const plans = await new PersonsRepository(db).currentPlans(ids);
    const followed = new Set((await new FollowupsRepository(db).daysRecorded(ids, yesterday, today)).map((row) => `${row.person_id}|${row.followup_date}`));
    for (const row of page) {
      const facts = personFacts(row, storedPlan(plans.get(row.id)?.plan));
      addPerson(deltas, facts, 1);
      for (const day of markedDays(today)) if (followed.has(`${row.id}|${day}`)) followupMark(deltas, facts, day, 1);
    }
    after = ids[ids.length - 1]!;
  }
  for (const row of await new TravelRepository(db).countsByDayRegion()) deltas.add('travel_check', row.check_day, row.region_code, row.decision, Number(row.n));
  const repo = new CountersRepository(db);
  await repo.clear();
  await repo.add(deltas.entries());
  return deltas.size;
}

/**
 * Keeps the counters small however long the epidemic lasts (the hourly job): folds the cells of
 * the cumulative series dated before yesterday into their base cell (dated ''), which leaves
 * every sum read for yesterday onwards as it was; deletes the cells of the daily series older
 * than any read (READ_WINDOW_DAYS) and the cells that count nothing. A grid then keeps one base
 * cell per key, its coming days (at most a plan's length) and a month of daily cells. The folded
 * rows are locked on PostgreSQL, so two folds at once cannot both move the same cell.
 */
export async function foldEpidemicCounters(db: Kysely<Database>, dialect: Dialect, now: Date): Promise<{ folded: number; deleted: number }> {
  const today = chinaToday(now);
  const before = shiftDay(today, -1);
  return db.transaction().execute(async (trx) => {
    const repo = new CountersRepository(trx);
    const cells = await repo.foldable(CUMULATIVE_SERIES, before, dialect === 'postgres');
    const base = new CounterDeltas();
    for (const cell of cells) base.add(cell.series as CounterSeries, NO_DAY, cell.region_code, cell.key, Number(cell.n));
    await repo.deleteByIds(cells.map((cell) => cell.id));
    await repo.add(base.entries());
    let deleted = 0;
    for (const [series, days] of Object.entries(READ_WINDOW_DAYS)) deleted += await repo.deleteBefore(series as CounterSeries, shiftDay(today, 1 - days));
    deleted += await repo.deleteEmpty();
    return { folded: cells.length, deleted };
  });
}
