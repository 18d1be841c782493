// Client-side pacing under a rate limit. The clock is faked (setTimeout and Date): the injected fetch
// records the fake time of every request, so the schedule is exact and no assertion depends on how
// loaded the machine is.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createIscClient,
  isIscConfigError,
  isIscTimeoutError,
  unwrap,
  type IscClientOptions,
  type IscLogEvent,
} from '../src/index.js';
import { resolveOptions, TENANT_RATE_LIMIT } from '../src/internal/config.js';
import { Pacer, sharedPacer, tag } from '../src/internal/pacing.js';
import { nodePlatform } from './support/fixtures.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(Date.UTC(2026, 0, 5, 9, 0, 0));
});
afterEach(() => vi.useRealTimers());

let origins = 0;

/** A fresh origin per test, so that tests do not share a process-wide budget by accident. */
function freshOrigin(): string {
  origins += 1;
  return `http://127.0.0.${origins % 250}:${10_000 + origins}`;
}

/** Moves the fake clock on in small steps until `promise` settles (at most `limitMs`). */
async function settle<T>(promise: Promise<T>, limitMs = 120_000): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let elapsed = 0; !settled && elapsed < limitMs; elapsed += 10) {
    await vi.advanceTimersByTimeAsync(10);
  }
  return promise;
}

interface Recorder {
  /** Fake time of every request, relative to the start of the test. */
  readonly sent: number[];
  readonly fetch: NonNullable<IscClientOptions['fetch']>;
}

/** A fetch that answers `answer(n)` (200 [] by default) and records when each request came. */
function recorder(answer: (index: number) => Response = () => ok()): Recorder {
  const sent: number[] = [];
  const start = Date.now();
  return {
    sent,
    fetch: async (url) => {
      if (url.endsWith('/oauth/token')) {
        return new Response(JSON.stringify({ access_token: 'tok', expires_in: 600 }), {
          headers: { 'content-type': 'application/json' },
        });
      }
      sent.push(Date.now() - start);
      return answer(sent.length - 1);
    },
  };
}

function ok(): Response {
  return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
}

/** How many of `times` fall in each run of equal values, in order: [0,0,5,5,5] -> [2,3]. */
function groups(times: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const time of times) {
    const last = out.at(-1);
    if (last && last[0] === time) last[1] += 1;
    else out.push([time, 1]);
  }
  return out;
}

const auth = { clientId: 'pacing-client', clientSecret: 'pacing-secret-1234' };

