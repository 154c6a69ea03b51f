import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Look-ups the demo seed needs to give its field accounts a real grid and a real enterprise. */
export class DemoRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The community of the district holding a case (confirmed or asymptomatic) and, among those, the
   * most demo persons: the grid worker's day starts from a case whose contacts must be registered.
   */
  async busiestGrid(district: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('persons')
      .select([
        'region_code',
        (eb) => eb.fn.sum<number>(eb.case().when('category', 'in', ['confirmed', 'asymptomatic']).then(1).else(0).end()).as('cases'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('region_code', '>=', district)
      .where('region_code', '<', `${district}~`)
      .groupBy('region_code')
      .orderBy('cases', 'desc')
      .orderBy('n', 'desc')
      .orderBy('region_code')
      .limit(1)
      .executeTakeFirst();
    return row?.region_code;
  }

  /** The district's demo enterprise with the most open hazards, so its officer has work to do. */
  async busiestEnterprise(district: string): Promise<{ id: string; region_code: string } | undefined> {
    return this.db
      .selectFrom('enterprises')
      .leftJoin('hazards', 'hazards.enterprise_id', 'enterprises.id')
      .select(['enterprises.id', 'enterprises.region_code', (eb) => eb.fn.count<number>('hazards.id').as('n')])
      .where('enterprises.region_code', '>=', district)
      .where('enterprises.region_code', '<', `${district}~`)
      .groupBy(['enterprises.id', 'enterprises.region_code'])
      .orderBy('n', 'desc')
      .orderBy('enterprises.id')
      .limit(1)
      .executeTakeFirst();
  }
}
