import { describe, expect, it } from 'vitest';
import type { Middleware } from 'openapi-fetch';
import { unwrap, type IscClient } from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import type { ReceivedRequest } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const token = { auth: { accessToken: 'tok' } } as const;
const noop: Middleware = { onRequest: () => undefined };

const calls: [string, (isc: IscClient) => Promise<unknown>][] = [
  [
    'GET with query',
    (isc) =>
      isc.GET('/campaigns', {
        params: { query: { limit: 10, filters: 'name sw "Q3"', count: true } },
      }),
  ],
  [
    'POST JSON',
    (isc) => isc.POST('/campaigns', { body: { name: 'Q3', description: 'd', type: 'MANAGER' } }),
  ],
  [
    'PATCH JSON Patch',
    (isc) =>
      isc.PATCH('/campaigns/{id}', {
        params: { path: { id: 'c 1' } },
        body: [{ op: 'replace', path: '/name', value: 'n' }],
      }),
  ],
  [
    'PUT',
    (isc) =>
      isc.PUT('/campaign-templates/{id}/schedule', {
        params: { path: { id: 't1' } },
        body: { type: 'WEEKLY', days: { type: 'LIST', values: ['MON'] } } as never,
      }),
  ],
  ['DELETE', (isc) => isc.DELETE('/campaign-templates/{id}', { params: { path: { id: 't1' } } })],
  [
    'per-call headers',
    (isc) => isc.GET('/campaigns', { headers: { 'X-Trace': 'abc', Accept: 'text/csv' } }),
  ],
];

function shape(request: ReceivedRequest | undefined) {
  const headers: ReceivedRequest['headers'] = request?.headers ?? {};
  return {
    method: request?.method,
    url: request?.url,
    body: request?.body,
    type: headers['content-type'],
    accept: headers.accept,
    trace: headers['x-trace'],
    auth: headers.authorization,
    agent: headers['user-agent'],
  };
}

describe('openapi-fetch middleware', () => {
  it.each(calls)('gives the same request with and without middleware: %s', async (_name, send) => {
    const server = await serve((_request, response) => sendJson(response, 200, { ok: true }));
    const plain = clientFor(server.origin, token);
    const withMiddleware = clientFor(server.origin, token);
    withMiddleware.use(noop);
    const [a, b] = [await send(plain), await send(withMiddleware)] as { data: unknown }[];
    expect(b?.data).toEqual(a?.data);
    expect(shape(server.received[1])).toEqual(shape(server.received[0]));
  });

  it('lets onRequest change the request and onResponse read the body', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, [{ id: 'c1' }]));
    const isc = clientFor(server.origin, token);
    const seen: unknown[] = [];
    const middleware: Middleware = {
      onRequest: ({ request }) => {
        request.headers.set('x-request-id', 'r-1');
        return request;
      },
      onResponse: async ({ response }) => {
        seen.push(await response.clone().json());
      },
    };
    isc.use(middleware);
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual([{ id: 'c1' }]);
    expect(seen).toEqual([[{ id: 'c1' }]]);
    expect(server.received[0]?.headers['x-request-id']).toBe('r-1');
    // The token is attached after onRequest ran, so middleware never holds it.
    expect(server.received[0]?.headers.authorization).toBe('Bearer tok');
    isc.eject(middleware);
    await isc.GET('/campaigns');
    expect(server.received[1]?.headers['x-request-id']).toBeUndefined();
  });

  it('runs per-call middleware and can answer from onRequest', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, []));
    const isc = clientFor(server.origin, token);
    const cached = new Response(JSON.stringify([{ id: 'cached' }]), {
      headers: { 'content-type': 'application/json' },
    });
    const result = await isc.GET('/campaigns', { middleware: [{ onRequest: () => cached }] });
    expect(result.data).toEqual([{ id: 'cached' }]);
    expect(server.received).toHaveLength(0);
  });

  it('retries under middleware with the body replayed', async () => {
    const server = await serve((_request, response, received) =>
      received.length === 1
        ? sendJson(response, 429, { message: 'slow' }, { 'retry-after': '0' })
        : sendJson(response, 202, { id: 'new' }),
    );
    const isc = clientFor(server.origin, token);
    isc.use(noop);
    const body = { name: 'Q3', description: 'd', type: 'MANAGER' } as const;
    await expect(unwrap(isc.POST('/campaigns', { body }))).resolves.toEqual({ id: 'new' });
    expect(server.received.map((request) => request.body)).toEqual([
      JSON.stringify(body),
      JSON.stringify(body),
    ]);
  });
});
