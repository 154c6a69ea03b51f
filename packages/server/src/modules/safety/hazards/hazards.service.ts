import { randomUUID } from 'node:crypto';
import {
  acceptanceDueAt,
  allowedActions,
  createHazard,
  delistingPublicationDueAt,
  extensionDecisionDueAt,
  isExtensionRequestTimely,
  latestExtensionRequestAt,
  listingPublicationDueAt,
  transition,
  type HazardEvent as DomainEvent,
  type HazardGrade,
  type HazardSource,
} from '@shoutu/domain';
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { Services } from '../../../services.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { UnitsService } from '../../units/units.service.js';
import { withEnterpriseNames } from '../enterprises/enterprise-names.repository.js';
import { enterpriseScope, EnterprisesService } from '../enterprises/enterprises.service.js';
import { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import { EnterpriseLookup, type EnterpriseRef } from './enterprise-lookup.js';
import { toHazardAction } from './hazards.actions.js';
import { HazardPhotosRepository } from './hazard-photos.repository.js';
import { HazardSettingsService } from './hazard-settings.service.js';
import { WORKING_CALENDAR } from './hazards.listing.js';
import { hazardActorOf, listingUnitOf, mayWorkOnEnterpriseSafety, requireEnterpriseSafetyActor } from './hazards.policy.js';
import { presentEvent, presentHazard, presentPhoto } from './hazards.present.js';
import { HazardsRepository, listOrder, type HazardFilter, type HazardRow, type HazardScope } from './hazards.repository.js';
import type { CreateHazardBody, HazardDetail, HazardListQuery, HazardOverview, ListingBody, TransitionBody } from './hazards.schema.js';
import { stateColumns, toHazardState } from './hazards.state.js';
import type { HazardTable } from './hazards.tables.js';
import { childGrouping, defaultOverviewRegion } from './region-children.js';

/** A hazard as it is first recorded, by a report or from a failed checklist item. */
export interface FoundHazard {
  enterprise: EnterpriseRef;
  grade: HazardGrade;
  source: HazardSource;
  description: string;
  place: string | null;
  photos: string[];
  foundAt: string;
  inspectionId?: string;
  inspectionItemNumber?: number;
  /** The special rectification campaign of the inspection that found it. */
  campaignId?: string | null;
}

/** The hazards service, its settings and the enterprise lookup, as the routes of risks, inspections and hazards use them. */
export function hazardServices({ audit, crypto, db }: Services): { hazards: HazardsService; enterprises: EnterpriseLookup; settings: HazardSettingsService } {
  const enterprises = new EnterpriseLookup(new EnterprisesService(audit, crypto, db.kysely, new IndustrySupervisionService(audit, db.kysely)));
  const settings = new HazardSettingsService(audit, db.kysely);
  return { hazards: new HazardsService(audit, enterprises, new UnitsService(audit), settings), enterprises, settings };
}

export function hazardScope(ctx: RequestContext): HazardScope {
  const { onlyId } = enterpriseScope(ctx);
  return onlyId ? { onlyEnterpriseId: onlyId } : {};
}

/** The list's query as the repository's filter, within the caller's scope; the export counts with it too. */
export function hazardFilter(ctx: RequestContext, query: Omit<HazardListQuery, 'limit' | 'cursor'>, now: Date): HazardFilter {
  return {
    ...hazardScope(ctx),
    ...(query.status !== undefined ? { status: query.status } : {}),
    ...(query.grade !== undefined ? { grade: query.grade } : {}),
    ...(query.overdue === true ? { overdueAt: now.toISOString() } : {}),
    ...(query.acceptanceOverdue === true ? { acceptanceOverdue: true } : {}),
    ...(query.enterpriseId !== undefined ? { enterpriseId: query.enterpriseId } : {}),
    ...(query.campaignId !== undefined ? { campaignId: query.campaignId } : {}),
    ...(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}),
  };
}

/**
 * Hidden-hazard governance (隐患排查治理): recording, the closed loop through the domain's state
 * machine, supervision listing (挂牌督办) and the overview. Each write is one transaction holding
 * the hazard, its event and the audit row.
 */
export class HazardsService {
  constructor(
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseLookup,
    private readonly units: UnitsService,
    private readonly settings: HazardSettingsService,
  ) {}

