import { randomUUID } from 'node:crypto';
import { AREA_LEVEL_RANK, isWithinGround, validateResidentId, type AreaRiskLevel } from '@shoutu/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { fieldError, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsService } from '../../regions/regions.service.js';
import type { AreasService } from '../areas/areas.service.js';
import { PlacesRepository } from '../areas/places.repository.js';
import type { AlertsService } from '../followups/alerts.service.js';
import { shiftDay } from '../followups/calendar.js';
import type { PersonBrief, PersonsDirectory } from '../persons/persons.directory.js';
import { chinaToday } from '../persons/persons.input.js';
import type { PersonDetail } from '../persons/persons.schema.js';
import { PersonExistsError } from '../persons/persons.service.js';
import { CheckpointsRepository } from './checkpoints.repository.js';
import type { Arrival, ArrivalResult, Checkpoint, CreateCheckpointBody, RegisterArrivalBody } from './checkpoints.schema.js';
import type { ArrivalItineraryTable, ArrivalTable, CheckpointTable } from './checkpoints.tables.js';

const ORIGIN_FIELD = 'arrivals.origin_text';
const TRIP_FIELD = 'arrivals.trip';
const ITINERARY_FIELD = 'arrival_itinerary.text';
/** An itinerary tells of the days before an arrival: the longest look-back of the travel rules is 14 days. */
const ITINERARY_DAYS = 30;

type ItineraryRow = Selectable<ArrivalItineraryTable>;

function toCheckpoint(row: Selectable<CheckpointTable>): Checkpoint {
  return { id: row.id, name: row.name, kind: row.kind, regionCode: row.region_code, isDemo: row.is_demo === 1, createdAt: row.created_at, version: Number(row.version) };
}

type BriefSource = Pick<PersonBrief, 'id' | 'name' | 'category' | 'status' | 'gridCode' | 'isDemo' | 'version'>;

function brief(p: BriefSource) {
  return { id: p.id, name: p.name, category: p.category, status: p.status, gridCode: p.gridCode, isDemo: p.isDemo, version: p.version };
}

/** A recent origin of a traveller, as the domain's travel check reads it. */
export interface RecentOrigin {
  regionCode: string;
  level: AreaRiskLevel;
  until: string;
  localInfection: boolean;
}

/** Checkpoints at key places (卡口) and the arrivals registered there. */
export class CheckpointsService {
  private readonly regions = new RegionsService();

  constructor(
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly directory: PersonsDirectory,
    private readonly alerts: AlertsService,
    private readonly areas: AreasService,
    /**
     * The unscoped handle, used only to ask whether an ID number is listed anywhere in the city (a
     * person registered in another district must still raise the alert at this checkpoint; nothing
     * about them beyond "listed" reaches the caller) and to read the published risk areas.
     */
    private readonly cityWide: Kysely<Database>,
  ) {}

  async list(ctx: RequestContext): Promise<{ items: Checkpoint[] }> {
    return { items: (await new CheckpointsRepository(ctx.db).list()).map(toCheckpoint) };
  }

  async get(ctx: RequestContext, id: string): Promise<Checkpoint> {
    const row = await new CheckpointsRepository(ctx.db).byId(id);
    if (!row) throw notFound();
    return toCheckpoint(row);
  }

  private async regionProblem(ctx: RequestContext, code: string, community: boolean): Promise<'outside_ground' | 'unknown_region' | 'not_community' | null> {
    try {
      const region = await this.regions.get(ctx, code);
      return community && region.level !== 'community' ? 'not_community' : null;
    } catch {
      return ctx.actor && isWithinGround(code, ctx.actor.ground) ? 'unknown_region' : 'outside_ground';
    }
  }

  async create(ctx: RequestContext, body: CreateCheckpointBody): Promise<Checkpoint> {
    const problem = await this.regionProblem(ctx, body.regionCode, false);
    if (problem) throw invalid(fieldError('regionCode', problem));
    const at = ctx.now().toISOString();
    const row = { id: randomUUID(), region_code: body.regionCode, name: body.name.trim(), kind: body.kind, is_demo: 0, created_at: at, updated_at: at, version: 1 };
    await ctx.db.transaction().execute(async (trx) => {
      await new CheckpointsRepository(trx).insertCheckpoints([row]);
      await this.audit.record(trx, ctx, { action: 'checkpoint.create', objectType: 'checkpoint', objectId: row.id, detail: { name: row.name, kind: row.kind, regionCode: row.region_code } });
    });
    return toCheckpoint(row);
  }

