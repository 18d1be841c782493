import { describe, expect, it } from 'vitest';
import { isIscApiError, isIscRateLimitError, type IscClient } from '../src/index.js';
import { collectGarbage } from './support/collect-garbage.js';
import { clientFor } from './support/fixtures.js';
import { itemId, pagedEndpoint, pageQueries, type PagedOptions } from './support/paged-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const token = { auth: { accessToken: 'tok' }, retry: { maxAttempts: 2, baseDelay: 1 } } as const;
const path = '/certifications/{id}/access-review-items' as const;
const params = { path: { id: 'cert-1' } };

async function pagedTenant(options: PagedOptions) {
  const endpoint = pagedEndpoint(options);
  const server = await serve(endpoint.handle);
  return { server, endpoint, isc: clientFor(server.origin, token) };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const ids = (items: { id?: string }[]) => items.map((item) => item.id);
const expectedIds = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => itemId(from + i));

describe('paginate: where iteration ends', () => {
  it.each<
    [string, number, Record<string, unknown>, { offset: number; limit: number; count: boolean }[]]
  >([
    [
      'a short last page, no extra request',
      300,
      {},
      [
        { offset: 0, limit: 250, count: false },
        { offset: 250, limit: 250, count: false },
      ],
    ],
    [
      'an exact multiple: one empty page ends it',
      500,
      {},
      [
        { offset: 0, limit: 250, count: false },
        { offset: 250, limit: 250, count: false },
        { offset: 500, limit: 250, count: false },
      ],
    ],
    [
      'an exact multiple with count: the total ends it',
      500,
      { count: true },
      [
        { offset: 0, limit: 250, count: true },
        { offset: 250, limit: 250, count: true },
      ],
    ],
    ['an empty list', 0, {}, [{ offset: 0, limit: 250, count: false }]],
    [
      'a smaller page size',
      25,
      { limit: 10 },
      [
        { offset: 0, limit: 10, count: false },
        { offset: 10, limit: 10, count: false },
        { offset: 20, limit: 10, count: false },
      ],
    ],
    ['a starting offset', 300, { offset: 100 }, [{ offset: 100, limit: 250, count: false }]],
  ])('%s', async (_name, total, query, requests) => {
    const { server, isc } = await pagedTenant({ total });
    const items = await collect(isc.paginate(path, { params: { ...params, query } }));
    const from = (query['offset'] as number | undefined) ?? 0;
    expect(ids(items)).toEqual(expectedIds(from, total));
    expect(pageQueries(server.received)).toEqual(requests);
  });

  it('defaults the page size to the operation maximum and refuses a larger one', async () => {
    const { server, isc } = await pagedTenant({ total: 10 });
    await collect(isc.paginate('/campaigns'));
    expect(pageQueries(server.received)[0]?.limit).toBe(250);
    expect(() => isc.paginate('/campaigns', { params: { query: { limit: 251 } } })).toThrow(
      'params.query.limit: must be an integer from 1 to 250',
    );
    const search = isc.paginate('/search', {
      body: { indices: ['identities'] },
      params: { query: { limit: 10_000 } },
    });
    expect(search).toBeDefined();
    expect(() =>
      isc.paginate('/search', { body: {}, params: { query: { limit: 10_001 } } }),
    ).toThrow('params.query.limit: must be an integer from 1 to 10000');
  });

  it('refuses a path that is not paged at run time too', () => {
    const isc = clientFor('http://127.0.0.1:9', token);
    expect(() =>
      (isc as unknown as { paginate(path: string): unknown }).paginate('/campaigns/{id}'),
    ).toThrow('path: /campaigns/{id} is not a paged list operation');
  });
});

