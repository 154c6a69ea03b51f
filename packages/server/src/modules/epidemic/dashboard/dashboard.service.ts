import { AREA_LEVEL_RANK, commonRegion, regionLevel, regionPrefix } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { RegionsService } from '../../regions/regions.service.js';
import { AreasRepository } from '../areas/areas.repository.js';
import type { AreasService } from '../areas/areas.service.js';
import { shiftDay } from '../followups/calendar.js';
import { chinaToday } from '../persons/persons.input.js';
import { NO_DAY, READ_WINDOW_DAYS } from './counters.js';
import { CountersRepository, type RegionRange } from './counters.repository.js';
import type { Dashboard, DashboardQuery } from './dashboard.schema.js';

const NEW_PER_DAY_DAYS = READ_WINDOW_DAYS.registered;
const TRAVEL_DAYS = READ_WINDOW_DAYS.travel_check;
const AREA_ITEMS = 10;

/** The level below a region whose units the dashboard lists, and the length of their codes. */
function childLevel(root: string): { level: Dashboard['byArea']['level']; length: number } {
  switch (regionLevel(root)) {
    case 'province':
    case 'city':
      return { level: 'county', length: 6 };
    case 'county':
      return { level: 'town', length: 9 };
    default:
      return { level: 'community', length: 12 };
  }
}

function days(to: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftDay(to, i - count + 1));
}

const count = (n: unknown) => Number(n ?? 0);

/**
 * The epidemic dashboard (疫情防控驾驶舱) of a ground, today: every figure is a sum over the
 * maintained counter cells (counters.ts), at most a few thousand rows whatever the number of
 * persons, and each one names the list it stands for (the web opens it with the same filter).
 */
export class DashboardService {
  private readonly regions = new RegionsService();

  constructor(private readonly areas: AreasService) {}

