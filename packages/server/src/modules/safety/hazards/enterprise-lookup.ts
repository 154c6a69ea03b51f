import { AppError } from '../../../http/errors.js';
import type { RequestContext } from '../../../http/context.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';

export interface EnterpriseRef {
  id: string;
  name: string;
  regionCode: string;
}

/**
 * Risk points, inspections and hazards find their enterprise through the register's service, so
 * the caller's ground and an enterprise officer's own-enterprise scope apply as they do there.
 */
export class EnterpriseLookup {
  constructor(private readonly enterprises: EnterprisesService) {}

  /** The enterprise, or null when it does not exist or lies outside the caller's ground. */
  async find(ctx: RequestContext, id: string): Promise<EnterpriseRef | null> {
    try {
      const enterprise = await this.enterprises.get(ctx, id);
      return { id: enterprise.id, name: enterprise.name, regionCode: enterprise.regionCode };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    }
  }
}