describe('paginate: maxItems', () => {
  it.each<[number, number, number[]]>([
    [300, 1000, [250, 50]],
    [250, 1000, [250]],
    [10, 1000, [10]],
    [501, 1000, [250, 250, 1]],
    [400, 300, [250, 150]],
  ])('maxItems %i of %i items asks for exactly %j', async (maxItems, total, limits) => {
    const { server, isc } = await pagedTenant({ total });
    const items = await collect(isc.paginate(path, { params, maxItems }));
    expect(items).toHaveLength(Math.min(maxItems, total));
    expect(pageQueries(server.received).map((query) => query.limit)).toEqual(limits);
  });

  it('sends nothing for maxItems 0', async () => {
    const { server, isc } = await pagedTenant({ total: 10 });
    expect(await collect(isc.paginate(path, { params, maxItems: 0 }))).toEqual([]);
    expect(server.received).toHaveLength(0);
  });

  it('stays exact when the server returns more than asked', async () => {
    const { isc } = await pagedTenant({ total: 1000, extra: 7 });
    expect(await collect(isc.paginate(path, { params, maxItems: 260 }))).toHaveLength(260);
  });
});

describe('paginate: errors surface mid-run', () => {
  it.each([
    ['401', 401, {}, 'IscAuthError'],
    ['429 after the retries', 429, { 'retry-after': '0' }, 'IscRateLimitError'],
    ['500', 500, {}, 'IscApiError'],
    ['503 after the retries', 503, {}, 'IscApiError'],
  ])(
    '%s on the second page throws after the first page’s items',
    async (_name, status, headers, name) => {
      const endpoint = pagedEndpoint({ total: 1000 });
      let failing = false;
      const server = await serve((request, response) => {
        const offset = new URL(request.url, 'http://x').searchParams.get('offset');
        if (offset === '250') failing = true;
        if (failing && offset === '250') {
          response.writeHead(status, { 'content-type': 'application/json', ...headers });
          return response.end('{"message":"no"}');
        }
        return endpoint.handle(request, response);
      });
      const isc = clientFor(server.origin, token);
      const seen: unknown[] = [];
      let caught: unknown;
      try {
        for await (const item of isc.paginate(path, { params })) seen.push(item);
      } catch (error) {
        caught = error;
      }
      expect(seen).toHaveLength(250);
      expect(isIscApiError(caught)).toBe(true);
      expect((caught as Error).name).toBe(name);
      if (status === 429) expect(isIscRateLimitError(caught)).toBe(true);
    },
  );

  it('rejects a page that is not an array', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"items":[]}');
    });
    const isc = clientFor(server.origin, token);
    await expect(collect(isc.paginate('/campaigns'))).rejects.toMatchObject({
      name: 'IscInvalidResponseError',
      reason: 'unexpected-shape',
    });
  });
});