  async list(ctx: RequestContext, query: HazardListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const now = ctx.now();
    const filter = hazardFilter(ctx, query, now);
    const repo = new HazardsRepository(ctx.db);
    const scanned = await repo.list(filter, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = scanned.slice(0, limit);
    // The cursor follows the hazards read, also when one of them is left out for its enterprise.
    const last = page[page.length - 1];
    const rows = await withEnterpriseNames(ctx.db, page);
    const settings = await this.settings.inForce();
    // An overdue hazard always has a deadline.
    const cursor = last && scanned.length > limit ? encodeCursor([listOrder(filter)[0] === 'hazards.deadline' ? last.deadline! : last.found_at, last.id]) : null;
    return { items: rows.map((row) => presentHazard(row, now, settings.for(row.region_code))), nextCursor: cursor };
  }

  async get(ctx: RequestContext, id: string): Promise<HazardDetail> {
    const repo = new HazardsRepository(ctx.db);
    const row = await repo.byId(id, hazardScope(ctx));
    if (!row) throw notFound();
    const actor = ctx.actor!;
    const mayAct = actor.permissions.includes('hazards:manage') && mayWorkOnEnterpriseSafety(actor);
    const settings = (await this.settings.inForce()).for(row.region_code);
    return {
      ...presentHazard(row, ctx.now(), settings),
      events: (await repo.events(id)).map(presentEvent),
      photoFiles: (await new HazardPhotosRepository(ctx.db).ofHazard(id)).map(presentPhoto),
      allowedActions: mayAct ? allowedActions(toHazardState(row), hazardActorOf(actor)) : [],
      canList: mayAct && row.grade === 'major' && row.status !== 'closed' && row.listed_by_unit_id === null && listingUnitOf(actor) !== null,
    };
  }

  /** POST /hazards: a hazard seen and reported directly, outside a checklist inspection. */
  async report(ctx: RequestContext, body: CreateHazardBody): Promise<HazardDetail> {
    const enterprise = await this.enterprises.find(ctx, body.enterpriseId);
    if (!enterprise) throw invalid(fieldError('enterpriseId', 'invalid'));
    const description = body.description.trim();
    if (description === '') throw invalid(fieldError('description', 'required'));
    const id = await ctx.db.transaction().execute((trx) =>
      this.insertFound(trx, ctx, {
        enterprise,
        grade: body.grade,
        source: reportSource(ctx),
        description,
        place: body.place?.trim() || null,
        photos: cleanPhotos(body.photos),
        foundAt: ctx.now().toISOString(),
      }),
    );
    return this.get(ctx, id);
  }

  /** Writes a new hazard, its 'found' event and the audit row inside the caller's transaction. */
  async insertFound(trx: Kysely<Database>, ctx: RequestContext, found: FoundHazard): Promise<string> {
    const now = ctx.now().toISOString();
    const id = randomUUID();
    const state = createHazard({ grade: found.grade, source: found.source });
    const repo = new HazardsRepository(trx);
    await repo.insert({
      id,
      region_code: found.enterprise.regionCode,
      enterprise_id: found.enterprise.id,
      inspection_id: found.inspectionId ?? null,
      inspection_item_number: found.inspectionItemNumber ?? null,
      campaign_id: found.campaignId ?? null,
      description: found.description,
      place: found.place,
      photos: JSON.stringify(found.photos),
      ...stateColumns(state),
      listed_by_unit_id: null,
      listed_by_unit_name: null,
      listed_at: null,
      listing_publication_due_at: null,
      delisting_publication_due_at: null,
      escalation_level: null,
      escalated_at: null,
      found_at: found.foundAt,
      found_by: ctx.actor?.id ?? null,
      closed_at: null,
      created_at: now,
      updated_at: now,
    });
    await repo.insertEvent({
      ...eventActor(ctx),
      id: randomUUID(),
      hazard_id: id,
      region_code: found.enterprise.regionCode,
      version: state.version,
      type: 'found',
      from_status: null,
      to_status: state.status,
      at: found.foundAt,
      payload: JSON.stringify({ grade: found.grade, source: found.source, description: found.description, place: found.place, photos: found.photos, inspectionId: found.inspectionId ?? null, inspectionItemNumber: found.inspectionItemNumber ?? null }),
    });
    await this.audit.record(trx, ctx, {
      action: 'hazard.create',
      objectType: 'hazard',
      objectId: id,
      detail: { enterpriseId: found.enterprise.id, grade: found.grade, source: found.source, inspectionId: found.inspectionId ?? null, inspectionItemNumber: found.inspectionItemNumber ?? null },
    });
    return id;
  }

  /**
   * POST /hazards/:id/transitions: the state machine decides; this stores what it produced with
   * its event, over the version the caller read.
   */
  async transition(ctx: RequestContext, id: string, body: TransitionBody): Promise<HazardDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const action = toHazardAction(body);
    const row = await new HazardsRepository(ctx.db).byId(id, hazardScope(ctx));
    if (!row) throw notFound();
    const actor = requireEnterpriseSafetyActor(ctx);
    if (row.version !== body.version) throw new AppError('version_conflict');
    if (action.type === 'submit_rectification') await requireOwnPhotos(ctx, row.id, action.photos ?? []);
    const at = ctx.now();
    const { listing: limits, acceptanceWait } = (await this.settings.inForce()).for(row.region_code);
    const result = transition(toHazardState(row), action, actor, at);
    if (!result.ok) {
      const { error } = result;
      throw new AppError(error.code, error.code === 'governance_plan_incomplete' ? error.missingParts.map((part) => fieldError(`governancePlan.${part}`, 'required')) : []);
    }
    const { hazard, event } = result;
    const changes: Updateable<HazardTable> = { ...stateColumns(hazard), updated_at: event.at };
    const payload: Record<string, unknown> = eventPayload(event);
    if (hazard.status === 'closed') changes.closed_at = event.at;
    // An approved extension puts the hazard back within its deadline: the escalation starts over if it falls behind again.
    if (event.type === 'extension_approved') Object.assign(changes, { escalation_level: null, escalated_at: null });
    // The acceptor's own clock (the settings in force at submission) runs while the hazard awaits acceptance.
    if (event.type === 'rectification_submitted') {
      changes.acceptance_due_at = acceptanceDueAt(at, hazard.grade, acceptanceWait, WORKING_CALENDAR).toISOString();
      changes.acceptance_overdue_at = null;
      payload.acceptanceDueAt = changes.acceptance_due_at;
    } else if (row.status === 'awaiting_acceptance' && hazard.status !== 'awaiting_acceptance') {
      Object.assign(changes, { acceptance_due_at: null, acceptance_overdue_at: null });
      payload.acceptance = { dueAt: row.acceptance_due_at, overdue: row.acceptance_overdue_at !== null };
    }
    if (row.listed_at !== null) {
      if (event.type === 'extension_requested' && row.deadline !== null) {
        payload.listing = {
          timely: isExtensionRequestTimely(at, new Date(row.deadline), limits, WORKING_CALENDAR),
          latestRequestAt: latestExtensionRequestAt(new Date(row.deadline), limits, WORKING_CALENDAR).toISOString(),
          decisionDueAt: extensionDecisionDueAt(at, limits, WORKING_CALENDAR).toISOString(),
        };
      }
      if (event.type === 'accepted') {
        changes.delisting_publication_due_at = delistingPublicationDueAt(at, limits, WORKING_CALENDAR).toISOString();
        payload.delistingPublicationDueAt = changes.delisting_publication_due_at;
      }
    }
    await this.write(ctx, row, changes, { type: event.type, from: event.from, to: event.to, at: event.at, payload }, { action: `hazard.${body.action}`, detail: { from: event.from, to: event.to, version: event.version } });
    return this.get(ctx, id);
  }

