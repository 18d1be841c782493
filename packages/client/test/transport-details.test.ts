// Details of the transport a caller can observe: what the logger is told, how a 401 refresh counts
// against the retry budget, bodies a middleware rebuilt, streamed bodies on the wire, responses
// without a body.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { unwrap, type IscLogEvent } from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import { json, scriptedFetch } from './support/scripted-fetch.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const API = 'https://isc.example.test';
const token = { auth: { accessToken: 'tok' } } as const;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('what the logger is told', () => {
  it('describes every request, response, retry and re-authentication', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const events: IscLogEvent[] = [];
    const log = (event: IscLogEvent) => events.push(event);
    const scripted = scriptedFetch((call, index) => {
      if (call.url.endsWith('/oauth/token'))
        return json({ access_token: `t${index}`, expires_in: 600 });
      if (call.headers['authorization'] === 'Bearer t0') return json({ error: 'expired' }, 401);
      return index === 3 ? json({ message: 'busy' }, 503) : json([]);
    });
    const isc = clientFor(API, {
      fetch: scripted.fetch,
      logger: { debug: log, info: log, warn: log },
    });
    await unwrap(isc.GET('/campaigns'));
    const url = `${API}/v3/campaigns`;
    expect(events).toEqual([
      {
        type: 'request',
        message: `POST ${API}/oauth/token`,
        method: 'POST',
        url: `${API}/oauth/token`,
        attempt: 1,
      },
      {
        type: 'response',
        message: `POST ${API}/oauth/token -> 200`,
        method: 'POST',
        url: `${API}/oauth/token`,
        attempt: 1,
        status: 200,
        durationMs: 0,
      },
      {
        type: 'token',
        message: `Obtained an access token from ${API}/oauth/token`,
        expiresIn: 600,
        durationMs: 0,
      },
      { type: 'request', message: `GET ${url}`, method: 'GET', url, attempt: 1 },
      {
        type: 'response',
        message: `GET ${url} -> 401`,
        method: 'GET',
        url,
        attempt: 1,
        status: 401,
        durationMs: 0,
      },
      {
        type: 'reauthenticate',
        message: `GET ${url} answered 401; fetching a new token and retrying once`,
        method: 'GET',
        url,
      },
      {
        type: 'request',
        message: `POST ${API}/oauth/token`,
        method: 'POST',
        url: `${API}/oauth/token`,
        attempt: 1,
      },
      expect.objectContaining({ type: 'response', status: 200 }),
      expect.objectContaining({ type: 'token' }),
      { type: 'request', message: `GET ${url}`, method: 'GET', url, attempt: 1 },
      {
        type: 'response',
        message: `GET ${url} -> 503`,
        method: 'GET',
        url,
        attempt: 1,
        status: 503,
        durationMs: 0,
      },
      {
        type: 'retry',
        message: `GET ${url}: attempt 1 failed (503), retrying in 0 ms`,
        method: 'GET',
        url,
        attempt: 1,
        reason: 'server-error',
        status: 503,
        waitMs: 0,
      },
      { type: 'request', message: `GET ${url}`, method: 'GET', url, attempt: 2 },
      {
        type: 'response',
        message: `GET ${url} -> 200`,
        method: 'GET',
        url,
        attempt: 2,
        status: 200,
        durationMs: 0,
      },
    ]);
  });

  it('names the reason of a retry without a status', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const events: IscLogEvent[] = [];
    let calls = 0;
    const isc = clientFor(API, {
      ...token,
      logger: { warn: (event) => events.push(event) },
      fetch: async () => {
        if (calls++ === 0) throw new TypeError('fetch failed');
        return json([]);
      },
    });
    await unwrap(isc.GET('/campaigns'));
    expect(events).toEqual([
      expect.objectContaining({
        message: `GET ${API}/v3/campaigns: attempt 1 failed (network-error), retrying in 0 ms`,
        status: undefined,
      }),
    ]);
  });
});

