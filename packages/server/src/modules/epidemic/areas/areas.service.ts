import { randomUUID } from 'node:crypto';
import {
  AREA_LEVEL_RANK,
  POLICY_EDITIONS,
  areaLevelTransitions,
  editionInForce,
  isWithinGround,
  isRegionCode,
  nextAreaLevel,
  parentRegionCode,
  regionPrefix,
  type AreaRiskLevel,
} from '@shoutu/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsService } from '../../regions/regions.service.js';
import { CountersRepository } from '../dashboard/counters.repository.js';
import { chinaToday } from '../persons/persons.input.js';
import { AreasRepository, type AreaTarget } from './areas.repository.js';
import type { AreaLevel, AreaLevelList, AreaLevelQuery, NextLevel, SetAreaLevelBody } from './areas.schema.js';
import type { AreaRiskLevelTable } from './areas.tables.js';
import { PlacesRepository } from './places.repository.js';

type Row = Selectable<AreaRiskLevelTable>;

/** The region and every region above it, up to the province (a county designation covers its communities). */
function selfAndAncestors(code: string): string[] {
  const codes: string[] = [];
  for (let c: string | null = code; c !== null; c = parentRegionCode(c)) codes.push(c);
  return codes;
}

/** Graded area risk (分区分级): designations with their edition, and the automatic step-downs. */
export class AreasService {
  private readonly regions = new RegionsService();

  constructor(private readonly audit: AuditService) {}

  /**
   * Each designation with its level on `date` after the step-downs of the edition in force then.
   * The last new infection in an area comes from the dashboard's per-day counts of new
   * infections (one indexed read per designation, whatever the number of persons).
   */
  async withCurrent(db: Kysely<Database>, rows: readonly Row[], date: string): Promise<AreaLevel[]> {
    if (rows.length === 0) return [];
    const counters = new CountersRepository(db);
    const lastInfections: Array<string | null> = [];
    for (const row of rows) {
      const prefix = regionPrefix(row.region_code);
      // Nobody's whereabouts say which building they were in: a named place's clock runs from its designation.
      lastInfections.push(row.place_id === null ? await counters.latestDay('new_infection', date, { from: prefix, to: `${prefix}~` }) : null);
    }
    const places = new Map((await new PlacesRepository(db).byIds(rows.flatMap((row) => (row.place_id ? [row.place_id] : [])))).map((place) => [place.id, place]));
    const edition = editionInForce(date);
    return rows.map((row, index) => {
      const last = lastInfections[index] ?? null;
      // The clock runs from the last new infection in the area; a designation made after it (or
      // with no infection on record) starts its own clock on its first day.
      const fromInfection = last !== null && last >= row.effective_from;
      const clockFrom = fromInfection ? last! : row.effective_from;
      const result = edition ? nextAreaLevel({ level: row.level, lastNewInfectionDate: clockFrom, today: date, edition }) : { level: row.level, changedOn: null, next: null };
      const byCode = POLICY_EDITIONS.find((e) => e.code === row.edition);
      return {
        id: row.id,
        regionCode: row.region_code,
        placeId: row.place_id,
        placeName: row.place_id ? (places.get(row.place_id)?.name ?? null) : null,
        placeKind: row.place_id ? (places.get(row.place_id)?.kind ?? null) : null,
        level: row.level,
        effectiveFrom: row.effective_from,
        effectiveTo: row.effective_to,
        edition: row.edition,
        editionName: byCode ? { 'zh-CN': byCode.name['zh-CN'], en: byCode.name.en } : { 'zh-CN': row.edition, en: row.edition },
        setBy: row.set_by,
        reason: row.reason,
        isDemo: row.is_demo === 1,
        createdAt: row.created_at,
        current: {
          level: result.level,
          changedOn: result.changedOn,
          next: result.next ? { level: result.next.level, on: result.next.on } : null,
          clockFrom,
          clockSource: fromInfection ? ('infection' as const) : ('designation' as const),
          lastNewInfectionDate: last,
          edition: edition?.code ?? null,
        },
      };
    });
  }

  async list(ctx: RequestContext, query: AreaLevelQuery): Promise<AreaLevelList> {
    const date = query.date ?? chinaToday(ctx.now());
    const rows = await new AreasRepository(ctx.db).inForce(date, query.regionCode ? { under: regionPrefix(query.regionCode) } : {});
    return { date, items: await this.withCurrent(ctx.db, rows, date) };
  }

  async next(ctx: RequestContext, regionCode: string, date = chinaToday(ctx.now())): Promise<NextLevel> {
    if (!isRegionCode(regionCode)) throw notFound();
    const [row] = await new AreasRepository(ctx.db).inForce(date, { regionCode, regionsOnly: true });
    if (!row) throw notFound();
    const [designation] = await this.withCurrent(ctx.db, [row], date);
    const edition = editionInForce(date);
    return { regionCode, date, designation: designation!, transitions: edition ? areaLevelTransitions(edition).map((t) => ({ ...t })) : [] };
  }

