// The state of one logical call, shared by all its attempts: its deadline and its abort source (the
// caller's signal and the timeout combined), plus the waits that give up when the call is aborted.

import { IscTimeoutError } from '../errors/request-errors.js';

/**
 * A one-shot abort source. Creating an AbortController costs several microseconds in Node (its signal
 * is made transferable), so every call gets this instead; a real AbortSignal is made only when one must
 * be handed to `fetch`.
 */
export class CallAbort {
  aborted = false;
  reason: unknown = undefined;
  #listeners: (() => void)[] = [];

  addEventListener(_type: 'abort', listener: () => void, _options?: { once?: boolean }): void {
    this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.#listeners.indexOf(listener);
    if (index !== -1) this.#listeners.splice(index, 1);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
  }
}

/** What a wait listens to: an AbortSignal or a CallAbort. */
export type AbortWatch = Pick<
  CallAbort,
  'aborted' | 'reason' | 'addEventListener' | 'removeEventListener'
>;

/** A call in progress: started by the constructor, finished by `end()`. */
export class ActiveCall {
  /** URL of the current attempt (kept up to date for timeout messages). */
  url: string;
  /** Aborts the call: the caller's signal, the timeout, or both. Every wait listens to it. */
  readonly signal: CallAbort | undefined;
  /**
   * The signal handed to `fetch`: the caller's own (or none) in Node, where a timeout alone is enforced
   * by the waits; one that the timeout aborts too in browsers.
   */
  readonly fetchSignal: AbortSignal | undefined;
  /** Epoch milliseconds at which the call times out (Infinity: never). */
  readonly deadline: number;
  readonly #callerSignal: AbortSignal | null | undefined;
  #onCallerAbort: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly method: string,
    url: string,
    readonly timeout: number,
    callerSignal: AbortSignal | null | undefined,
    abortsFetchOnTimeout: boolean,
  ) {
    this.url = url;
    this.deadline = timeout > 0 ? Date.now() + timeout : Infinity;
    this.#callerSignal = callerSignal;
    if (timeout <= 0 && !callerSignal) {
      this.signal = undefined;
      this.fetchSignal = undefined;
      return;
    }
    const abort = new CallAbort();
    this.signal = abort;
    if (abortsFetchOnTimeout) {
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
    if (timeout > 0) {
      this.#timer = setTimeout(
        () => abort.abort(new IscTimeoutError(timeout, method, this.url)),
        timeout,
      );
      // Never keeps a process alive on its own (a request in flight already does).
      (this.#timer as { unref?: () => void }).unref?.();
    }
  }

  /** The error to surface: the abort reason (timeout or caller's) when the call was aborted. */
  failure(error: unknown): unknown {
    return this.signal?.aborted ? this.signal.reason : error;
  }

  /** Clears the deadline and detaches from the caller's signal. */
  end(): void {
    clearTimeout(this.#timer);
    if (this.#onCallerAbort) this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }
}

/** Resolves after `ms` milliseconds, or rejects with `signal.reason` when it aborts first. */
export function sleep(ms: number, signal: AbortWatch | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(wait);
      reject(signal?.reason);
    };
    const wait = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles like `promise`, unless `signal` aborts first: then rejects with `signal.reason`, and hands a
 * value that arrives later to `onLate` (to release a response nobody will read).
 */
export function abortable<T>(
  promise: Promise<T>,
  signal: AbortWatch | undefined,
  onLate?: (value: T) => void,
): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.then(onLate, () => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) onLate?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