describe('a 401 refresh and the retry budget', () => {
  it('does not count the request answered 401 as an attempt', async () => {
    const scripted = scriptedFetch((call, index) => {
      if (call.url.endsWith('/oauth/token'))
        return json({ access_token: `t${index}`, expires_in: 600 });
      if (call.headers['authorization'] === 'Bearer t0') return json({ error: 'expired' }, 401);
      return index < 5 ? json({ message: 'busy' }, 503) : json({ id: 'ok' });
    });
    const isc = clientFor(API, { fetch: scripted.fetch, retry: { maxAttempts: 3, baseDelay: 1 } });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual({ id: 'ok' });
    // token, 401, token, then three attempts: 503, 503, 200.
    expect(scripted.calls.map((call) => call.url.split('/').at(-1))).toEqual([
      'token',
      'campaigns',
      'token',
      'campaigns',
      'campaigns',
      'campaigns',
    ]);
  });

  it('pauses a paced client for a second after a 429 without Retry-After', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const sent: number[] = [];
    const start = Date.now();
    const isc = clientFor(`http://127.0.0.${(start % 200) + 20}:9`, {
      auth: { accessToken: `pause-${start}` },
      rateLimit: { requests: 100, windowMs: 1000 },
      retry: { baseDelay: 1, maxDelay: 1 },
      fetch: async () => {
        sent.push(Date.now() - start);
        return sent.length === 1 ? json({ message: 'slow' }, 429) : json([]);
      },
    });
    const call = unwrap(isc.GET('/campaigns'));
    for (let step = 0; step < 200 && sent.length < 2; step++) await vi.advanceTimersByTimeAsync(10);
    await call;
    expect(sent).toEqual([0, 1000]);
  });
});

