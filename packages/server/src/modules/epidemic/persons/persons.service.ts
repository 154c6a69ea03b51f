import { isWithinGround, maskAddress, maskMobile, maskName, maskResidentId, normalizeMobile, validateResidentId } from '@shoutu/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { PersonFacts } from '../dashboard/counters.js';
import { countPersonChange, personFacts, storedPlan } from '../dashboard/counters.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { UsersRepository } from '../../users/users.repository.js';
import { chinaDayRange, chinaToday, checkAddress, checkCategory, checkDay, checkName, checkPerson, checkPhone, DATE_FIELDS, type CheckedPerson } from './persons.input.js';
import { planFor, planProblem, replan, toMeasurePlan, type PlanFacts, type PlanOutcome } from './persons.measures.js';
import { PersonsRepository, type PersonInsert, type PersonRow, type PlanRow } from './persons.repository.js';
import type { CreatePersonBody, Person, PersonDetail, PersonListQuery, PersonSearchBody, UpdatePersonBody } from './persons.schema.js';
import { timeOrderedId } from './persons.ids.js';
import { PersonSealing } from './persons.sealing.js';
import type { PersonCategoryHistoryTable, PersonMeasurePlanTable, PersonTable } from './persons.tables.js';

/** The same ID number is one person: a second registration points at the first. */
export class PersonExistsError extends AppError {
  /** The existing person's id, or null when they are registered outside the caller's ground. */
  constructor(readonly personId: string | null) {
    super('person_exists', [fieldError('idNumber', 'person_exists')]);
  }
}

const COLUMN_OF = { onsetDate: 'onset_date', lastExposureDate: 'last_exposure_date', sampleDate: 'sample_date', reportDate: 'report_date', arrivalDate: 'arrival_date' } as const;

export function factsOf(row: Pick<PersonTable, 'category' | 'onset_date' | 'last_exposure_date' | 'sample_date' | 'report_date' | 'arrival_date'>): PlanFacts {
  return { category: row.category, onsetDate: row.onset_date, lastExposureDate: row.last_exposure_date, sampleDate: row.sample_date, reportDate: row.report_date, arrivalDate: row.arrival_date };
}

/** The rows one registration writes: the person, the first entry of the category history, the first plan; and what the dashboard counts of it. */
export interface RegistrationRows {
  person: PersonInsert;
  history: Insertable<PersonCategoryHistoryTable>;
  plan: Insertable<PersonMeasurePlanTable> | null;
  facts: PersonFacts;
}

/** A plan shared by many persons of an import (planCache) is turned into JSON once. */
const planTexts = new WeakMap<object, string>();

function planRow(personId: string, plan: { edition: string }, at: string): Insertable<PersonMeasurePlanTable> {
  let text = planTexts.get(plan);
  if (text === undefined) planTexts.set(plan, (text = JSON.stringify(plan)));
  return { id: timeOrderedId(), person_id: personId, plan: text, edition: plan.edition, computed_at: at, superseded_at: null };
}

export interface RegistrationOptions {
  isDemo?: boolean;
  /** Already computed by the caller (an import hashes every row to find duplicates first). */
  idNumberHash?: string;
  /** Plans by their facts: a list of contacts of one event shares a handful of plans. */
  planCache?: Map<string, PlanOutcome>;
}

function cachedPlan(checked: CheckedPerson, cache: Map<string, PlanOutcome> | undefined): PlanOutcome {
  if (!cache) return planFor(checked);
  const key = [checked.category, ...DATE_FIELDS.map((field) => checked[field] ?? '')].join('|');
  let outcome = cache.get(key);
  if (!outcome) cache.set(key, (outcome = planFor(checked)));
  return outcome;
}

