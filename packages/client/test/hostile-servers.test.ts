// Servers that misbehave on purpose: echoing secrets in an escaped form, ignoring the paging
// parameters, lying about totals, sending unusable Retry-After or expires_in values. Each answer gets a
// typed error or a safe fallback, after a bounded number of requests.

import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createIscClient,
  isIscConfigError,
  isIscInvalidResponseError,
  unwrap,
  type IscLogEvent,
} from '../src/index.js';
import { parseRetryAfter } from '../src/internal/retry.js';
import { CLIENT_SECRET, clientFor } from './support/fixtures.js';
import { sendJson, sendToken } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const ACCESS_TOKEN = 'live/access+token=4b9e2d7c1a';

/** `text` with every character JSON-escaped as `\uXXXX`, and `/` as `\/`. */
const unicodeEscaped = (text: string) =>
  [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const slashEscaped = (text: string) => text.replaceAll('/', '\\/');

/** Every view of an error and a result that could end up in a log. */
function views(error: unknown, extra: unknown[] = []): string[] {
  return [
    (error as Error).message,
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    inspect(error, { depth: 10, showHidden: true }),
    ...extra.map((value) => JSON.stringify(value)),
    ...extra.map((value) => inspect(value, { depth: 10 })),
  ];
}

describe('a secret echoed JSON-escaped in an error body', () => {
  it.each<[string, (secret: string) => string]>([
    ['\\/ escapes', slashEscaped],
    ['\\u escapes', unicodeEscaped],
  ])('is scrubbed after decoding (%s), from the error and the returned body', async (_, escape) => {
    const server = await serve((request, response) => {
      if (request.url === '/oauth/token') return sendToken(response, ACCESS_TOKEN);
      // Written by hand: JSON.stringify would never produce these escapes.
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        `{"detailCode":"400","messages":[{"text":"token ${escape(ACCESS_TOKEN)} secret ${escape(CLIENT_SECRET)}"}],"${escape(CLIENT_SECRET)}":1}`,
      );
    });
    const isc = clientFor(server.origin);
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(400);
    const error = await unwrap(Promise.resolve(result)).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('[REDACTED]');
    for (const view of views(error, [result.error])) {
      expect(view.includes(CLIENT_SECRET), view).toBe(false);
      expect(view.includes(ACCESS_TOKEN), view).toBe(false);
    }
  });

  it('is scrubbed from the token endpoint’s error, and from a body that is not JSON', async () => {
    const server = await serve((request, response) => {
      response.writeHead(401, { 'content-type': 'text/plain' });
      response.end(`client ${unicodeEscaped(CLIENT_SECRET)} refused; {"cut": "`);
    });
    const error = await clientFor(server.origin)
      .GET('/campaigns')
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('Could not obtain an access token');
    for (const view of views(error)) {
      expect(view.includes(CLIENT_SECRET), view).toBe(false);
      // Nor in the escaped form, which anyone reading the log could decode.
      expect(view.includes(unicodeEscaped(CLIENT_SECRET).slice(0, 24)), view).toBe(false);
    }
  });
});

describe('paging against a server that ignores the paging parameters', () => {
  const page = (from: number) =>
    Array.from({ length: 250 }, (_, index) => ({ id: `item-${from + index}` }));

  it('stops paginate with a typed error when every offset gets the first page', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 200, page(0), { 'x-total-count': '1000000' }),
    );
    const isc = clientFor(server.origin, { auth: { accessToken: 'tok' } });
    let seen = 0;
    const error = await (async () => {
      for await (const _ of isc.paginate('/campaigns', { concurrency: 4 })) seen += 1;
    })().catch((caught: unknown) => caught);
    expect(isIscInvalidResponseError(error) && error.reason).toBe('no-progress');
    expect((error as Error).message).toContain('ignores offset');
    expect(seen).toBe(250);
    // The first page, the repeat, and at most the pages fetched ahead with it.
    expect(server.received.length).toBeGreaterThanOrEqual(2);
    expect(server.received.length).toBeLessThanOrEqual(5);
  });

  it('does not let a lying X-Total-Count drop items or loop', async () => {
    // The total says 10; the server really has 600 items.
    const server = await serve((request, response) => {
      const offset = Number(new URL(request.url, 'http://x').searchParams.get('offset'));
      const items = page(offset).slice(0, Math.max(0, Math.min(250, 600 - offset)));
      sendJson(response, 200, items, { 'x-total-count': '10' });
    });
    const isc = clientFor(server.origin, { auth: { accessToken: 'tok' } });
    const ids: string[] = [];
    for await (const item of isc.paginate('/campaigns', { concurrency: 4 })) ids.push(item.id!);
    expect(ids).toHaveLength(600);
    expect(new Set(ids).size).toBe(600);
    expect(server.received).toHaveLength(3);
  });

  it('stops searchAll with a typed error when searchAfter is ignored', async () => {
    const server = await serve((_request, response) =>
      sendJson(
        response,
        200,
        Array.from({ length: 3 }, (_, index) => ({ id: `i${index}`, _type: 'identity' })),
      ),
    );
    const isc = clientFor(server.origin, { auth: { accessToken: 'tok' } });
    const error = await (async () => {
      for await (const _ of isc.searchAll({ indices: ['identities'] }, { limit: 3 }));
    })().catch((caught: unknown) => caught);
    expect(isIscInvalidResponseError(error) && error.reason).toBe('no-progress');
    expect((error as Error).message).toContain('ignores searchAfter');
    expect(server.received).toHaveLength(2);
  });
});

