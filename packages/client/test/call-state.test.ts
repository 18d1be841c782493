// The state one call shares between its attempts: the deadline and abort source (ActiveCall), the
// one-shot abort (CallAbort), the waits that give up on abort (sleep, abortable), and the logger
// binding. Timers are faked, so every wait is exact.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortable, ActiveCall, CallAbort, sleep, type AbortWatch } from '../src/internal/call.js';
import { createLog } from '../src/internal/log.js';
import { isIscTimeoutError, type IscLogEvent } from '../src/index.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

/** An abort watch that counts its listeners. */
function countingWatch(): AbortWatch & { listeners: Set<() => void>; fire(reason: unknown): void } {
  const listeners = new Set<() => void>();
  const watch = {
    aborted: false,
    reason: undefined as unknown,
    listeners,
    // Like an AbortSignal, it tells events apart by name.
    addEventListener: (type: string, listener: () => void) =>
      void (type === 'abort' && listeners.add(listener)),
    removeEventListener: (type: string, listener: () => void) =>
      void (type === 'abort' && listeners.delete(listener)),
    fire(reason: unknown) {
      watch.aborted = true;
      watch.reason = reason;
      for (const listener of [...listeners]) listener();
    },
  };
  return watch;
}

describe('CallAbort', () => {
  it('aborts once, with the first reason, telling each listener once', () => {
    const abort = new CallAbort();
    const heard: string[] = [];
    const removed = () => heard.push('removed');
    abort.addEventListener('abort', () => heard.push('a'));
    abort.addEventListener('abort', removed);
    abort.addEventListener('abort', () => heard.push('b'));
    abort.removeEventListener('abort', removed);
    abort.removeEventListener('abort', () => undefined);
    abort.abort('first');
    abort.abort('second');
    expect(abort.aborted).toBe(true);
    expect(abort.reason).toBe('first');
    expect(heard).toEqual(['a', 'b']);
  });
});

