// The client runs middleware itself; these scenarios run the same middleware on openapi-fetch's own
// client and on the isc client (both over an injected fetch) and compare what each hook saw, what was
// sent and what the call gave back.

import createClient from 'openapi-fetch';
import type { paths } from '@isc-sdk/types';
import { describe, expect, it } from 'vitest';
import type { Middleware } from 'openapi-fetch';
import { createIscClient } from '../src/index.js';

interface Sent {
  url: string;
  method: string;
  marker: string | null;
}

/** What a scenario does: middleware for `use`, per-call middleware, and how the server behaves. */
interface Scenario {
  middleware: (log: string[]) => Middleware[];
  callMiddleware?: (log: string[]) => Middleware[];
  /** The injected fetch fails with a network error instead of answering. */
  failFetch?: boolean;
}

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

/** A middleware that logs every hook it runs (with the schema path and whether it saw an error). */
function logging(name: string, log: string[], extra: Partial<Middleware> = {}): Middleware {
  return {
    onRequest: ({ schemaPath, params }) => {
      log.push(`${name}.onRequest ${schemaPath} ${JSON.stringify(params)}`);
    },
    onResponse: ({ response }) => {
      log.push(`${name}.onResponse ${response.status}`);
    },
    onError: () => {
      log.push(`${name}.onError`);
    },
    ...extra,
  } as Middleware;
}

const scenarios: [string, Scenario][] = [
  [
    'hooks run in order: onRequest forwards, onResponse backwards',
    { middleware: (log) => [logging('a', log), logging('b', log)] },
  ],
  [
    'per-call middleware runs after the client’s',
    {
      middleware: (log) => [logging('client', log)],
      callMiddleware: (log) => [logging('call', log)],
    },
  ],
  [
    'onRequest replaces the request',
    {
      middleware: (log) => [
        logging('a', log, {
          onRequest: ({ request }) => {
            log.push('a.onRequest');
            const replaced = new Request(request);
            replaced.headers.set('x-marker', 'replaced');
            return replaced;
          },
        }),
      ],
    },
  ],
  [
    'onRequest edits the request in place',
    {
      middleware: (log) => [
        logging('a', log, {
          onRequest: ({ request }) => {
            log.push('a.onRequest');
            request.headers.set('x-marker', 'edited');
          },
        }),
      ],
    },
  ],
  [
    'onRequest answers with a Response: no fetch, no onResponse',
    {
      middleware: (log) => [
        logging('a', log),
        logging('b', log, {
          onRequest: () => {
            log.push('b.onRequest');
            return json([{ id: 'cached' }]);
          },
        }),
        logging('c', log),
      ],
    },
  ],
  [
    'onResponse replaces the response',
    {
      middleware: (log) => [
        logging('a', log),
        logging('b', log, {
          onResponse: () => {
            log.push('b.onResponse');
            return json({ detailCode: '404', messages: [] }, 404);
          },
        }),
      ],
    },
  ],
  [
    'a failed fetch runs onError backwards; a Response from it is used and passes onResponse',
    {
      failFetch: true,
      middleware: (log) => [
        logging('a', log),
        logging('b', log, {
          onError: () => {
            log.push('b.onError');
            return json([{ id: 'fallback' }]);
          },
        }),
      ],
    },
  ],
  [
    'an Error from onError replaces the error',
    {
      failFetch: true,
      middleware: (log) => [
        logging('a', log, {
          onError: () => {
            log.push('a.onError');
            return new Error('replaced');
          },
        }),
      ],
    },
  ],
  [
    'onError without an answer leaves the failure',
    { failFetch: true, middleware: (log) => [logging('a', log)] },
  ],
  [
    'onRequest returning something else fails the call',
    { middleware: () => [{ onRequest: () => 'nonsense' as never }] },
  ],
  [
    'onResponse returning something else fails the call',
    { middleware: () => [{ onResponse: () => ({ status: 200 }) as never }] },
  ],
];