export function registrationRows(sealing: PersonSealing, checked: CheckedPerson, actorId: string | null, at: string, options: RegistrationOptions = {}): RegistrationRows {
  const id = timeOrderedId();
  const person: PersonInsert = {
    id,
    region_code: checked.gridCode,
    ...sealing.seal(checked, options.idNumberHash, id),
    sex: checked.sex,
    birth_year: checked.birthYear,
    grid_worker_id: checked.gridWorkerId,
    category: checked.category,
    onset_date: checked.onsetDate,
    last_exposure_date: checked.lastExposureDate,
    sample_date: checked.sampleDate,
    report_date: checked.reportDate,
    arrival_date: checked.arrivalDate,
    status: 'managed',
    is_demo: options.isDemo ? 1 : 0,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  const outcome = cachedPlan(checked, options.planCache);
  return {
    person,
    history: { id: timeOrderedId(), person_id: id, category: checked.category, from_category: null, changed_by: actorId, reason: null, at },
    plan: outcome.ok ? planRow(id, outcome.plan, at) : null,
    facts: { regionCode: checked.gridCode, category: checked.category, status: 'managed', createdAt: at, reportDate: checked.reportDate, plan: outcome.ok ? outcome.plan : null },
  };
}

/**
 * Whether a grid code names a community / village inside the caller's ground. The regions table
 * is grounded, so a code outside the ground is not found; the ground itself says which error it is.
 */
export async function checkGrids(db: Kysely<Database>, ctx: RequestContext, codes: readonly string[]): Promise<Map<string, 'outside_ground' | 'unknown_region'>> {
  const problems = new Map<string, 'outside_ground' | 'unknown_region'>();
  const distinct = [...new Set(codes)];
  const found = new Set<string>();
  const repo = new RegionsRepository(db);
  for (let i = 0; i < distinct.length; i += 500) for (const region of await repo.byCodes(distinct.slice(i, i + 500))) if (region.level === 'community') found.add(region.code);
  for (const code of distinct) {
    if (found.has(code)) continue;
    problems.set(code, ctx.actor && isWithinGround(code, ctx.actor.ground) ? 'unknown_region' : 'outside_ground');
  }
  return problems;
}

/** Persons under management (管控人员): registration, lists, changes and the audited full view. */
export class PersonsService {
  private readonly sealing: PersonSealing;

  constructor(
    private readonly audit: AuditService,
    crypto: FieldCrypto,
  ) {
    this.sealing = new PersonSealing(crypto);
  }

  /** A person as every default response shows them: identifiers masked (SECURITY.md row 16). */
  private toPerson(row: PersonRow, plan: PlanRow | undefined, today: string): Person {
    const identity = this.sealing.open(row);
    return {
      id: row.id,
      name: maskName(identity.name),
      idNumber: maskResidentId(identity.idNumber),
      phone: maskMobile(identity.phone),
      address: identity.address === null ? null : maskAddress(identity.address),
      sex: row.sex,
      birthYear: Number(row.birth_year),
      gridCode: row.region_code,
      gridWorkerId: row.grid_worker_id,
      category: row.category,
      onsetDate: row.onset_date,
      lastExposureDate: row.last_exposure_date,
      sampleDate: row.sample_date,
      reportDate: row.report_date,
      arrivalDate: row.arrival_date,
      status: row.status,
      isDemo: row.is_demo === 1,
      measurePlan: plan ? toMeasurePlan(plan, today) : null,
      planProblem: plan ? null : planProblem(factsOf(row)),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: Number(row.version),
    };
  }

  private async checkGridWorker(db: Kysely<Database>, id: string | null, errors: FieldError[]) {
    if (id !== null && !(await new UsersRepository(db).findById(id))) errors.push(fieldError('gridWorkerId', 'invalid'));
  }

  async list(ctx: RequestContext, query: PersonListQuery | PersonSearchBody) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    let hashes: { idNumberHash?: string; phoneHash?: string } = {};
    if ('q' in query && query.q !== undefined) {
      // Exact search through the keyed hashes; plaintext is never compared in SQL.
      const id = validateResidentId(query.q, ctx.now());
      const phone = normalizeMobile(query.q);
      if (id.ok) hashes = { idNumberHash: this.sealing.idNumberHash(id.value) };
      else if (phone !== null) hashes = { phoneHash: this.sealing.phoneHash(phone) };
      else throw invalid(fieldError('q', 'invalid'));
    }
    const repo = new PersonsRepository(ctx.db);
    const rows = await repo.list({
      limit: limit + 1,
      ...(after ? { after } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.regionCode ? { regionCode: query.regionCode } : {}),
      ...(query.registeredOn ? chinaDayRange(query.registeredOn) : {}),
      ...hashes,
    });
    const page = rows.slice(0, limit);
    const plans = await repo.currentPlans(page.map((row) => row.id));
    const last = page[page.length - 1];
    const today = chinaToday(ctx.now());
    return { items: page.map((row) => this.toPerson(row, plans.get(row.id), today)), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<PersonDetail> {
    const repo = new PersonsRepository(ctx.db);
    const row = await repo.byId(id);
    if (!row) throw notFound();
    const [history, plans] = await Promise.all([repo.historyOf(id), repo.plansOf(id)]);
    const current = plans.find((plan) => plan.superseded_at === null);
    const today = chinaToday(ctx.now());
    return {
      ...this.toPerson(row, current, today),
      categoryHistory: history.map((h) => ({ category: h.category, fromCategory: h.from_category, changedBy: h.changed_by, reason: h.reason, at: h.at })),
      previousPlans: plans.filter((plan) => plan.superseded_at !== null).map((plan) => toMeasurePlan(plan, today)),
    };
  }

  async create(ctx: RequestContext, body: CreatePersonBody): Promise<PersonDetail> {
    const { person: checked, errors } = checkPerson(body, ctx.now());
    if (checked) {
      const grid = (await checkGrids(ctx.db, ctx, [checked.gridCode])).get(checked.gridCode);
      if (grid) errors.push(fieldError('gridCode', grid));
      await this.checkGridWorker(ctx.db, checked.gridWorkerId, errors);
    }
    if (!checked || errors.length > 0) throw invalid(...errors);
    const repo = new PersonsRepository(ctx.db);
    const hash = this.sealing.idNumberHash(checked.idNumber);
    const existing = await repo.byIdNumberHash(hash);
    if (existing) throw new PersonExistsError(existing.id);
    const rows = registrationRows(this.sealing, checked, ctx.actor?.id ?? null, ctx.now().toISOString());
    await ctx.db.transaction().execute(async (trx) => {
      const inTrx = new PersonsRepository(trx);
      // A concurrent registration of the same ID number, or one outside the caller's ground.
      if (!(await inTrx.insertNew([rows.person])).has(hash)) throw new PersonExistsError((await inTrx.byIdNumberHash(hash))?.id ?? null);
      await inTrx.insertHistory([rows.history]);
      if (rows.plan) await inTrx.insertPlans([rows.plan]);
      await countPersonChange(trx, rows.person.id, null, rows.facts, chinaToday(ctx.now()));
      await this.audit.record(trx, ctx, { action: 'person.create', objectType: 'person', objectId: rows.person.id, detail: { category: checked.category, gridCode: checked.gridCode } });
    });
    return this.get(ctx, rows.person.id);
  }

  async update(ctx: RequestContext, id: string, body: UpdatePersonBody): Promise<PersonDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const repo = new PersonsRepository(ctx.db);
    const row = await repo.byId(id);
    if (!row) throw notFound();
    const errors: FieldError[] = [];
    const today = chinaToday(ctx.now());
    const changes: Partial<PersonTable> = {};
    // Under the person's own key; a person registered before keys (none) keeps the master key.
    const key = this.sealing.keyOf(row);
    if (body.name !== undefined) changes.name_enc = this.sealing.sealName(checkName(body.name, errors), key);
    if (body.phone !== undefined) Object.assign(changes, this.sealing.sealPhone(checkPhone(body.phone, errors), key));
    if (body.address !== undefined) changes.address_enc = this.sealing.sealAddress(checkAddress(body.address, errors), key);
    if (body.gridCode !== undefined && body.gridCode !== row.region_code) {
      const grid = (await checkGrids(ctx.db, ctx, [body.gridCode])).get(body.gridCode);
      if (grid) errors.push(fieldError('gridCode', grid));
      changes.region_code = body.gridCode;
    }
    if (body.gridWorkerId !== undefined) {
      await this.checkGridWorker(ctx.db, body.gridWorkerId, errors);
      changes.grid_worker_id = body.gridWorkerId;
    }
    const categoryChanged = body.category !== undefined && body.category !== row.category;
    if (categoryChanged) {
      changes.category = checkCategory(body.category!, errors);
      if (!body.categoryReason?.trim()) errors.push(fieldError('categoryReason', 'required'));
    }
    for (const field of DATE_FIELDS) {
      const value = body[field];
      if (value !== undefined) changes[COLUMN_OF[field]] = checkDay(field, value, today, errors);
    }
    if (errors.length > 0) throw invalid(...errors);

    const next = { ...row, ...changes };
    const at = ctx.now().toISOString();
    const factsChanged = JSON.stringify(factsOf(next)) !== JSON.stringify(factsOf(row));
    const counted = factsChanged || next.region_code !== row.region_code;
    const current = counted ? (await repo.currentPlans([id])).get(id) : undefined;
    const { outcome, changed: recompute } = factsChanged ? replan(current, factsOf(next)) : { outcome: null, changed: false };
    await ctx.db.transaction().execute(async (trx) => {
      const inTrx = new PersonsRepository(trx);
      if ((await inTrx.updateVersioned(id, body.version!, { ...changes, updated_at: at })) === 0) throw new AppError('version_conflict');
      if (categoryChanged) {
        await inTrx.insertHistory([{ id: timeOrderedId(), person_id: id, category: next.category, from_category: row.category, changed_by: ctx.actor?.id ?? null, reason: body.categoryReason!.trim(), at }]);
      }
      if (recompute) {
        await inTrx.supersedePlan(id, at);
        if (outcome?.ok) await inTrx.insertPlans([planRow(id, outcome.plan, at)]);
      }
      if (counted) {
        const before = storedPlan(current?.plan);
        const after = recompute ? (outcome?.ok ? outcome.plan : null) : before;
        await countPersonChange(trx, id, personFacts(row, before), personFacts(next, after), today);
      }
      await this.audit.record(trx, ctx, {
        action: 'person.update',
        objectType: 'person',
        objectId: id,
        // Which fields changed, never their values: the audit trail is read by more people than the register.
        detail: {
          fields: Object.keys(body).filter((k) => k !== 'version' && k !== 'categoryReason'),
          ...(categoryChanged ? { category: { from: row.category, to: next.category } } : {}),
          ...(recompute ? { planRecomputed: true } : {}),
        },
      });
    });
    return this.get(ctx, id);
  }

  /** The full identifiers, once, for a stated reason; the reason is kept in the audit trail (SECURITY.md row 16). */
  async unmask(ctx: RequestContext, id: string, reason: string) {
    const text = reason.trim();
    if (Array.from(text).length < 2) throw invalid(fieldError('reason', 'too_short'));
    return ctx.db.transaction().execute(async (trx) => {
      const row = await new PersonsRepository(trx).byId(id);
      if (!row) throw notFound();
      await this.audit.record(trx, ctx, { action: 'person.unmask', objectType: 'person', objectId: id, detail: { reason: text, fields: ['name', 'idNumber', 'phone', 'address'] } });
      return { id, ...this.sealing.open(row) };
    });
  }
}
