import { foldEpidemicCounters } from '@shoutu/server/modules/epidemic/dashboard/counters.service.js';
import { progress } from '../progress.js';
import type { Figure } from '../report.js';
import type { ScenarioContext } from './context.js';
import { analyze, p95, seedPersons } from './dashboards.js';

/**
 * `GET /epidemic/dashboard`: the figures are summed from maintained counter cells (decision 0017),
 * so the cost should not follow the number of persons: compare the p95 of scale 10 with scale 1.
 * Persons come from the import scenario when it ran, otherwise they are generated with their
 * counters (the rows and cells a registration writes).
 */
export async function epidemicDashboardScenario(ctx: ScenarioContext): Promise<Figure[]> {
  await seedPersons(ctx);
  // What the hourly job (epidemic.fold-counters) has done by now on a running server.
  await foldEpidemicCounters(ctx.env.db.kysely, ctx.env.db.dialect, new Date());
  await analyze(ctx);
  const cells = Number((await ctx.env.db.kysely.selectFrom('epidemic_counters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const grounds: Array<[string, string]> = [
    ['leader', 'city'],
    ['haizhou', '海州区, where the persons are'],
    ['grid', 'one grid worker'],
  ];
  const figures: Figure[] = [];
  progress.start('epidemic dashboard: timing', grounds.length);
  for (const [user, label] of grounds) {
    const value = await p95(ctx, user, '/api/v1/epidemic/dashboard');
    progress.increment();
    const goal = `scale 10 ≤ 1.5 × scale 1 (compare ${ctx.args.db} runs)${user === 'leader' ? '; ≤ 50 ms at scale 10 on SQLite' : ''}`;
    figures.push({
      scenario: 'epidemic-dashboard',
      figure: `GET /epidemic/dashboard as ${user} (${label}), ${ctx.state.persons} persons, ${cells} counter cells, p95 of 30`,
      value,
      unit: 'ms',
      goal,
      ...(user === 'leader' && ctx.args.scale >= 10 && ctx.args.db === 'sqlite' ? { met: value <= 50 } : {}),
    });
  }
  progress.stop();
  return figures;
}