describe('pacing under rateLimit', () => {
  it('starts at most `requests` per window, in order, each request once', async () => {
    const { sent, fetch } = recorder();
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 5, windowMs: 100 },
      fetch,
    });
    const offsets: number[] = [];
    const results = await settle(
      Promise.all(
        Array.from({ length: 17 }, (_, index) =>
          unwrap(
            isc.GET('/campaigns', {
              params: { query: { offset: index } },
              middleware: [{ onResponse: () => void offsets.push(index) }],
            }),
          ),
        ),
      ),
    );
    expect(results).toHaveLength(17);
    expect(groups(sent)).toEqual([
      [0, 5],
      [100, 5],
      [200, 5],
      [300, 2],
    ]);
    expect(offsets).toEqual(Array.from({ length: 17 }, (_, index) => index));
  });

  it('holds a slot until a window after the answer, so a request that arrived late cannot share its window', async () => {
    // The server takes its time with the first two requests; it counts them somewhere between their
    // start and their answer, so their slots stay taken until a window after the answers.
    const sent: number[] = [];
    const answered: number[] = [];
    let answer = (): void => undefined;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const fetch = async (): Promise<Response> => {
      sent.push(Date.now());
      if (sent.length <= 2) await gate;
      answered.push(Date.now());
      return ok();
    };
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 2, windowMs: 50 },
      fetch,
    });
    const calls = Array.from({ length: 3 }, () => unwrap(isc.GET('/campaigns')));
    // Several windows pass without an answer: the third request still waits.
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toHaveLength(2);
    answer();
    await expect(settle(Promise.all(calls))).resolves.toHaveLength(3);
    expect(sent).toHaveLength(3);
    // Both answers came at the same moment; the third request starts exactly one window later.
    expect(answered.slice(0, 2)).toEqual([sent[0]! + 200, sent[0]! + 200]);
    expect(sent[2]! - answered[0]!).toBe(50);
  });

  it('shares one budget between clients with the same credentials and origin', async () => {
    const baseUrl = freshOrigin();
    const { sent, fetch } = recorder();
    const options = { baseUrl, auth, rateLimit: { requests: 4, windowMs: 100 }, fetch };
    const first = createIscClient(options);
    const second = createIscClient(options);
    const waits: IscLogEvent[] = [];
    const other = createIscClient({
      ...options,
      auth: { ...auth, clientId: 'another-client' },
      logger: { debug: (event) => event.type === 'pacing' && waits.push(event) },
    });
    await settle(
      Promise.all([
        ...Array.from({ length: 6 }, () => unwrap(first.GET('/campaigns'))),
        ...Array.from({ length: 6 }, () => unwrap(second.GET('/campaigns'))),
      ]),
    );
    expect(groups(sent)).toEqual([
      [0, 4],
      [100, 4],
      [200, 4],
    ]);
    // Another client id has its own budget: its four requests wait for nobody.
    await settle(Promise.all(Array.from({ length: 4 }, () => unwrap(other.GET('/campaigns')))));
    expect(sent).toHaveLength(16);
    expect(sent.slice(12)).toEqual(Array.from({ length: 4 }, () => sent[12]));
    expect(waits).toEqual([]);
  });

  it('gives a fixed token and the same token on another origin budgets of their own', async () => {
    const { sent, fetch } = recorder();
    const limit = { requests: 2, windowMs: 100 };
    const baseUrl = freshOrigin();
    const clients = [
      createIscClient({ baseUrl, auth: { accessToken: 'token-a' }, rateLimit: limit, fetch }),
      createIscClient({ baseUrl, auth: { accessToken: 'token-b' }, rateLimit: limit, fetch }),
      createIscClient({
        baseUrl: freshOrigin(),
        auth: { accessToken: 'token-a' },
        rateLimit: limit,
        fetch,
      }),
    ];
    await settle(
      Promise.all(clients.flatMap((isc) => [isc.GET('/campaigns'), isc.GET('/campaigns')])),
    );
    expect(sent).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('gives every token function a budget of its own', async () => {
    const { sent, fetch } = recorder();
    const limit = { requests: 1, windowMs: 100 };
    const baseUrl = freshOrigin();
    const clients = [1, 2].map(() =>
      createIscClient({ baseUrl, auth: { accessToken: () => 'same' }, rateLimit: limit, fetch }),
    );
    await settle(Promise.all(clients.map((isc) => isc.GET('/campaigns'))));
    expect(sent).toEqual([0, 0]);
  });

  it('honours a 429 that still arrives: everyone waits for Retry-After, nothing is lost', async () => {
    const { sent, fetch } = recorder((index) =>
      index === 0
        ? new Response(JSON.stringify({ message: 'Rate Limit Exceeded' }), {
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': '1' },
          })
        : ok(),
    );
    const events: IscLogEvent[] = [];
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 50, windowMs: 1000 },
      fetch,
      logger: { warn: (event) => events.push(event) },
    });
    const first = isc.GET('/campaigns');
    // Let the 429 arrive before the others queue.
    await vi.advanceTimersByTimeAsync(20);
    const rest = Array.from({ length: 3 }, () => isc.GET('/campaigns'));
    const results = await settle(Promise.all([first, ...rest]));
    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200, 200]);
    // Nothing was sent during the second the server asked for.
    expect(sent).toEqual([0, 1000, 1000, 1000, 1000]);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(1);
  });

  it('lets the caller’s signal cancel a queued request, which is then never sent', async () => {
    const { sent, fetch } = recorder();
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 1, windowMs: 100 },
      fetch,
    });
    await settle(unwrap(isc.GET('/campaigns')));
    const controller = new AbortController();
    const queued = isc.GET('/campaigns', { signal: controller.signal });
    const after = isc.GET('/campaigns');
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user cancelled'));
    await expect(queued).rejects.toThrow('user cancelled');
    await settle(after);
    // The cancelled request took no slot: the next one goes at the first free one.
    expect(sent).toEqual([0, 100]);
  });

  it('keeps a Node process alive while a request waits for its turn, and no longer once it gives up', async () => {
    // Timers that keep the event loop alive; an unref'd timer is not among them. Without this, a
    // script whose only pending work is paced requests exits in the middle of the job, with code 0.
    // Real timers here (fake ones are not event-loop resources); nothing waits for them to fire.
    vi.useRealTimers();
    const aliveTimers = () =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const pacer = new Pacer({ requests: 1, windowMs: 60_000 });
    await expect(pacer.take(undefined)).resolves.toBe(0);
    // Answered: its slot stays taken for the window, so the next request waits for a time.
    pacer.settle();
    const before = aliveTimers();
    const controller = new AbortController();
    const waiting = pacer.take(controller.signal);
    expect(pacer.queued).toBe(1);
    expect(aliveTimers()).toBe(before + 1);
    controller.abort(new Error('user cancelled'));
    expect(aliveTimers()).toBe(before);
    await expect(waiting).rejects.toThrow('user cancelled');
    expect(pacer.queued).toBe(0);
  });

  it('arms no timer for nobody waiting or for a request that waits for an answer, and leaves none behind', async () => {
    vi.useRealTimers();
    const aliveTimers = () =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = aliveTimers();
    const pacer = new Pacer({ requests: 1, windowMs: 60_000 });
    await pacer.take(undefined);
    const controller = new AbortController();
    // The only slot is in flight: the next request waits for its answer, not for a time.
    const waitingForAnswer = pacer.take(controller.signal);
    expect(aliveTimers()).toBe(before);
    controller.abort(new Error('gave up'));
    await expect(waitingForAnswer).rejects.toThrow('gave up');
    // Answered with nobody waiting: nothing to wake up.
    pacer.settle();
    expect(aliveTimers()).toBe(before);
    // Two wait for the window; one timer serves both, and none is left once both give up.
    const second = new AbortController();
    const waiting = [pacer.take(second.signal), pacer.take(second.signal)];
    expect(pacer.queued).toBe(2);
    expect(aliveTimers()).toBe(before + 1);
    second.abort(new Error('both gave up'));
    await expect(Promise.all(waiting)).rejects.toThrow('both gave up');
    expect(aliveTimers()).toBe(before);
  });

  it('halves the budget once for a burst of 429s, not once per 429', async () => {
    const pacer = new Pacer({ requests: 8, windowMs: 60_000 });
    // Four requests sent together were all refused (Retry-After: 0).
    for (let index = 0; index < 4; index++) pacer.slowDown(0);
    const controller = new AbortController();
    const takes = Array.from({ length: 8 }, () => pacer.take(controller.signal));
    // Half of the 8 go at once, the rest wait for the window.
    expect(pacer.queued).toBe(4);
    controller.abort(new Error('done'));
    const outcomes = await Promise.allSettled(takes);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      ...Array<string>(4).fill('fulfilled'),
      ...Array<string>(4).fill('rejected'),
    ]);
  });

  it('frees the slot of a request that failed, a window after the failure', async () => {
    const sent: number[] = [];
    const start = Date.now();
    const fetch = async (): Promise<Response> => {
      sent.push(Date.now() - start);
      if (sent.length === 1) throw new TypeError('fetch failed');
      return ok();
    };
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 1, windowMs: 50 },
      retry: false,
      fetch,
    });
    const failed = isc.GET('/campaigns').catch((caught: unknown) => caught);
    const next = isc.GET('/campaigns');
    expect(await settle(failed)).toMatchObject({ name: 'IscNetworkError' });
    await expect(settle(next, 1000)).resolves.toMatchObject({ response: { status: 200 } });
    expect(sent).toEqual([0, 50]);
  });

  it('counts the wait toward the call’s timeout', async () => {
    const { sent, fetch } = recorder();
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 1, windowMs: 10_000 },
      fetch,
    });
    await settle(unwrap(isc.GET('/campaigns')));
    const error = await settle(isc.GET('/campaigns', { timeout: 50 })).catch(
      (caught: unknown) => caught,
    );
    expect(isIscTimeoutError(error)).toBe(true);
    expect(sent).toEqual([0]);
  });

  it('tells the logger how long a request waited and how many were ahead', async () => {
    const { fetch } = recorder();
    const events: IscLogEvent[] = [];
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 1, windowMs: 50 },
      fetch,
      logger: { debug: (event) => events.push(event) },
    });
    await settle(Promise.all(Array.from({ length: 3 }, () => unwrap(isc.GET('/campaigns')))));
    const waits = events.filter((event) => event.type === 'pacing');
    expect(waits).toHaveLength(2);
    expect(waits).toEqual([
      expect.objectContaining({ waitMs: 50, queued: 0, method: 'GET' }),
      expect.objectContaining({ waitMs: 100, queued: 1 }),
    ]);
    expect(waits[0]?.message).toMatch(
      /^GET http:\/\/.+\/v3\/campaigns waited 50 ms for the rate limit \(0 ahead\)$/,
    );
  });

  it('paces a SailPoint tenant at 100 requests per 10 s by default', async () => {
    const { sent, fetch } = recorder();
    const isc = createIscClient({
      tenant: `pacing-${origins++}`,
      auth: { accessToken: 'default-limit-token' },
      fetch,
    });
    await settle(Promise.all(Array.from({ length: 101 }, () => isc.GET('/campaigns'))));
    expect(groups(sent)).toEqual([
      [0, 100],
      [10_000, 1],
    ]);
  });
});