describe('bodies on the wire', () => {
  it('sends the body of a request a middleware rebuilt', async () => {
    const server = await serve((request, response) =>
      sendJson(response, 202, { got: request.body }),
    );
    const isc = clientFor(server.origin, token);
    isc.use({
      onRequest: ({ request }) => new Request(request, { headers: { 'x-rebuilt': '1' } }),
    });
    const body = { name: 'Q3', description: 'd', type: 'MANAGER' } as const;
    await expect(unwrap(isc.POST('/campaigns', { body }))).resolves.toEqual({
      got: JSON.stringify(body),
    });
    expect(server.received[0]?.headers['x-rebuilt']).toBe('1');
  });

  it('streams a ReadableStream body to the server (sent once, half duplex)', async () => {
    const server = await serve((request, response) =>
      sendJson(response, 200, { got: request.body }),
    );
    const isc = clientFor(server.origin, token);
    const chunks = ['{"indices":', '["identities"]}'];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const send = isc.request as unknown as (
      m: string,
      p: string,
      i: object,
    ) => Promise<{ data?: unknown }>;
    const result = await send('POST', '/search', {
      body,
      bodySerializer: (value: unknown) => value,
      duplex: 'half',
    });
    expect(result.data).toEqual({ got: '{"indices":["identities"]}' });
  });

  it('keeps a PATCH body’s own content type', async () => {
    const scripted = scriptedFetch(() => json({}));
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    await isc.PATCH('/campaigns/{id}', {
      params: { path: { id: 'c1' } },
      body: [],
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    expect(scripted.calls[0]?.headers['content-type']).toBe('application/merge-patch+json');
  });

  it('names the path without the base when a path parameter is missing', async () => {
    const scripted = scriptedFetch(() => json({}));
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    const get = isc.GET as unknown as (path: string, init?: object) => Promise<unknown>;
    await expect(get('/certifications/{id}/access-review-items?x=1')).rejects.toMatchObject({
      name: 'IscPathParamError',
      param: 'id',
      path: '/certifications/{id}/access-review-items',
      message:
        'Path parameter "id" of /certifications/{id}/access-review-items is missing (no params.path given)',
    });
    expect(scripted.calls).toHaveLength(0);
  });
});

describe('responses without a body', () => {
  it.each([204, 205, 304])('hands a %i on without a body', async (status) => {
    const scripted = scriptedFetch(() => new Response(null, { status }));
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(status);
    expect(result.response.body).toBeNull();
  });

  it('describes a chunked body by its length once read', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[{"id":');
      response.end('"c1"}]');
    });
    const isc = clientFor(server.origin, token);
    const result = await isc.GET('/campaigns');
    expect(result.data).toEqual([{ id: 'c1' }]);
    expect(result.response.headers.get('transfer-encoding')).toBeNull();
    expect(result.response.headers.get('content-length')).toBe('13');
  });

  it('says when JSON ends early, without the parser’s text', async () => {
    const scripted = scriptedFetch(
      () =>
        new Response('{"id": "c1", "name": ', { headers: { 'content-type': 'application/json' } }),
    );
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
    expect((error as Error).message).toContain(
      'the body is not valid JSON (it ends early or is not JSON); the body starts with: {"id": "c1", "name":',
    );
  });
});

describe('a request a middleware rebuilt', () => {
  it('still follows the caller’s signal', async () => {
    const isc = clientFor(API, {
      ...token,
      fetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    isc.use({ onRequest: ({ request }) => new Request(request) });
    const controller = new AbortController();
    const reason = new Error('left the page');
    const call = isc.GET('/campaigns', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 5);
    await expect(call).rejects.toBe(reason);
  });
});

/** A response whose body stream records whether it was cancelled (released unread). */
function trackedResponse(status: number, headers: Record<string, string> = {}) {
  const state = { cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"message":"not read"}'));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { state, response: new Response(body, { status, headers }) };
}

describe('bodies the client does not read', () => {
  it('are released before a redirect and before a retry', async () => {
    const moved = trackedResponse(302, { location: '/v3/elsewhere' });
    const busy = trackedResponse(503);
    const scripted = scriptedFetch((_call, index) =>
      index === 0 ? moved.response : index === 1 ? busy.response : json([]),
    );
    const isc = clientFor(API, { ...token, retry: { baseDelay: 1 }, fetch: scripted.fetch });
    await unwrap(isc.GET('/campaigns'));
    expect(scripted.calls).toHaveLength(3);
    expect(moved.state.cancelled).toBe(true);
    expect(busy.state.cancelled).toBe(true);
  });
});

describe('responses the client passes on', () => {
  it('hands a network-error response (status 0) to the caller as it is', async () => {
    const scripted = scriptedFetch(() => Response.error());
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(0);
    expect(result.response.type).toBe('error');
  });

  it('does not follow the Location of a 201 Created', async () => {
    const scripted = scriptedFetch(() =>
      json({ id: 'c1' }, 201, { location: `${API}/v3/campaigns/c1` }),
    );
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    const body = { name: 'Q3', description: 'd', type: 'MANAGER' } as const;
    await expect(unwrap(isc.POST('/campaigns', { body }))).resolves.toEqual({ id: 'c1' });
    expect(scripted.calls).toHaveLength(1);
  });

  it('never rewrites a success body, even one that looks like it holds credentials', async () => {
    const text = '{ "description": "Send Bearer tokens; token=abc", "jwt": "eyJa.eyJb.c" }';
    const scripted = scriptedFetch(
      () => new Response(text, { headers: { 'content-type': 'application/json' } }),
    );
    const isc = clientFor(API, { auth: { accessToken: 'abc-token' }, fetch: scripted.fetch });
    const { data } = await isc.GET('/campaigns', { parseAs: 'text' });
    expect(data).toBe(text);
  });

  it('scrubs the token from a 300 error body too', async () => {
    const scripted = scriptedFetch(() => json({ message: 'choose: live-token-123' }, 300));
    const isc = clientFor(API, { auth: { accessToken: 'live-token-123' }, fetch: scripted.fetch });
    const result = await isc.GET('/campaigns');
    expect(result.error).toEqual({ message: 'choose: [REDACTED]' });
  });

  it('gives a middleware reading an empty success body as JSON the typed error', async () => {
    const scripted = scriptedFetch(() => new Response(null, { status: 200 }));
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    let read: unknown;
    isc.use({
      onResponse: async ({ response }) => {
        read = await response.json().catch((caught: unknown) => caught);
      },
    });
    await isc.GET('/campaigns');
    expect(read).toMatchObject({
      name: 'IscInvalidResponseError',
      reason: 'invalid-json',
      excerpt: '',
    });
    expect((read as Error).message).toContain('(it ends early or is not JSON)');
  });

  it('names the method and list path when a middleware answers a page with something else', async () => {
    const isc = clientFor(API, { ...token, fetch: async () => json([]) });
    isc.use({ onRequest: () => json({ not: 'a list' }) });
    const error = await (async () => {
      for await (const _item of isc.paginate('/campaigns'));
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'IscInvalidResponseError',
      reason: 'unexpected-shape',
      method: 'GET',
      url: '/campaigns',
    });
  });

  it('says where invalid JSON goes wrong, position and all', async () => {
    const scripted = scriptedFetch(
      () => new Response('{"id": "c1", oops}', { headers: { 'content-type': 'application/json' } }),
    );
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('the body is not valid JSON (at position 13)');
  });

  it('cuts an excerpt only beyond 200 characters', async () => {
    for (const length of [200, 201]) {
      const text = 'h'.repeat(length);
      const scripted = scriptedFetch(
        () => new Response(text, { headers: { 'content-type': 'text/html' } }),
      );
      const isc = clientFor(API, { ...token, fetch: scripted.fetch });
      const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
      expect((error as { excerpt: string }).excerpt).toBe(
        length === 200 ? text : `${text.slice(0, 200)}...`,
      );
    }
  });

  it('refuses a declared length over maxResponseBytes without waiting for the body', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      response.write('[');
      // The rest never comes.
    });
    const isc = clientFor(server.origin, { ...token, maxResponseBytes: 1000, timeout: 5_000 });
    await expect(isc.GET('/campaigns')).rejects.toMatchObject({ reason: 'too-large' });
  });
});

