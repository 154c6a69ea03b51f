import { CompiledQuery, type Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../modules/audit/audit.service.js';
import { importCityRegions } from '../modules/regions/regions.import.js';
import { createTestDb, ENGINES, type TestDb } from '../test-support/harness.js';
import { GroundScopePlugin, GroundViolation } from './ground-scope.js';
import { migrateToLatest } from './migrate.js';
import { refreshPlannerStatistics } from './planner-statistics.js';
import type { UnitTable } from './schema.js';

const NOW = new Date('2026-01-05T08:00:00Z');

function unit(id: string, regionCode: string): Insertable<UnitTable> {
  return { id, name: `单位 ${id}`, kind: 'department', region_code: regionCode, matters: '[]', member_region_codes: '[]', created_at: NOW.toISOString(), updated_at: NOW.toISOString(), version: 1 };
}

/**
 * The ground scope (辖区) is applied by a Kysely plugin to every query of a request's handle, so
 * no module can forget it (SECURITY.md row 8). Haizhou is 320706, Lianyun 320703, Ganyu 320707.
 */
describe.each(ENGINES)('ground scope plugin on %s', (engine) => {
  let test: TestDb;
  let haizhouTown: string;
  const UNITS_IN = {
    city: ['u-city'],
    haizhou: ['u-haizhou', 'u-haizhou-town'],
    lianyun: ['u-lianyun'],
    ganyu: ['u-ganyu'],
  };

  beforeAll(async () => {
    test = await createTestDb(engine);
    await migrateToLatest(test.db);
    const audit = new AuditService(test.db.dialect);
    await importCityRegions(test.db, audit, '3207', NOW);
    haizhouTown = (await test.db.kysely.selectFrom('regions').select('code').where('parent_code', '=', '320706').orderBy('code').executeTakeFirstOrThrow()).code;
    const rows = [unit('u-city', '320700'), unit('u-haizhou', '320706'), unit('u-haizhou-town', haizhouTown), unit('u-lianyun', '320703'), unit('u-ganyu', '320707')];
    await test.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('units').values(rows).execute();
      for (const row of rows) await audit.record(trx, { actor: null, ip: null, now: () => NOW }, { action: 'unit.create', actorUsername: 'system', objectType: 'unit', objectId: row.id });
    });
  });
  afterAll(() => test.drop());

  const scoped = (...regionCodes: string[]) => test.db.kysely.withPlugin(new GroundScopePlugin({ regionCodes }, test.db.dialect));
  const unitIds = async (db = scoped('320706')) => (await db.selectFrom('units').select('id').orderBy('id').execute()).map((u) => u.id);
  const unscopedUnit = (id: string) => test.db.kysely.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();

  it('shows a district only its own units and regions in a plain select', async () => {
    expect(await unitIds()).toEqual([...UNITS_IN.haizhou].sort());
    const regions = await scoped('320706').selectFrom('regions').select('code').execute();
    const all = await test.db.kysely.selectFrom('regions').select('code').execute();
    expect(regions.length).toBeGreaterThan(10);
    expect(regions.every((r) => r.code.startsWith('320706'))).toBe(true);
    expect(regions.length).toBe(all.filter((r) => r.code.startsWith('320706')).length);
  });

  it('finds nothing when asked by id for a unit of another district', async () => {
    expect(await scoped('320706').selectFrom('units').selectAll().where('id', '=', 'u-lianyun').executeTakeFirst()).toBeUndefined();
    expect(await scoped('320706').selectFrom('units').selectAll().where('region_code', '=', '320700').execute()).toEqual([]);
  });

  it('scopes both sides of a join', async () => {
    const rows = await scoped('320706')
      .selectFrom('units')
      .innerJoin('regions', 'regions.code', 'units.region_code')
      .select(['units.id', 'regions.code'])
      .orderBy('units.id')
      .execute();
    expect(rows.map((r) => r.id)).toEqual([...UNITS_IN.haizhou].sort());

    const outer = await scoped('320706')
      .selectFrom('regions')
      .leftJoin('units', 'units.region_code', 'regions.code')
      .select(['regions.code', 'units.id'])
      .where('regions.code', 'in', ['320700', '320703', '320706'])
      .execute();
    expect(outer).toEqual([{ code: '320706', id: 'u-haizhou' }]);
  });

  it('scopes tables under an alias', async () => {
    const rows = await scoped('320703')
      .selectFrom('units as u')
      .innerJoin('regions as r', 'r.code', 'u.region_code')
      .select(['u.id', 'r.name'])
      .execute();
    expect(rows).toEqual([{ id: 'u-lianyun', name: '连云区' }]);
  });

  it('scopes a grounded table read in a subquery', async () => {
    const counts = await scoped('320706')
      .selectNoFrom((eb) => [
        eb.selectFrom('units').select((s) => s.fn.countAll<number>().as('n')).as('units'),
        eb.selectFrom('regions').select((s) => s.fn.countAll<number>().as('n')).where('code', '=', '320703').as('lianyun'),
      ])
      .executeTakeFirstOrThrow();
    expect({ units: Number(counts.units), lianyun: Number(counts.lianyun) }).toEqual({ units: 2, lianyun: 0 });

    // audit_log is not grounded; the units in the subquery are.
    const audited = await scoped('320706')
      .selectFrom('audit_log')
      .select('object_id')
      .where('object_id', 'in', (eb) => eb.selectFrom('units').select('id'))
      .orderBy('object_id')
      .execute();
    expect(audited.map((a) => a.object_id)).toEqual([...UNITS_IN.haizhou].sort());
  });

  it("changes no unit of another district with UPDATE, and only its own without a WHERE", async () => {
    const lianyunBefore = await unscopedUnit('u-lianyun');
    const targeted = await scoped('320706').updateTable('units').set({ name: '被越权修改' }).where('id', '=', 'u-lianyun').executeTakeFirst();
    expect(Number(targeted.numUpdatedRows)).toBe(0);
    const everything = await scoped('320706').updateTable('units').set({ updated_at: '2026-01-06T00:00:00.000Z' }).executeTakeFirst();
    expect(Number(everything.numUpdatedRows)).toBe(UNITS_IN.haizhou.length);
    expect(await unscopedUnit('u-lianyun')).toEqual(lianyunBefore);
    expect((await unscopedUnit('u-haizhou'))!.updated_at).toBe('2026-01-06T00:00:00.000Z');
  });

  it('deletes no unit of another district', async () => {
    const result = await scoped('320706').deleteFrom('units').where('id', 'in', ['u-lianyun', 'u-ganyu', 'u-city']).executeTakeFirst();
    expect(Number(result.numDeletedRows)).toBe(0);
    for (const id of ['u-lianyun', 'u-ganyu', 'u-city']) expect(await unscopedUnit(id)).toBeDefined();

    await test.db.kysely.insertInto('units').values(unit('u-haizhou-doomed', '320706')).execute();
    const own = await scoped('320706').deleteFrom('units').where('id', '=', 'u-haizhou-doomed').executeTakeFirst();
    expect(Number(own.numDeletedRows)).toBe(1);
  });

  it('refuses to insert a unit into another district with GroundViolation', async () => {
    await expect(scoped('320706').insertInto('units').values(unit('u-smuggled', '320703')).execute()).rejects.toBeInstanceOf(GroundViolation);
    await expect(scoped('320706').insertInto('units').values([unit('u-fine', '320706'), unit('u-smuggled', '320703')]).execute()).rejects.toBeInstanceOf(GroundViolation);
    expect(await unscopedUnit('u-smuggled')).toBeUndefined();
    expect(await unscopedUnit('u-fine')).toBeUndefined();

    await scoped('320706').insertInto('units').values(unit('u-haizhou-new', haizhouTown)).execute();
    expect(await unscopedUnit('u-haizhou-new')).toMatchObject({ region_code: haizhouTown });
    await test.db.kysely.deleteFrom('units').where('id', '=', 'u-haizhou-new').execute();
  });

  it('refuses an insert whose region cannot be checked: INSERT … SELECT, or no region column', async () => {
    const before = await test.db.kysely.selectFrom('units').select('id').orderBy('id').execute();
    const copy = scoped('320706')
      .insertInto('units')
      .columns(['id', 'name', 'kind', 'region_code', 'matters', 'member_region_codes', 'created_at', 'updated_at', 'version'])
      .expression((eb) => eb.selectFrom('units').select(['name as id', 'name', 'kind', 'region_code', 'matters', 'member_region_codes', 'created_at', 'updated_at', 'version']));
    await expect(copy.execute()).rejects.toBeInstanceOf(GroundViolation);
    const { region_code: _omitted, ...withoutRegion } = unit('u-nowhere', '320706');
    await expect(scoped('320706').insertInto('units').values(withoutRegion as Insertable<UnitTable>).execute()).rejects.toBeInstanceOf(GroundViolation);
    expect(await test.db.kysely.selectFrom('units').select('id').orderBy('id').execute()).toEqual(before);
  });

  it('refuses an UPDATE that would move a unit out of the ground, and leaves the unit where it was', async () => {
    await expect(scoped('320706').updateTable('units').set({ region_code: '320703' }).where('id', '=', 'u-haizhou').execute()).rejects.toBeInstanceOf(GroundViolation);
    await expect(scoped('320706').updateTable('units').set((eb) => ({ region_code: eb.ref('name') })).where('id', '=', 'u-haizhou').execute()).rejects.toBeInstanceOf(GroundViolation);
    expect(await unscopedUnit('u-haizhou')).toMatchObject({ region_code: '320706' });

    const within = await scoped('320706').updateTable('units').set({ region_code: haizhouTown }).where('id', '=', 'u-haizhou').executeTakeFirst();
    expect(Number(within.numUpdatedRows)).toBe(1);
    await test.db.kysely.updateTable('units').set({ region_code: '320706' }).where('id', '=', 'u-haizhou').execute();
  });

  it("cannot reach another district's unit through an upsert", async () => {
    const before = await unscopedUnit('u-lianyun');
    await scoped('320706')
      .insertInto('units')
      .values(unit('u-lianyun', '320706'))
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: '借插入之名修改' }))
      .execute();
    expect(await unscopedUnit('u-lianyun')).toEqual(before);

    const own = await unscopedUnit('u-haizhou');
    await scoped('320706')
      .insertInto('units')
      .values(unit('u-haizhou', '320706'))
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: '本区单位·改' }))
      .execute();
    expect(await unscopedUnit('u-haizhou')).toMatchObject({ name: '本区单位·改' });
    await test.db.kysely.updateTable('units').set({ name: own!.name }).where('id', '=', 'u-haizhou').execute();
  });

  it('sees nothing and changes nothing with an empty ground', async () => {
    const none = scoped();
    expect(await unitIds(none)).toEqual([]);
    expect(await none.selectFrom('regions').select('code').execute()).toEqual([]);
    expect(Number((await none.updateTable('units').set({ name: '空辖区修改' }).executeTakeFirst()).numUpdatedRows)).toBe(0);
    expect(Number((await none.deleteFrom('units').executeTakeFirst()).numDeletedRows)).toBe(0);
    await expect(none.insertInto('units').values(unit('u-from-nowhere', '320706')).execute()).rejects.toBeInstanceOf(GroundViolation);
  });

  it('sees both districts of a ground of two, and no third', async () => {
    expect(await unitIds(scoped('320706', '320703'))).toEqual([...UNITS_IN.haizhou, ...UNITS_IN.lianyun].sort());
    const counties = await scoped('320706', '320703').selectFrom('regions').select('code').where('level', '=', 'county').orderBy('code').execute();
    expect(counties.map((c) => c.code)).toEqual(['320703', '320706']);
  });

  it('sees the whole city with the city as its ground', async () => {
    expect(await unitIds(scoped('320700'))).toEqual([...UNITS_IN.city, ...UNITS_IN.haizhou, ...UNITS_IN.lianyun, ...UNITS_IN.ganyu].sort());
  });

  it('narrows to one town with a town as its ground', async () => {
    expect(await unitIds(scoped(haizhouTown))).toEqual(['u-haizhou-town']);
  });
});

