import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isIscNetworkError,
  isIscRateLimitError,
  unwrap,
  type IscLogEvent,
  type IscRateLimitError,
} from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
const token = { auth: { accessToken: 'tok' } } as const;
const campaign = { name: 'Q3', description: 'Quarterly review', type: 'MANAGER' } as const;

/** A server answering the first `failures.length` requests with those statuses, then 200. */
async function failingThen(failures: readonly [number, Record<string, string>?][]) {
  return serve((_request, response, received) => {
    const failure = failures[received.length - 1];
    if (failure) return sendJson(response, failure[0], { message: 'try later' }, failure[1]);
    sendJson(response, 200, { id: 'ok' });
  });
}

describe('429 Retry-After', () => {
  it('waits the delta-seconds the server asks for, then retries', async () => {
    const server = await failingThen([[429, { 'retry-after': '0.05' }]]);
    const events: IscLogEvent[] = [];
    const isc = clientFor(server.origin, {
      ...token,
      logger: { warn: (event) => events.push(event) },
    });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual({ id: 'ok' });
    expect(server.received).toHaveLength(2);
    expect(events).toMatchObject([
      { type: 'retry', reason: 'rate-limited', status: 429, waitMs: 50 },
    ]);
  });

  it.each<[string, number, number]>([
    // The clock stands 40 ms before a whole second; HTTP-dates have whole seconds.
    ['a date 40 ms ahead: waits exactly that', 1000, 40],
    ['a date in the past: retries at once', -3000, 0],
  ])('honours an HTTP-date (%s)', async (_name, offset, wait) => {
    const now = Date.UTC(2026, 9, 21, 7, 28, 0) - 40;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    // A backoff (the wrong reading) would wait 4,995 ms here.
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const date = new Date(now + 40 - 1000 + offset).toUTCString();
    const server = await failingThen([[429, { 'retry-after': date }]]);
    const events: IscLogEvent[] = [];
    const isc = clientFor(server.origin, {
      ...token,
      retry: { baseDelay: 5000, maxDelay: 5000 },
      logger: { warn: (event) => events.push(event) },
    });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual({ id: 'ok' });
    expect(events).toMatchObject([{ type: 'retry', reason: 'rate-limited', waitMs: wait }]);
    expect(server.received).toHaveLength(2);
  });

  it('retries a POST on 429 (the gateway did not process it) with the same body', async () => {
    const server = await failingThen([[429, { 'retry-after': '0' }]]);
    const isc = clientFor(server.origin, token);
    await unwrap(isc.POST('/campaigns', { body: campaign }));
    expect(server.received.map((request) => request.body)).toEqual([
      JSON.stringify(campaign),
      JSON.stringify(campaign),
    ]);
  });

  it('does not wait a year: answers at once with IscRateLimitError carrying retryAfter', async () => {
    const server = await failingThen([[429, { 'retry-after': String(365 * 24 * 3600) }]]);
    const isc = clientFor(server.origin, token);
    const error = await unwrap(isc.GET('/campaigns')).catch((caught: unknown) => caught);
    expect(isIscRateLimitError(error)).toBe(true);
    expect((error as IscRateLimitError).retryAfter).toBe(31_536_000);
    expect((error as Error).message).toContain('retry after 31536000 s');
    expect(server.received).toHaveLength(1);
  });

  it('stops after maxAttempts and surfaces the last 429', async () => {
    const server = await failingThen([[429], [429], [429], [429]]);
    const isc = clientFor(server.origin, { ...token, retry: { maxAttempts: 3, baseDelay: 1 } });
    const error = await unwrap(isc.GET('/campaigns')).catch((caught: unknown) => caught);
    expect(isIscRateLimitError(error)).toBe(true);
    expect(server.received).toHaveLength(3);
  });

  it('stops when the next wait would exceed maxTotalWait', async () => {
    const server = await failingThen([
      [429, { 'retry-after': '0.03' }],
      [429, { 'retry-after': '0.03' }],
    ]);
    const isc = clientFor(server.origin, { ...token, retry: { maxTotalWait: 40 } });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(429);
    expect(server.received).toHaveLength(2);
  });
});

