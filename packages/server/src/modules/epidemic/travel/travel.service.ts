import { randomUUID } from 'node:crypto';
import { TRAVEL_RULES, checkTravel, commonRegion, validateResidentId, type TravelRule } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.js';
import { shiftDay } from '../followups/calendar.js';
import type { PersonsDirectory } from '../persons/persons.directory.js';
import { chinaToday } from '../persons/persons.input.js';
import { TravelLog } from './travel.log.js';
import { TravelRepository } from './travel.repository.js';
import type { Denials, DenialsQuery, TravelCheckBody, TravelCheckList, TravelCheckListQuery, TravelCheckResult } from './travel.schema.js';

/**
 * How far back a traveller's origins are read: the longest look-back of any travel rule, and at
 * least the 14 days the rules of 2021–2022 used. Computed once from the rules, which are data.
 */
const LOOKBACK_DAYS = Math.max(
  14,
  ...TRAVEL_RULES.flatMap((rule) => [rule.deny, rule.alert].flatMap((c) => [c?.withinDays ?? 0, c?.localInfectionWithinDays ?? 0])),
);

const RULES = new Map<string, TravelRule>(TRAVEL_RULES.map((rule) => [rule.id, rule]));

/** Travel control (出行管控): "may this person travel to this destination now?", and its log. */
export class TravelService {
  private readonly log: TravelLog;

  constructor(
    private readonly directory: PersonsDirectory,
    private readonly checkpoints: CheckpointsService,
    /**
     * The unscoped handle, for the two reads by the keyed hash: a person registered anywhere in
     * the city must be found at every checkpoint. The answer says only allow / deny / alert and
     * why, never who the person is or where they are registered.
     */
    private readonly cityWide: Kysely<Database>,
  ) {
    this.log = new TravelLog(cityWide);
  }

  /**
   * One check: the person's category by the keyed hash (one indexed lookup), their recent
   * origins from arrivals (one indexed range read), the domain's checkTravel, and one insert
   * into the log, shared with the checks made at the same moment. Every check is logged before
   * it is answered; the log keeps the hash, never the ID number.
   */
  async check(ctx: RequestContext, body: TravelCheckBody): Promise<TravelCheckResult> {
    const now = ctx.now();
    // A gate device checks for its own checkpoint: it may name it, never another.
    const device = ctx.actor?.device;
    if (device && body.checkpointId !== undefined && body.checkpointId !== device.checkpointId) throw new AppError('device_checkpoint_mismatch');
    const checkpointId = device?.checkpointId ?? body.checkpointId;
    const id = validateResidentId(body.idNumber, now);
    if (!id.ok) throw invalid(fieldError('idNumber', 'invalid'));
    const today = chinaToday(now);
    const date = body.date ?? today;
    const hash = this.directory.idNumberHash(id.value);
    // Independent reads: on PostgreSQL they go out together on separate connections.
    const [regionCode, listing, recentAreas] = await Promise.all([
      checkpointId ? this.checkpoints.get(ctx, checkpointId).then((c) => c.regionCode) : (commonRegion(ctx.actor?.ground.regionCodes ?? []) ?? ''),
      this.directory.listing(this.cityWide, hash),
      this.checkpoints.recentOrigins(this.cityWide, hash, shiftDay(date, -LOOKBACK_DAYS), date),
    ]);
    // A released person is no longer of their category for travel.
    const result = checkTravel({ person: { category: listing?.status === 'managed' ? listing.category : null, recentAreas }, destination: body.destination, date });
    const row = {
      id: randomUUID(),
      region_code: regionCode,
      checkpoint_id: checkpointId ?? null,
      id_number_hash: hash,
      destination: body.destination,
      travel_date: date,
      check_day: today,
      decision: result.decision,
      reasons: JSON.stringify(result.reasons.map((r) => ({ code: r.code, ruleId: r.ruleId }))),
      checked_by: device ? null : (ctx.actor?.id ?? null),
      device_token_id: device?.tokenId ?? null,
      checked_at: now.toISOString(),
    };
    await this.log.append(ctx, row);
    return {
      id: row.id,
      decision: result.decision,
      reasons: result.reasons.map((r) => {
        const rule = RULES.get(r.ruleId);
        return {
          code: r.code,
          ruleId: r.ruleId,
          ruleName: { 'zh-CN': rule?.name['zh-CN'] ?? r.ruleId, en: rule?.name.en ?? r.ruleId },
          ruleSource: rule?.source ?? '',
          verify: rule?.verify === true,
          message: { 'zh-CN': r.message['zh-CN'], en: r.message.en },
        };
      }),
      destination: body.destination,
      date,
      checkedAt: row.checked_at,
    };
  }

  /** The checks made in the ground, newest first; the keyed hash of the ID number stays in the database. */
  async list(ctx: RequestContext, query: TravelCheckListQuery): Promise<TravelCheckList> {
    const limit = query.limit ?? 50;
    const rows = await new TravelRepository(ctx.db).list({ limit: limit + 1, after: decodeCursor(query.cursor, 2) as [string, string] | null, ...(query.day ? { day: query.day } : {}), ...(query.decision ? { decision: query.decision } : {}) });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        regionCode: row.region_code,
        checkpointId: row.checkpoint_id,
        destination: row.destination,
        travelDate: row.travel_date,
        checkDay: row.check_day,
        decision: row.decision,
        reasons: JSON.parse(row.reasons) as Array<{ code: string; ruleId: string }>,
        checkedBy: row.checked_by,
        deviceTokenId: row.device_token_id,
        checkedAt: row.checked_at,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.checked_at, last.id]) : null,
    };
  }

  /** Checks and denials per day in the ground, for the command view (the last 7 days by default). */
  async denials(ctx: RequestContext, query: DenialsQuery): Promise<Denials> {
    const to = query.to ?? chinaToday(ctx.now());
    const from = query.from ?? shiftDay(to, -6);
    if (from > to) throw invalid(fieldError('from', 'out_of_range'));
    const zero = () => ({ total: 0, denied: 0, alerted: 0, allowed: 0 });
    const totals = zero();
    const days = new Map<string, ReturnType<typeof zero>>();
    for (const row of await new TravelRepository(ctx.db).countsByDay(from, to)) {
      const day = days.get(row.check_day) ?? zero();
      days.set(row.check_day, day);
      const n = Number(row.n);
      const key = row.decision === 'deny' ? 'denied' : row.decision === 'alert' ? 'alerted' : 'allowed';
      for (const counts of [day, totals]) {
        counts.total += n;
        counts[key] += n;
      }
    }
    return { from, to, ...totals, byDay: [...days.entries()].map(([date, counts]) => ({ date, ...counts })) };
  }
}
