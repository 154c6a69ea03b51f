import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../test-support/harness.js';
import { refreshPlannerStatistics } from './planner-statistics.js';

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
