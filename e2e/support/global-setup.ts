import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
  server = await startServer();
  project.provide('baseUrl', server.url);
  project.provide('serverLog', server.logFile);
}

export async function teardown() {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverLog: string;
  }
}
