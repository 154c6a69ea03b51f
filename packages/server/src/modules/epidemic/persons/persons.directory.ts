import { findCategory, maskName, type MeasurePlan } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError } from '../../../http/errors.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import { briefFacts, countPersonChange, storedPlan } from '../dashboard/counters.service.js';
import { chinaToday } from './persons.input.js';
import { PersonsDirectoryRepository } from './persons.directory.repository.js';
import { PersonsRepository } from './persons.repository.js';
import type { CreatePersonBody, PersonDetail } from './persons.schema.js';
import { PersonSealing } from './persons.sealing.js';
import { PersonExistsError, PersonsService } from './persons.service.js';

/** What the other epidemic modules see of a person: the name masked, no identifiers. */
export interface PersonBrief {
  id: string;
  gridCode: string;
  /** Masked (surname only); null when the caller did not ask for names. */
  name: string | null;
  category: string;
  status: 'managed' | 'released';
  onsetDate: string | null;
  sampleDate: string | null;
  reportDate: string | null;
  lastExposureDate: string | null;
  arrivalDate: string | null;
  isDemo: boolean;
  createdAt: string;
  version: number;
}

export interface ManagedPerson extends PersonBrief {
  /** The current measure plan as the domain computed it; null when none could be computed. */
  plan: MeasurePlan | null;
}

type BriefRow = Awaited<ReturnType<PersonsDirectoryRepository['briefs']>>[number];

/** The facts of an event that make the latest date win: a later exposure or arrival restarts the count. */
const LATEST_WINS = ['lastExposureDate', 'arrivalDate'] as const;

/**
 * The persons module's face to the other epidemic modules (tracing, follow-ups, checkpoints,
 * travel, areas): narrow reads, the release transition, and "find or register" for a person
 * named by an exposure or an arrival. They never touch the persons tables themselves.
 */
export class PersonsDirectory {
  private readonly persons: PersonsService;
  private readonly sealing: PersonSealing;

  constructor(
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
  ) {
    this.persons = new PersonsService(audit, crypto);
    this.sealing = new PersonSealing(crypto);
  }

  /** The keyed hash of a normalised ID number, the only way persons are looked up by it. */
  idNumberHash(idNumber: string): string {
    return this.sealing.idNumberHash(idNumber);
  }

  private toBrief(row: BriefRow, names: boolean): PersonBrief {
    return {
      id: row.id,
      gridCode: row.region_code,
      // Only the name is opened here, under the person's own key when they have one.
      name: names ? maskName(this.sealing.openName(row)) : null,
      category: row.category,
      status: row.status,
      onsetDate: row.onset_date,
      sampleDate: row.sample_date,
      reportDate: row.report_date,
      lastExposureDate: row.last_exposure_date,
      arrivalDate: row.arrival_date,
      isDemo: row.is_demo === 1,
      createdAt: row.created_at,
      version: Number(row.version),
    };
  }

  /** Persons visible through `db` (a request's ground-scoped handle), by id. */
  async briefs(db: Kysely<Database>, ids: readonly string[], options: { names?: boolean } = {}): Promise<Map<string, PersonBrief>> {
    const rows = await new PersonsDirectoryRepository(db).briefs(ids);
    return new Map(rows.map((row) => [row.id, this.toBrief(row, options.names ?? true)]));
  }

  /** Persons under management in a region subtree with their current plans. */
  async managedIn(db: Kysely<Database>, regionCode: string | null): Promise<ManagedPerson[]> {
    const rows = await new PersonsDirectoryRepository(db).managedIn(regionCode);
    const plans = await new PersonsRepository(db).currentPlans(rows.map((row) => row.id));
    return rows.map((row) => {
      const plan = plans.get(row.id);
      return { ...this.toBrief(row, true), plan: plan ? (JSON.parse(plan.plan) as MeasurePlan) : null };
    });
  }

  async managedPerson(db: Kysely<Database>, id: string): Promise<ManagedPerson | null> {
    const [row] = await new PersonsDirectoryRepository(db).briefs([id]);
    if (!row) return null;
    const plan = (await new PersonsRepository(db).currentPlans([id])).get(id);
    return { ...this.toBrief(row, true), plan: plan ? (JSON.parse(plan.plan) as MeasurePlan) : null };
  }