  private toArrival(row: Selectable<ArrivalTable>, person: BriefSource | undefined | null, itinerary: readonly ItineraryRow[]): Arrival {
    return {
      id: row.id,
      checkpointId: row.checkpoint_id,
      gridCode: row.region_code,
      person: person ? brief(person) : null,
      originRegionCode: row.origin_region_code,
      originText: this.crypto.decrypt(row.origin_text_enc, ORIGIN_FIELD),
      originLevel: row.origin_level,
      originLocalInfection: row.origin_local_infection === 1,
      arrivalDate: row.arrival_date,
      transport: row.transport,
      tripNo: row.trip_enc === null ? null : this.crypto.decrypt(row.trip_enc, TRIP_FIELD),
      itinerary: itinerary.map((entry) => ({ date: entry.visit_date, text: this.crypto.decrypt(entry.text_enc, ITINERARY_FIELD), regionCode: entry.visit_region_code, placeId: entry.place_id, level: entry.level })),
      createdAt: row.created_at,
    };
  }

  async arrivals(ctx: RequestContext, checkpointId: string, query: { limit?: number; cursor?: string }) {
    await this.get(ctx, checkpointId);
    const limit = query.limit ?? 50;
    const rows = await new CheckpointsRepository(ctx.db).arrivals(checkpointId, limit + 1, decodeCursor(query.cursor, 2) as [string, string] | null);
    const page = rows.slice(0, limit);
    const persons = await this.directory.briefs(
      ctx.db,
      page.flatMap((row) => (row.person_id ? [row.person_id] : [])),
    );
    const last = page.at(-1);
    const itineraries = new Map<string, ItineraryRow[]>();
    for (const entry of await new CheckpointsRepository(ctx.db).itineraryOf(page.map((row) => row.id))) itineraries.set(entry.arrival_id, [...(itineraries.get(entry.arrival_id) ?? []), entry]);
    return {
      items: page.map((row) => this.toArrival(row, row.person_id ? persons.get(row.person_id) : undefined, itineraries.get(row.id) ?? [])),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    };
  }

  /**
   * Registers an arrival. From a key area (medium or high risk on the arrival day, as declared by
   * the officer from the published list or as graded here) the person is registered through the
   * persons service as an arrival from a key area; an arrival from a key area or of a person
   * already under management raises an alert to the grid.
   */
  async registerArrival(ctx: RequestContext, checkpointId: string, body: RegisterArrivalBody): Promise<ArrivalResult> {
    const checkpoint = await this.get(ctx, checkpointId);
    const errors: FieldError[] = [];
    const id = validateResidentId(body.idNumber, ctx.now());
    if (!id.ok) errors.push(fieldError('idNumber', 'invalid'));
    if (body.arrivalDate > chinaToday(ctx.now())) errors.push(fieldError('arrivalDate', 'out_of_range'));
    const grid = await this.regionProblem(ctx, body.gridCode, true);
    if (grid) errors.push(fieldError('gridCode', grid));
    const earliest = shiftDay(body.arrivalDate, -ITINERARY_DAYS);
    (body.itinerary ?? []).forEach((entry, i) => {
      if (entry.date > body.arrivalDate || entry.date < earliest) errors.push(fieldError(`itinerary.${i}.date`, 'out_of_range'));
    });
    if (errors.length > 0 || !id.ok) throw invalid(...errors);

    const graded = body.originRegionCode ? await this.areas.levelAround(this.cityWide, body.originRegionCode, body.arrivalDate) : 'low';
    const declared = body.originLevel ?? 'low';
    const hash = this.directory.idNumberHash(id.value);
    const itinerary = await this.gradeItinerary(body, hash, ctx.now().toISOString());
    // The highest of the declared origin, the graded one and every place of the itinerary: a
    // named place designated a risk area counts as a region area would.
    const originLevel = [declared, graded, ...itinerary.map((entry) => entry.level)].reduce((a, b) => (AREA_LEVEL_RANK[b] > AREA_LEVEL_RANK[a] ? b : a), 'low' as AreaRiskLevel);
    const keyArea = originLevel !== 'low';
    if (keyArea) {
      const missing = [...(body.name ? [] : [fieldError('name', 'required')]), ...(body.phone ? [] : [fieldError('phone', 'required')])];
      if (missing.length > 0) throw invalid(...missing);
    }
    const listing = await this.directory.listing(this.cityWide, hash);
    const listed = listing?.status === 'managed';

    let person: PersonDetail | null = null;
    let personCreated = false;
    if (keyArea) {
      try {
        const found = await this.directory.findOrRegister(
          ctx,
          { name: body.name!, idNumber: body.idNumber, phone: body.phone!, gridCode: body.gridCode, category: 'arrival_key_area', arrivalDate: body.arrivalDate, ...(body.address !== undefined ? { address: body.address } : {}) },
          '卡口登记：来自中高风险地区',
        );
        person = found.person;
        personCreated = found.created;
      } catch (error) {
        // Registered in another ground: the arrival is recorded and the grid alerted all the same.
        if (!(error instanceof PersonExistsError)) throw error;
      }
    } else if (listing) {
      // Listed in another ground: not visible here, and the alert says so.
      const visible = (await this.directory.briefs(ctx.db, [listing.id], { names: false })).has(listing.id);
      person = visible ? await this.directory.get(ctx, listing.id) : null;
    }

    const at = ctx.now().toISOString();
    const row: Selectable<ArrivalTable> = {
      id: randomUUID(),
      region_code: body.gridCode,
      checkpoint_id: checkpoint.id,
      person_id: person?.id ?? null,
      id_number_hash: hash,
      origin_region_code: body.originRegionCode ?? null,
      origin_text_enc: this.crypto.encrypt(body.originText.trim(), ORIGIN_FIELD),
      origin_level: originLevel,
      origin_local_infection: body.originLocalInfection ? 1 : 0,
      arrival_date: body.arrivalDate,
      transport: body.transport,
      trip_enc: body.tripNo ? this.crypto.encrypt(body.tripNo.trim(), TRIP_FIELD) : null,
      recorded_by: ctx.actor?.id ?? null,
      is_demo: 0,
      created_at: at,
    };
    for (const entry of itinerary) {
      entry.arrival_id = row.id;
      entry.region_code = row.region_code;
    }
    const alertId = await ctx.db.transaction().execute(async (trx) => {
      await new CheckpointsRepository(trx).insertArrivals([row]);
      await new CheckpointsRepository(trx).insertItinerary(itinerary);
      const raised =
        keyArea || listed
          ? await this.alerts.raiseIn(
              trx,
              {
                gridCode: person?.gridCode ?? body.gridCode,
                kind: keyArea ? 'key_area_arrival' : 'listed_arrival',
                personId: person?.id ?? null,
                arrivalId: row.id,
                detail: { checkpoint: checkpoint.name, originText: body.originText.trim(), originLevel, arrivalDate: body.arrivalDate, transport: body.transport, listedElsewhere: listed && person === null, category: listing?.category ?? person?.category ?? null },
              },
              at,
            )
          : null;
      await this.audit.record(trx, ctx, { action: 'arrival.create', objectType: 'arrival', objectId: row.id, detail: { checkpointId: checkpoint.id, originLevel, keyArea, listed, personId: person?.id ?? null, alertId: raised } });
      return raised;
    });
    return {
      arrival: this.toArrival(row, person, itinerary),
      keyArea,
      listed,
      person,
      personCreated,
      alertId,
    };
  }

