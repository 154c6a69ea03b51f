import { LETTER_STATUS_LABELS, parentRegionCode, regionLevel } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import type { ResponsibilityChain } from './chain.schema.js';
import { DutyRepository } from './duty.repository.js';
import { LeadersRepository } from './leaders.repository.js';
import { LeaderPhones, presentLeader } from './leaders.service.js';
import { LettersRepository } from './letters.repository.js';
import { chinaYear } from './responsibility-units.js';

/** The regions an enterprise answers to under 属地管理: its community, town, county and city, finest first. */
export function regionLineage(code: string): string[] {
  const lineage: string[] = [];
  for (let current: string | null = code; current !== null && regionLevel(current) !== 'province'; current = parentRegionCode(current)) lineage.push(current);
  return lineage;
}

/**
 * The responsibility chain of one enterprise (责任链条): the departments that supervise it (管行业
 * 必须管安全), the leaders of each region above it (属地管理, 党政同责), and its own principal and
 * safety officer (主体责任). The enterprise is looked up in the caller's ground (404 outside it).
 * The regions above a district officer's ground and their leaders are outside that ground, yet they
 * belong to the chain; they are read through the unscoped handle, only for this enterprise's own
 * lineage, and only names, posts and masked phones leave.
 */
export class ChainService {
  private readonly phones: LeaderPhones;

  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly systemDb: Kysely<Database>,
    crypto: FieldCrypto,
  ) {
    this.phones = new LeaderPhones(crypto);
  }

  async chain(ctx: RequestContext, enterpriseId: string): Promise<ResponsibilityChain> {
    const enterprise = await this.enterprises.get(ctx, enterpriseId);
    const year = chinaYear(ctx.now());
    const [regions, letter, lists] = await Promise.all([
      this.lineageLeaders(enterprise.regionCode),
      new LettersRepository(ctx.db).ofUnit(year, 'enterprise', enterprise.id),
      new DutyRepository(ctx.db).lists({ unitKind: 'enterprise', unitId: enterprise.id }, { limit: 50 }),
    ]);
    return {
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      regionCode: enterprise.regionCode,
      year,
      supervisors: enterprise.supervisors,
      regions,
      enterprise: {
        principalName: enterprise.principalName,
        principalPhone: enterprise.principalPhone,
        safetyOfficerName: enterprise.safetyOfficerName,
        safetyOfficerPhone: enterprise.safetyOfficerPhone,
      },
      letter: letter ? { id: letter.id, status: letter.status, statusLabel: { ...LETTER_STATUS_LABELS[letter.status] }, signedOn: letter.signed_on, issuer: letter.issuer } : null,
      dutyLists: lists.map((row) => ({ id: row.id, post: row.post })),
    };
  }

  /**
   * The regions above a place (the place itself first) with their leaders: the chain without an
   * enterprise, as for an accident outside any registered enterprise. The caller must have found
   * `regionCode` in its own ground first.
   */
  async lineageLeaders(regionCode: string): Promise<ResponsibilityChain['regions']> {
    const lineage = regionLineage(regionCode);
    const [regions, leaders] = await Promise.all([new RegionsRepository(this.systemDb).byCodes(lineage), new LeadersRepository(this.systemDb).ofRegions(lineage)]);
    const names = new Map(regions.map((region) => [region.code, region.name]));
    return lineage.map((code) => ({
      regionCode: code,
      name: names.get(code) ?? null,
      level: regionLevel(code),
      leaders: leaders
        .filter((row) => row.region_code === code)
        .map((row) => {
          const { id, postKind, postKindLabel, postTitle, name, phone, templateId } = presentLeader(row, this.phones, null);
          return { id, postKind, postKindLabel, postTitle, name, phone, templateId };
        }),
    }));
  }
}
