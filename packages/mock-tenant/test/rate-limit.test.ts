// The gateway rate limit: a sliding window per client ID on the tenant clock, answered with the
// API's 429 body and an honest Retry-After. Time moves with a test clock, never by sleeping.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/http/rate-limiter.js';
import { startMockTenant, type MockTenant, type MockTenantOptions } from '../src/index.js';
import { fetchToken, testClock } from './support/tenant-client.js';

const running: MockTenant[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.stop()));
});

async function start(options: MockTenantOptions) {
  const clock = testClock();
  const tenant = await startMockTenant({
    validateResponses: true,
    size: { identities: 20 },
    now: clock.now,
    ...options,
  });
  running.push(tenant);
  const token = await fetchToken(tenant);
  const call = (bearer = token) =>
    fetch(`${tenant.baseUrl}/campaigns/reports-configuration`, {
      headers: { Authorization: `Bearer ${bearer}` },
    });
  /** Status and Retry-After of one call. */
  const status = async (bearer?: string) => {
    const response = await call(bearer);
    await response.arrayBuffer();
    return `${response.status}${response.headers.has('retry-after') ? ` ${response.headers.get('retry-after')}` : ''}`;
  };
  return { tenant, clock, token, call, status };
}

describe('the gateway rate limit over HTTP', () => {
  it('admits N calls per window, then answers 429 with the API body and the seconds until a slot frees', async () => {
    const { tenant, clock, call, status } = await start({
      rateLimit: { requests: 3, windowMs: 10_000 },
    });
    expect([await status(), await status(), await status()]).toEqual(['200', '200', '200']);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(await limited.json()).toEqual({ message: ' Rate Limit Exceeded ' });
    clock.advance(4_000);
    expect(await status()).toBe('429 6');
    clock.advance(6_000);
    expect(await status()).toBe('200');
    expect(tenant.stats()).toMatchObject({
      rateLimitHits: 2,
      faults: { rateLimited: 0 },
      responses: { 200: 5, 429: 2 }, // the token, then the four admitted calls
      requests: { getCampaignReportsConfig: 6 },
    });
  });

  it('slides: a slot frees when the oldest call leaves the window, not when a fixed window ends', async () => {
    const { clock, status } = await start({ rateLimit: { requests: 3, windowMs: 10_000 } });
    expect(await status()).toBe('200'); // t = 0
    clock.advance(4_000);
    expect(await status()).toBe('200'); // t = 4 s
    clock.advance(4_000);
    expect(await status()).toBe('200'); // t = 8 s
    clock.advance(1_999);
    expect(await status()).toBe('429 1'); // t = 9.999 s: the call at 0 leaves at 10 s
    clock.advance(1);
    expect(await status()).toBe('200'); // t = 10 s: it has left
    clock.advance(500);
    expect(await status()).toBe('429 4'); // t = 10.5 s: the call at 4 s leaves at 14 s (3.5 s)
  });

  it('rounds Retry-After up, so it is never 0 while the next call would be refused', async () => {
    const { clock, status } = await start({ rateLimit: { requests: 1, windowMs: 1_500 } });
    expect(await status()).toBe('200');
    expect(await status()).toBe('429 2');
    clock.advance(1_499);
    expect(await status()).toBe('429 1');
    clock.advance(1);
    expect(await status()).toBe('200');
  });

  it('counts per client ID: every token of the client shares one budget', async () => {
    const { tenant, status } = await start({ rateLimit: { requests: 2, windowMs: 10_000 } });
    const second = await fetchToken(tenant);
    expect(await status()).toBe('200');
    expect(await status(second)).toBe('200');
    expect(await status(second)).toBe('429 10');
    expect(await status()).toBe('429 10');
  });

  it('leaves the token endpoint alone, and counts no 401 and no injected fault', async () => {
    const { tenant, clock, status } = await start({
      rateLimit: { requests: 1, windowMs: 10_000 },
    });
    for (let n = 0; n < 5; n++) await fetchToken(tenant);
    expect(await status('not-a-token')).toBe('401');
    tenant.setFaults({ serverErrorRate: 1 });
    expect(['500', '503']).toContain(await status());
    tenant.setFaults({});
    expect(await status()).toBe('200');
    expect(await status()).toBe('429 10');
    clock.advance(10_000);
    expect(await status()).toBe('200');
    expect(tenant.stats()).toMatchObject({ tokensIssued: 6, rateLimitHits: 1, unauthorized: 1 });
  });

  it('never cuts the body of its 429 or of a 401 (the operation did not run)', async () => {
    const { tenant, call } = await start({
      rateLimit: { requests: 1, windowMs: 10_000 },
      faults: { truncatedBodyRate: 1 },
    });
    await expect((await call()).text()).rejects.toThrow(); // admitted, ran, cut short
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ message: ' Rate Limit Exceeded ' });
    const unauthorized = await call('not-a-token');
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ error: 'JWT validation failed: JWT is not valid' });
    expect(tenant.stats()).toMatchObject({ rateLimitHits: 1, faults: { truncatedBody: 1 } });
  });

  it('means the documented 100 requests per 10 seconds with rateLimit: true', async () => {
    const { clock, status } = await start({ rateLimit: true });
    const statuses: string[] = [];
    for (let n = 0; n < 100; n++) {
      statuses.push(await status());
      clock.advance(50); // 100 calls in 4.95 s
    }
    expect(statuses).toHaveLength(100);
    expect(statuses.every((s) => s === '200')).toBe(true);
    expect(await status()).toBe('429 5'); // t = 5 s: the first call leaves at 10 s
  });

  it('is off by default', async () => {
    const { tenant, status } = await start({});
    for (let n = 0; n < 150; n++) expect(await status()).toBe('200');
    expect(tenant.stats().rateLimitHits).toBe(0);
  });

  it('resetStats clears rateLimitHits', async () => {
    const { tenant, status } = await start({ rateLimit: { requests: 1 } });
    await status();
    expect(await status()).toBe('429 10');
    expect(tenant.stats().rateLimitHits).toBe(1);
    tenant.resetStats();
    expect(tenant.stats().rateLimitHits).toBe(0);
  });

  it.each([
    ['no requests at all', { requests: 0 }, 'rateLimit.requests'],
    ['a fractional request count', { requests: 2.5 }, 'rateLimit.requests'],
    ['an empty window', { windowMs: 0 }, 'rateLimit.windowMs'],
    ['an endless window', { windowMs: Number.POSITIVE_INFINITY }, 'rateLimit.windowMs'],
    ['a number instead of an object', 100, 'rateLimit'],
  ])('refuses %s at start, naming the option', async (_name, rateLimit, option) => {
    await expect(
      startMockTenant({ rateLimit: rateLimit as MockTenantOptions['rateLimit'] }),
    ).rejects.toMatchObject({ name: 'MockTenantOptionsError', option });
  });
});

