import { randomUUID } from 'node:crypto';
import { commonRegion, isWithinRegion, releaseCheck, type NucleicAcidTest, type ReleaseBlocker } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound } from '../../../http/errors.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import { measureOn } from '../dashboard/counters.js';
import { countFollowup } from '../dashboard/counters.service.js';
import { RegionsService } from '../../regions/regions.service.js';
import type { ManagedPerson, PersonBrief, PersonsDirectory } from '../persons/persons.directory.js';
import { chinaToday } from '../persons/persons.input.js';
import type { AlertsService } from './alerts.service.js';
import { daysBetween, shiftDay } from './calendar.js';
import { FollowupsRepository } from './followups.repository.js';
import type { Followup, FollowupsToday, MissedFollowups, MissedQuery, RecordFollowupBody, TodayQuery } from './followups.schema.js';

/** Release refused by the rule: the reasons' codes travel in the problem body. */
export class ReleaseRefusedError extends AppError {
  constructor(readonly reasons: readonly string[]) {
    super('release_refused');
  }
}

export interface Health {
  temperature: number | null;
  symptoms: string[];
  testResult: 'negative' | 'positive' | 'pending' | null;
  sampledAt: string | null;
  note: string | null;
}

const HEALTH_FIELD = 'followups.health';

/**
 * Escalation of missed follow-ups (逐级督办): a day missed is the grid's to catch up, two days in a
 * row go to the town (street), three or more to the district. Platform defaults, not a national rule.
 */
const TOWN_AFTER_DAYS = 2;
const DISTRICT_AFTER_DAYS = 3;
type Escalation = 'community' | 'town' | 'district';

function escalation(consecutiveDays: number): Escalation {
  return consecutiveDays >= DISTRICT_AFTER_DAYS ? 'district' : consecutiveDays >= TOWN_AFTER_DAYS ? 'town' : 'community';
}

function brief(p: PersonBrief) {
  return { id: p.id, name: p.name, category: p.category, status: p.status, gridCode: p.gridCode, isDemo: p.isDemo, version: p.version };
}

/** Daily follow-up by the grid (每日随访), the lists of who is due, and release (解除管控). */
export class FollowupsService {
  private readonly regions = new RegionsService();

  constructor(
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly directory: PersonsDirectory,
    private readonly alerts: AlertsService,
  ) {}

  private seal(health: Health): string {
    return this.crypto.encrypt(JSON.stringify(health), HEALTH_FIELD);
  }

  private open(sealed: string): Health {
    return JSON.parse(this.crypto.decrypt(sealed, HEALTH_FIELD)) as Health;
  }

  /** Sealed rows of a follow-up, for the demo seed and the API alike. */
  sealFollowup(health: Health): string {
    return this.seal(health);
  }