/**
 * SQLite without STAT4 samples guessed that a city's region range keeps a sixteenth of a table and
 * walked the region index for `id in (…)` (every row of the city); the ground's bounds now carry
 * `likelihood()` so the planner takes the primary key, for a city's and a district's ground.
 * PostgreSQL plans from histograms.
 */
describe.each(ENGINES)('ground scope and the query planner on %s', (engine) => {
  let test: TestDb;
  const ids = Array.from({ length: 3_000 }, (_, i) => `u-${String(i).padStart(4, '0')}`);
  const wanted = ids.filter((_, i) => i % 5 === 2);

  beforeAll(async () => {
    test = await createTestDb(engine);
    await migrateToLatest(test.db);
    // Most of them in one district, as when a district's officers do most of the registering.
    const towns = ['320706001', '320706002', '320706003', '320703002'];
    const rows = ids.map((id, i) => unit(id, `${towns[i % towns.length]}${String(i % 40).padStart(3, '0')}`));
    for (let i = 0; i < rows.length; i += 500) await test.db.kysely.insertInto('units').values(rows.slice(i, i + 500)).execute();
    await refreshPlannerStatistics(test.db);
  });
  afterAll(() => test.drop());

  const byIds = (ground: string) => test.db.kysely.withPlugin(new GroundScopePlugin({ regionCodes: [ground] }, test.db.dialect)).selectFrom('units').select('id').where('id', 'in', wanted).orderBy('id');

  it('reads the same rows a city-wide lookup by id asks for, through the primary key on SQLite', async () => {
    expect((await byIds('320700').execute()).map((u) => u.id)).toEqual(wanted);
    expect((await byIds('320706').execute()).map((u) => u.id)).toEqual(wanted.filter((_, i) => (i * 5 + 2) % 4 !== 3));
    if (engine !== 'sqlite') return;
    // A district's range too: it may hold most of a table, and the ids are the better key.
    for (const ground of ['320700', '320706']) {
      const compiled = byIds(ground).compile();
      const plan = await test.db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
      expect(plan.rows.length).toBeGreaterThan(0);
      const details = plan.rows.map((r) => r.detail).join(' | ');
      expect(details, ground).toMatch(/sqlite_autoindex_units_1|PRIMARY KEY/);
      expect(details, ground).not.toContain('units_region');
    }
  });
});