describe('the pacer', () => {
  /**
   * Takes `count` slots at once and records when each was granted (relative to now); each request is
   * answered at once (settled when granted).
   */
  function takeMany(pacer: Pacer, count: number): Promise<number[]> {
    const start = Date.now();
    return Promise.all(
      Array.from({ length: count }, () =>
        pacer.take(undefined).then(() => {
          pacer.settle();
          return Date.now() - start;
        }),
      ),
    );
  }

  it('resolves with the time waited, and counts who is queued', async () => {
    const pacer = new Pacer({ requests: 1, windowMs: 100 });
    await expect(pacer.take(undefined)).resolves.toBe(0);
    pacer.settle();
    const second = pacer.take(undefined);
    const third = pacer.take(undefined);
    expect(pacer.queued).toBe(2);
    await expect(settle(second)).resolves.toBe(100);
    expect(pacer.queued).toBe(1);
    pacer.settle();
    await expect(settle(third)).resolves.toBe(200);
    expect(pacer.queued).toBe(0);
  });

  it('halves the budget after a 429, then grows back a tenth per quiet window', async () => {
    const pacer = new Pacer({ requests: 10, windowMs: 1000 });
    pacer.slowDown(0);
    const granted = await settle(takeMany(pacer, 20));
    expect(groups(granted)).toEqual([
      [0, 5],
      [1000, 6],
      [2000, 7],
      [3000, 2],
    ]);
  });

  it('halves on 429s a window apart down to one request per window, never below', async () => {
    const pacer = new Pacer({ requests: 10, windowMs: 1000 });
    // 10 -> 5 -> 2 -> 1, and 1 stays 1.
    for (let count = 0; count < 4; count++) {
      pacer.slowDown(0);
      vi.advanceTimersByTime(1000);
    }
    pacer.slowDown(0);
    expect(groups(await settle(takeMany(pacer, 3)))).toEqual([
      [0, 1],
      [1000, 2],
    ]);
  });

  it('pauses every request until the longest Retry-After so far', async () => {
    const pacer = new Pacer({ requests: 10, windowMs: 1000 });
    pacer.slowDown(700);
    pacer.slowDown(300);
    await expect(settle(pacer.take(undefined))).resolves.toBe(700);
  });

  it('refuses an aborted signal at once, and drops a waiter whose signal aborts', async () => {
    const pacer = new Pacer({ requests: 1, windowMs: 100 });
    const reason = new Error('stop');
    await expect(pacer.take(AbortSignal.abort(reason))).rejects.toBe(reason);
    await expect(pacer.take(undefined)).resolves.toBe(0);
    pacer.settle();
    const controller = new AbortController();
    const cancelled = pacer.take(controller.signal);
    const next = pacer.take(undefined);
    expect(pacer.queued).toBe(2);
    controller.abort(reason);
    await expect(cancelled).rejects.toBe(reason);
    expect(pacer.queued).toBe(1);
    await expect(settle(next)).resolves.toBe(100);
    expect(pacer.queued).toBe(0);
  });

  it('stops listening to a signal once its request may start', async () => {
    const pacer = new Pacer({ requests: 1, windowMs: 100 });
    const listeners = new Set<() => void>();
    const watch = {
      aborted: false,
      reason: undefined,
      addEventListener: (type: string, listener: () => void) =>
        void (type === 'abort' && listeners.add(listener)),
      removeEventListener: (type: string, listener: () => void) =>
        void (type === 'abort' && listeners.delete(listener)),
    };
    await pacer.take(watch);
    pacer.settle();
    const queued = pacer.take(watch);
    expect(listeners.size).toBe(1);
    await settle(queued);
    expect(listeners.size).toBe(0);
  });

  it('lets a request that comes just as a slot frees up wait behind those already queued', async () => {
    const pacer = new Pacer({ requests: 1, windowMs: 100 });
    await pacer.take(undefined);
    pacer.settle();
    const order: string[] = [];
    const first = pacer.take(undefined).then(() => order.push('first'));
    // The clock reaches the free slot before the pacer's timer has run (a busy event loop).
    vi.setSystemTime(Date.now() + 100);
    const late = pacer.take(undefined).then(() => order.push('late'));
    expect(pacer.queued).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(order).toEqual(['first']);
    pacer.settle();
    await settle(late);
    await first;
    expect(order).toEqual(['first', 'late']);
  });

  it('drops a cancelled waiter from the middle of the queue', async () => {
    const pacer = new Pacer({ requests: 1, windowMs: 100 });
    await pacer.take(undefined);
    pacer.settle();
    const controller = new AbortController();
    const first = pacer.take(undefined);
    const second = pacer.take(controller.signal);
    const third = pacer.take(undefined);
    expect(pacer.queued).toBe(3);
    controller.abort(new Error('not needed'));
    await expect(second).rejects.toThrow('not needed');
    expect(pacer.queued).toBe(2);
    await expect(settle(first)).resolves.toBe(100);
    pacer.settle();
    // The third goes in the next window: the cancelled one took no slot.
    await expect(settle(third)).resolves.toBe(200);
    expect(pacer.queued).toBe(0);
  });

  it('halves again for a 429 exactly one window after the last cut', async () => {
    const pacer = new Pacer({ requests: 10, windowMs: 1000 });
    pacer.slowDown(0);
    vi.advanceTimersByTime(1000);
    pacer.slowDown(0);
    // 10 -> 5 -> 2; a quiet window later, 3.
    expect(groups(await settle(takeMany(pacer, 3)))).toEqual([
      [0, 2],
      [1000, 1],
    ]);
  });

  it('is shared by key, the strictest limit of the clients sharing it applying', () => {
    const key = `test ${Math.random()}`;
    const pacer = sharedPacer(key, { requests: 100, windowMs: 10_000 });
    expect(sharedPacer(key, { requests: 100, windowMs: 10_000 })).toBe(pacer);
    expect(sharedPacer(`${key} other`, { requests: 100, windowMs: 10_000 })).not.toBe(pacer);
    // 10 per 10 s is stricter: it applies.
    expect(sharedPacer(key, { requests: 10, windowMs: 10_000 }).limit).toEqual({
      requests: 10,
      windowMs: 10_000,
    });
    // 50 per second is looser: the stricter one stays.
    expect(sharedPacer(key, { requests: 50, windowMs: 1000 }).limit).toEqual({
      requests: 10,
      windowMs: 10_000,
    });
    // The same rate is not stricter.
    expect(sharedPacer(key, { requests: 1, windowMs: 1000 }).limit).toEqual({
      requests: 10,
      windowMs: 10_000,
    });
    // Without a key, a pacer of its own every time.
    const loose = sharedPacer(undefined, { requests: 1, windowMs: 1 });
    expect(sharedPacer(undefined, { requests: 1, windowMs: 1 })).not.toBe(loose);
    // Registered where another copy of the package finds it.
    const registry = (globalThis as Record<symbol, Map<string, Pacer> | undefined>)[
      Symbol.for('isc-sdk.pacers')
    ];
    expect(registry?.get(key)).toBe(pacer);
  });

  it('tags secrets without holding them: stable, short, and distinct for near-identical secrets', () => {
    const secrets = Array.from({ length: 200 }, (_, index) => `secret-${index}-x`);
    const tags = secrets.map(tag);
    expect(tags).toHaveLength(200);
    expect(new Set(tags).size).toBe(200);
    expect(tag('secret-7-x')).toBe(tags[7]);
    for (const [index, value] of tags.entries()) {
      expect(value).toMatch(/^[0-9a-z]{2,9}$/);
      expect(value.includes(secrets[index] as string)).toBe(false);
    }
    // Secrets of different lengths but the same hash input prefix stay apart.
    expect(tag('ab')).not.toBe(tag('ba'));
    expect(tag('')).not.toBe(tag('a'));
  });
});

