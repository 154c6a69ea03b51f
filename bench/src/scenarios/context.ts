import type { BenchArgs } from '../args.js';
import type { BenchEnvironment } from '../environment.js';

export interface ScenarioContext {
  args: BenchArgs;
  env: BenchEnvironment;
  /** Cookies of the demo accounts used, by username. */
  cookie(username: string): Promise<string>;
  /** Rows inserted so far (persons by the import scenario or a seeding step; the others by seeding steps). */
  state: { persons: number; hazards: number; travelChecks: number };
}

export async function getJson(ctx: ScenarioContext, username: string, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${ctx.env.url}${path}`, { headers: { cookie: await ctx.cookie(username) } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