// Property tests over the limiter itself, with random arrival times: at most N admissions in any
// window, and a Retry-After that is exactly right to the second.
const runs = Number(process.env['MOCK_TENANT_PROPERTY_RUNS'] ?? 300);
const seed = Number(process.env['MOCK_TENANT_PROPERTY_SEED'] ?? 20_261_017);

describe(`RateLimiter properties (${runs} runs, seed ${seed}; fast-check prints the seed of a failure)`, () => {
  // Times in whole units of 500 ms or of 1 ms: either way calls often land exactly where an older
  // one leaves the window, which is where an off-by-one would hide; 500 ms units give Retry-After
  // values of many seconds.
  const scenario = fc.constantFrom(500, 1).chain((unit) =>
    fc.record({
      requests: fc.integer({ min: 1, max: 12 }),
      windowMs: fc.integer({ min: 1, max: 40 }).map((n) => n * unit),
      gaps: fc.array(
        fc.integer({ min: 0, max: 12 }).map((n) => n * unit),
        { minLength: 1, maxLength: 200 },
      ),
    }),
  );

  it('never admits more than N calls in any window of windowMs', () => {
    fc.assert(
      fc.property(scenario, ({ requests, windowMs, gaps }) => {
        let now = 0;
        const limiter = new RateLimiter({ requests, windowMs }, () => now);
        const admitted: number[] = [];
        for (const gap of gaps) {
          now += gap;
          if (limiter.admit('client') === undefined) admitted.push(now);
        }
        expect(admitted.length).toBeGreaterThan(0);
        // Any N + 1 consecutive admissions span at least a full window.
        for (let i = requests; i < admitted.length; i++) {
          expect(admitted[i]! - admitted[i - requests]!).toBeGreaterThanOrEqual(windowMs);
        }
      }),
      { numRuns: runs, seed },
    );
  });

  it('answers like a naive sliding log: admit while fewer than N calls lie in the last windowMs, else wait until the oldest leaves', () => {
    fc.assert(
      fc.property(scenario, ({ requests, windowMs, gaps }) => {
        let now = 0;
        const limiter = new RateLimiter({ requests, windowMs }, () => now);
        const admitted: number[] = [];
        let refusals = 0;
        for (const gap of gaps) {
          now += gap;
          const inWindow = admitted.filter((time) => time > now - windowMs);
          const expected =
            inWindow.length < requests
              ? undefined
              : Math.ceil((inWindow[0]! + windowMs - now) / 1000);
          const answer = limiter.admit('client');
          expect(answer).toBe(expected);
          if (answer === undefined) admitted.push(now);
          else {
            refusals += 1;
            // Honest: waiting that long frees a slot; a second less does not.
            expect(inWindow[0]! + windowMs).toBeLessThanOrEqual(now + answer * 1000);
            expect(inWindow[0]! + windowMs).toBeGreaterThan(now + (answer - 1) * 1000);
          }
        }
        expect(admitted.length + refusals).toBe(gaps.length);
      }),
      { numRuns: runs, seed },
    );
  });

  it('keeps one budget per client ID', () => {
    const limiter = new RateLimiter({ requests: 2, windowMs: 1_000 }, () => 0);
    expect([limiter.admit('a'), limiter.admit('a'), limiter.admit('a')]).toEqual([
      undefined,
      undefined,
      1,
    ]);
    expect([limiter.admit('b'), limiter.admit('b')]).toEqual([undefined, undefined]);
  });
});