describe('ActiveCall', () => {
  it('has no abort source without a timeout or a signal', () => {
    const call = new ActiveCall('GET', 'https://x.test/a', 0, undefined, false);
    expect(call.signal).toBeUndefined();
    expect(call.fetchSignal).toBeUndefined();
    expect(call.deadline).toBe(Infinity);
    expect(call.failure('original')).toBe('original');
    call.end();
  });

  it('times out with IscTimeoutError naming the URL of the current attempt', () => {
    const start = Date.now();
    const call = new ActiveCall('POST', 'https://x.test/a', 100, undefined, false);
    expect(call.deadline).toBe(start + 100);
    call.url = 'https://x.test/b';
    vi.advanceTimersByTime(99);
    expect(call.signal?.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(call.signal?.aborted).toBe(true);
    const reason = call.failure(new Error('ignored'));
    expect(isIscTimeoutError(reason)).toBe(true);
    expect(reason).toMatchObject({ timeout: 100, method: 'POST', url: 'https://x.test/b' });
    // In Node the fetch gets no signal for a timeout alone.
    expect(call.fetchSignal).toBeUndefined();
    call.end();
  });

  it('hands fetch a signal the timeout aborts too when the platform needs it (browsers)', () => {
    const call = new ActiveCall('GET', 'https://x.test/a', 50, undefined, true);
    expect(call.fetchSignal?.aborted).toBe(false);
    vi.advanceTimersByTime(50);
    expect(call.fetchSignal?.aborted).toBe(true);
    expect(isIscTimeoutError(call.fetchSignal?.reason)).toBe(true);
    call.end();
  });

  it('follows the caller’s signal, given to fetch as it is in Node', () => {
    const controller = new AbortController();
    const call = new ActiveCall('GET', 'https://x.test/a', 0, controller.signal, false);
    expect(call.fetchSignal).toBe(controller.signal);
    expect(call.deadline).toBe(Infinity);
    controller.abort('stop');
    expect(call.signal?.aborted).toBe(true);
    expect(call.failure('other')).toBe('stop');
    call.end();
  });

  it('starts aborted when the caller’s signal already is', () => {
    const call = new ActiveCall('GET', 'https://x.test/a', 100, AbortSignal.abort('early'), false);
    expect(call.signal?.aborted).toBe(true);
    expect(call.signal?.reason).toBe('early');
    vi.advanceTimersByTime(200);
    expect(call.signal?.reason).toBe('early');
    call.end();
  });

  it('stops the timer and leaves the caller’s signal alone once ended', () => {
    const controller = new AbortController();
    const call = new ActiveCall('GET', 'https://x.test/a', 100, controller.signal, false);
    call.end();
    vi.advanceTimersByTime(500);
    controller.abort('late');
    expect(call.signal?.aborted).toBe(false);
  });
});

describe('ActiveCall where timers are plain numbers (browsers)', () => {
  it('times out all the same, without a timer object to unref', () => {
    const setTimer = globalThis.setTimeout;
    vi.stubGlobal('setTimeout', (handler: () => void, ms: number) => Number(setTimer(handler, ms)));
    try {
      const call = new ActiveCall('GET', 'https://x.test/a', 50, undefined, true);
      expect(call.signal?.aborted).toBe(false);
      vi.advanceTimersByTime(50);
      expect(isIscTimeoutError(call.signal?.reason)).toBe(true);
      expect(call.fetchSignal?.aborted).toBe(true);
      call.end();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('sleep', () => {
  it('resolves after the wait, and stops listening', async () => {
    const watch = countingWatch();
    let done = false;
    const wait = sleep(30, watch).then(() => (done = true));
    expect(watch.listeners.size).toBe(1);
    await vi.advanceTimersByTimeAsync(29);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await wait;
    expect(done).toBe(true);
    expect(watch.listeners.size).toBe(0);
  });

  it('rejects with the reason as soon as the signal aborts, or at once when it has', async () => {
    const watch = countingWatch();
    const wait = sleep(10_000, watch);
    watch.fire('cancelled');
    await expect(wait).rejects.toBe('cancelled');
    await expect(sleep(10, watch)).rejects.toBe('cancelled');
    const slept = sleep(5, undefined).then(() => 'slept');
    await vi.advanceTimersByTimeAsync(5);
    await expect(slept).resolves.toBe('slept');
  });
});

describe('abortable', () => {
  it('is the promise itself without a signal', () => {
    const promise = Promise.resolve(1);
    expect(abortable(promise, undefined)).toBe(promise);
  });

  it('settles like the promise, and stops listening', async () => {
    const watch = countingWatch();
    await expect(abortable(Promise.resolve('value'), watch)).resolves.toBe('value');
    await expect(abortable(Promise.reject(new Error('failed')), watch)).rejects.toThrow('failed');
    expect(watch.listeners.size).toBe(0);
  });

  it('rejects on abort and hands a value that arrives later to onLate', async () => {
    const watch = countingWatch();
    let resolveLate: (value: string) => void = () => undefined;
    const late: string[] = [];
    const waiting = abortable(
      new Promise<string>((resolve) => (resolveLate = resolve)),
      watch,
      (value) => late.push(value),
    );
    watch.fire('aborted');
    await expect(waiting).rejects.toBe('aborted');
    resolveLate('response nobody reads');
    await Promise.resolve();
    await Promise.resolve();
    expect(late).toEqual(['response nobody reads']);
  });

  it('rejects at once for a signal that has aborted, still releasing the late value', async () => {
    const watch = countingWatch();
    watch.fire('gone');
    const late: number[] = [];
    await expect(abortable(Promise.resolve(7), watch, (value) => late.push(value))).rejects.toBe(
      'gone',
    );
    await Promise.resolve();
    expect(late).toEqual([7]);
    // A late failure is swallowed, not left unhandled.
    await expect(abortable(Promise.reject(new Error('x')), watch)).rejects.toBe('gone');
  });
});

describe('createLog', () => {
  it('binds only the levels the logger has, as functions', () => {
    const events: IscLogEvent[] = [];
    const log = createLog({ warn: (event) => events.push(event), info: 'no' as never });
    expect(log.debug).toBeUndefined();
    expect(log.info).toBeUndefined();
    const event: IscLogEvent = {
      type: 'reauthenticate',
      message: 'm',
      method: 'GET',
      url: 'u',
    };
    log.warn?.(event);
    expect(events).toEqual([event]);
    expect(createLog(undefined)).toEqual({ debug: undefined, info: undefined, warn: undefined });
  });

  it('keeps a throwing logger from breaking the caller', () => {
    const log = createLog({
      debug: () => {
        throw new Error('logger bug');
      },
    });
    expect(() =>
      log.debug?.({ type: 'reauthenticate', message: 'm', method: 'GET', url: 'u' }),
    ).not.toThrow();
  });
});

describe('call state edges from the mutation run', () => {
  it('sets no timer for a timeout of 0 with a caller signal', () => {
    const controller = new AbortController();
    const call = new ActiveCall('GET', 'https://x.test/a', 0, controller.signal, false);
    vi.advanceTimersByTime(10);
    expect(call.signal?.aborted).toBe(false);
    expect(call.deadline).toBe(Infinity);
    call.end();
  });

  it('leaves no unhandled rejection when a value arrives after the abort and nobody takes it', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const watch = countingWatch();
      let resolveLate: (value: string) => void = () => undefined;
      const waiting = abortable(new Promise<string>((resolve) => (resolveLate = resolve)), watch);
      watch.fire('aborted');
      await expect(waiting).rejects.toBe('aborted');
      resolveLate('late');
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });
});
