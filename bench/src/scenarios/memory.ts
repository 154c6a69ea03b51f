import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_PASSWORD } from '../environment.js';
import { withTimer } from '../progress.js';
import type { Figure } from '../report.js';
import { cannon, travelBody } from './travel.js';
import type { ScenarioContext } from './context.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/server/dist/cli.js');
const PATHS = ['/api/v1/hazards?status=found&limit=50', '/api/v1/hazards?overdue=true&limit=50', '/api/v1/persons?category=close_contact&limit=50', '/api/v1/safety/hazard-overview'];

/** Resident and peak set size of a process, in MB, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function waitForHealth(url: string, child: { exitCode: number | null }): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`memory: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('memory: the server did not answer /healthz within 2 minutes');
}

/**
 * The server's own memory: the bench process also holds the generated data and the load driver,
 * so its RSS says little. A separate `shoutu serve` on the same database takes the travel load
 * and the list and dashboard reads while its RSS is sampled; the figure is the peak (VmHWM).
 */
export async function memoryScenario(ctx: ScenarioContext): Promise<Figure[]> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-bench-memory-'));
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, SHOUTU_DATABASE_URL: ctx.env.db.url, SHOUTU_MASTER_KEY: ctx.env.masterKey.toString('base64'), SHOUTU_PORT: String(port), SHOUTU_HOST: '127.0.0.1', SHOUTU_DATA_DIR: dataDir, SHOUTU_JOBS: 'off', SHOUTU_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
    const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leader', password: BENCH_PASSWORD }) });
    if (login.status !== 200) throw new Error(`memory: login ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const idle = memoryOf(child.pid!);
    let peak = idle.rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memoryOf(child.pid!).rss);
    }, 100);
    try {
      const reads = (async () => {
        for (let round = 0; round < 10; round += 1) for (const p of PATHS) await (await fetch(`${url}${p}`, { headers: { cookie } })).text();
      })();
      await withTimer(`memory: load on a separate server`, ctx.args.seconds, () => cannon(`${url}/api/v1/travel/check`, { 'content-type': 'application/json', cookie }, travelBody(ctx), ctx.args.connections, ctx.args.seconds));
      await reads;
    } finally {
      clearInterval(sampler);
    }
    const after = memoryOf(child.pid!);
    const hwm = Math.max(after.peak, peak);
    return [
      { scenario: 'memory', figure: `peak RSS of a separate server process under travel checks and list/dashboard reads, ${ctx.state.persons} persons, ${ctx.state.hazards} hazards (idle after start: ${idle.rss} MB)`, value: hwm, unit: 'MB', goal: '≤ 500 MB at scale 10', ...(ctx.args.scale >= 10 ? { met: hwm <= 500 } : {}) },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
