import { randomUUID } from 'node:crypto';
import { editionInForce } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AreasRepository } from './areas.repository.js';

/**
 * Demo risk areas (labelled 演示): the towns where the demo clusters began, graded on the day of
 * their index case, one medium and one high. Runs inside the demo seed's transaction.
 */
export async function seedDemoAreas(db: Kysely<Database>, areas: Array<{ regionCode: string; level: 'medium' | 'high'; from: string }>, now: Date): Promise<number> {
  const rows = areas.flatMap((area) => {
    const edition = editionInForce(area.from);
    if (!edition?.areaRules?.levels.includes(area.level)) return [];
    return [{ id: randomUUID(), region_code: area.regionCode, level: area.level, effective_from: area.from, effective_to: null, edition: edition.code, set_by: null, reason: `演示：出现本土感染者，划为${area.level === 'high' ? '高' : '中'}风险区`, is_demo: 1, created_at: now.toISOString() }];
  });
  await new AreasRepository(db).insert(rows);
  return rows.length;
}