describe('the Authorization header, managed by the client', () => {
  it('replaces a caller’s own on the API origin and removes it elsewhere', async () => {
    const scripted = scriptedFetch(() => json([]));
    const isc = clientFor(API, { auth: { accessToken: 'client-token' }, fetch: scripted.fetch });
    const headers = { Authorization: 'Bearer callers-own' };
    await isc.GET('/campaigns', { headers });
    await isc.GET('/campaigns', { headers, baseUrl: 'https://other.example.test/v3' });
    expect(scripted.calls.map((call) => call.headers['authorization'])).toEqual([
      'Bearer client-token',
      undefined,
    ]);
  });

  it('is not sent to another origin by a paced client either, even after a wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const scripted = scriptedFetch(() => json([]));
    const isc = clientFor(API, {
      auth: { accessToken: `paced-${Date.now()}` },
      rateLimit: { requests: 1, windowMs: 100 },
      fetch: scripted.fetch,
    });
    const other = { baseUrl: 'https://other.example.test/v3' };
    const calls = Promise.all([isc.GET('/campaigns', other), isc.GET('/campaigns', other)]);
    for (let step = 0; step < 50 && scripted.calls.length < 2; step++) {
      await vi.advanceTimersByTimeAsync(10);
    }
    await calls;
    expect(scripted.calls.map((call) => call.headers['authorization'])).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('uses a token refreshed while a request waited for its turn', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let issued = 0;
    let apiCalls = 0;
    const scripted = scriptedFetch((call) => {
      if (call.url.endsWith('/oauth/token')) {
        issued += 1;
        return json({ access_token: `t${issued}`, expires_in: 600 });
      }
      // The first API call finds its token revoked; later ones need the latest token.
      if (apiCalls++ === 0) return json({ error: 'revoked' }, 401);
      return call.headers['authorization'] === `Bearer t${issued}`
        ? json([])
        : json({ error: 'stale' }, 401);
    });
    const isc = clientFor(`http://127.0.0.${(Date.now() % 200) + 30}:7`, {
      rateLimit: { requests: 1, windowMs: 100 },
      fetch: scripted.fetch,
    });
    const both = Promise.all([isc.GET('/campaigns'), isc.GET('/campaigns')]);
    for (let step = 0; step < 100 && apiCalls < 3; step++) await vi.advanceTimersByTimeAsync(10);
    const results = await both;
    expect(results.map((result) => result.response.status)).toEqual([200, 200]);
    // The waiting call went out with the new token at once: three API calls, two tokens.
    expect(apiCalls).toBe(3);
    expect(issued).toBe(2);
  });

  it('does not pause a paced client after a 503', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const sent: number[] = [];
    const start = Date.now();
    const isc = clientFor(`http://127.0.0.${(start % 200) + 40}:8`, {
      auth: { accessToken: `no-pause-${start}` },
      rateLimit: { requests: 100, windowMs: 1000 },
      fetch: async () => {
        sent.push(Date.now() - start);
        return sent.length === 1 ? json({ message: 'busy' }, 503) : json([]);
      },
    });
    const call = unwrap(isc.GET('/campaigns'));
    for (let step = 0; step < 200 && sent.length < 2; step++) await vi.advanceTimersByTimeAsync(10);
    await call;
    expect(sent).toEqual([0, 0]);
  });
});

