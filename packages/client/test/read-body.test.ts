// Reading a response body under a call's abort watch: the read listens to the watch only while it
// runs, and an abort in the middle cancels the body (also when the fetch itself ignores signals).

import { describe, expect, it } from 'vitest';
import type { AbortWatch } from '../src/internal/call.js';
import { readBody } from '../src/internal/responses.js';

/** An abort watch that, like an AbortSignal, tells events apart by name and counts its listeners. */
function watch(): AbortWatch & { listeners: Set<() => void>; fire(reason: unknown): void } {
  const listeners = new Set<() => void>();
  const self = {
    aborted: false,
    reason: undefined as unknown,
    listeners,
    addEventListener: (type: string, listener: () => void) =>
      void (type === 'abort' && listeners.add(listener)),
    removeEventListener: (type: string, listener: () => void) =>
      void (type === 'abort' && listeners.delete(listener)),
    fire(reason: unknown) {
      self.aborted = true;
      self.reason = reason;
      for (const listener of [...listeners]) listener();
    },
  };
  return self;
}

describe('readBody', () => {
  it('listens to the watch while reading and stops once the body is read', async () => {
    const signal = watch();
    let pull = (): void => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2]));
        pull = () => {
          controller.enqueue(new Uint8Array([3]));
          controller.close();
        };
      },
    });
    const reading = readBody(new Response(body), 100, signal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(signal.listeners.size).toBe(1);
    pull();
    const { bytes, end } = await reading;
    expect([...bytes]).toEqual([1, 2, 3]);
    expect(end).toBe('complete');
    expect(signal.listeners.size).toBe(0);
  });

  it('cancels a body that never ends when the watch aborts, rejecting with its reason', async () => {
    const signal = watch();
    let cancelled: unknown = 'not cancelled';
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1]));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const reading = readBody(new Response(body), 100, signal);
    await new Promise((resolve) => setImmediate(resolve));
    const reason = new Error('deadline');
    signal.fire(reason);
    await expect(reading).rejects.toBe(reason);
    expect(cancelled).toBe(reason);
    expect(signal.listeners.size).toBe(0);
  });
});
