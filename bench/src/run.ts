import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.js';
import { createEnvironment } from './environment.js';
import { progress } from './progress.js';
import { toMarkdown, writeResults, type Figure } from './report.js';
import { chainScenario } from './scenarios/chain.js';
import type { ScenarioContext } from './scenarios/context.js';
import { dashboardsScenario, listsScenario } from './scenarios/dashboards.js';
import { enterpriseImportScenario } from './scenarios/enterprise-import.js';
import { epidemicDashboardScenario } from './scenarios/epidemic-dashboard.js';
import { importScenario } from './scenarios/import.js';
import { memoryScenario } from './scenarios/memory.js';
import { travelScenario } from './scenarios/travel.js';

const SCENARIOS: Record<string, (ctx: ScenarioContext) => Promise<Figure[]>> = {
  import: importScenario,
  travel: travelScenario,
  dashboards: dashboardsScenario,
  'epidemic-dashboard': epidemicDashboardScenario,
  lists: listsScenario,
  chain: chainScenario,
  'enterprise-import': enterpriseImportScenario,
  // Last: the server's memory once it holds everything the scenarios before generated.
  memory: memoryScenario,
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const names = args.scenarios ?? Object.keys(SCENARIOS);
  for (const name of names) if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}`);
  const started = Date.now();
  // One environment for all scenarios: the lists run over the imported persons, and the RSS is that of a server holding all of it.
  const env = await createEnvironment(args.db, `s${String(args.scale).replace('.', '_')}`);
  const cookies = new Map<string, string>();
  const ctx: ScenarioContext = {
    args,
    env,
    state: { persons: 0, hazards: 0, travelChecks: 0 },
    async cookie(username) {
      if (!cookies.has(username)) cookies.set(username, await env.login(username));
      return cookies.get(username)!;
    },
  };
  const figures: Figure[] = [];
  try {
    for (const name of names) {
      const t0 = Date.now();
      figures.push(...(await SCENARIOS[name]!(ctx)));
      process.stderr.write(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    progress.stop();
    await env.close();
  }
  const meta = {
    db: args.db,
    scale: args.scale,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
    scenarios: names,
    connections: args.connections,
    seconds: args.seconds,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');
  const written = writeResults(dir, meta, figures);
  process.stdout.write(`\n${toMarkdown(meta, figures)}\n`);
  process.stderr.write(`written ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)} (${meta.durationSeconds} s)\n`);
}

main().catch((error) => {
  progress.stop();
  console.error(error);
  process.exit(1);
});
