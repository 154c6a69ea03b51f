import { checkCampaignPeriod, checkCampaignScope, type CampaignScope } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { fieldError, type FieldError } from '../../../http/errors.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { industryByCode } from '../industries/industries.js';
import { CampaignsRepository } from './campaigns.repository.js';

/**
 * The checks of a campaign as written: the domain's rules for scope and period, then what only the
 * database knows (the regions and enterprises named exist in the caller's ground).
 */
export async function checkCampaignInput(db: Kysely<Database>, organizer: string, input: { scope: CampaignScope; startsOn: string; endsOn: string }): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const problem of checkCampaignPeriod(input)) errors.push(fieldError(problem.field, problem.problem));
  for (const problem of checkCampaignScope(organizer, input.scope)) errors.push(fieldError(problem.field, problem.problem));
  input.scope.industries.forEach((code, index) => {
    if (!industryByCode(code)) errors.push(fieldError(`scope.industries.${index}`, 'unknown_industry'));
  });
  const known = new Set((await new RegionsRepository(db).byCodes(input.scope.regions)).map((region) => region.code));
  input.scope.regions.forEach((code, index) => {
    if (!known.has(code) && !errors.some((e) => e.field === `scope.regions.${index}`)) errors.push(fieldError(`scope.regions.${index}`, 'unknown_region'));
  });
  const enterprises = await new CampaignsRepository(db).enterprisesWithin(input.scope.enterpriseIds, organizer);
  input.scope.enterpriseIds.forEach((id, index) => {
    if (!enterprises.has(id)) errors.push(fieldError(`scope.enterpriseIds.${index}`, 'invalid'));
  });
  return errors;
}
