// The state of one logical call, shared by all its attempts: its deadline, its abort source (the
// caller's signal and the timeout combined) and its retry policy.

import { IscTimeoutError } from '../errors/isc-timeout-error.js';
import { CallAbort } from './call-abort.js';
import { unwatchDeadline, watchDeadline } from './deadline-timer.js';
import type { RetryPolicy } from './retry-policy.js';

/** What a call was asked to do. */
export interface CallSettings {
  readonly method: string;
  readonly url: string;
  /** Milliseconds; 0 for none. */
  readonly timeout: number;
  readonly retry: RetryPolicy | undefined;
  readonly idempotent: boolean | undefined;
  readonly signal: AbortSignal | null | undefined;
  readonly readsBody: boolean;
  readonly expectsJson: boolean;
  /** True to hand `fetch` a signal that the timeout aborts too (browsers). */
  readonly abortsFetchOnTimeout: boolean;
}

/** A call in progress (what the transport needs to know): started by the constructor, finished by `end()`. */
export class ActiveCall {
  /** HTTP method (for messages). */
  declare readonly method: string;
  /** URL of the current attempt (kept up to date for timeout messages). */
  declare url: string;
  /** Aborts the call: the caller's signal, the timeout, or both. Every wait listens to it. */
  declare readonly signal: CallAbort | undefined;
  /**
   * The signal handed to `fetch` itself. In Node that is the caller's own signal (or none): handing
   * undici a signal costs about 10 µs per request, so a timeout alone is enforced by the waits and a
   * late response is released unread. Browsers get a signal that the timeout aborts too.
   */
  declare readonly fetchSignal: AbortSignal | undefined;
  /** Epoch milliseconds at which the call times out (Infinity: never). */
  declare readonly deadline: number;
  /** Retry policy, or undefined to send once. */
  declare readonly retry: RetryPolicy | undefined;
  /** Overrides the method's idempotency when set. */
  declare readonly idempotent: boolean | undefined;
  /** False when the caller streams the response body (`parseAs: "stream"`): it is not buffered. */
  declare readonly readsBody: boolean;
  /** True when a success body must be JSON (`parseAs: "json"`, the default). */
  declare readonly expectsJson: boolean;
  readonly #callerSignal: AbortSignal | null | undefined;
  readonly #timeout: number;
  #onCallerAbort: (() => void) | undefined;

  constructor(settings: CallSettings) {
    const { timeout, signal: callerSignal } = settings;
    this.method = settings.method;
    this.url = settings.url;
    this.deadline = timeout > 0 ? Date.now() + timeout : Infinity;
    this.retry = settings.retry;
    this.idempotent = settings.idempotent;
    this.readsBody = settings.readsBody;
    this.expectsJson = settings.expectsJson;
    this.#callerSignal = callerSignal;
    this.#timeout = timeout;
    if (timeout <= 0 && !callerSignal) {
      this.signal = undefined;
      this.fetchSignal = undefined;
      return;
    }
    const abort = new CallAbort();
    this.signal = abort;
    if (settings.abortsFetchOnTimeout) {
      const controller = new AbortController();
      abort.addEventListener('abort', () => controller.abort(abort.reason));
      this.fetchSignal = controller.signal;
    } else {
      this.fetchSignal = callerSignal ?? undefined;
    }
    if (callerSignal?.aborted) {
      abort.abort(callerSignal.reason);
      return;
    }
    if (callerSignal) {
      this.#onCallerAbort = () => abort.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', this.#onCallerAbort, { once: true });
    }
    if (timeout > 0) watchDeadline(this);
  }

  /** Called by the deadline timer: aborts the call with `IscTimeoutError`. */
  expire(): void {
    this.signal?.abort(new IscTimeoutError(this.#timeout, this.method, this.url));
  }

  /** The error to surface for `error`: the abort reason (timeout or caller's) when the call was aborted. */
  failure(error: unknown): unknown {
    return this.signal?.aborted ? this.signal.reason : error;
  }

  /** Clears the timer and detaches from the caller's signal. */
  end(): void {
    if (this.#timeout > 0) unwatchDeadline(this);
    if (this.#onCallerAbort) this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }
}

/** What the transport needs to know about the call it is sending. */
export type CallContext = ActiveCall;
