import type { Clock } from '../core/clock.js';

interface Job {
  readonly due: number;
  readonly sequence: number;
  readonly run: () => void;
}

/**
 * Work the real service does asynchronously (staging, activation, completion, tasks). Jobs become
 * due `delayMs` after they are queued and run at the start of the first request handled after
 * that, in the order they were queued. So with a delay of 0 the response that queued a job shows
 * the "before" state and every later request the "after" state, deterministically.
 */
export class BackgroundWork {
  private jobs: Job[] = [];
  private sequence = 0;

  constructor(
    private readonly clock: Clock,
    private readonly delayMs: number,
  ) {}

  /** Queues a job. */
  later(run: () => void): void {
    this.sequence += 1;
    this.jobs.push({ due: this.clock() + this.delayMs, sequence: this.sequence, run });
  }

  /** Runs every job that is due. Called once at the start of each request. */
  settle(): void {
    if (this.jobs.length === 0) return;
    const now = this.clock();
    const due = this.jobs.filter((job) => job.due <= now);
    if (due.length === 0) return;
    this.jobs = this.jobs.filter((job) => job.due > now);
    due.sort((a, b) => a.due - b.due || a.sequence - b.sequence);
    for (const job of due) job.run();
  }

  /** Number of jobs not yet run. */
  get pending(): number {
    return this.jobs.length;
  }
}
