import { commonRegion, DOUBLE_DECREASE_LABELS, DOUBLE_DECREASE_STATUSES, doubleDecreaseStatus, yearOnYearChange, type AccidentTally } from '@shoutu/domain';
import type { Selectable } from 'kysely';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, notFound } from '../../../http/errors.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { industryByCode } from '../industries/industries.js';
import { AccidentStatisticsRepository, type TallyBy, type TallyFilter } from './accident-statistics.repository.js';
import type { DoubleDecreaseQuery, DoubleDecreaseReport } from './accident-statistics.schema.js';
import { AccidentTargetsRepository } from './accident-targets.repository.js';
import { toTarget } from './accident-targets.service.js';
import { addDays, chinaDay, dayStart, daysBetween, monthLastYear, monthsOf, periodInstants, samePeriodLastYear, type Period } from './accidents.period.js';
import type { AccidentTargetTable } from './accidents.tables.js';

/** A period is compared with the same days of last year, so it may not be longer than a year. */
const MAX_PERIOD_DAYS = 366;

const ZERO: AccidentTally = { accidents: 0, deaths: 0 };

function comparison(current: AccidentTally, previous: AccidentTally, target: Selectable<AccidentTargetTable> | undefined) {
  const status = doubleDecreaseStatus(current, previous);
  return {
    current,
    previous,
    change: { accidents: yearOnYearChange(current.accidents, previous.accidents), deaths: yearOnYearChange(current.deaths, previous.deaths) },
    status,
    statusLabel: { ...DOUBLE_DECREASE_LABELS[status] },
    target: target ? { ...toTarget(target), accidentsExceeded: current.accidents > target.max_accidents, deathsExceeded: current.deaths > target.max_deaths } : null,
  };
}

/**
 * The "double decrease" (双下降) report: accidents and deaths in a period against the same days of
 * last year, the year's target, monthly figures for a chart and a ranking of the region's children
 * (the county-level units of a city). With `asOf` every figure is recomputed as it was known at
 * the end of that day, so a published figure can be reproduced after late reports and corrections.
 */
export class AccidentStatisticsService {
  async doubleDecrease(ctx: RequestContext, query: DoubleDecreaseQuery): Promise<DoubleDecreaseReport> {
    const today = chinaDay(ctx.now());
    const period: Period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
    const span = daysBetween(period.from, period.to);
    if (span < 0) throw new AppError('validation_failed', [fieldError('to', 'out_of_range')]);
    if (span >= MAX_PERIOD_DAYS) throw new AppError('validation_failed', [fieldError('from', 'out_of_range')]);
    let industryCode: string | undefined;
    if (query.industryCode !== undefined) {
      industryCode = industryByCode(query.industryCode)?.code;
      if (!industryCode) throw new AppError('validation_failed', [fieldError('industryCode', 'unknown_industry')]);
    }

    const regions = new RegionsRepository(ctx.db);
    const regionCode = query.regionCode ?? commonRegion(ctx.actor!.ground.regionCodes);
    if (regionCode === null) throw notFound();
    const region = await regions.byCode(regionCode);
    // An explicit region must be visible; the default (the ground's common ancestor) may lie above it.
    if (!region && query.regionCode !== undefined) throw notFound();
    const children = await regions.children(regionCode);

    const previousPeriod = samePeriodLastYear(period);
    const asOf = query.asOf === undefined ? undefined : dayStart(addDays(query.asOf, 1)).toISOString();
    const stats = new AccidentStatisticsRepository(ctx.db);
    const tally = async (p: Period, by: TallyBy) => {
      const filter: TallyFilter = { ...periodInstants(p), regionCode, ...(industryCode ? { industryCode } : {}), ...(asOf ? { asOf } : {}) };
      return new Map((await stats.tally(filter, by)).map((row) => [row.key, { accidents: row.accidents, deaths: row.deaths }]));
    };

    const [current, previous, currentMonths, previousMonths] = await Promise.all([
      tally(period, { by: 'total' }),
      tally(previousPeriod, { by: 'total' }),
      tally(period, { by: 'month' }),
      tally(previousPeriod, { by: 'month' }),
    ]);
    const lengths = [...new Set(children.map((child) => child.code.length))];
    const currentByChild = new Map<string, AccidentTally>();
    const previousByChild = new Map<string, AccidentTally>();
    for (const length of lengths) {
      for (const [key, value] of await tally(period, { by: 'region', length })) currentByChild.set(key, value);
      for (const [key, value] of await tally(previousPeriod, { by: 'region', length })) previousByChild.set(key, value);
    }

    const targetYear = Number(period.to.slice(0, 4));
    const targets = new Map((await new AccidentTargetsRepository(ctx.db).forRegions(targetYear, [regionCode, ...children.map((c) => c.code)], industryCode ?? '')).map((t) => [t.region_code, t]));

    const statusOrder = (status: string) => DOUBLE_DECREASE_STATUSES.indexOf(status as (typeof DOUBLE_DECREASE_STATUSES)[number]);
    const ranking = children
      .map((child) => ({ regionCode: child.code, regionName: child.name, ...comparison(currentByChild.get(child.code) ?? ZERO, previousByChild.get(child.code) ?? ZERO, targets.get(child.code)) }))
      .sort(
        (a, b) =>
          statusOrder(a.status) - statusOrder(b.status) ||
          a.change.deaths.delta - b.change.deaths.delta ||
          a.change.accidents.delta - b.change.accidents.delta ||
          a.current.deaths - b.current.deaths ||
          a.current.accidents - b.current.accidents ||
          a.regionCode.localeCompare(b.regionCode),
      )
      .map((entry, index) => ({ rank: index + 1, ...entry }));

    return {
      regionCode,
      regionName: region?.name ?? null,
      period,
      previousPeriod,
      asOf: query.asOf ?? null,
      industryCode: industryCode ?? null,
      targetYear,
      ...comparison(current.get('') ?? ZERO, previous.get('') ?? ZERO, targets.get(regionCode)),
      monthly: monthsOf(period).map((month) => ({
        month,
        previousMonth: monthLastYear(month),
        current: currentMonths.get(month) ?? ZERO,
        previous: previousMonths.get(monthLastYear(month)) ?? ZERO,
      })),
      ranking,
    };
  }
}
