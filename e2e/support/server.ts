import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  url: string;
  /** Everything the server wrote to stdout and stderr: the log capture checked for personal data. */
  logFile: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts the built server in demo mode on a fresh SQLite database, exactly as `npm start` does. */
export async function startServer(): Promise<RunningServer> {
  const cli = path.join(ROOT, 'packages/server/dist/cli.js');
  if (!fs.existsSync(cli)) throw new Error('The server is not built: run `npm run build` first');
  if (!fs.existsSync(path.join(ROOT, 'packages/web/dist/index.html'))) throw new Error('The web app is not built: run `npm run build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-e2e-'));
  const port = await freePort();
  const logFile = path.join(ROOT, 'e2e/artifacts/server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--demo'], {
    // The export threshold is lowered so that a demo district's person list needs approval (exports.e2e.test.ts).
    env: { ...process.env, SHOUTU_DATA_DIR: dataDir, SHOUTU_PORT: String(port), SHOUTU_HOST: '127.0.0.1', SHOUTU_EXPORT_APPROVAL_ROWS: '20' },
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not start within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    logFile,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.closeSync(log);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
