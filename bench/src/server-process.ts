import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/server/dist/cli.js');

/** A port the OS says is free now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('bench server did not answer /healthz within 5 minutes');
}

/**
 * `shoutu serve` in a process of its own on the bench's database, as in production: its heap holds
 * only what the server holds (the bench process also holds the generated data, whose garbage
 * collection would otherwise be timed with every request), and a start after a bulk load reads
 * fresh planner statistics, as the server's start-up refreshes them.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private dataDir: string | null = null;
  url = '';

  constructor(private readonly env: Record<string, string>) {}

  get pid(): number {
    return this.child!.pid!;
  }

  async start(): Promise<string> {
    await this.stop();
    const port = await freePort();
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-bench-server-'));
    // e.g. SHOUTU_BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server.
    const nodeArgs = (process.env.SHOUTU_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve'], {
      env: { ...process.env, ...this.env, SHOUTU_PORT: String(port), SHOUTU_HOST: '127.0.0.1', SHOUTU_DATA_DIR: this.dataDir, SHOUTU_JOBS: 'off', SHOUTU_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.child = child;
    this.url = `http://127.0.0.1:${port}`;
    await waitForHealth(this.url, child);
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (this.dataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
    this.dataDir = null;
  }
}
