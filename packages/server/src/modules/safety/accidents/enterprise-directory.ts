import { AppError } from '../../../http/errors.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import type { EnterpriseDirectory } from './accidents.service.js';

/** Accidents look enterprises up through the register's service, within the caller's ground. */
export function enterpriseDirectory(enterprises: EnterprisesService): EnterpriseDirectory {
  return {
    async find(ctx, id) {
      try {
        const enterprise = await enterprises.get(ctx, id);
        return { id: enterprise.id, name: enterprise.name, industryCode: enterprise.industryCode };
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return null;
        throw error;
      }
    },
  };
}
