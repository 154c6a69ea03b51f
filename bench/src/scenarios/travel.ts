import { execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { idNumber } from '../data.js';
import { withTimer } from '../progress.js';
import type { Figure } from '../report.js';
import { round } from '../stats.js';
import type { ScenarioContext } from './context.js';

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve('autocannon/autocannon.js');
const BARE_SERVER = fileURLToPath(new URL('../bare-server.js', import.meta.url));

interface CannonResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** The autocannon CLI in a child process, so the client does not share the server's event loop. */
export function cannon(url: string, headers: Record<string, string>, body: string | null, connections: number, seconds: number): Promise<CannonResult> {
  const request = body === null ? ['-m', 'GET'] : ['-m', 'POST', '-b', body];
  const args = [AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds), ...request, ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`autocannon: ${error.message}\n${stderr}`));
      try {
        const result = JSON.parse(stdout);
        resolve({ requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, errors: result.errors, non2xx: result.non2xx, total: result.requests.total });
      } catch (e) {
        reject(new Error(`autocannon output: ${(e as Error).message}: ${stdout.slice(0, 300)} ${stderr.slice(0, 300)}`));
      }
    });
  });
}

/** A registered person when the import ran (a hit on the persons index), else an unknown one. */
export function travelBody(ctx: ScenarioContext): string {
  return JSON.stringify({ idNumber: idNumber(ctx.state.persons > 0 ? 12_345 % ctx.state.persons : 999_999), destination: '110000', date: '2022-11-01' });
}

export async function travelScenario(ctx: ScenarioContext): Promise<Figure[]> {
  const { connections, seconds } = ctx.args;
  const cookie = await ctx.cookie('haizhou');
  const body = travelBody(ctx);
  const headers = { 'content-type': 'application/json', cookie };

  const probe = await fetch(`${ctx.env.url}/api/v1/travel/check`, { method: 'POST', headers, body });
  if (probe.status !== 200) throw new Error(`travel check probe: ${probe.status} ${await probe.text()}`);

  const bare = spawn(process.execPath, [BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const bareUrl = await new Promise<string>((resolve, reject) => {
    bare.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
    bare.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  try {
    await cannon(`${bareUrl}/check`, headers, body, connections, 1); // warm-up
    const baseline = await withTimer(`travel: bare Fastify, ${connections} conn`, seconds, () => cannon(`${bareUrl}/check`, headers, body, connections, seconds));
    await cannon(`${ctx.env.url}/api/v1/travel/check`, headers, body, connections, 1);
    const app = await withTimer(`travel: /travel/check, ${connections} conn`, seconds, () => cannon(`${ctx.env.url}/api/v1/travel/check`, headers, body, connections, seconds));
    if (app.non2xx > 0 || app.errors > 0) process.stderr.write(`travel: ${app.non2xx} non-2xx and ${app.errors} errors of ${app.total}\n`);
    // Where the distance to the bare route goes: the app's own stack on a public route that only
    // pings the database, then the same with a session to authenticate.
    const layers: Array<{ path: string; what: string; headers: Record<string, string> }> = [
      { path: '/healthz', what: 'GET /healthz (the app\'s hooks and one `select 1`, no session)', headers: {} },
      { path: '/api/v1/auth/me', what: 'GET /auth/me (the same plus authenticating the session)', headers: { cookie } },
    ];
    const layerFigures: Figure[] = [];
    for (const layer of layers) {
      const measured = await withTimer(`travel: ${layer.path}, ${connections} conn`, seconds, () => cannon(`${ctx.env.url}${layer.path}`, layer.headers, null, connections, seconds));
      layerFigures.push({ scenario: 'travel', figure: `${layer.what}, ${connections} connections (p99 ${measured.p99Ms} ms)`, value: measured.requestsPerSecond, unit: 'req/s', baseline: { label: 'bare Fastify route', value: baseline.requestsPerSecond }, ratio: round(measured.requestsPerSecond / baseline.requestsPerSecond, 3) });
    }
    const ratio = round(app.requestsPerSecond / baseline.requestsPerSecond, 3);
    return [
      { scenario: 'travel', figure: `POST /travel/check, ${connections} connections, ${seconds} s (${app.non2xx} non-2xx)`, value: app.requestsPerSecond, unit: 'req/s', baseline: { label: 'bare Fastify route', value: baseline.requestsPerSecond }, ratio, goal: '≥ 50 % of bare', met: ratio >= 0.5 },
      { scenario: 'travel', figure: `POST /travel/check p99, ${connections} connections`, value: app.p99Ms, unit: 'ms', baseline: { label: 'bare Fastify route', value: baseline.p99Ms }, ratio: round(app.p99Ms / Math.max(baseline.p99Ms, 1), 2), goal: '≤ 10 ms', met: app.p99Ms <= 10 },
      ...layerFigures,
    ];
  } finally {
    bare.kill('SIGTERM');
  }
}
