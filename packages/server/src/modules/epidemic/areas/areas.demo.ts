import { randomUUID } from 'node:crypto';
import { editionInForce } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AreasRepository } from './areas.repository.js';
import { PlacesRepository } from './places.repository.js';

/** A named place of the demo, designated inside the first cluster's community (decision 0025). */
export interface DemoPlaceArea {
  community: string;
  level: 'medium' | 'high';
  from: string;
}

/**
 * Demo risk areas (labelled 演示): the towns where the demo clusters began, graded on the day of
 * their index case, one medium and one high; and a market in the community of the first index
 * case, a named place designated on its own. Runs inside the demo seed's transaction.
 */
export async function seedDemoAreas(db: Kysely<Database>, areas: Array<{ regionCode: string; level: 'medium' | 'high'; from: string }>, place: DemoPlaceArea | null, now: Date): Promise<number> {
  const at = now.toISOString();
  const designate = (regionCode: string, placeId: string | null, level: 'medium' | 'high', from: string, reason: string) => {
    const edition = editionInForce(from);
    if (!edition?.areaRules?.levels.includes(level)) return [];
    return [{ id: randomUUID(), region_code: regionCode, place_id: placeId, level, effective_from: from, effective_to: null, edition: edition.code, set_by: null, reason, is_demo: 1, created_at: at }];
  };
  const rows = areas.flatMap((area) => designate(area.regionCode, null, area.level, area.from, `演示：出现本土感染者，划为${area.level === 'high' ? '高' : '中'}风险区`));
  if (place) {
    const market = { id: randomUUID(), region_code: place.community, name: '演示农贸市场（演示）', kind: 'market' as const, created_by: null, is_demo: 1, created_at: at };
    await new PlacesRepository(db).insert([market]);
    rows.push(...designate(place.community, market.id, place.level, place.from, `演示：感染者到访，划为${place.level === 'high' ? '高' : '中'}风险场所`));
  }
  await new AreasRepository(db).insert(rows);
  return rows.length;
}