  /**
   * The highest level in force on a day over the region, the regions above it and the regions
   * inside it: an origin county with a high-risk community is a high-risk origin. Risk areas are
   * published, so a checkpoint passes the unscoped handle and sees every designation of the city;
   * what it learns of persons is only the day of the last new infection in an area.
   */
  async levelAround(db: Kysely<Database>, regionCode: string, date: string): Promise<AreaRiskLevel> {
    const rows = await new AreasRepository(db).inForce(date, { codes: selfAndAncestors(regionCode), under: regionPrefix(regionCode) });
    let highest: AreaRiskLevel = 'low';
    for (const area of await this.withCurrent(db, rows, date)) if (AREA_LEVEL_RANK[area.current.level] > AREA_LEVEL_RANK[highest]) highest = area.current.level;
    return highest;
  }

  /**
   * The level on a day of someone who was at a named place: the place's own designation, and
   * those of the regions that hold it (its community, town, county…) — not those of other places
   * of the same community. Read through the unscoped handle, like the origins: areas are published.
   */
  async placeLevel(db: Kysely<Database>, place: { id: string; regionCode: string }, date: string): Promise<AreaRiskLevel> {
    const repo = new AreasRepository(db);
    const rows = [...(await repo.inForce(date, { placeId: place.id })), ...(await repo.inForce(date, { codes: selfAndAncestors(place.regionCode), regionsOnly: true }))];
    let highest: AreaRiskLevel = 'low';
    for (const area of await this.withCurrent(db, rows, date)) if (AREA_LEVEL_RANK[area.current.level] > AREA_LEVEL_RANK[highest]) highest = area.current.level;
    return highest;
  }

  /** Which region or named place a designation is about; a place is found in the caller's ground. */
  private async target(ctx: RequestContext, body: SetAreaLevelBody, errors: FieldError[]): Promise<AreaTarget | null> {
    if ((body.regionCode === undefined) === (body.placeId === undefined)) {
      errors.push(fieldError(body.regionCode === undefined ? 'regionCode' : 'placeId', body.regionCode === undefined ? 'required' : 'invalid'));
      return null;
    }
    if (body.placeId !== undefined) {
      const place = await new PlacesRepository(ctx.db).byId(body.placeId);
      if (!place) errors.push(fieldError('placeId', 'invalid'));
      return place ? { regionCode: place.region_code, placeId: place.id } : null;
    }
    const regionCode = body.regionCode!;
    const region = await this.regions.get(ctx, regionCode).catch(() => null);
    if (!region) errors.push(fieldError('regionCode', ctx.actor && isWithinGround(regionCode, ctx.actor.ground) ? 'unknown_region' : 'outside_ground'));
    return region ? { regionCode, placeId: null } : null;
  }

  /** Designates a level of a region or a named place from a day under the edition's rules; the designation it replaces ends that day. */
  async set(ctx: RequestContext, body: SetAreaLevelBody): Promise<AreaLevel> {
    const errors: FieldError[] = [];
    const target = await this.target(ctx, body, errors);
    const edition = body.edition === undefined ? editionInForce(body.effectiveFrom) : (POLICY_EDITIONS.find((e) => e.code === body.edition) ?? null);
    if (edition === null) errors.push(fieldError(body.edition === undefined ? 'effectiveFrom' : 'edition', body.edition === undefined ? 'no_edition_in_force' : 'invalid'));
    else if (body.effectiveFrom < edition.effectiveFrom || (edition.effectiveTo !== null && body.effectiveFrom >= edition.effectiveTo)) errors.push(fieldError('edition', 'out_of_range'));
    else if (!(edition.areaRules?.levels ?? []).includes(body.level)) errors.push(fieldError('level', 'not_in_edition'));
    if (body.effectiveFrom > chinaToday(ctx.now())) errors.push(fieldError('effectiveFrom', 'out_of_range'));
    if (errors.length > 0 || edition === null || target === null) throw invalid(...errors);

    const at = ctx.now().toISOString();
    const row: Row = {
      id: randomUUID(),
      region_code: target.regionCode,
      place_id: target.placeId,
      level: body.level,
      effective_from: body.effectiveFrom,
      effective_to: null,
      edition: edition.code,
      set_by: ctx.actor?.id ?? null,
      reason: body.reason.trim(),
      is_demo: 0,
      created_at: at,
    };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new AreasRepository(trx);
      // A later designation of the same region or place exists: this one would rewrite history. One
      // of the same day is a correction: it ends that day, so it was never in force, and stays on record.
      const latest = await repo.latest(target);
      if (latest && latest.effective_from > body.effectiveFrom) throw new AppError('conflict', [fieldError('effectiveFrom', 'out_of_range')]);
      await repo.close(target, body.effectiveFrom);
      await repo.insert([row]);
      await this.audit.record(trx, ctx, {
        action: 'area_risk.set',
        objectType: 'area_risk_level',
        objectId: row.id,
        detail: { regionCode: target.regionCode, placeId: target.placeId, level: body.level, effectiveFrom: body.effectiveFrom, edition: edition.code, replaced: latest && (latest.effective_to === null || latest.effective_to > body.effectiveFrom) ? latest.id : null },
      });
    });
    const [result] = await this.withCurrent(ctx.db, [row], body.effectiveFrom);
    return result!;
  }
}
