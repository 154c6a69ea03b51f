import { creditCodeCheckChar, residentIdCheckChar } from '@shoutu/domain';
import type { Db } from '@shoutu/server/db/database.js';

/** 12-digit community / village codes under a region prefix, from the imported regions of Lianyungang. */
export async function communities(db: Db, prefix: string): Promise<string[]> {
  const rows = await db.kysely.selectFrom('regions').select('code').where('level', '=', 'community').where('code', '>=', prefix).where('code', '<', `${prefix}~`).orderBy('code').execute();
  if (rows.length === 0) throw new Error(`no communities under ${prefix}`);
  return rows.map((r) => r.code);
}

/** A deterministic pseudo-random generator, so two runs generate the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks items with Zipf-like weights (the first items of a shuffled list are the dense ones). */
export function weightedPicker<T>(items: readonly T[], random: () => number, exponent = 1): () => T {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < order.length; i += 1) {
    sum += 1 / (i + 1) ** exponent;
    cumulative.push(sum);
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

/** A valid, unique resident ID number for each n < 20,000 × 300 (birth day × sequence). */
export function idNumber(n: number, area = '320706'): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (n % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${area}${birth}${100 + Math.floor(n / 20_000)}`;
  return first17 + residentIdCheckChar(first17);
}

export const phone = (n: number) => `13${String(n % 1_000_000_000).padStart(9, '0')}`;

/** A valid unified social credit code (enterprise: 91, then the county code, then a 9-character body). */
export function creditCode(n: number, county: string): string {
  const first17 = `91${county}${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export const CATEGORY_MIX: [string, number][] = [
  ['close_contact', 0.5],
  ['secondary_contact', 0.3],
  ['confirmed', 0.05],
  ['asymptomatic', 0.07],
  ['suspected', 0.08],
];

export function pickCategory(random: () => number): string {
  let x = random();
  for (const [code, p] of CATEGORY_MIX) {
    if (x < p) return code;
    x -= p;
  }
  return 'close_contact';
}
