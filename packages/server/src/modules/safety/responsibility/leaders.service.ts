import { randomUUID } from 'node:crypto';
import { maskMobile, normalizeMobile, REGION_LEADER_POST_LABELS, REGION_LEADER_POST_TEMPLATE, isWithinGround, type RegionLeaderPost } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { LeadersRepository, type LeaderRow } from './leaders.repository.js';
import type { CreateLeaderBody, LeaderListQuery, RegionLeader, UpdateLeaderBody } from './leaders.schema.js';

const PHONE_PURPOSE = 'region_leaders.phone';

/**
 * Leaders' phones are personal data (SECURITY.md rows 14, 16): encrypted before they reach the
 * repository and only ever answered masked. Names and posts of leaders are public.
 */
export class LeaderPhones {
  constructor(private readonly crypto: FieldCrypto) {}

  /** The encrypted column value; undefined with a field error for a number that is not a mobile. */
  encrypt(phone: string | null | undefined, errors: FieldError[]): string | null | undefined {
    if (phone === undefined) return undefined;
    const text = phone?.trim() ?? '';
    if (text === '') return null;
    const normalized = normalizeMobile(text);
    if (normalized === null) {
      errors.push(fieldError('phone', 'invalid'));
      return undefined;
    }
    return this.crypto.encrypt(normalized, PHONE_PURPOSE);
  }

  masked(stored: string | null): string | null {
    return stored === null ? null : maskMobile(this.crypto.decrypt(stored, PHONE_PURPOSE));
  }
}

export function presentLeader(row: LeaderRow, phones: LeaderPhones, regionName: string | null): RegionLeader {
  const post = row.post_kind as RegionLeaderPost;
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName,
    postKind: post,
    postKindLabel: { ...REGION_LEADER_POST_LABELS[post] },
    postTitle: row.post_title,
    name: row.leader_name,
    phone: phones.masked(row.phone),
    templateId: REGION_LEADER_POST_TEMPLATE[post],
    sortOrder: row.sort_order,
    isDemo: row.is_demo === 1,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The leaders of each region and their posts (区长, 分管安全生产副区长 …), as the responsibility chain names them. */
export class LeadersService {
  private readonly phones: LeaderPhones;

  constructor(
    private readonly audit: AuditService,
    crypto: FieldCrypto,
  ) {
    this.phones = new LeaderPhones(crypto);
  }

  async list(ctx: RequestContext, query: LeaderListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 3) as [string, number, string] | null;
    const rows = await new LeadersRepository(ctx.db).list(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const names = await this.regionNames(ctx, page.map((row) => row.region_code));
    const last = page[page.length - 1];
    return {
      items: page.map((row) => presentLeader(row, this.phones, names.get(row.region_code) ?? null)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.region_code, last.sort_order, last.id]) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<RegionLeader> {
    const row = await new LeadersRepository(ctx.db).byId(id);
    if (!row) throw notFound();
    return presentLeader(row, this.phones, (await this.regionNames(ctx, [row.region_code])).get(row.region_code) ?? null);
  }

  async create(ctx: RequestContext, body: CreateLeaderBody): Promise<RegionLeader> {
    const errors: FieldError[] = [];
    if (!isWithinGround(body.regionCode, ctx.actor!.ground)) errors.push(fieldError('regionCode', 'outside_ground'));
    else if (!(await new RegionsRepository(ctx.db).byCode(body.regionCode))) errors.push(fieldError('regionCode', 'unknown_region'));
    const phone = this.phones.encrypt(body.phone, errors);
    const name = body.name.trim();
    const title = body.postTitle.trim();
    if (Array.from(name).length < 2) errors.push(fieldError('name', 'too_short'));
    if (Array.from(title).length < 2) errors.push(fieldError('postTitle', 'too_short'));
    if (errors.length) throw invalid(...errors);
    const at = ctx.now().toISOString();
    const row: LeaderRow = {
      id: randomUUID(),
      region_code: body.regionCode,
      post_kind: body.postKind,
      post_title: title,
      leader_name: name,
      phone: phone ?? null,
      sort_order: body.sortOrder ?? 0,
      is_demo: 0,
      updated_by: ctx.actor!.username,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await new LeadersRepository(trx).insert(row);
      await this.audit.record(trx, ctx, { action: 'region_leader.create', objectType: 'region_leader', objectId: row.id, detail: { regionCode: row.region_code, postKind: row.post_kind, postTitle: title } });
    });
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, id: string, body: UpdateLeaderBody): Promise<RegionLeader> {
    if (body.version === undefined) throw new AppError('version_required');
    await this.get(ctx, id);
    const errors: FieldError[] = [];
    const phone = this.phones.encrypt(body.phone, errors);
    const name = body.name?.trim();
    const title = body.postTitle?.trim();
    if (name !== undefined && Array.from(name).length < 2) errors.push(fieldError('name', 'too_short'));
    if (title !== undefined && Array.from(title).length < 2) errors.push(fieldError('postTitle', 'too_short'));
    if (errors.length) throw invalid(...errors);
    const changes = {
      ...(body.postKind !== undefined ? { post_kind: body.postKind } : {}),
      ...(title !== undefined ? { post_title: title } : {}),
      ...(name !== undefined ? { leader_name: name } : {}),
      ...(phone !== undefined ? { phone } : {}),
      ...(body.sortOrder !== undefined ? { sort_order: body.sortOrder } : {}),
      updated_by: ctx.actor!.username,
      updated_at: ctx.now().toISOString(),
    };
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new LeadersRepository(trx).updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      // The phone itself never goes into the trail, only that it changed.
      await this.audit.record(trx, ctx, { action: 'region_leader.update', objectType: 'region_leader', objectId: id, detail: { fields: Object.keys(body).filter((key) => key !== 'version') } });
    });
    return this.get(ctx, id);
  }

  async delete(ctx: RequestContext, id: string, version: number | undefined): Promise<void> {
    if (version === undefined) throw new AppError('version_required');
    const current = await this.get(ctx, id);
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new LeadersRepository(trx).delete(id, version)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'region_leader.delete', objectType: 'region_leader', objectId: id, detail: { regionCode: current.regionCode, postTitle: current.postTitle } });
    });
  }

  private async regionNames(ctx: RequestContext, codes: readonly string[]): Promise<Map<string, string>> {
    const regions = await new RegionsRepository(ctx.db).byCodes([...new Set(codes)]);
    return new Map(regions.map((region) => [region.code, region.name]));
  }
}