  async overview(ctx: RequestContext, query: DashboardQuery): Promise<Dashboard> {
    // A region outside the ground is not found, as everywhere else.
    if (query.regionCode) await this.regions.get(ctx, query.regionCode);
    const root = query.regionCode ?? commonRegion(ctx.actor?.ground.regionCodes ?? []) ?? '';
    const range: RegionRange | null = query.regionCode ? { from: regionPrefix(query.regionCode), to: `${regionPrefix(query.regionCode)}~` } : null;
    const today = chinaToday(ctx.now());
    const yesterday = shiftDay(today, -1);
    const tomorrow = shiftDay(today, 1);
    const repo = new CountersRepository(ctx.db);
    const child = childLevel(root || '000000');

    const byCategory = new Map<string, { managed: number; released: number }>();
    const byArea = new Map<string, { managed: number; byCategory: Record<string, number> }>();
    for (const row of await repo.byArea(['managed', 'released'], child.length, range)) {
      const n = count(row.n);
      if (n === 0) continue;
      const status = row.series === 'managed' ? 'managed' : 'released';
      const category = byCategory.get(row.key) ?? { managed: 0, released: 0 };
      byCategory.set(row.key, category);
      category[status] += n;
      if (status !== 'managed') continue;
      const area = byArea.get(row.area) ?? { managed: 0, byCategory: {} };
      byArea.set(row.area, area);
      area.managed += n;
      area.byCategory[row.key] = (area.byCategory[row.key] ?? 0) + n;
    }

    // Cumulative series: the value on a day is the sum of the cells up to it.
    const measuresToday = new Map<string, number>();
    let dueYesterday = 0;
    for (const row of await repo.byDay('measure', NO_DAY, today, range)) {
      measuresToday.set(row.key, (measuresToday.get(row.key) ?? 0) + count(row.n));
      if (row.day <= yesterday) dueYesterday += count(row.n);
    }
    let releaseDueToday = 0;
    let releaseDueTomorrow = 0;
    for (const row of await repo.byDay('release_due', NO_DAY, tomorrow, range)) {
      if (row.day <= today) releaseDueToday += count(row.n);
      else releaseDueTomorrow += count(row.n);
    }

    const perDay = new Map<string, number>();
    for (const row of await repo.byDay('registered', shiftDay(today, 1 - NEW_PER_DAY_DAYS), today, range)) perDay.set(row.day, (perDay.get(row.day) ?? 0) + count(row.n));

    const followed = new Map<string, number>();
    for (const row of await repo.byDay('followed_up', yesterday, today, range)) followed.set(row.day, (followed.get(row.day) ?? 0) + count(row.n));
    const dueToday = [...measuresToday.values()].reduce((a, b) => a + b, 0);
    const doneToday = followed.get(today) ?? 0;

    const zero = () => ({ total: 0, denied: 0, alerted: 0, allowed: 0 });
    const travel = new Map(days(today, TRAVEL_DAYS).map((day) => [day, zero()]));
    for (const row of await repo.byDay('travel_check', shiftDay(today, 1 - TRAVEL_DAYS), today, range)) {
      const day = travel.get(row.day);
      if (!day) continue;
      const n = count(row.n);
      day.total += n;
      day[row.key === 'deny' ? 'denied' : row.key === 'alert' ? 'alerted' : 'allowed'] += n;
    }

    return {
      date: today,
      regionCode: root,
      totals: {
        managed: [...byCategory.values()].reduce((a, c) => a + c.managed, 0),
        released: [...byCategory.values()].reduce((a, c) => a + c.released, 0),
      },
      byCategory: [...byCategory.entries()].map(([category, n]) => ({ category, ...n })).sort((a, b) => b.managed - a.managed || a.category.localeCompare(b.category)),
      byMeasure: [...measuresToday.entries()].filter(([, n]) => n !== 0).map(([measure, n]) => ({ measure, count: n })).sort((a, b) => b.count - a.count),
      byArea: { level: child.level, items: [...byArea.entries()].filter(([, a]) => a.managed !== 0).map(([regionCode, a]) => ({ regionCode, ...a })).sort((a, b) => a.regionCode.localeCompare(b.regionCode)) },
      newPerDay: days(today, NEW_PER_DAY_DAYS).map((date) => ({ date, count: perDay.get(date) ?? 0 })),
      followups: { dueToday, doneToday, outstandingToday: Math.max(0, dueToday - doneToday), dueYesterday, missedYesterday: Math.max(0, dueYesterday - (followed.get(yesterday) ?? 0)) },
      releases: { dueToday: releaseDueToday, dueTomorrow: releaseDueTomorrow },
      travelChecks: { ...travel.get(today)!, byDay: [...travel.entries()].map(([date, d]) => ({ date, ...d })) },
      riskAreas: await this.riskAreas(ctx, today, query.regionCode),
    };
  }

  /** Designations in force today in the ground, by their level after the automatic step-downs. */
  private async riskAreas(ctx: RequestContext, today: string, under: string | undefined): Promise<Dashboard['riskAreas']> {
    const rows = await new AreasRepository(ctx.db).inForce(today, under ? { under: regionPrefix(under) } : {});
    const areas = await this.areas.withCurrent(ctx.db, rows, today);
    const byLevel = { high: 0, medium: 0, low: 0 };
    for (const area of areas) byLevel[area.current.level] += 1;
    const active = areas.filter((area) => area.current.level !== 'low').sort((a, b) => AREA_LEVEL_RANK[b.current.level] - AREA_LEVEL_RANK[a.current.level] || b.effectiveFrom.localeCompare(a.effectiveFrom));
    return {
      active: active.length,
      byLevel,
      items: active.slice(0, AREA_ITEMS).map((area) => ({ id: area.id, regionCode: area.regionCode, placeName: area.placeName, level: area.current.level, designatedLevel: area.level, effectiveFrom: area.effectiveFrom })),
    };
  }
}
