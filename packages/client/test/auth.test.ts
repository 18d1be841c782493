import { afterEach, describe, expect, it, vi } from 'vitest';
import { isIscAuthError, unwrap, type IscAuthError } from '../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, clientFor } from './support/fixtures.js';
import { sendJson, sendToken } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
afterEach(() => vi.useRealTimers());

/** A tenant whose tokens are `token-1`, `token-2`, ...; the API accepts only the latest one. */
async function tenant(options: { expiresIn?: number; tokenDelayMs?: number } = {}) {
  let issued = 0;
  const server = await serve(async (request, response) => {
    if (request.url === '/oauth/token') {
      if (options.tokenDelayMs)
        await new Promise((resolve) => setTimeout(resolve, options.tokenDelayMs));
      issued += 1;
      return sendToken(response, `token-${issued}`, options.expiresIn);
    }
    if (request.headers.authorization !== `Bearer token-${issued}`) {
      return sendJson(response, 401, { error: 'JWT validation failed: JWT is expired' });
    }
    sendJson(response, 200, { id: 'c1', name: 'Q3 review' });
  });
  return { server, issued: () => issued, revoke: () => (issued += 1) };
}

describe('client credentials', () => {
  it('sends the credentials form-encoded to {origin}/oauth/token', async () => {
    const { server } = await tenant();
    const isc = clientFor(server.origin);
    await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } }));
    const [token] = server.requestsTo('/oauth/token');
    expect(token?.method).toBe('POST');
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(server.requestsTo('/v3/campaigns/c1')[0]?.headers.authorization).toBe('Bearer token-1');
  });

  it('makes exactly one token request for 100 concurrent calls on a cold client', async () => {
    const { server, issued } = await tenant({ tokenDelayMs: 30 });
    const isc = clientFor(server.origin);
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } }),
      ),
    );
    expect(results).toHaveLength(100);
    expect(results.filter((result) => result.response.status !== 200)).toEqual([]);
    expect(issued()).toBe(1);
    expect(server.requestsTo('/oauth/token')).toHaveLength(1);
  });

  it.each<[string, number, Record<string, number>, number]>([
    ['the default margin of 60 s', 600, {}, 540_000],
    ['a margin of its own', 600, { tokenRefreshMargin: 5_000 }, 595_000],
    ['a margin capped at half a short lifetime', 100, {}, 50_000],
    ['expires_in as a string of digits', '600' as unknown as number, {}, 540_000],
  ])(
    'reuses the cached token until its lifetime less %s, then fetches one',
    async (_name, expiresIn, options, refreshAfter) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const { server } = await tenant({ expiresIn });
      const isc = clientFor(server.origin, options);
      const get = () => unwrap(isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } }));
      const start = Date.now();
      await get();
      vi.setSystemTime(start + refreshAfter - 1);
      await get();
      expect(server.requestsTo('/oauth/token')).toHaveLength(1);
      vi.setSystemTime(start + refreshAfter);
      await Promise.all([get(), get(), get()]);
      expect(server.requestsTo('/oauth/token')).toHaveLength(2);
      expect(server.received.at(-1)?.headers.authorization).toBe('Bearer token-2');
    },
  );

  it('refreshes once after a 401 and retries the request once', async () => {
    const { server, revoke } = await tenant();
    const isc = clientFor(server.origin);
    const get = () => unwrap(isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } }));
    await get();
    revoke(); // the server now wants a token the client does not have yet
    await expect(get()).resolves.toEqual({ id: 'c1', name: 'Q3 review' });
    expect(server.requestsTo('/oauth/token')).toHaveLength(2);
    expect(server.requestsTo('/v3/campaigns/c1')).toHaveLength(3);
  });

  it('gives up after one refresh when the API keeps answering 401', async () => {
    const server = await serve((request, response) =>
      request.url === '/oauth/token'
        ? sendToken(response, 'never-good')
        : sendJson(response, 401, { error: 'JWT validation failed' }),
    );
    const isc = clientFor(server.origin);
    const result = await isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } });
    expect(result.response.status).toBe(401);
    const error = await unwrap(Promise.resolve(result)).catch((caught: unknown) => caught);
    expect(isIscAuthError(error)).toBe(true);
    expect((error as IscAuthError).source).toBe('api');
    expect((error as IscAuthError).messages).toEqual(['JWT validation failed']);
    expect(server.requestsTo('/oauth/token')).toHaveLength(2);
    expect(server.requestsTo('/v3/campaigns/c1')).toHaveLength(2);
  });

  it.each([
    [
      '401 invalid_client',
      401,
      { error: 'invalid_client', error_description: 'Bad credentials' },
      'Bad credentials',
    ],
    ['400 with an HTML page', 400, '<html>nope</html>', 'body (not JSON)'],
    ['200 without access_token', 200, { token_type: 'bearer' }, 'without a usable access_token'],
  ])(
    'turns a token endpoint failure (%s) into IscAuthError without looping',
    async (_name, status, body, text) => {
      const server = await serve((request, response) => {
        if (typeof body === 'string') {
          response.writeHead(status, { 'content-type': 'text/html' });
          return response.end(body);
        }
        sendJson(response, status, body);
      });
      const isc = clientFor(server.origin);
      const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
      expect(isIscAuthError(error)).toBe(true);
      expect((error as IscAuthError).source).toBe('token-endpoint');
      expect((error as Error).message).toContain('Could not obtain an access token');
      expect((error as Error).message).toContain(text);
      expect(server.requestsTo('/oauth/token')).toHaveLength(1);
      expect(server.requestsTo('/v3/campaigns')).toHaveLength(0);
    },
  );

  it('retries a token endpoint 503 like any idempotent request', async () => {
    const server = await serve((request, response, received) => {
      if (request.url !== '/oauth/token') return sendJson(response, 200, []);
      if (received.length === 1) return sendJson(response, 503, { message: 'busy' });
      sendToken(response, 'token-after-503');
    });
    const isc = clientFor(server.origin);
    await unwrap(isc.GET('/campaigns'));
    expect(server.requestsTo('/oauth/token')).toHaveLength(2);
  });

  it('never follows a redirect of the token request (the secret is in its body)', async () => {
    const elsewhere = await serve((_request, response) => sendToken(response, 'stolen'));
    const server = await serve((_request, response) => {
      response.writeHead(307, { location: `${elsewhere.origin}/oauth/token` });
      response.end();
    });
    const isc = clientFor(server.origin);
    await expect(isc.GET('/campaigns')).rejects.toThrow(/does not follow redirects/);
    expect(elsewhere.received).toHaveLength(0);
  });
});