  /**
   * Whether an ID number is listed, by its keyed hash: one indexed lookup. The caller picks the
   * handle; the travel check uses the unscoped one because a person registered anywhere in the
   * city must be found at any checkpoint, and it answers only allow / deny.
   */
  listing(db: Kysely<Database>, idNumberHash: string) {
    return new PersonsDirectoryRepository(db).listing(idNumberHash);
  }

  /** The demo persons with the keyed hash of their ID number, for the demo seeds of the other epidemic modules. */
  async demoPersons(db: Kysely<Database>): Promise<Array<PersonBrief & { idNumberHash: string }>> {
    return (await new PersonsDirectoryRepository(db).demoPersons()).map((row) => ({ ...this.toBrief(row, false), idNumberHash: row.id_number_hash }));
  }

  /**
   * Marks the person released inside the caller's transaction, which also writes the audit row,
   * and takes them off the dashboard's measures; false when the version is stale or the person is
   * outside the ground.
   */
  async releaseIn(trx: Kysely<Database>, person: ManagedPerson, version: number, at: string, today: string): Promise<boolean> {
    if ((await new PersonsRepository(trx).updateVersioned(person.id, version, { status: 'released', released_at: at, updated_at: at })) !== 1) return false;
    const before = briefFacts(person, person.plan);
    await countPersonChange(trx, person.id, before, { ...before, status: 'released' }, today);
    return true;
  }

  get(ctx: RequestContext, id: string): Promise<PersonDetail> {
    return this.persons.get(ctx, id);
  }

  /**
   * The person with this ID number, registered now if new (the same ID number is one person).
   * An existing person keeps a category of the four categories and their grid; they take the new
   * category when it is one of the four and theirs is not, and a later exposure or arrival date;
   * a released person named by a new event is under management again. Each step is the persons service's own transaction with its audit row. A person registered
   * outside the caller's ground cannot be found: PersonExistsError with a null id.
   */
  async findOrRegister(ctx: RequestContext, input: CreatePersonBody, categoryReason: string): Promise<{ person: PersonDetail; created: boolean }> {
    let existingId: string;
    try {
      return { person: await this.persons.create(ctx, input), created: true };
    } catch (error) {
      if (!(error instanceof PersonExistsError) || error.personId === null) throw error;
      existingId = error.personId;
    }
    const existing = await this.persons.get(ctx, existingId);
    const patch: { category?: string; categoryReason?: string; lastExposureDate?: string; arrivalDate?: string } = {};
    if (input.category !== existing.category && findCategory(input.category)?.fourCategories === true && findCategory(existing.category)?.fourCategories !== true) {
      patch.category = input.category;
      patch.categoryReason = categoryReason;
    }
    for (const field of LATEST_WINS) {
      const value = input[field];
      if (typeof value === 'string' && (existing[field] === null || existing[field]! < value)) patch[field] = value;
    }
    if (Object.keys(patch).length === 0) return { person: existing, created: false };
    let person = await this.persons.update(ctx, existingId, { version: existing.version, ...patch });
    if (person.status === 'released') person = await this.reopen(ctx, person);
    return { person, created: false };
  }

  private async reopen(ctx: RequestContext, person: PersonDetail): Promise<PersonDetail> {
    const plan = person.measurePlan ? storedPlan((await new PersonsRepository(ctx.db).currentPlans([person.id])).get(person.id)?.plan) : null;
    await ctx.db.transaction().execute(async (trx) => {
      const changed = await new PersonsRepository(trx).updateVersioned(person.id, person.version, { status: 'managed', released_at: null, updated_at: ctx.now().toISOString() });
      if (changed === 0) throw new AppError('version_conflict');
      const before = briefFacts(person, plan);
      await countPersonChange(trx, person.id, before, { ...before, status: 'managed' }, chinaToday(ctx.now()));
      await this.audit.record(trx, ctx, { action: 'person.reopen', objectType: 'person', objectId: person.id, detail: { category: person.category } });
    });
    return this.persons.get(ctx, person.id);
  }
}
