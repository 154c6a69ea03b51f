import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ManagedPerson } from '../persons/persons.directory.js';
import { shiftDay } from './calendar.js';
import { FollowupsRepository } from './followups.repository.js';
import type { FollowupsService } from './followups.service.js';

/**
 * Daily follow-ups of the demo persons over their plans: every day from the start to the end (at
 * most two weeks), with a negative test on each scheduled test day. Every fifth person misses the
 * last two days and skips the last test, so the lists show misses and refused releases too; the
 * others of a plan that ends on negative tests get them on its last days, so they may be released.
 */
export async function seedDemoFollowups(db: Kysely<Database>, persons: readonly ManagedPerson[], followups: FollowupsService, now: Date): Promise<number> {
  const at = now.toISOString();
  const rows = [];
  for (const [index, person] of persons.entries()) {
    const plan = person.plan;
    if (!plan || plan.steps.every((s) => s.measure === 'none')) continue;
    const last = plan.endDate ?? shiftDay(plan.startDate, 10);
    const careless = index % 5 === 4;
    const testDays = new Set(plan.tests.map((t) => t.date));
    // A plan that ends on negative tests (cases in hospital) gets them on its last days.
    if (plan.release && !careless) for (let k = 0; k < plan.release.negativeTests; k += 1) testDays.add(shiftDay(last, -k));
    for (let day = shiftDay(plan.startDate, 1), n = 0; day <= last && n < 14; day = shiftDay(day, 1), n += 1) {
      if (careless && day >= shiftDay(last, -1)) break;
      const test = testDays.has(day);
      rows.push({
        id: randomUUID(),
        region_code: person.gridCode,
        person_id: person.id,
        followup_date: day,
        test_taken: test ? 1 : 0,
        health_enc: followups.sealFollowup({ temperature: 36.3 + ((index + n) % 6) / 10, symptoms: [], testResult: test ? 'negative' : null, sampledAt: null, note: null }),
        recorded_by: null,
        is_demo: 1,
        created_at: at,
      });
    }
  }
  await new FollowupsRepository(db).insert(rows);
  return rows.length;
}
