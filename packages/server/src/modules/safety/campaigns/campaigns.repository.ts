import { regionPrefix } from '@shoutu/domain';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { CampaignTable } from './campaigns.tables.js';

export type CampaignRow = Selectable<CampaignTable>;
export type CampaignPhase = 'planned' | 'active' | 'ended';

export interface CampaignFilter {
  phase?: CampaignPhase;
  /** Today in China's calendar, for the phase. */
  today: string;
  /** Only campaigns organised at these regions: the levels above a ground, read through the system handle. */
  organizerCodes?: readonly string[];
}

/**
 * Campaign rows. Through a request's handle `campaigns` is grounded by its organising region; the
 * service reads the campaigns of the levels above the ground through the system handle, naming
 * those levels exactly (`organizerCodes`).
 */
export class CampaignsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select(filter: Omit<CampaignFilter, 'today'> & { today?: string }) {
    const { phase, today, organizerCodes } = filter;
    return this.db
      .selectFrom('campaigns')
      .selectAll()
      .$if(organizerCodes !== undefined, (q) => q.where('region_code', 'in', organizerCodes!.length > 0 ? organizerCodes! : ['']))
      .$if(phase === 'planned', (q) => q.where('starts_on', '>', today!))
      .$if(phase === 'active', (q) => q.where('starts_on', '<=', today!).where('ends_on', '>=', today!))
      .$if(phase === 'ended', (q) => q.where('ends_on', '<', today!));
  }

  byId(id: string, organizerCodes?: readonly string[]): Promise<CampaignRow | undefined> {
    return this.select(organizerCodes ? { organizerCodes } : {}).where('id', '=', id).executeTakeFirst();
  }

  /** Latest start first. */
  list(filter: CampaignFilter, page: { limit: number; after?: [string, string] }): Promise<CampaignRow[]> {
    let query = this.select(filter).orderBy('starts_on', 'desc').orderBy('id', 'desc').limit(page.limit);
    if (page.after) {
      const [startsOn, id] = page.after;
      query = query.where((eb) => eb.or([eb('starts_on', '<', startsOn), eb.and([eb('starts_on', '=', startsOn), eb('id', '<', id)])]));
    }
    return query.execute();
  }

  async insert(row: Insertable<CampaignTable>): Promise<void> {
    await this.db.insertInto('campaigns').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<CampaignTable>): Promise<number> {
    const result = await this.db.updateTable('campaigns').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Names of enterprises the caller can see, for a scope's list of named enterprises. */
  async enterpriseNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const row of rows) names.set(row.id, row.name);
    }
    return names;
  }

  /** Which of these enterprises exist in the caller's ground within a region subtree. */
  async enterprisesWithin(ids: readonly string[], regionCode: string): Promise<Set<string>> {
    const prefix = regionPrefix(regionCode);
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.selectFrom('enterprises').select('id').where('id', 'in', ids.slice(i, i + 500)).where('region_code', '>=', prefix).where('region_code', '<', `${prefix}~`).execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }
}