describe('deadlines and failures without a signal', () => {
  it('does not start a retry wait that would end exactly at the deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const scripted = scriptedFetch(() => json({ message: 'slow' }, 429, { 'retry-after': '1' }));
    const isc = clientFor(API, { ...token, timeout: 1000, fetch: scripted.fetch });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(429);
    expect(scripted.calls).toHaveLength(1);
  });

  it('reports a failed fetch as IscNetworkError when the call has no timeout and no signal', async () => {
    const isc = clientFor(API, {
      ...token,
      timeout: 0,
      retry: false,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(isc.GET('/campaigns')).rejects.toMatchObject({
      name: 'IscNetworkError',
      message: `GET ${API}/v3/campaigns failed: fetch failed`,
    });
  });

  it('reports the retry of a cut body as a network error with the status', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const events: IscLogEvent[] = [];
    const server = await serve((_request, response, received) => {
      if (received.length > 1) return sendJson(response, 200, []);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('[');
      setTimeout(() => response.destroy(), 10);
    });
    const isc = clientFor(server.origin, {
      ...token,
      logger: { warn: (event) => events.push(event) },
    });
    await unwrap(isc.GET('/campaigns'));
    expect(events).toMatchObject([{ type: 'retry', reason: 'network-error', status: 200 }]);
  });
});

describe('redirects of a streamed body', () => {
  it('follow a 303 and then a 302 of the GET it became', async () => {
    const scripted = scriptedFetch((_call, index) =>
      index === 0
        ? new Response(null, { status: 303, headers: { location: '/v3/status' } })
        : index === 1
          ? new Response(null, { status: 302, headers: { location: '/v3/status-2' } })
          : json({ done: true }),
    );
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
      },
    });
    const send = isc.request as unknown as (
      m: string,
      p: string,
      i: object,
    ) => Promise<{ data?: unknown }>;
    const result = await send('POST', '/search', {
      body,
      bodySerializer: (value: unknown) => value,
      duplex: 'half',
    });
    expect(result.data).toEqual({ done: true });
    expect(scripted.calls.map((call) => call.method)).toEqual(['POST', 'GET', 'GET']);
  });

  it('drop a Content-Length given by the caller when a 303 turns them into a GET', async () => {
    const scripted = scriptedFetch((_call, index) =>
      index === 0 ? new Response(null, { status: 303, headers: { location: '/v3/x' } }) : json([]),
    );
    const isc = clientFor(API, { ...token, fetch: scripted.fetch });
    await isc.POST('/search', { body: {}, headers: { 'Content-Length': '2' } });
    expect(scripted.calls[0]?.headers['content-length']).toBe('2');
    expect(scripted.calls[1]?.headers).not.toHaveProperty('content-length');
  });
});

describe('a GET rebuilt by middleware', () => {
  it('goes out without a body', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, [{ id: 'c1' }]));
    const isc = clientFor(server.origin, token);
    isc.use({ onRequest: ({ request }) => new Request(request) });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual([{ id: 'c1' }]);
  });
});

describe('failures the client does not retry', () => {
  it('turns a network-error response of the token endpoint into IscAuthError', async () => {
    const scripted = scriptedFetch(() => Response.error());
    const isc = clientFor(API, { fetch: scripted.fetch });
    await expect(isc.GET('/campaigns')).rejects.toMatchObject({
      name: 'IscAuthError',
      source: 'token-endpoint',
      status: 0,
    });
  });

  it('neither retries nor announces a retry of a request the caller aborted', async () => {
    const events: IscLogEvent[] = [];
    const controller = new AbortController();
    const reason = new Error('cancelled by the user');
    const isc = clientFor(API, {
      ...token,
      logger: { warn: (event) => events.push(event) },
      fetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new TypeError('fetch failed'))),
        ),
    });
    const call = isc.GET('/campaigns', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 5);
    await expect(call).rejects.toBe(reason);
    expect(events).toEqual([]);
  });
});
