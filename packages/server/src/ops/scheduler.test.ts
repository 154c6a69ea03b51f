import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Services } from '../services.js';
import { SCHEDULED_JOBS } from './jobs.js';
import { Scheduler, type JobContext, type JobLog, type ScheduledJob } from './scheduler.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(jobs: ScheduledJob[]) {
  const clock = new FakeClock();
  const now = () => clock.now();
  const ctx: JobContext = { services: { clock } as unknown as Services, config: {} as Config, now, system: { actor: null, ip: null, now } };
  const logged: Array<{ level: 'info' | 'error'; object: Record<string, unknown>; message: string }> = [];
  const log: JobLog = { info: (object, message) => logged.push({ level: 'info', object, message }), error: (object, message) => logged.push({ level: 'error', object, message }) };
  const metrics = new Registry();
  return { clock, scheduler: new Scheduler(jobs, ctx, log, metrics), logged, metrics };
}

describe('scheduler', () => {
  it('runs a job once on demand with the app clock and keeps its summary as the last run', async () => {
    let seen: Date | null = null;
    const { scheduler, clock } = setup([{ name: 'test.count', description: 'counts', intervalMs: 60_000, run: async ({ now }) => ((seen = now()), { counted: 3 }) }]);
    clock.advance(86_400_000);
    const run = await scheduler.run('test.count');
    expect(seen).toEqual(clock.now());
    expect(run).toMatchObject({ job: 'test.count', result: 'success', summary: { counted: 3 }, error: null, startedAt: clock.now().toISOString() });
    expect(scheduler.status()[0]).toMatchObject({ name: 'test.count', running: false, lastRun: run, lastSuccessAt: clock.now().toISOString() });
  });

  it('never runs a job over itself: a second run while the first is going is skipped', async () => {
    const gate = deferred();
    let calls = 0;
    const { scheduler } = setup([{ name: 'test.slow', description: 'slow', intervalMs: 60_000, run: async () => (calls++, await gate.promise, {}) }]);
    const first = scheduler.run('test.slow');
    expect(scheduler.status()[0]!.running).toBe(true);
    expect((await scheduler.run('test.slow')).result).toBe('skipped');
    gate.resolve();
    expect((await first).result).toBe('success');
    expect(calls).toBe(1);
    expect((await scheduler.run('test.slow')).result).toBe('success');
    expect(calls).toBe(2);
  });

  it('logs and counts a failing job without throwing, and the other jobs still run', async () => {
    const { scheduler, logged, metrics } = setup([
      { name: 'test.broken', description: 'fails', intervalMs: 60_000, run: async () => Promise.reject(new Error('disk on fire')) },
      { name: 'test.fine', description: 'works', intervalMs: 60_000, run: async () => ({ done: 1 }) },
    ]);
    const runs = await scheduler.runAll();
    expect(runs.map((r) => [r.job, r.result, r.error])).toEqual([
      ['test.broken', 'failure', 'disk on fire'],
      ['test.fine', 'success', null],
    ]);
    expect(logged.find((l) => l.level === 'error')).toMatchObject({ object: { job: 'test.broken' }, message: 'scheduled job failed' });
    expect(scheduler.status()[0]).toMatchObject({ lastSuccessAt: null, lastRun: { result: 'failure' } });
    const text = await metrics.metrics();
    expect(text).toContain('shoutu_job_runs_total{job="test.broken",result="failure"} 1');
    expect(text).toContain('shoutu_job_runs_total{job="test.fine",result="success"} 1');
    expect(text).toMatch(/shoutu_job_last_success_timestamp_seconds\{job="test.fine"\} \d+/);
  });

  it('once started, runs each job again after the previous run ends, and stops on stop()', async () => {
    const twice = deferred();
    let calls = 0;
    const { scheduler } = setup([{ name: 'test.tick', description: 'ticks', intervalMs: 1, run: async () => (++calls === 2 && twice.resolve(), {}) }]);
    scheduler.start();
    await twice.promise;
    await scheduler.stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(after);
  });

  it('refuses an unknown job name and two jobs of one name', () => {
    const { scheduler } = setup([]);
    expect(() => scheduler.run('nope')).toThrow(/No scheduled job is named nope/);
    const job: ScheduledJob = { name: 'test.same', description: '', intervalMs: 1, run: async () => ({}) };
    expect(() => setup([job, job])).toThrow(/Two scheduled jobs/);
  });

  it('registers the hazard escalation among the server’s jobs', () => {
    expect(SCHEDULED_JOBS.map((job) => job.name)).toContain('hazards.escalate-overdue');
  });
});
