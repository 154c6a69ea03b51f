import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../test-support/harness.js';
import { refreshAfterBulkLoad, refreshPlannerStatistics } from './planner-statistics.js';

describe.each(ENGINES)('planner statistics on %s', (engine) => {
  let test: TestDb | undefined;
  afterEach(async () => {
    await test?.drop();
    test = undefined;
  });

  it('are gathered for a table loaded in bulk', async () => {
    test = await createTestDb(engine);
    const { kysely } = test.db;
    await sql`create table planned (k text, v integer)`.execute(kysely);
    await sql`create index planned_k on planned (k)`.execute(kysely);
    for (let i = 0; i < 4; i += 1) {
      const rows = Array.from({ length: 500 }, (_, j) => sql`(${`k${(i * 500 + j) % 7}`}, ${j})`);
      await sql`insert into planned (k, v) values ${sql.join(rows)}`.execute(kysely);
    }
    await refreshPlannerStatistics(test.db);
    const gathered =
      engine === 'sqlite'
        ? await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = 'planned'`.execute(kysely)
        : await sql<{ n: number }>`select count(*) as n from pg_stats where tablename = 'planned'`.execute(kysely);
    expect(Number(gathered.rows[0]!.n)).toBeGreaterThan(0);
  });
});

describe.each(ENGINES)('statistics after a bulk load on %s', (engine) => {
  let test: TestDb | undefined;
  afterEach(async () => {
    await test?.drop();
    test = undefined;
  });

  it('are taken again on SQLite once a table has grown; left to autovacuum on PostgreSQL', async () => {
    test = await createTestDb(engine);
    const { kysely } = test.db;
    await sql`create table grown (k text, v integer)`.execute(kysely);
    await sql`create index grown_k on grown (k)`.execute(kysely);
    const insert = async (n: number) => {
      for (let i = 0; i < n; i += 500) await sql`insert into grown (k, v) values ${sql.join(Array.from({ length: Math.min(500, n - i) }, (_, j) => sql`(${`k${(i + j) % 11}`}, ${j})`))}`.execute(kysely);
    };
    await insert(20);
    await refreshPlannerStatistics(test.db);
    await insert(2_000);
    await refreshAfterBulkLoad(test.db);
    if (engine === 'sqlite') {
      const stat = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'grown' and idx = 'grown_k'`.execute(kysely);
      expect(Number(stat.rows[0]!.stat.split(' ')[0])).toBe(2_020);
    } else {
      // The explicit analyze of the start-up counted 20 rows; the bulk load adds no analyze of its own.
      const stats = await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'grown'`.execute(kysely);
      expect(Number(stats.rows[0]!.n)).toBe(20);
    }
  });
});
