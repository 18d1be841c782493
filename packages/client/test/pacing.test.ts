// Client-side pacing under a rate limit. The injected fetch records when each request was handed to
// it, so the assertions are about the client's own schedule, not about a loaded machine's timing.

import { describe, expect, it } from 'vitest';
import {
  createIscClient,
  isIscConfigError,
  isIscTimeoutError,
  unwrap,
  type IscClientOptions,
  type IscLogEvent,
} from '../src/index.js';
import { resolveOptions, TENANT_RATE_LIMIT } from '../src/internal/config.js';
import { Pacer } from '../src/internal/pacing.js';
import { nodePlatform } from './support/fixtures.js';

let origins = 0;

/** A fresh origin per test, so that tests do not share a process-wide budget by accident. */
function freshOrigin(): string {
  origins += 1;
  return `http://127.0.0.${origins % 250}:${10_000 + origins}`;
}

interface Recorder {
  readonly sent: number[];
  readonly fetch: NonNullable<IscClientOptions['fetch']>;
}

/** A fetch that answers `answer(n)` (200 [] by default) and records the time of every request. */
function recorder(answer: (index: number) => Response = () => ok()): Recorder {
  const sent: number[] = [];
  return {
    sent,
    fetch: async () => {
      sent.push(Date.now());
      return answer(sent.length - 1);
    },
  };
}

function ok(): Response {
  return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
}

/** The largest number of requests that started within any `windowMs`. */
function busiestWindow(sent: readonly number[], windowMs: number): number {
  let most = 0;
  for (let start = 0, end = 0; end < sent.length; end++) {
    while ((sent[end] as number) - (sent[start] as number) >= windowMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

const auth = { clientId: 'pacing-client', clientSecret: 'pacing-secret-1234' };

describe('pacing under rateLimit', () => {
  it('keeps every window under the limit, in order, and sends each request once', async () => {
    const { sent, fetch } = recorder();
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 5, windowMs: 100 },
      fetch,
    });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 17 }, (_, index) =>
        unwrap(isc.GET('/campaigns', { params: { query: { offset: index } } })),
      ),
    );
    expect(results).toHaveLength(17);
    expect(sent).toHaveLength(17);
    expect(busiestWindow(sent, 100)).toBeLessThanOrEqual(5);
    // 17 requests at 5 per 100 ms need at least three full windows before the last one starts.
    expect((sent.at(-1) as number) - started).toBeGreaterThanOrEqual(300);
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
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent).toHaveLength(2);
    answer();
    await expect(Promise.all(calls)).resolves.toHaveLength(3);
    expect(sent).toHaveLength(3);
    expect(
      (sent[2] as number) - Math.max(answered[0] as number, answered[1] as number),
    ).toBeGreaterThanOrEqual(50);
  });

  it('shares one budget between clients with the same credentials and origin', async () => {
    const baseUrl = freshOrigin();
    const { sent, fetch } = recorder();
    const tokenFetch = async (url: string, init: RequestInit) =>
      url.endsWith('/oauth/token')
        ? new Response(JSON.stringify({ access_token: 'tok', expires_in: 600 }), {
            headers: { 'content-type': 'application/json' },
          })
        : fetch(url, init);
    const options = { baseUrl, auth, rateLimit: { requests: 4, windowMs: 100 }, fetch: tokenFetch };
    const first = createIscClient(options);
    const second = createIscClient(options);
    const waits: IscLogEvent[] = [];
    const other = createIscClient({
      ...options,
      auth: { ...auth, clientId: 'another-client' },
      logger: { debug: (event) => event.type === 'pacing' && waits.push(event) },
    });
    await Promise.all([
      ...Array.from({ length: 6 }, () => unwrap(first.GET('/campaigns'))),
      ...Array.from({ length: 6 }, () => unwrap(second.GET('/campaigns'))),
    ]);
    expect(sent).toHaveLength(12);
    expect(busiestWindow(sent, 100)).toBeLessThanOrEqual(4);
    // Another client id has its own budget: its four requests wait for nobody.
    await Promise.all(Array.from({ length: 4 }, () => unwrap(other.GET('/campaigns'))));
    expect(sent).toHaveLength(16);
    expect(waits).toEqual([]);
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
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rest = Array.from({ length: 3 }, () => isc.GET('/campaigns'));
    const results = await Promise.all([first, ...rest]);
    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200, 200]);
    expect(sent).toHaveLength(5);
    // Nothing was sent during the second the server asked for.
    expect(sent.slice(1).every((at) => at - (sent[0] as number) >= 1000)).toBe(true);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(1);
  });

  it('lets the caller’s signal cancel a queued request, which is then never sent', async () => {
    const { sent, fetch } = recorder();
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 1, windowMs: 10_000 },
      fetch,
    });
    await unwrap(isc.GET('/campaigns'));
    const controller = new AbortController();
    const queued = isc.GET('/campaigns', { signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await expect(queued).rejects.toThrow('user cancelled');
    expect(sent).toHaveLength(1);
  });

  it('keeps a Node process alive while a request waits for its turn, and no longer once it gives up', async () => {
    // Timers that keep the event loop alive; an unref'd timer is not among them. Without this, a
    // script whose only pending work is paced requests exits in the middle of the job, with code 0.
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

  it('counts the wait toward the call’s timeout', async () => {
    const { sent, fetch } = recorder();
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 1, windowMs: 10_000 },
      fetch,
    });
    await unwrap(isc.GET('/campaigns'));
    const error = await isc.GET('/campaigns', { timeout: 50 }).catch((caught: unknown) => caught);
    expect(isIscTimeoutError(error)).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('tells the logger how long a request waited and how many were ahead', async () => {
    const { fetch } = recorder();
    const events: IscLogEvent[] = [];
    const isc = createIscClient({
      baseUrl: freshOrigin(),
      auth: { accessToken: 'tok' },
      rateLimit: { requests: 1, windowMs: 40 },
      fetch,
      logger: { debug: (event) => events.push(event) },
    });
    await Promise.all(Array.from({ length: 3 }, () => unwrap(isc.GET('/campaigns'))));
    const waits = events.filter((event) => event.type === 'pacing');
    expect(waits).toHaveLength(2);
    expect(waits.map((event) => event.type === 'pacing' && event.queued)).toEqual([0, 1]);
    expect(waits.every((event) => event.type === 'pacing' && event.waitMs >= 30)).toBe(true);
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
    expect(resolve({ baseUrl: 'http://127.0.0.1:9000/v3' })).toBeUndefined();
    expect(resolve({ tenant: 'acme', rateLimit: false })).toBeUndefined();
    expect(
      resolve({ baseUrl: 'http://127.0.0.1:9000', rateLimit: { requests: 40, windowMs: 1000 } }),
    ).toEqual({
      requests: 40,
      windowMs: 1000,
    });
  });

  it.each<[string, unknown, string]>([
    ['a missing window', { requests: 10 }, 'rateLimit.windowMs'],
    ['zero requests', { requests: 0, windowMs: 1000 }, 'rateLimit.requests'],
    ['true', true, 'rateLimit'],
  ])('refuses %s, naming the field', (_, rateLimit, field) => {
    const error = (() => {
      try {
        createIscClient({ tenant: 'acme', auth: { accessToken: 'tok' }, rateLimit } as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isIscConfigError(error) && error.field).toBe(field);
  });
});
