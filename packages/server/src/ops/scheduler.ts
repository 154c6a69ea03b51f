import { Counter, Gauge, type Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { RequestContext } from '../http/context.js';
import type { Services } from '../services.js';

/**
 * What a scheduled job works with: the system (unscoped) database handle in `services.db.kysely`
 * — a job acts for the whole installation, not for someone's ground — and the app's clock, so
 * that a test moves time with a FakeClock and runs the job once.
 */
export interface JobContext {
  services: Services;
  config: Config;
  now(): Date;
  /** For `audit.record` and the services that take a request context: no actor, no address. */
  system: Pick<RequestContext, 'actor' | 'ip' | 'now'>;
}

/** The name audit rows written by a job carry, since no account acts. */
export const SCHEDULER_USERNAME = 'scheduler';

/** What a run did, in counts (rows flagged, escalated…); logged and kept as the last summary. */
export type JobSummary = Record<string, number>;

export interface ScheduledJob {
  /** `<capability>.<what>`, e.g. `hazards.escalate-overdue`; `shoutu jobs run <name>` uses it. */
  name: string;
  description: string;
  intervalMs: number;
  run(ctx: JobContext): Promise<JobSummary>;
}

export type JobResult = 'success' | 'failure' | 'skipped';

export interface JobRun {
  job: string;
  result: JobResult;
  startedAt: string;
  finishedAt: string;
  summary: JobSummary | null;
  error: string | null;
}

export interface JobStatus {
  name: string;
  description: string;
  intervalMs: number;
  running: boolean;
  lastRun: JobRun | null;
  lastSuccessAt: string | null;
}

/** The part of a pino logger the scheduler uses; the CLI passes a console one. */
export interface JobLog {
  info(object: Record<string, unknown>, message: string): void;
  error(object: Record<string, unknown>, message: string): void;
}

/** The first run comes this long after start (or the interval, if shorter), not in the middle of boot. */
const FIRST_RUN_DELAY_MS = 15_000;

interface Entry {
  job: ScheduledJob;
  running: Promise<JobRun> | null;
  timer: NodeJS.Timeout | null;
  lastRun: JobRun | null;
  lastSuccessAt: string | null;
}

/**
 * Runs named jobs every so often inside the server process. A job never overlaps itself: a run
 * asked for while one is going (by the timer, `shoutu jobs run` in-process or a test) is skipped,
 * and the next timed run is planned only after the previous one ended. A failing job is logged
 * and counted; it never ends the process. Last runs show in `/metrics` and in the log.
 *
 * Only one process should run the jobs of an installation: give the others `SHOUTU_JOBS=off`
 * (the jobs re-check every row they change by its version, so an overlap across processes
 * writes nothing twice, but does the work twice).
 */
export class Scheduler {
  private readonly entries = new Map<string, Entry>();
  private started = false;
  private readonly runs?: Counter<'job' | 'result'>;
  private readonly lastRunAt?: Gauge<'job'>;
  private readonly lastSuccess?: Gauge<'job'>;
  private readonly lastDuration?: Gauge<'job'>;

  constructor(
    jobs: readonly ScheduledJob[],
    private readonly ctx: JobContext,
    private readonly log: JobLog,
    metrics?: Registry,
  ) {
    for (const job of jobs) {
      if (this.entries.has(job.name)) throw new Error(`Two scheduled jobs are named ${job.name}`);
      if (!(job.intervalMs > 0)) throw new Error(`Scheduled job ${job.name} needs a positive interval`);
      this.entries.set(job.name, { job, running: null, timer: null, lastRun: null, lastSuccessAt: null });
    }
    if (metrics) {
      const registers = [metrics];
      this.runs = new Counter({ name: 'shoutu_job_runs_total', help: 'Scheduled job runs by result (success, failure, skipped while running)', labelNames: ['job', 'result'], registers });
      this.lastRunAt = new Gauge({ name: 'shoutu_job_last_run_timestamp_seconds', help: 'When a scheduled job last finished, success or failure (Unix time)', labelNames: ['job'], registers });
      this.lastSuccess = new Gauge({ name: 'shoutu_job_last_success_timestamp_seconds', help: 'When a scheduled job last finished without error (Unix time)', labelNames: ['job'], registers });
      this.lastDuration = new Gauge({ name: 'shoutu_job_last_run_duration_seconds', help: 'How long the last run of a scheduled job took', labelNames: ['job'], registers });
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Plans every job's first run; each later run is planned when the one before ends. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const entry of this.entries.values()) this.plan(entry, Math.min(FIRST_RUN_DELAY_MS, entry.job.intervalMs));
  }

  /** Stops planning runs and waits for those under way. */
  async stop(): Promise<void> {
    this.started = false;
    for (const entry of this.entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
    }
    await Promise.all([...this.entries.values()].map((entry) => entry.running));
  }

  /** Runs one job now, unless it is already running (then 'skipped'); never throws for the job's own failure. */
  run(name: string): Promise<JobRun> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`No scheduled job is named ${name}; known: ${this.names().join(', ')}`);
    if (entry.running) {
      const at = this.ctx.now().toISOString();
      this.runs?.inc({ job: name, result: 'skipped' });
      this.log.info({ job: name }, 'scheduled job still running; this run is skipped');
      return Promise.resolve({ job: name, result: 'skipped', startedAt: at, finishedAt: at, summary: null, error: null });
    }
    entry.running = this.execute(entry).finally(() => {
      entry.running = null;
    });
    return entry.running;
  }

  /** Runs every job once, one after the other. */
  async runAll(): Promise<JobRun[]> {
    const results: JobRun[] = [];
    for (const name of this.names()) results.push(await this.run(name));
    return results;
  }

  status(): JobStatus[] {
    return [...this.entries.values()].map(({ job, running, lastRun, lastSuccessAt }) => ({
      name: job.name,
      description: job.description,
      intervalMs: job.intervalMs,
      running: running !== null,
      lastRun,
      lastSuccessAt,
    }));
  }

  private plan(entry: Entry, delayMs: number): void {
    if (!this.started) return;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.run(entry.job.name).finally(() => this.plan(entry, entry.job.intervalMs));
    }, delayMs);
    // The server's socket keeps the process alive; a planned job alone should not.
    entry.timer.unref();
  }

  private async execute(entry: Entry): Promise<JobRun> {
    const { job } = entry;
    const startedAt = this.ctx.now().toISOString();
    const started = performance.now();
    let run: JobRun;
    try {
      const summary = await job.run(this.ctx);
      run = { job: job.name, result: 'success', startedAt, finishedAt: this.ctx.now().toISOString(), summary, error: null };
      entry.lastSuccessAt = run.finishedAt;
      this.lastSuccess?.set({ job: job.name }, Date.parse(run.finishedAt) / 1000);
      this.log.info({ job: job.name, summary }, 'scheduled job done');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      run = { job: job.name, result: 'failure', startedAt, finishedAt: this.ctx.now().toISOString(), summary: null, error: message };
      this.log.error({ job: job.name, err: error }, 'scheduled job failed');
    }
    entry.lastRun = run;
    this.runs?.inc({ job: job.name, result: run.result });
    this.lastRunAt?.set({ job: job.name }, Date.parse(run.finishedAt) / 1000);
    this.lastDuration?.set({ job: job.name }, (performance.now() - started) / 1000);
    return run;
  }
}

/** The context jobs run in: the services' system handle and clock. */
export function jobContext(services: Services, config: Config): JobContext {
  const now = () => services.clock.now();
  return { services, config, now, system: { actor: null, ip: null, now } };
}
