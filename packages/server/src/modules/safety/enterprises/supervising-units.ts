import { isWithinGround, isWithinRegion, type Ground } from '@shoutu/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, UnitTable } from '../../../db/schema.js';
import { UnitsRepository } from '../../units/units.repository.js';

export type UnitRow = Selectable<UnitTable>;

/** A department supervises the enterprises inside its own region: a city bureau the whole city, a district bureau its district. */
export function coversRegion(unit: UnitRow, regionCode: string): boolean {
  return unit.kind === 'department' && isWithinRegion(regionCode, unit.region_code);
}

/** Departments that may supervise something in the ground: those inside it and those above it (the city's bureaus for a district). */
export function servesGround(unit: UnitRow, ground: Ground): boolean {
  return unit.kind === 'department' && (isWithinGround(unit.region_code, ground) || ground.regionCodes.some((root) => isWithinRegion(root, unit.region_code)));
}

/**
 * The departments that supervise enterprises. A district officer's ground hides the city's
 * bureaus from `units`, yet those bureaus supervise the district's enterprises, so their names and
 * regions are read here through the unscoped handle. Only departments are answered, only read,
 * and callers filter them by the rules above before anything is shown or written.
 */
export class SupervisingUnits {
  private cache: Promise<Map<string, UnitRow>> | null = null;

  constructor(private readonly systemDb: Kysely<Database>) {}

  departments(): Promise<Map<string, UnitRow>> {
    this.cache ??= this.load();
    return this.cache;
  }

  private async load(): Promise<Map<string, UnitRow>> {
    const repo = new UnitsRepository(this.systemDb);
    const units = new Map<string, UnitRow>();
    let after: [string, string] | undefined;
    for (;;) {
      const page = await repo.list({ limit: 500, ...(after ? { after } : {}) });
      for (const unit of page) if (unit.kind === 'department') units.set(unit.id, unit);
      const last = page[page.length - 1];
      if (page.length < 500 || !last) return units;
      after = [last.name, last.id];
    }
  }
}
