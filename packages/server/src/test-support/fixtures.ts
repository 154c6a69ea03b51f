import { residentIdCheckChar } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * A suite's series of valid, fictitious resident ID numbers: the n-th has a birth date n days after
 * 1 January of `fromYear` and a sequence from `sequence`. Suites pick distinct years and sequences so
 * that their numbers never meet each other's or the demo seed's (sequence 9xx).
 */
export function fictitiousIds(options: { fromYear: number; sequence: number; perSeries?: number; area?: string }) {
  const perSeries = options.perSeries ?? 20_000;
  return (n: number, area = options.area ?? '320706'): string => {
    const birth = new Date(Date.UTC(options.fromYear, 0, 1) + (n % perSeries) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `${area}${birth}${options.sequence + Math.floor(n / perSeries)}`;
    return first17 + residentIdCheckChar(first17);
  };
}

/** Fictitious mobile numbers under a suite's own three-digit prefix. */
export const fictitiousPhones = (prefix: string) => (n: number): string => `${prefix}${String(n).padStart(8, '0')}`;

/** The first `limit` real communities (12-digit codes) of a district, in code order. */
export async function communitiesIn(db: Kysely<Database>, district: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('regions').select('code').where('level', '=', 'community').where('code', '>=', district).where('code', '<', `${district}~`).orderBy('code').limit(limit).execute();
  return rows.map((r) => r.code);
}
