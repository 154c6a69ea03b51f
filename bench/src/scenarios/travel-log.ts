import { randomBytes, randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { chinaToday } from '@shoutu/server/modules/epidemic/persons/persons.input.js';
import type { TravelCheckTable } from '@shoutu/server/modules/epidemic/travel/travel.tables.js';
import { communities, rng, weightedPicker } from '../data.js';
import { generateRows } from '../generate.js';
import type { ScenarioContext } from './context.js';

const DAY = 86_400_000;
/** Days of checks kept in the generated log: a month of a crisis, as retention would leave it. */
const TRAVEL_LOG_DAYS = 30;

/**
 * Scale × 200,000 travel checks over the last 30 days (scale 1: ~6,700 a day; scale 10: ~67,000
 * a day, a city's gates in a crisis), straight into the log: made at the city's towns weighted
 * Zipf-like, 8 % denied and 4 % alerted. The keyed hash is random bytes: the log never holds the
 * ID number, and no list reads it.
 */
export async function seedTravelChecks(ctx: ScenarioContext): Promise<void> {
  const count = Math.round(ctx.args.scale * 200_000);
  if (ctx.state.travelChecks >= count) return;
  const random = rng(11);
  const towns = [...new Set((await communities(ctx.env.db, '3207')).map((code) => code.slice(0, 9)))];
  const town = weightedPicker(towns, random, 0.9);
  const now = Date.now();
  await generateRows(ctx.env.db.kysely, 'generate: travel checks', 'travel_checks', count, (): Insertable<TravelCheckTable> => {
    const at = new Date(now - Math.floor(random() * TRAVEL_LOG_DAYS * DAY));
    const roll = random();
    const decision = roll < 0.08 ? 'deny' : roll < 0.12 ? 'alert' : 'allow';
    const reasons = decision === 'allow' ? [] : [{ code: decision === 'deny' ? 'category_denied' : 'recent_key_area', ruleId: 'bench' }];
    const day = chinaToday(at);
    return {
      id: randomUUID(), region_code: town(), checkpoint_id: null, id_number_hash: randomBytes(16).toString('hex'), destination: '110000',
      travel_date: day, check_day: day, decision, reasons: JSON.stringify(reasons), checked_by: null, device_token_id: null, checked_at: at.toISOString(),
    };
  });
  ctx.state.travelChecks = count;
}
