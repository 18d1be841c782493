import type { Clock } from '../core/clock.js';

interface Job {
  readonly due: number;
  readonly run: () => void;
}

/**
 * Work the real service does asynchronously (staging, activation, completion, tasks). Jobs become
 * due `delayMs` after they are queued and run at the start of the first request handled after
 * that, in the order they were queued. So with a delay of 0 the response that queued a job shows
 * the "before" state and every later request the "after" state, deterministically.
 */
export class BackgroundWork {
  // Stryker disable next-line ArrayDeclaration: equivalent; an entry that is not a job has no due time, so the first settle drops it without running it
  private jobs: Job[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly delayMs: number,
  ) {}

  /** Queues a job. */
  later(run: () => void): void {
    this.jobs.push({ due: this.clock() + this.delayMs, run });
  }

  /** Runs every job that is due, each once. Called once at the start of each request. */
  settle(): void {
    const now = this.clock();
    const due = this.jobs.filter((job) => job.due <= now);
    this.jobs = this.jobs.filter((job) => job.due > now);
    for (const job of due) job.run();
  }
}
