import cliProgress from 'cli-progress';

/** A progress bar on stderr (stdout keeps the table); silent when stderr is not a terminal. */
export class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private total = 0;
  private value = 0;
  private readonly tty = process.stderr.isTTY === true;

  start(label: string, total: number): void {
    this.stop();
    this.total = total;
    this.value = 0;
    if (this.tty) {
      this.bar = new cliProgress.SingleBar(
        { format: `${label.padEnd(34)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0);
    } else {
      process.stderr.write(`${label} (${total})…\n`);
    }
  }

  increment(by = 1): void {
    this.value += by;
    this.bar?.update(Math.min(this.value, this.total));
  }

  stop(): void {
    if (this.bar) {
      this.bar.update(this.total);
      this.bar.stop();
      this.bar = null;
    }
  }
}

export const progress = new Progress();

/** Runs `work` while a bar with `seconds` ticks advances once a second (for timed load runs). */
export async function withTimer<T>(label: string, seconds: number, work: () => Promise<T>): Promise<T> {
  progress.start(label, seconds);
  const timer = setInterval(() => progress.increment(), 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    progress.stop();
  }
}