  async record(ctx: RequestContext, personId: string, body: RecordFollowupBody): Promise<Followup> {
    const person = await this.directory.managedPerson(ctx.db, personId);
    if (!person) throw notFound();
    if (person.status !== 'managed') throw new AppError('person_not_managed');
    const today = chinaToday(ctx.now());
    const date = body.date ?? today;
    if (date > today) throw invalid(fieldError('date', 'out_of_range'));
    if (!body.testTaken && body.testResult) throw invalid(fieldError('testResult', 'invalid'));
    const health: Health = {
      temperature: body.temperature ?? null,
      symptoms: body.symptoms ?? [],
      testResult: body.testTaken ? (body.testResult ?? 'pending') : null,
      sampledAt: body.sampledAt ?? null,
      note: body.note ?? null,
    };
    const at = ctx.now().toISOString();
    const row = { id: randomUUID(), region_code: person.gridCode, person_id: personId, followup_date: date, test_taken: body.testTaken ? 1 : 0, health_enc: this.seal(health), recorded_by: ctx.actor?.id ?? null, is_demo: 0, created_at: at };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new FollowupsRepository(trx);
      // The dashboard counts persons followed up, not follow-ups: only the first of the day marks.
      const first = (await repo.daysRecorded([personId], date, date)).length === 0;
      await repo.insert([row]);
      if (first) await countFollowup(trx, person, date);
      // A positive sample makes the person a suspected case: the grid must act now.
      const alertId = health.testResult === 'positive' ? await this.alerts.raiseIn(trx, { gridCode: person.gridCode, kind: 'positive_test', personId, detail: { date, category: person.category } }, at) : null;
      // Which fields were recorded, never their values: the audit trail is read by more people than health records.
      await this.audit.record(trx, ctx, { action: 'followup.create', objectType: 'person', objectId: personId, detail: { followupId: row.id, date, testTaken: body.testTaken, ...(alertId ? { alertId } : {}) } });
    });
    return this.toFollowup(row);
  }

  private toFollowup(row: { id: string; person_id: string; followup_date: string; test_taken: number; health_enc: string; recorded_by: string | null; created_at: string }): Followup {
    const health = this.open(row.health_enc);
    return {
      id: row.id,
      personId: row.person_id,
      date: row.followup_date,
      temperature: health.temperature,
      symptoms: health.symptoms,
      testTaken: row.test_taken === 1,
      testResult: health.testResult,
      sampledAt: health.sampledAt,
      note: health.note,
      recordedBy: row.recorded_by,
      createdAt: row.created_at,
    };
  }

  async ofPerson(ctx: RequestContext, personId: string): Promise<{ items: Followup[] }> {
    if (!(await this.directory.briefs(ctx.db, [personId], { names: false })).has(personId)) throw notFound();
    return { items: (await new FollowupsRepository(ctx.db).ofPerson(personId)).map((row) => this.toFollowup(row)) };
  }

  /** The samples of these persons, as the domain's release check reads them. */
  private async tests(ctx: RequestContext, personIds: readonly string[]): Promise<Map<string, NucleicAcidTest[]>> {
    const byPerson = new Map<string, NucleicAcidTest[]>();
    for (const row of await new FollowupsRepository(ctx.db).withTests(personIds)) {
      const health = this.open(row.health_enc);
      const test: NucleicAcidTest = { date: row.followup_date, result: health.testResult ?? 'pending', ...(health.sampledAt ? { sampledAt: health.sampledAt } : {}) };
      const list = byPerson.get(row.person_id);
      if (list) list.push(test);
      else byPerson.set(row.person_id, [test]);
    }
    return byPerson;
  }

  /** Who was followed up on which day, as "personId|day" keys. */
  private async recorded(ctx: RequestContext, personIds: readonly string[], from: string, to: string): Promise<Set<string>> {
    const rows = await new FollowupsRepository(ctx.db).daysRecorded(personIds, from, to);
    return new Set(rows.map((row) => `${row.person_id}|${row.followup_date}`));
  }

  /** Days missed in a row up to `day` (0 when the person was not due or was followed up that day). */
  private missedRun(person: ManagedPerson, day: string, recorded: Set<string>): number {
    let run = 0;
    for (let back = 0; back < DISTRICT_AFTER_DAYS; back += 1) {
      const d = shiftDay(day, -back);
      if (measureOn(person.plan, d) === null || recorded.has(`${person.id}|${d}`)) break;
      run += 1;
    }
    return run;
  }

  /**
   * The grid worker's list for a day: who needs a follow-up (their plan puts them under a
   * measure that day), who is due for release (the domain's release check with their tests),
   * and who was missed the day before.
   */
  async today(ctx: RequestContext, query: TodayQuery): Promise<FollowupsToday> {
    const date = query.date ?? chinaToday(ctx.now());
    const yesterday = shiftDay(date, -1);
    const persons = await this.directory.managedIn(ctx.db, query.gridCode ?? null);
    const recorded = await this.recorded(
      ctx,
      persons.map((p) => p.id),
      shiftDay(date, -DISTRICT_AFTER_DAYS),
      date,
    );

    const due = persons.flatMap((p) => {
      const measure = measureOn(p.plan, date);
      if (measure === null || p.plan === null) return [];
      return [
        {
          person: brief(p),
          measure,
          planDay: daysBetween(p.plan.startDate, date),
          endDate: p.plan.endDate,
          testDueToday: p.plan.tests.some((t) => t.date === date),
          followedUp: recorded.has(`${p.id}|${date}`),
        },
      ];
    });

    // The period is over, or it lasts until release and the release condition may be met.
    const candidates = persons.filter((p) => p.plan !== null && p.plan.startDate <= date && (p.plan.endDate === null || p.plan.endDate <= date));
    const tests = await this.tests(
      ctx,
      candidates.map((p) => p.id),
    );
    const releaseDue = candidates.flatMap((p) => {
      const check = releaseCheck(p.plan!, { today: date, tests: tests.get(p.id) ?? [] });
      if (p.plan!.endDate === null && !check.canRelease) return [];
      return [{ person: brief(p), endDate: p.plan!.endDate, canRelease: check.canRelease, reasons: [...check.reasons] }];
    });

    const missedYesterday = persons.flatMap((p) => {
      const run = this.missedRun(p, yesterday, recorded);
      if (run === 0) return [];
      return [{ person: brief(p), measure: measureOn(p.plan, yesterday)!, consecutiveDays: run, escalatedTo: escalation(run) }];
    });
    return { date, due, releaseDue, missedYesterday };
  }

  /**
   * Missed follow-ups of a day in a region, counted per child region, with how far each miss has
   * escalated: community → town → district.
   */
  async missed(ctx: RequestContext, query: MissedQuery): Promise<MissedFollowups> {
    const regionCode = query.regionCode ?? commonRegion(ctx.actor?.ground.regionCodes ?? []) ?? '';
    const date = query.date ?? shiftDay(chinaToday(ctx.now()), -1);
    const region = await this.regions.get(ctx, regionCode);
    const children = region.childCount > 0 ? await this.regions.list(ctx, regionCode) : [];
    const persons = await this.directory.managedIn(ctx.db, regionCode);
    const recorded = await this.recorded(
      ctx,
      persons.map((p) => p.id),
      shiftDay(date, -(DISTRICT_AFTER_DAYS - 1)),
      date,
    );
    const zero = () => ({ due: 0, missed: 0, community: 0, town: 0, district: 0 });
    const total = zero();
    const perChild = new Map(children.map((c) => [c.code, zero()]));
    for (const p of persons) {
      if (measureOn(p.plan, date) === null) continue;
      const run = this.missedRun(p, date, recorded);
      const counts = [total, perChild.get(children.find((c) => isWithinRegion(p.gridCode, c.code))?.code ?? '')];
      for (const c of counts) {
        if (!c) continue;
        c.due += 1;
        if (run > 0) {
          c.missed += 1;
          c[escalation(run)] += 1;
        }
      }
    }
    return { regionCode, date, ...total, children: children.map((c) => ({ regionCode: c.code, name: c.name, ...perChild.get(c.code)! })) };
  }

  /**
   * Releases the person from their measures, as one action, when the domain's release check on
   * today's date allows it with their recorded tests; otherwise 422 with the reasons.
   */
  async release(ctx: RequestContext, personId: string, version: number) {
    const person = await this.directory.managedPerson(ctx.db, personId);
    if (!person) throw notFound();
    if (person.status !== 'managed') throw new AppError('person_not_managed');
    if (person.plan === null) throw new ReleaseRefusedError(['no_measure_plan']);
    const today = chinaToday(ctx.now());
    const check = releaseCheck(person.plan, { today, tests: (await this.tests(ctx, [personId])).get(personId) ?? [] });
    if (!check.canRelease) throw new ReleaseRefusedError(check.reasons as readonly ReleaseBlocker[]);
    const at = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await this.directory.releaseIn(trx, person, version, at, today))) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'person.release', objectType: 'person', objectId: personId, detail: { edition: person.plan!.edition, endDate: person.plan!.endDate, releasedOn: today } });
    });
    return { personId, status: 'released' as const, releasedOn: today, edition: person.plan.edition, endDate: person.plan.endDate };
  }
}