describe('paginate: streaming', () => {
  it('keeps no item it has yielded, even within a page', async () => {
    const { isc } = await pagedTenant({ total: 600 });
    const yielded: WeakRef<object>[] = [];
    let count = 0;
    for await (const item of isc.paginate(path, { params })) {
      if (++count <= 10) yielded.push(new WeakRef(item));
      if (count === 200) {
        // Still inside the first 250-item page.
        await collectGarbage();
        expect(yielded).toHaveLength(10);
        expect(yielded.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
      }
    }
    expect(count).toBe(600);
  });
});

describe('paginate: pages()', () => {
  it('yields whole pages with offsets and the X-Total-Count total', async () => {
    const { isc } = await pagedTenant({ total: 600 });
    const pages = await collect(
      isc.paginate(path, { params: { ...params, query: { count: true } } }).pages(),
    );
    expect(pages.map((page) => [page.offset, page.items.length, page.total])).toEqual([
      [0, 250, 600],
      [250, 250, 600],
      [500, 100, 600],
    ]);
    expect(pages[0]?.response.status).toBe(200);
  });

  it('has no total without count', async () => {
    const { isc } = await pagedTenant({ total: 10 });
    const [page] = await collect(isc.paginate(path, { params }).pages());
    expect(page?.total).toBeUndefined();
  });
});

describe('paginate: concurrency', () => {
  it('fetches in parallel once the total is known, keeping items in order', async () => {
    const { endpoint, server, isc } = await pagedTenant({ total: 2345, delayMs: 15 });
    const items = await collect(isc.paginate(path, { params, concurrency: 4 }));
    expect(ids(items)).toEqual(expectedIds(0, 2345));
    expect(endpoint.maxInFlight()).toBeGreaterThan(1);
    expect(endpoint.maxInFlight()).toBeLessThanOrEqual(4);
    const queries = pageQueries(server.received);
    expect(queries[0]).toEqual({ offset: 0, limit: 250, count: true });
    expect(queries.map((query) => query.offset).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, page) => page * 250),
    );
    expect(queries.at(-1)?.limit).toBeLessThanOrEqual(250);
  });

  it('holds at most `concurrency` pages: requests run ahead of the consumer by less than that', async () => {
    const { endpoint, isc } = await pagedTenant({ total: 5000 });
    let consumed = 0;
    let maxAhead = 0;
    for await (const page of isc.paginate(path, { params, concurrency: 3 }).pages()) {
      consumed += 1;
      // Requested pages not yet handed to the consumer, plus the one it holds.
      maxAhead = Math.max(maxAhead, endpoint.pageRequests() - consumed + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(page.items).toHaveLength(250);
    }
    expect(consumed).toBe(20);
    expect(maxAhead).toBeLessThanOrEqual(3);
  });

  it('honours maxItems exactly in parallel', async () => {
    const { server, isc } = await pagedTenant({ total: 5000 });
    const items = await collect(isc.paginate(path, { params, concurrency: 4, maxItems: 1001 }));
    expect(ids(items)).toEqual(expectedIds(0, 1001));
    expect(pageQueries(server.received).reduce((sum, query) => sum + query.limit, 0)).toBe(1001);
  });

  it('goes on one page at a time when the server sends no total', async () => {
    const { endpoint, isc } = await pagedTenant({ total: 700, noTotal: true, delayMs: 5 });
    const items = await collect(isc.paginate(path, { params, concurrency: 4 }));
    expect(items).toHaveLength(700);
    expect(endpoint.maxInFlight()).toBe(1);
  });

  it('surfaces an error of a page fetched ahead, in order, and stops the rest', async () => {
    const { isc } = await pagedTenant({ total: 3000, failAt: { request: 3, status: 500 } });
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const item of isc.paginate(path, { params, concurrency: 4, retry: false }))
          seen.push(item);
      })(),
    ).rejects.toMatchObject({ name: 'IscApiError', status: 500 });
    expect(seen.length % 250).toBe(0);
    expect(seen.length).toBeLessThan(3000);
  });

  it('stops fetching when the consumer breaks early', async () => {
    const { endpoint, isc } = await pagedTenant({ total: 10_000, delayMs: 5 });
    let count = 0;
    for await (const _item of isc.paginate(path, { params, concurrency: 4 })) {
      if (++count === 300) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(endpoint.pageRequests()).toBeLessThanOrEqual(6);
  });

  it('refuses a concurrency out of range', () => {
    const isc: IscClient = clientFor('http://127.0.0.1:9', token);
    expect(() => isc.paginate('/campaigns', { concurrency: 0 })).toThrow(
      'concurrency: must be an integer from 1 to 16',
    );
  });
});

describe('paginate: POST /search with offsets', () => {
  it('pages search results with the search limit and retries them as reads', async () => {
    const endpoint = pagedEndpoint({ total: 25 });
    let first = true;
    const server = await serve((request, response) => {
      if (first) {
        first = false;
        response.writeHead(503, { 'content-type': 'application/json' });
        return response.end('{}');
      }
      return endpoint.handle(request, response);
    });
    const isc = clientFor(server.origin, token);
    const items = await collect(
      isc.paginate('/search', {
        body: { indices: ['identities'] },
        params: { query: { limit: 10 } },
      }),
    );
    expect(items).toHaveLength(25);
    // The 503, then pages of 10, 10 and 5.
    expect(server.received.map((request) => request.method)).toEqual([
      'POST',
      'POST',
      'POST',
      'POST',
    ]);
    expect(server.received[1]?.body).toBe('{"indices":["identities"]}');
  });
});
