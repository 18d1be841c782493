// Client-side pacing under the tenant's gateway limit (by default 100 requests per 10 s per client id):
// requests queue in order so that a steady job never exceeds the limit and sees no 429. A request holds
// its slot from the moment it starts until a window after its answer arrived: the gateway counted it
// somewhere in between, so however late the request reached the gateway (a busy network or server),
// the request that takes the slot next cannot land in the same window. All clients of
// one process that use the same credentials against the same origin share one budget, also across
// copies of this package (the registry hangs off `globalThis`). A 429 that still arrives (another
// process using the same client id) halves the budget and pauses everyone until its `Retry-After`;
// the budget grows back a tenth per quiet window.

import type { AbortWatch } from './call.js';
import type { RateLimit } from './config.js';

interface Waiter {
  resolve(waitedMs: number): void;
  reject(reason: unknown): void;
  signal: AbortWatch | undefined;
  onAbort: (() => void) | undefined;
  since: number;
}

/** A shared request budget: `take` resolves when a request may start. */
export class Pacer {
  /**
   * The slots taken: per request of the last window, when its answer arrived (epoch ms), or Infinity
   * while it is in flight. Ascending, since answers arrive in time order and in-flight ones come last.
   */
  readonly #held: number[] = [];
  readonly #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pausedUntil = 0;
  #lastSlowdown = 0;
  /** When a 429 last halved the budget. */
  #lastCut = 0;
  /** Requests allowed per window now (lowered after a 429, then restored). */
  #allowed: number;

  constructor(public limit: RateLimit) {
    this.#allowed = limit.requests;
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Resolves with the milliseconds waited (0 at once when the budget allows it), or rejects with the
   * signal's reason when the caller gives up first; a request that gave up never counts. Every take
   * that resolved must be followed by one `settle` when the request's answer (or failure) arrives.
   */
  take(signal: AbortWatch | undefined): Promise<number> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = Date.now();
    if (this.#queue.length === 0 && this.#free(now) === 0) {
      this.#held.push(Infinity);
      return Promise.resolve(0);
    }
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined, since: now };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.#queue.indexOf(waiter);
          if (index !== -1) this.#queue.splice(index, 1);
          // Nobody waits any more: the timer would only hold the process open.
          if (this.#queue.length === 0) {
            clearTimeout(this.#timer);
            this.#timer = undefined;
          }
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /** The request of a resolved `take` was answered or failed: its slot is held one window from now. */
  settle(): void {
    const held = this.#held;
    held[held.indexOf(Infinity)] = Date.now();
    // Requests that waited for an answer (not for a time) can be scheduled now.
    this.#schedule();
  }

  /**
   * The server refused a request with 429: pause everyone for `retryAfterMs` and halve the budget.
   * The 429s that answer requests sent together are one signal, so the budget is halved at most once
   * a window (halving once per 429 took a burst of 8 down to 1 request a window, and the budget
   * grows back only a tenth per window).
   */
  slowDown(retryAfterMs: number): void {
    const now = Date.now();
    this.#pausedUntil = Math.max(this.#pausedUntil, now + retryAfterMs);
    if (now - this.#lastCut >= this.limit.windowMs) {
      this.#allowed = Math.max(1, Math.floor(this.#allowed / 2));
      this.#lastCut = now;
    }
    this.#lastSlowdown = now;
  }

  /** Milliseconds until the next request may start (0: now; Infinity: when an answer arrives). */
  #free(now: number): number {
    const { windowMs, requests } = this.limit;
    if (this.#allowed < requests && now - this.#lastSlowdown >= windowMs) {
      this.#allowed = Math.min(requests, this.#allowed + Math.ceil(requests / 10));
      this.#lastSlowdown = now;
    }
    const allowed = Math.min(this.#allowed, requests);
    const held = this.#held;
    while (held.length > 0 && (held[0] as number) <= now - windowMs) held.shift();
    const pause = Math.max(0, this.#pausedUntil - now);
    if (held.length < allowed) return pause;
    // Slots free up oldest answer first; one in flight frees up only a window after its answer.
    return Math.max(pause, (held[held.length - allowed] as number) + windowMs - now, 1);
  }

  /**
   * Arms the timer that releases the queue. It keeps a Node process alive, as a request in flight
   * does: while requests wait for their turn, it may be the only thing left that will send them.
   */
  #schedule(): void {
    if (this.#timer !== undefined || this.#queue.length === 0) return;
    const wait = this.#free(Date.now());
    // Waiting for an answer: `settle` schedules again when it arrives.
    if (wait === Infinity) return;
    this.#timer = setTimeout(() => this.#release(), wait);
  }

  /** Lets queued requests start while the budget allows, then waits for the next free slot. */
  #release(): void {
    this.#timer = undefined;
    let now = Date.now();
    while (this.#queue.length > 0 && this.#free(now) === 0) {
      const waiter = this.#queue.shift() as Waiter;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#held.push(Infinity);
      waiter.resolve(now - waiter.since);
      now = Date.now();
    }
    this.#schedule();
  }
}

const REGISTRY = Symbol.for('isc-sdk.pacers');

/**
 * The pacer shared by every client of this process with the same `key` (origin and credentials), or a
 * pacer of its own without a key. When clients sharing it were given different limits, the strictest
 * one applies.
 */
export function sharedPacer(key: string | undefined, limit: RateLimit): Pacer {
  if (key === undefined) return new Pacer(limit);
  const holder = globalThis as { [REGISTRY]?: Map<string, Pacer> };
  const pacers = (holder[REGISTRY] ??= new Map());
  let pacer = pacers.get(key);
  if (!pacer) pacers.set(key, (pacer = new Pacer(limit)));
  // The strictest limit (fewest requests per millisecond) of the clients sharing it applies.
  else if (limit.requests / limit.windowMs < pacer.limit.requests / pacer.limit.windowMs) {
    pacer.limit = limit;
  }
  return pacer;
}

/** A short, non-reversible tag for a secret, so the registry's keys hold no credential. */
export function tag(secret: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < secret.length; index++) {
    hash = Math.imul(hash ^ secret.charCodeAt(index), 0x01000193);
  }
  return (hash >>> 0).toString(36) + secret.length.toString(36);
}
