import { randomUUID } from 'node:crypto';
import { isWithinGround, regionPrefix } from '@shoutu/domain';
import type { Selectable } from 'kysely';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsService } from '../../regions/regions.service.js';
import type { NamedPlaceTable } from './areas.tables.js';
import { PlacesRepository } from './places.repository.js';
import type { CreatePlaceBody, NamedPlace, PlaceQuery } from './places.schema.js';

export function toPlace(row: Selectable<NamedPlaceTable>): NamedPlace {
  return { id: row.id, regionCode: row.region_code, name: row.name, kind: row.kind, isDemo: row.is_demo === 1, createdAt: row.created_at };
}

/** Named places (a building, a market…) inside communities, which may be designated risk areas (decision 0025). */
export class PlacesService {
  private readonly regions = new RegionsService();

  constructor(private readonly audit: AuditService) {}

  async list(ctx: RequestContext, query: PlaceQuery): Promise<{ items: NamedPlace[] }> {
    const rows = await new PlacesRepository(ctx.db).list({ limit: query.limit ?? 100, ...(query.regionCode ? { prefix: regionPrefix(query.regionCode) } : {}), ...(query.q ? { q: query.q } : {}) });
    return { items: rows.map(toPlace) };
  }

  async create(ctx: RequestContext, body: CreatePlaceBody): Promise<NamedPlace> {
    // The regions are grounded: a community outside the ground is not found; the ground says which error it is.
    const region = await this.regions.get(ctx, body.regionCode).catch(() => null);
    if (!region) throw invalid(fieldError('regionCode', ctx.actor && isWithinGround(body.regionCode, ctx.actor.ground) ? 'unknown_region' : 'outside_ground'));
    if (region.level !== 'community') throw invalid(fieldError('regionCode', 'not_community'));
    const name = body.name.trim();
    const row = { id: randomUUID(), region_code: body.regionCode, name, kind: body.kind, created_by: ctx.actor?.id ?? null, is_demo: 0, created_at: ctx.now().toISOString() };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new PlacesRepository(trx);
      if (await repo.byName(body.regionCode, name)) throw new AppError('conflict', [fieldError('name', 'taken')]);
      await repo.insert([row]);
      await this.audit.record(trx, ctx, { action: 'place.create', objectType: 'named_place', objectId: row.id, detail: { regionCode: row.region_code, name, kind: row.kind } });
    });
    return toPlace(row);
  }
}