  /** POST /hazards/:id/listing: a department lists a major hazard for supervision (挂牌督办). */
  async listForSupervision(ctx: RequestContext, id: string, body: ListingBody): Promise<HazardDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const row = await new HazardsRepository(ctx.db).byId(id, hazardScope(ctx));
    if (!row) throw notFound();
    const unitId = listingUnitOf(ctx.actor!);
    if (unitId === null) throw new AppError('listing_requires_department');
    if (row.version !== body.version) throw new AppError('version_conflict');
    if (row.grade !== 'major') throw new AppError('hazard_not_major');
    if (row.status === 'closed') throw new AppError('illegal_transition');
    if (row.listed_at !== null) throw new AppError('hazard_already_listed');
    const at = ctx.now();
    const unitName = await this.unitName(ctx, unitId);
    const limits = (await this.settings.inForce()).for(row.region_code).listing;
    const publicationDueAt = listingPublicationDueAt(at, limits, WORKING_CALENDAR).toISOString();
    const changes: Updateable<HazardTable> = { listed_by_unit_id: unitId, listed_by_unit_name: unitName, listed_at: at.toISOString(), listing_publication_due_at: publicationDueAt, updated_at: at.toISOString() };
    const payload = { unitId, unitName, publicationDueAt, note: body.note?.trim() || null, limitsSource: limits.source, limitsVerify: limits.verify };
    await this.write(ctx, row, changes, { type: 'listed', from: row.status, to: row.status, at: at.toISOString(), payload }, { action: 'hazard.list', detail: { unitId, publicationDueAt } });
    return this.get(ctx, id);
  }

  /** GET /safety/hazard-overview: open, overdue and major counts for the subtree and per child region. */
  async overview(ctx: RequestContext, query: { regionCode?: string }): Promise<HazardOverview> {
    const regionCode = query.regionCode ?? defaultOverviewRegion(ctx);
    const grouping = childGrouping(regionCode);
    const counts = await new HazardsRepository(ctx.db).countsByRegion(regionCode, ctx.now().toISOString(), hazardScope(ctx), grouping.digits);
    const total = { open: 0, overdue: 0, major: 0 };
    const byChild = new Map<string, typeof total>();
    for (const c of counts) {
      const code = grouping.childOf(c.region_code);
      const entry = byChild.get(code) ?? { open: 0, overdue: 0, major: 0 };
      for (const key of ['open', 'overdue', 'major'] as const) {
        entry[key] += c[key];
        total[key] += c[key];
      }
      byChild.set(code, entry);
    }
    const children = (await new RegionsRepository(ctx.db).children(regionCode)).map((region) => {
      const c = byChild.get(region.code);
      return { regionCode: region.code, name: region.name, open: c?.open ?? 0, overdue: c?.overdue ?? 0, major: c?.major ?? 0 };
    });
    return { regionCode, total, children };
  }

  private async unitName(ctx: RequestContext, unitId: string): Promise<string | null> {
    try {
      return (await this.units.get(ctx, unitId)).name;
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /** One transaction: the hazard over the version read, its event, the audit row. */
  private async write(
    ctx: RequestContext,
    row: HazardRow,
    changes: Updateable<HazardTable>,
    event: { type: string; from: HazardRow['status']; to: HazardRow['status']; at: string; payload: Record<string, unknown> },
    audit: { action: string; detail: Record<string, unknown> },
  ): Promise<void> {
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new HazardsRepository(trx);
      if ((await repo.updateVersioned(row.id, row.version, changes)) === 0) throw new AppError('version_conflict');
      await repo.insertEvent({
        ...eventActor(ctx),
        id: randomUUID(),
        hazard_id: row.id,
        region_code: row.region_code,
        version: row.version + 1,
        type: event.type,
        from_status: event.from,
        to_status: event.to,
        at: event.at,
        payload: JSON.stringify(event.payload),
      });
      await this.audit.record(trx, ctx, { action: audit.action, objectType: 'hazard', objectId: row.id, detail: audit.detail });
    });
  }
}

