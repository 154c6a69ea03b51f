import fs from 'node:fs';
import { withTimer } from '../progress.js';
import type { Figure } from '../report.js';
import { cannon, travelBody } from './travel.js';
import type { ScenarioContext } from './context.js';

const PATHS = ['/api/v1/hazards?status=found&limit=50', '/api/v1/hazards?overdue=true&limit=50', '/api/v1/persons?category=close_contact&limit=50', '/api/v1/safety/hazard-overview'];

/** Resident and peak set size of a process, in MB, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/**
 * The server's own memory: the bench process also holds the generated data and the load driver,
 * so its RSS says little. The server process (`shoutu serve`, server-process.ts) takes the travel load
 * and the list and dashboard reads while its RSS is sampled; the figure is the peak (VmHWM).
 */
export async function memoryScenario(ctx: ScenarioContext): Promise<Figure[]> {
  // Started afresh, so that its idle and peak figures are its own.
  const url = await ctx.env.server.start();
  const pid = ctx.env.server.pid;
  const cookie = await ctx.cookie('leader');
  const idle = memoryOf(pid);
  let peak = idle.rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rss);
  }, 100);
  try {
    const reads = (async () => {
      for (let round = 0; round < 10; round += 1) for (const p of PATHS) await (await fetch(`${url}${p}`, { headers: { cookie } })).text();
    })();
    await withTimer(`memory: load on the server process`, ctx.args.seconds, () => cannon(`${url}/api/v1/travel/check`, { 'content-type': 'application/json', cookie }, travelBody(ctx), ctx.args.connections, ctx.args.seconds));
    await reads;
  } finally {
    clearInterval(sampler);
  }
  const after = memoryOf(pid);
  const hwm = Math.max(after.peak, peak);
  return [
    { scenario: 'memory', figure: `peak RSS of the server process under travel checks and list/dashboard reads, ${ctx.state.persons} persons, ${ctx.state.hazards} hazards (idle after start: ${idle.rss} MB)`, value: hwm, unit: 'MB', goal: '≤ 500 MB at scale 10', ...(ctx.args.scale >= 10 ? { met: hwm <= 500 } : {}) },
  ];
}