describe('the rateLimit option', () => {
  it('defaults to the documented gateway limit for SailPoint tenant hosts only', () => {
    const resolve = (options: IscClientOptions) =>
      resolveOptions({ auth: { accessToken: 'tok' }, ...options }, nodePlatform()).rateLimit;
    expect(TENANT_RATE_LIMIT).toEqual({ requests: 100, windowMs: 10_000 });
    expect(resolve({ tenant: 'acme' })).toEqual(TENANT_RATE_LIMIT);
    expect(resolve({ baseUrl: 'https://acme.api.identitynow-demo.com' })).toEqual(
      TENANT_RATE_LIMIT,
    );
    expect(resolve({ baseUrl: 'https://acme.api.sailpoint.com' })).toEqual(TENANT_RATE_LIMIT);
    expect(resolve({ baseUrl: 'https://ACME.IDENTITYNOW.COM' })).toEqual(TENANT_RATE_LIMIT);
    expect(resolve({ baseUrl: 'https://identitynow.com.example.test' })).toBeUndefined();
    expect(resolve({ baseUrl: 'https://acme.notidentitynow.com' })).toBeUndefined();
    expect(resolve({ baseUrl: 'http://127.0.0.1:9000/v3' })).toBeUndefined();
    expect(resolve({ tenant: 'acme', rateLimit: false })).toBeUndefined();
    expect(
      resolve({ baseUrl: 'http://127.0.0.1:9000', rateLimit: { requests: 40, windowMs: 1000 } }),
    ).toEqual({
      requests: 40,
      windowMs: 1000,
    });
  });

  it.each<[string, unknown, string, string]>([
    ['a missing window', { requests: 10 }, 'rateLimit.windowMs', 'is missing'],
    ['missing requests', { windowMs: 10 }, 'rateLimit.requests', 'is missing'],
    ['zero requests', { requests: 0, windowMs: 1000 }, 'rateLimit.requests', 'from 1 to 1000000'],
    [
      'too many requests',
      { requests: 1_000_001, windowMs: 1000 },
      'rateLimit.requests',
      'from 1 to 1000000',
    ],
    ['a fraction of a request', { requests: 1.5, windowMs: 1000 }, 'rateLimit.requests', 'integer'],
    ['a zero window', { requests: 1, windowMs: 0 }, 'rateLimit.windowMs', 'from 1 to'],
    ['true', true, 'rateLimit', 'must be false or { requests, windowMs }, got boolean'],
  ])('refuses %s, naming the field', (_, rateLimit, field, text) => {
    const error = (() => {
      try {
        createIscClient({ tenant: 'acme', auth: { accessToken: 'tok' }, rateLimit } as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isIscConfigError(error) && error.field).toBe(field);
    expect((error as Error).message).toContain(text);
  });
});