/** What the event row keeps of the machine's event: everything but what has its own column. */
function eventPayload(event: DomainEvent): Record<string, unknown> {
  const { at: _at, actor: _actor, from: _from, to: _to, version: _version, type: _type, ...payload } = event;
  return payload;
}

function eventActor(ctx: RequestContext) {
  const actor = ctx.actor;
  return { actor_id: actor?.id ?? null, actor_name: actor?.displayName ?? null, actor_kind: actor ? hazardActorOf(actor).kind : 'system' };
}

/** Who found a directly reported hazard: a regulator inspects, the enterprise inspects itself, anyone else reports. */
function reportSource(ctx: RequestContext): HazardSource {
  const kind = hazardActorOf(ctx.actor!).kind;
  return kind === 'regulator' ? 'regulator_inspection' : kind === 'enterprise_safety_officer' ? 'self_inspection' : 'report';
}

/** Evidence names photos uploaded to this very hazard (POST /hazards/:id/photos), by id. */
async function requireOwnPhotos(ctx: RequestContext, hazardId: string, photos: readonly string[]): Promise<void> {
  const known = await new HazardPhotosRepository(ctx.db).idsOf(hazardId, photos);
  const unknown = photos.flatMap((photo, i) => (known.has(photo) ? [] : [fieldError(`photos.${i}`, 'unknown_photo')]));
  if (unknown.length > 0) throw invalid(...unknown);
}

function cleanPhotos(photos: readonly string[] | undefined): string[] {
  return (photos ?? []).map((photo) => photo.trim()).filter((photo) => photo !== '');
}