describe('plain http: only to loopback literals', () => {
  const auth = { accessToken: 'tok' };
  it.each(['http://localhost:8080', 'http://127.0.0.1', 'http://127.9.8.7:1', 'http://[::1]:9'])(
    'accepts %s',
    (baseUrl) => {
      expect(() => createIscClient({ baseUrl, auth })).not.toThrow();
    },
  );

  it.each(['http://tenant.localhost', 'http://localhost.example.com', 'http://127.0.0.1.nip.io'])(
    'refuses %s, a name that goes to DNS',
    (baseUrl) => {
      const error = (() => {
        try {
          createIscClient({ baseUrl, auth });
        } catch (caught) {
          return caught;
        }
      })();
      expect(isIscConfigError(error) && error.field).toBe('baseUrl');
      expect((error as Error).message).toContain('not a loopback address');
    },
  );
});

describe('an unusable Retry-After', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['-5', '5, 6', 'soon', '1e3', 'Sun, 06 Nov 1994'])(
    '%j is not a wait: parses to nothing',
    (value) => {
      expect(parseRetryAfter(value, Date.now())).toBeUndefined();
    },
  );

  it('falls back to the backoff instead of retrying at once', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    let calls = 0;
    const server = await serve((_request, response) =>
      calls++ === 0
        ? sendJson(response, 429, { message: 'slow' }, { 'retry-after': '5, 6' })
        : sendJson(response, 200, []),
    );
    const events: IscLogEvent[] = [];
    const isc = clientFor(server.origin, {
      auth: { accessToken: 'tok' },
      retry: { baseDelay: 40, maxDelay: 1000 },
      logger: { warn: (event) => events.push(event) },
    });
    await unwrap(isc.GET('/campaigns'));
    expect(events).toHaveLength(1);
    // Full jitter with Math.random() = 0.5 over a 40 ms ceiling.
    expect(events[0]).toMatchObject({ type: 'retry', reason: 'rate-limited', waitMs: 20 });
  });
});

describe('a token response without a usable expires_in', () => {
  afterEach(() => vi.useRealTimers());

  it.each<[string, unknown]>([
    ['0', 0],
    ['a negative number', -30],
    ['not a number', 'soon'],
    ['missing', undefined],
  ])('(%s) is treated as short-lived, and the logger says so', async (_, expiresIn) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let tokens = 0;
    const server = await serve((request, response) => {
      if (request.url !== '/oauth/token') return sendJson(response, 200, []);
      tokens += 1;
      sendJson(response, 200, { access_token: `token-${tokens}`, expires_in: expiresIn });
    });
    const events: IscLogEvent[] = [];
    const isc = clientFor(server.origin, { logger: { info: (event) => events.push(event) } });
    await unwrap(isc.GET('/campaigns'));
    await unwrap(isc.GET('/campaigns'));
    expect(tokens).toBe(1);
    expect(events[0]).toMatchObject({ type: 'token', expiresIn: undefined });
    expect((events[0] as { message: string }).message).toContain('without a usable expires_in');
    // Well within an hour, the token is replaced: it was never cached for good.
    vi.setSystemTime(Date.now() + 61_000);
    await unwrap(isc.GET('/campaigns'));
    expect(tokens).toBe(2);
    const authorization = server.received.at(-1)?.headers.authorization;
    expect(authorization).toBe('Bearer token-2');
  });
});
