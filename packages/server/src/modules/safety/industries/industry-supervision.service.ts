import { createHash, randomUUID } from 'node:crypto';
import { isWithinGround } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, type FieldError } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { coversRegion, SupervisingUnits } from '../enterprises/supervising-units.js';
import { industryByCode, longestMatchingPrefix } from './industries.js';
import { IndustrySupervisionRepository } from './industry-supervision.repository.js';
import type { IndustrySupervision, PutIndustrySupervisionBody } from './industry-supervision.schema.js';

type Pair = { industry_prefix: string; unit_id: string };
const pairKey = (pair: Pair) => `${pair.industry_prefix}\u0000${pair.unit_id}`;

/** A fingerprint of the whole mapping: PUT must carry the one it read (no lost updates). */
function versionOf(pairs: readonly Pair[]): string {
  const hash = createHash('sha256');
  for (const key of pairs.map(pairKey).sort()) hash.update(key).update('\n');
  return hash.digest('hex').slice(0, 32);
}

/**
 * The "three musts" (三管三必须, Work Safety Law 2021 art. 3): whoever regulates an industry also
 * regulates its safety. The mapping names, per GB/T 4754 code prefix, the departments that do.
 * Anyone with `enterprises:manage` may change the links of the departments inside their own
 * ground; the rest of the mapping must come back unchanged.
 */
export class IndustrySupervisionService {
  constructor(
    private readonly audit: AuditService,
    private readonly systemDb: Kysely<Database>,
  ) {}

  async get(ctx: RequestContext): Promise<IndustrySupervision> {
    const pairs = await new IndustrySupervisionRepository(ctx.db).all();
    const units = await new SupervisingUnits(this.systemDb).departments();
    const byPrefix = new Map<string, IndustrySupervision['items'][number]>();
    for (const pair of pairs) {
      const unit = units.get(pair.unit_id);
      if (!unit) continue;
      const item = byPrefix.get(pair.industry_prefix) ?? { industryPrefix: pair.industry_prefix, industryName: industryByCode(pair.industry_prefix)?.name ?? '', units: [] };
      item.units.push({ id: unit.id, name: unit.name, jurisdictionCode: unit.region_code });
      byPrefix.set(pair.industry_prefix, item);
    }
    return { items: [...byPrefix.values()], version: versionOf(pairs) };
  }

  async put(ctx: RequestContext, body: PutIndustrySupervisionBody): Promise<IndustrySupervision> {
    if (body.version === undefined) throw new AppError('version_required');
    const units = await new SupervisingUnits(this.systemDb).departments();
    const wanted = new Map<string, Pair>();
    const errors: FieldError[] = [];
    body.items.forEach((item, index) => {
      if (!industryByCode(item.industryPrefix)) errors.push(fieldError(`items.${index}.industryPrefix`, 'unknown_industry'));
      item.unitIds.forEach((unitId, u) => {
        if (!units.has(unitId)) errors.push(fieldError(`items.${index}.unitIds.${u}`, 'invalid'));
        const pair = { industry_prefix: item.industryPrefix.toUpperCase(), unit_id: unitId };
        wanted.set(pairKey(pair), pair);
      });
    });
    if (errors.length) throw new AppError('validation_failed', errors);

    let added: Pair[] = [];
    let removed: Array<Pair & { id: string }> = [];
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new IndustrySupervisionRepository(trx);
      const current = await repo.all();
      if (versionOf(current) !== body.version) throw new AppError('version_conflict');
      const have = new Set(current.map(pairKey));
      added = [...wanted.values()].filter((pair) => !have.has(pairKey(pair)));
      removed = current.filter((pair) => !wanted.has(pairKey(pair)));
      const foreign = [...added, ...removed].filter((pair) => !isWithinGround(units.get(pair.unit_id)?.region_code ?? '', ctx.actor!.ground));
      if (foreign.length) throw new AppError('validation_failed', [fieldError('items', 'outside_ground')]);
      const now = ctx.now().toISOString();
      await repo.delete(removed.map((pair) => pair.id));
      await repo.insert(added.map((pair) => ({ id: randomUUID(), industry_prefix: pair.industry_prefix, unit_id: pair.unit_id, created_at: now })));
      await this.audit.record(trx, ctx, {
        action: 'industry_supervision.update',
        objectType: 'industry_supervision',
        detail: { added: added.map((p) => [p.industry_prefix, p.unit_id]), removed: removed.map((p) => [p.industry_prefix, p.unit_id]) },
      });
    });
    return this.get(ctx);
  }

  /**
   * The departments a new enterprise gets when none are named: among the mapped prefixes of its
   * industry whose department covers its region, those of the longest prefix (C26 before C).
   * Read once, applied to every row of an import.
   */
  async defaultSupervisors(db: Kysely<Database>, units: SupervisingUnits): Promise<(industryCode: string, regionCode: string) => string[]> {
    const all = await units.departments();
    const pairs = (await new IndustrySupervisionRepository(db).all()).filter((pair) => all.has(pair.unit_id));
    return (industryCode, regionCode) => {
      const covering = pairs.filter((pair) => coversRegion(all.get(pair.unit_id)!, regionCode));
      const best = longestMatchingPrefix(industryCode, new Set(covering.map((pair) => pair.industry_prefix)));
      return best === null ? [] : covering.filter((pair) => pair.industry_prefix === best).map((pair) => pair.unit_id);
    };
  }
}