  /** The holder's arrivals in [from, to], read through `db` (the travel check passes the unscoped handle). */
  async recentOrigins(db: Kysely<Database>, idNumberHash: string, from: string, to: string): Promise<RecentOrigin[]> {
    const repo = new CheckpointsRepository(db);
    const [origins, places] = await Promise.all([repo.recentOrigins(idNumberHash, from, to), repo.recentItinerary(idNumberHash, from, to)]);
    return [
      ...origins.map((row) => ({ regionCode: row.origin_region_code ?? '', level: row.origin_level, until: row.arrival_date, localInfection: row.origin_local_infection === 1 })),
      ...places.map((row) => ({ regionCode: row.visit_region_code ?? '', level: row.level, until: row.visit_date, localInfection: false })),
    ];
  }

  /**
   * The itinerary's places with their level on the day of the visit: a named place by its own
   * designation and its regions', a region by the areas around it. Places and areas are published,
   * so they are read through the unscoped handle. Rows are completed with the arrival when saved.
   */
  private async gradeItinerary(body: RegisterArrivalBody, idNumberHash: string, at: string): Promise<Array<ItineraryRow>> {
    const entries = body.itinerary ?? [];
    const places = new Map((await new PlacesRepository(this.cityWide).byIds(entries.flatMap((e) => (e.placeId ? [e.placeId] : [])))).map((p) => [p.id, p]));
    const rows: ItineraryRow[] = [];
    for (const [i, entry] of entries.entries()) {
      const place = entry.placeId ? places.get(entry.placeId) : undefined;
      if (entry.placeId && !place) throw invalid(fieldError(`itinerary.${i}.placeId`, 'invalid'));
      const regionCode = place?.region_code ?? entry.regionCode ?? null;
      const level: AreaRiskLevel = place ? await this.areas.placeLevel(this.cityWide, { id: place.id, regionCode: place.region_code }, entry.date) : regionCode ? await this.areas.levelAround(this.cityWide, regionCode, entry.date) : 'low';
      rows.push({ id: randomUUID(), arrival_id: '', region_code: '', id_number_hash: idNumberHash, visit_region_code: regionCode, place_id: place?.id ?? null, text_enc: this.crypto.encrypt(entry.text.trim(), ITINERARY_FIELD), visit_date: entry.date, level, created_at: at });
    }
    return rows;
  }
}