describe('backoff without Retry-After', () => {
  it('waits a random share of baseDelay * 2^(n-1), capped at maxDelay', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const server = await failingThen([[503], [503], [503], [503]]);
    const events: IscLogEvent[] = [];
    const isc = clientFor(server.origin, {
      ...token,
      retry: { maxAttempts: 5, baseDelay: 8, maxDelay: 20 },
      logger: { warn: (event) => events.push(event) },
    });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual({ id: 'ok' });
    expect(server.received).toHaveLength(5);
    // floor(0.999 * min(20, 8 * 2^(n-1))) for n = 1..4.
    expect(events.map((event) => event.type === 'retry' && [event.attempt, event.waitMs])).toEqual([
      [1, 7],
      [2, 15],
      [3, 19],
      [4, 19],
    ]);
  });

  it('draws the wait from [0, ceiling): Math.random() = 0 retries at once', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const server = await failingThen([[502]]);
    const events: IscLogEvent[] = [];
    const isc = clientFor(server.origin, {
      ...token,
      retry: { baseDelay: 10_000, maxDelay: 10_000 },
      logger: { warn: (event) => events.push(event) },
    });
    await unwrap(isc.GET('/campaigns'));
    expect(events).toMatchObject([
      { type: 'retry', reason: 'server-error', status: 502, waitMs: 0 },
    ]);
  });

  it('returns the last response once the waits would pass maxTotalWait', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const server = await failingThen([[503], [503], [503]]);
    const events: IscLogEvent[] = [];
    const isc = clientFor(server.origin, {
      ...token,
      // Waits of 10 and 20 ms: the second would bring the total to 30, over 29.
      retry: { maxAttempts: 5, baseDelay: 20, maxDelay: 1000, maxTotalWait: 29 },
      logger: { warn: (event) => events.push(event) },
    });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(503);
    expect(server.received).toHaveLength(2);
    expect(events.map((event) => event.type === 'retry' && event.waitMs)).toEqual([10]);
  });

  it('waits exactly maxTotalWait in all when the waits add up to it', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const server = await failingThen([[503], [503]]);
    const isc = clientFor(server.origin, {
      ...token,
      retry: { maxAttempts: 5, baseDelay: 20, maxDelay: 1000, maxTotalWait: 30 },
    });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual({ id: 'ok' });
    expect(server.received).toHaveLength(3);
  });

  it('asks for a Retry-After up to maxRetryAfter, and no longer', async () => {
    const server = await failingThen([
      [429, { 'retry-after': '0.02' }],
      [429, { 'retry-after': '0.021' }],
    ]);
    const isc = clientFor(server.origin, { ...token, retry: { maxRetryAfter: 20 } });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(429);
    expect(server.received).toHaveLength(2);
  });
});

describe('server errors and idempotency', () => {
  it.each([
    ['GET 503', 'GET', 503, 2],
    ['GET 502', 'GET', 502, 2],
    ['GET 504', 'GET', 504, 2],
    ['GET 500', 'GET', 500, 2],
    ['DELETE 503', 'DELETE', 503, 2],
    ['POST 500', 'POST', 500, 1],
    ['POST 503', 'POST', 503, 1],
    ['PATCH 502', 'PATCH', 502, 1],
    ['GET 501 (not retryable)', 'GET', 501, 1],
  ])('%s is sent %i time(s)', async (_name, method, status, times) => {
    const server = await failingThen([[status]]);
    const isc = clientFor(server.origin, token);
    const id = { params: { path: { id: 'c1' } } };
    if (method === 'GET') await isc.GET('/campaigns/{id}', id);
    if (method === 'DELETE') await isc.DELETE('/campaign-templates/{id}', id);
    if (method === 'POST') await isc.POST('/campaigns', { body: campaign });
    if (method === 'PATCH') {
      await isc.PATCH('/campaigns/{id}', {
        ...id,
        body: [{ op: 'replace', path: '/name', value: 'x' }],
      });
    }
    expect(server.received).toHaveLength(times);
  });

  it('retries a POST marked idempotent (a read-only search)', async () => {
    const server = await failingThen([[503]]);
    const isc = clientFor(server.origin, token);
    await unwrap(isc.POST('/search', { body: { indices: ['identities'] }, idempotent: true }));
    expect(server.received).toHaveLength(2);
  });

  it('retries nothing with retry: false, per client or per call', async () => {
    const server = await failingThen([[503], [503]]);
    await clientFor(server.origin, { ...token, retry: false }).GET('/campaigns');
    await clientFor(server.origin, token).GET('/campaigns', { retry: false });
    expect(server.received).toHaveLength(2);
  });
});

describe('network errors', () => {
  const refused = () =>
    new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
  const reset = () =>
    new TypeError('fetch failed', {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });

  it.each([
    ['a POST whose connection was refused (never sent)', 'POST', refused, 2],
    ['a POST whose connection was reset (maybe processed)', 'POST', reset, 1],
    ['a GET whose connection was reset', 'GET', reset, 2],
  ])('retries %s %i time(s) in all', async (_name, method, failure, attempts) => {
    const server = await serve((_request, response) => sendJson(response, 200, { id: 'ok' }));
    let calls = 0;
    const isc = clientFor(server.origin, {
      ...token,
      fetch: (url, init) => (++calls === 1 ? Promise.reject(failure()) : fetch(url, init)),
    });
    const call: Promise<{ response: Response; data?: unknown; error?: unknown }> =
      method === 'POST' ? isc.POST('/campaigns', { body: campaign }) : isc.GET('/campaigns');
    if (attempts === 1) {
      const error = await call.catch((caught: unknown) => caught);
      expect(isIscNetworkError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'ECONNRESET', method: 'POST' });
      expect((error as Error).message).toContain('read ECONNRESET');
    } else {
      await expect(unwrap(call)).resolves.toEqual({ id: 'ok' });
    }
    expect(calls).toBe(attempts);
  });

  it('reports a real refused connection as IscNetworkError after the retries', async () => {
    const server = await serve(() => undefined);
    const origin = server.origin;
    await server.close();
    const isc = clientFor(origin, token);
    const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
    expect(isIscNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', method: 'GET' });
  });
});

describe('cancellation during a retry wait', () => {
  it('rejects with the caller’s reason as soon as the signal aborts, without another attempt', async () => {
    const server = await failingThen([[429, { 'retry-after': '30' }]]);
    const isc = clientFor(server.origin, token);
    const controller = new AbortController();
    const reason = new Error('user pressed cancel');
    const call = isc.GET('/campaigns', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(call).rejects.toBe(reason);
    expect(server.received).toHaveLength(1);
  });
});
