import type { Selectable } from 'kysely';
import type { RegionTable } from '../../db/schema.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { RegionsRepository } from './regions.repository.js';
import type { Region } from './regions.schema.js';

export function toRegion(row: Selectable<RegionTable>): Region {
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parent_code, childCount: Number(row.child_count) };
}

export class RegionsService {
  /** Without a parent: the roots of the caller's ground. The repository hides what lies outside it. */
  async list(ctx: RequestContext, parent?: string): Promise<Region[]> {
    const repo = new RegionsRepository(ctx.db);
    const rows = parent ? await repo.children(parent) : await repo.byCodes(ctx.actor?.ground.regionCodes ?? []);
    return rows.map(toRegion);
  }

  async get(ctx: RequestContext, code: string): Promise<Region> {
    const row = await new RegionsRepository(ctx.db).byCode(code);
    if (!row) throw notFound();
    return toRegion(row);
  }
}