describe('access tokens', () => {
  it('sends a static token and treats a 401 as final', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 401, { error: 'expired' }),
    );
    const isc = clientFor(server.origin, { auth: { accessToken: 'static-token' } });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(401);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.headers.authorization).toBe('Bearer static-token');
  });

  it('asks an async provider before each request and once more after a 401', async () => {
    let calls = 0;
    const server = await serve((request, response) =>
      request.headers.authorization === 'Bearer fresh-2'
        ? sendJson(response, 200, [])
        : sendJson(response, 401, { error: 'expired' }),
    );
    const isc = clientFor(server.origin, {
      auth: { accessToken: async () => `fresh-${++calls}` },
    });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual([]);
    expect(calls).toBe(2);
    expect(server.received.map((request) => request.headers.authorization)).toEqual([
      'Bearer fresh-1',
      'Bearer fresh-2',
    ]);
  });

  it('rejects with the provider’s own error', async () => {
    const isc = clientFor('http://127.0.0.1:9', {
      auth: { accessToken: () => Promise.reject(new Error('vault is sealed')) },
    });
    await expect(isc.GET('/campaigns')).rejects.toThrow('vault is sealed');
  });
});

describe('the Authorization header stays on the API origin', () => {
  it('is not sent to another origin given as a per-call baseUrl', async () => {
    const other = await serve((_request, response) => sendJson(response, 200, []));
    const isc = clientFor('http://127.0.0.1:9', { auth: { accessToken: 'api-token' } });
    await unwrap(isc.GET('/campaigns', { baseUrl: `${other.origin}/v3` }));
    expect(other.received[0]?.headers.authorization).toBeUndefined();
  });

  it('is dropped when a redirect leaves the origin, and kept on a same-origin redirect', async () => {
    const other = await serve((_request, response) => sendJson(response, 200, [{ id: 'x' }]));
    const api = await serve((request, response) => {
      if (request.url === '/v3/campaigns') {
        response.writeHead(302, { location: '/v3/campaigns-moved' });
        return response.end();
      }
      response.writeHead(307, { location: `${other.origin}/somewhere` });
      response.end();
    });
    const isc = clientFor(api.origin, { auth: { accessToken: 'api-token' } });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual([{ id: 'x' }]);
    expect(api.received.map((request) => request.headers.authorization)).toEqual([
      'Bearer api-token',
      'Bearer api-token',
    ]);
    expect(other.received[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses a redirect to plain http: on a host that is not loopback', async () => {
    const api = await serve((_request, response) => {
      response.writeHead(302, { location: 'http://example.com/v3/campaigns' });
      response.end();
    });
    const isc = clientFor(api.origin, { auth: { accessToken: 'api-token' } });
    await expect(isc.GET('/campaigns')).rejects.toThrow(/refused a redirect to plain http:/);
  });
});
