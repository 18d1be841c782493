// The gateway's rate limit, as a sliding log per client ID: a request is admitted when fewer than
// `requests` admitted requests of the same client lie in the last `windowMs`. The log of a client
// is a ring buffer of the admission times (at most `requests` of them), so a decision costs O(1)
// amortised and the memory per client is fixed, however hard the client pushes.
import type { Clock } from '../core/clock.js';

/** The limit: at most `requests` requests per `windowMs` milliseconds, per client ID. */
export interface RateLimit {
  readonly requests: number;
  readonly windowMs: number;
}

/** The times the admitted requests of one client arrived, oldest first. */
class AdmissionLog {
  private readonly times: Float64Array;
  private head = 0;
  private size = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
  }

  /**
   * Admits a request at `now` (returns undefined) or returns the milliseconds until the oldest
   * admission leaves the window, when the next request can be admitted.
   */
  admit(now: number, windowMs: number): number | undefined {
    const capacity = this.times.length;
    // Admissions at or before now - windowMs have left the window.
    while (this.size > 0 && this.times[this.head]! + windowMs <= now) {
      this.head = (this.head + 1) % capacity;
      this.size -= 1;
    }
    if (this.size < capacity) {
      this.times[(this.head + this.size) % capacity] = now;
      this.size += 1;
      return undefined;
    }
    return this.times[this.head]! + windowMs - now;
  }
}

/** Decides, per client ID, whether a request passes the gateway limit. */
export class RateLimiter {
  private readonly logs = new Map<string, AdmissionLog>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  /**
   * Admits one request of `clientId` (returns undefined), or refuses it and returns the
   * `Retry-After` in whole seconds: the time until the oldest request in the window leaves it,
   * rounded up, so it is never 0 while the next request would still be refused.
   */
  admit(clientId: string): number | undefined {
    let log = this.logs.get(clientId);
    if (!log) {
      log = new AdmissionLog(this.limit.requests);
      this.logs.set(clientId, log);
    }
    const waitMs = log.admit(this.clock(), this.limit.windowMs);
    // waitMs > 0 here (the oldest admission is still in the window), so this is at least 1.
    return waitMs === undefined ? undefined : Math.ceil(waitMs / 1000);
  }
}