/** Runs a scenario on one client: what was logged, sent and returned (or what it rejected with). */
async function run(
  scenario: Scenario,
  send: (
    fetchImpl: (url: string, method: string, marker: string | null) => Promise<Response>,
    middleware: Middleware[],
    callMiddleware: Middleware[] | undefined,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
) {
  const log: string[] = [];
  const sent: Sent[] = [];
  const fetchImpl = async (url: string, method: string, marker: string | null) => {
    sent.push({ url, method, marker });
    if (scenario.failFetch) throw new TypeError('fetch failed');
    return json([{ id: 'from-server' }]);
  };
  let outcome: unknown;
  try {
    const result = await send(fetchImpl, scenario.middleware(log), scenario.callMiddleware?.(log));
    outcome = { data: result.data, error: result.error, status: result.response.status };
  } catch (error) {
    outcome = {
      rejected: true,
      replaced: error instanceof Error && error.message === 'replaced',
    };
  }
  return { log, sent, outcome };
}

describe('middleware semantics match openapi-fetch', () => {
  it.each(scenarios)('%s', async (_name, scenario) => {
    const params = { path: { id: 'cert 1' }, query: { limit: 2 } };
    const reference = await run(scenario, async (fetchImpl, middleware, callMiddleware) => {
      const client = createClient<paths>({
        baseUrl: 'https://acme.api.identitynow.com/v3',
        fetch: (request) => fetchImpl(request.url, request.method, request.headers.get('x-marker')),
      });
      client.use(...middleware);
      return client.GET('/certifications/{id}/access-review-items', {
        params,
        ...(callMiddleware ? { middleware: callMiddleware } : {}),
      });
    });
    const isc = await run(scenario, async (fetchImpl, middleware, callMiddleware) => {
      const client = createIscClient({
        tenant: 'acme',
        auth: { accessToken: 'tok' },
        retry: false,
        fetch: (url, init) =>
          fetchImpl(
            url,
            init.method ?? 'GET',
            (init.headers as Record<string, string>)['x-marker'] ?? null,
          ),
      });
      client.use(...middleware);
      return client.GET('/certifications/{id}/access-review-items', {
        params,
        ...(callMiddleware ? { middleware: callMiddleware } : {}),
      });
    });
    expect(isc).toEqual(reference);
  });

  it('gives every hook of one call the same random id, and the call’s options', async () => {
    const seen: { id: string; baseUrl: string; parseAs: string }[] = [];
    const record = ({
      id,
      options,
    }: {
      id: string;
      options: { baseUrl: string; parseAs: string };
    }) => {
      seen.push({ id, baseUrl: options.baseUrl, parseAs: options.parseAs });
    };
    const isc = createIscClient({
      tenant: 'acme',
      auth: { accessToken: 'tok' },
      fetch: async () => json([]),
    });
    isc.use({ onRequest: record, onResponse: record });
    await isc.GET('/campaigns', { parseAs: 'text' });
    await isc.GET('/campaigns');
    expect(seen).toHaveLength(4);
    expect(seen[0]?.id).toMatch(/^[0-9a-z]{1,9}$/);
    expect(seen[1]?.id).toBe(seen[0]?.id);
    expect(seen[2]?.id).not.toBe(seen[0]?.id);
    expect(seen[0]).toMatchObject({
      baseUrl: 'https://acme.api.identitynow.com/v3',
      parseAs: 'text',
    });
  });

  it.each<[string, unknown]>([
    ['a string', 'onRequest'],
    ['an object without hooks', { before: () => undefined }],
  ])('refuses %s as middleware, as openapi-fetch does', (_name, entry) => {
    const reference = createClient<paths>();
    expect(() => reference.use(entry as Middleware)).toThrow();
    const isc = createIscClient({ tenant: 'acme', auth: { accessToken: 'tok' } });
    expect(() => isc.use(entry as Middleware)).toThrow(/Middleware must be an object/);
  });

  it('ejects middleware, and skips empty entries as openapi-fetch does', async () => {
    const log: string[] = [];
    const isc = createIscClient({
      tenant: 'acme',
      auth: { accessToken: 'tok' },
      fetch: async () => json([]),
    });
    const first = logging('first', log);
    isc.use(first, undefined as never, logging('second', log));
    isc.eject(first);
    await isc.GET('/campaigns');
    expect(log.map((entry) => entry.split(' ')[0])).toEqual([
      'second.onRequest',
      'second.onResponse',
    ]);
  });
});
