import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import type { TemplateRegion } from './enterprises.xlsx.js';

/** The communities and villages of the ground with their town and county, for the template's code sheet. */
export async function communitiesInGround(db: Kysely<Database>, roots: readonly string[]): Promise<TemplateRegion[]> {
  const repo = new RegionsRepository(db);
  const found: TemplateRegion[] = [];
  const names = new Map<string, string>();
  const visit = async (code: string, name: string, level: string): Promise<void> => {
    names.set(code, name);
    if (level === 'community') {
      found.push({ code, name, town: names.get(code.slice(0, 9)) ?? '', county: names.get(code.slice(0, 6)) ?? '' });
      return;
    }
    for (const child of await repo.children(code)) await visit(child.code, child.name, child.level);
  };
  for (const root of await repo.byCodes(roots)) {
    await visit(root.code, root.name, root.level);
  }
  return found;
}
