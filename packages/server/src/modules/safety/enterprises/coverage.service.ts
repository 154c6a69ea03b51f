import type { RequestContext } from '../../../http/context.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { CoverageRepository } from './coverage.repository.js';
import type { CoverageReport } from './enterprises.schema.js';
import { enterpriseScope } from './enterprises.service.js';

/** N calendar months before `now` (UTC), clamped to the month's last day (31 Mar − 1 month = 28/29 Feb). */
export function monthsBefore(now: Date, months: number): Date {
  const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}

/**
 * The "three musts" coverage report (三个必须): per county-level region, the enterprises no
 * department supervises and those not inspected within N months (never inspected counts too).
 */
export class CoverageService {
  async report(ctx: RequestContext, query: { months?: number; limit?: number }): Promise<CoverageReport> {
    const months = query.months ?? 12;
    const limit = query.limit ?? 20;
    const inspectedSince = monthsBefore(ctx.now(), months).toISOString();
    const scope = enterpriseScope(ctx);
    const repo = new CoverageRepository(ctx.db);
    const counts = await repo.counts(scope, inspectedSince);
    const names = new Map((await new RegionsRepository(ctx.db).byCodes(counts.map((c) => c.county))).map((r) => [r.code, r.name]));
    const item = (row: Awaited<ReturnType<CoverageRepository['gaps']>>[number]) => ({
      id: row.id,
      name: row.name,
      creditCode: row.credit_code,
      regionCode: row.region_code,
      industryCode: row.industry_code,
      industryName: row.industry_name,
      lastInspectedAt: row.last_inspected_at,
    });
    const regions = await Promise.all(
      counts.map(async (c) => {
        const unsupervised = Number(c.unsupervised);
        const notInspected = Number(c.not_inspected);
        return {
          regionCode: c.county,
          regionName: names.get(c.county) ?? null,
          enterprises: Number(c.enterprises),
          unsupervised,
          notInspected,
          unsupervisedItems: limit > 0 && unsupervised > 0 ? (await repo.gaps(scope, c.county, 'unsupervised', inspectedSince, limit)).map(item) : [],
          notInspectedItems: limit > 0 && notInspected > 0 ? (await repo.gaps(scope, c.county, 'not_inspected', inspectedSince, limit)).map(item) : [],
        };
      }),
    );
    const sum = (key: 'enterprises' | 'unsupervised' | 'notInspected') => regions.reduce((total, region) => total + region[key], 0);
    return { months, inspectedSince, totals: { enterprises: sum('enterprises'), unsupervised: sum('unsupervised'), notInspected: sum('notInspected') }, regions };
  }
}
