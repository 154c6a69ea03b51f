import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import type { UnitTable } from '../../db/schema.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import type { AuditService } from '../audit/audit.service.js';
import { UnitsRepository } from './units.repository.js';
import type { CreateUnitBody, Unit, UpdateUnitBody } from './units.schema.js';

function toUnit(row: Selectable<UnitTable>): Static<typeof Unit> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    regionCode: row.region_code,
    matters: JSON.parse(row.matters) as string[],
    memberRegionCodes: JSON.parse(row.member_region_codes) as string[],
    version: row.version,
  };
}

/** Departments (部门, with the matters they supervise) and functional zones without a code (e.g. 徐圩新区). */
export class UnitsService {
  constructor(private readonly audit: AuditService) {}

  async list(ctx: RequestContext, query: { limit?: number; cursor?: string }) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await new UnitsRepository(ctx.db).list({ limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toUnit), nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string) {
    const row = await new UnitsRepository(ctx.db).byId(id);
    if (!row) throw notFound();
    return toUnit(row);
  }

  async create(ctx: RequestContext, body: Static<typeof CreateUnitBody>) {
    const now = ctx.now().toISOString();
    const row = {
      id: randomUUID(),
      name: body.name,
      kind: body.kind,
      region_code: body.regionCode,
      matters: JSON.stringify(body.matters ?? []),
      member_region_codes: JSON.stringify(body.memberRegionCodes ?? []),
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await new UnitsRepository(trx).insert(row);
      await this.audit.record(trx, ctx, { action: 'unit.create', objectType: 'unit', objectId: row.id, detail: { name: row.name, kind: row.kind } });
    });
    return toUnit(row);
  }

  async update(ctx: RequestContext, id: string, body: Static<typeof UpdateUnitBody>) {
    if (body.version === undefined) throw new AppError('version_required');
    const repo = new UnitsRepository(ctx.db);
    if (!(await repo.byId(id))) throw notFound();
    const changes = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.matters !== undefined ? { matters: JSON.stringify(body.matters) } : {}),
      ...(body.memberRegionCodes !== undefined ? { member_region_codes: JSON.stringify(body.memberRegionCodes) } : {}),
      updated_at: ctx.now().toISOString(),
    };
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new UnitsRepository(trx).updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'unit.update', objectType: 'unit', objectId: id, detail: { fields: Object.keys(body).filter((k) => k !== 'version') } });
    });
    return this.get(ctx, id);
  }
}
