// The edges of paginate, searchAll and searchCount that a caller relies on: option checks before any
// request, progress reports, retries of read-only POSTs (and opting out), cancellation, totals that
// are missing or malformed, and servers that repeat themselves.

import { describe, expect, it } from 'vitest';
import { isIscConfigError, type IscProgress } from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { json, scriptedFetch, type Script, type ScriptedCall } from './support/scripted-fetch.js';

const API = 'https://isc.example.test';
const path = '/certifications/{id}/access-review-items' as const;
const params = { path: { id: 'cert-1' } };

function client(script: Script) {
  const scripted = scriptedFetch(script);
  const isc = clientFor(API, {
    auth: { accessToken: 'tok' },
    retry: { baseDelay: 1, maxDelay: 1 },
    fetch: scripted.fetch,
  });
  return { isc, calls: scripted.calls };
}

const queryOf = (call: ScriptedCall | undefined) =>
  Object.fromEntries(new URL(call?.url ?? 'https://x.test').searchParams);

/** A list of `total` items honouring offset and limit, with X-Total-Count when asked. */
function list(total: number, header: (total: number) => string | undefined = String): Script {
  return (call) => {
    const query = queryOf(call);
    const offset = Number(query['offset'] ?? 0);
    const limit = Number(query['limit'] ?? 250);
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      id: `item-${offset + i}`,
    }));
    const value = query['count'] === 'true' ? header(total) : undefined;
    return json(items, 200, value === undefined ? {} : { 'x-total-count': value });
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function thrown(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(isIscConfigError(error)).toBe(true);
    return error as { field: string; message: string };
  }
  throw new Error('expected an IscConfigError');
}

describe('paginate', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'a negative offset',
      { params: { ...params, query: { offset: -1 } } },
      'params.query.offset: must be an integer from 0 to 9007199254740991, got -1',
    ],
    [
      'a limit of 0',
      { params: { ...params, query: { limit: 0 } } },
      'params.query.limit: must be an integer from 1 to 250, got 0',
    ],
    [
      'a negative maxItems',
      { params, maxItems: -1 },
      'maxItems: must be an integer from 0 to 9007199254740991, got -1',
    ],
    [
      'a fractional maxItems',
      { params, maxItems: 1.5 },
      'maxItems: must be an integer from 0 to 9007199254740991, got 1.5',
    ],
    [
      'concurrency 17',
      { params, concurrency: 17 },
      'concurrency: must be an integer from 1 to 16, got 17',
    ],
    [
      'an onProgress that is not a function',
      { params, onProgress: {} },
      'onProgress: must be a function, got object',
    ],
  ])('refuses %s before any request', (_name, init, message) => {
    const { isc, calls } = client(list(10));
    expect(thrown(() => isc.paginate(path, init as never)).message).toBe(message);
    expect(calls).toHaveLength(0);
  });

  it('accepts the widest settings', async () => {
    const { isc } = client(list(3));
    const items = await collect(
      isc.paginate(path, {
        params: { ...params, query: { limit: 250, offset: 0 } },
        concurrency: 16,
        maxItems: 0,
      }),
    );
    expect(items).toEqual([]);
    expect(await collect(isc.paginate(path, { params, concurrency: 1 }))).toHaveLength(3);
  });

  it('reports progress after every page, with the total once known', async () => {
    const progress: IscProgress[] = [];
    const { isc } = client(list(600));
    await collect(
      isc.paginate(path, {
        params: { ...params, query: { count: true } },
        onProgress: (step) => progress.push(step),
      }),
    );
    expect(progress).toEqual([
      { done: 250, total: 600 },
      { done: 500, total: 600 },
      { done: 600, total: 600 },
    ]);
    const without: IscProgress[] = [];
    await collect(
      isc.paginate(path, { params, maxItems: 300, onProgress: (step) => without.push(step) }),
    );
    expect(without).toEqual([
      { done: 250, total: undefined },
      { done: 300, total: undefined },
    ]);
  });

  it('keeps the total of an earlier page when a later one has none', async () => {
    let first = true;
    const script = list(600);
    const { isc: flaky } = client((call, index) => {
      const response = script(call, index) as Response;
      if (first) {
        first = false;
        return response;
      }
      response.headers.delete('x-total-count');
      return response;
    });
    const pages = await collect(
      flaky.paginate(path, { params: { ...params, query: { count: true } } }).pages(),
    );
    expect(pages.map((page) => page.total)).toEqual([600, 600, 600]);
  });

  it.each(['12a', '-1', '1234567890123456', ''])(
    'ignores a malformed X-Total-Count %j',
    async (header) => {
      const { isc } = client(list(300, () => header));
      const pages = await collect(
        isc.paginate(path, { params: { ...params, query: { count: true } } }).pages(),
      );
      expect(pages.map((page) => [page.items.length, page.total])).toEqual([
        [250, undefined],
        [50, undefined],
      ]);
    },
  );

  it('reads an X-Total-Count with spaces around it', async () => {
    const { isc } = client(list(10, (total) => ` ${total} `));
    const [page] = await collect(
      isc.paginate(path, { params: { ...params, query: { count: true } } }).pages(),
    );
    expect(page?.total).toBe(10);
  });

  it('stops when a server ignoring offset repeats pages whose items have no id', async () => {
    const page = Array.from({ length: 250 }, (_, index) => ({ name: `n${index}` }));
    const { isc, calls } = client(() => json(page));
    await expect(collect(isc.paginate('/campaigns'))).rejects.toMatchObject({
      name: 'IscInvalidResponseError',
      reason: 'no-progress',
      method: 'GET',
      url: `${API}/v3/campaigns?offset=250&limit=250`,
      message: `GET ${API}/v3/campaigns?offset=250&limit=250 answered 200 with a body the client cannot use: the page at offset 250 repeats the previous page: the server ignores offset`,
    });
    expect(calls).toHaveLength(2);
  });

  it('goes on when consecutive pages share first items but differ at the end', async () => {
    const { isc } = client((call) => {
      const offset = Number(queryOf(call)['offset']);
      if (offset >= 6) return json([]);
      return json([{ id: 'same' }, { id: 'x' }, { id: `last-${offset}` }]);
    });
    const items = await collect(isc.paginate('/campaigns', { params: { query: { limit: 3 } } }));
    expect(items).toHaveLength(6);
  });

  it('pages POST /search as a read: retried, unless the caller says it is not idempotent', async () => {
    const busy: Script = (call, index) =>
      index === 0 ? json({ message: 'busy' }, 503) : list(5)(call, index);
    const retried = client(busy);
    expect(
      await collect(retried.isc.paginate('/search', { body: { indices: ['identities'] } })),
    ).toHaveLength(5);
    expect(retried.calls.map((call) => call.method)).toEqual(['POST', 'POST']);
    const once = client(busy);
    await expect(
      collect(
        once.isc.paginate('/search', { body: { indices: ['identities'] }, idempotent: false }),
      ),
    ).rejects.toMatchObject({ status: 503 });
    expect(once.calls).toHaveLength(1);
  });

  it('pages a GET list with GET', async () => {
    const { isc, calls } = client(list(2));
    await collect(isc.paginate('/campaigns'));
    expect(calls.map((call) => [call.method, call.url])).toEqual([
      ['GET', `${API}/v3/campaigns?offset=0&limit=250`],
    ]);
  });

  it.each([1, 4])(
    'stops with the caller’s reason when the signal aborts (concurrency %i)',
    async (concurrency) => {
      const controller = new AbortController();
      const reason = new Error('user left the page');
      const { isc } = client(list(2000));
      let seen = 0;
      const error = await (async () => {
        for await (const _item of isc.paginate(path, {
          params,
          concurrency,
          signal: controller.signal,
        })) {
          seen += 1;
          if (seen === 300) controller.abort(reason);
        }
      })().catch((caught: unknown) => caught);
      expect(error).toBe(reason);
      // Pages already fetched ahead are still handed out; nothing is fetched after the abort.
      expect(seen).toBeGreaterThanOrEqual(300);
      expect(seen).toBeLessThanOrEqual(500 + (concurrency - 1) * 250);
    },
  );

  it.each([1, 4])(
    'sends nothing for a signal that has already aborted (concurrency %i)',
    async (concurrency) => {
      const { isc, calls } = client(list(10));
      const reason = new Error('already gone');
      await expect(
        collect(isc.paginate(path, { params, concurrency, signal: AbortSignal.abort(reason) })),
      ).rejects.toBe(reason);
      expect(calls).toHaveLength(0);
    },
  );

  it('asks for the total on the first request only when fetching ahead', async () => {
    const { isc, calls } = client(list(600));
    await collect(isc.paginate(path, { params, concurrency: 2 }));
    expect(calls.map((call) => queryOf(call)['count'])).toEqual(['true', undefined, undefined]);
  });
});

describe('searchAll', () => {
  /** A search over `total` identities honouring limit and searchAfter (the id). */
  function search(total: number, header?: string): Script {
    const documents = Array.from({ length: total }, (_, index) => ({
      id: `id-${String(index).padStart(4, '0')}`,
      _type: 'identity',
      active: index % 2 === 0,
      rank: index,
    }));
    return (call) => {
      const body = JSON.parse(call.body ?? '{}') as { searchAfter?: string[] };
      const limit = Number(queryOf(call)['limit']);
      const after = body.searchAfter?.at(-1);
      const start =
        after === undefined ? 0 : documents.findIndex((document) => document.id > after);
      const page = start === -1 ? [] : documents.slice(start, start + limit);
      return json(page, 200, header === undefined ? {} : { 'x-total-count': header });
    };
  }

  const bodies = (calls: readonly ScriptedCall[]) =>
    calls.map((call) => JSON.parse(call.body ?? '{}') as Record<string, unknown>);

  it('asks for 250 results a page by default, and nothing for maxItems 0', async () => {
    const { isc, calls } = client(search(3));
    await collect(isc.searchAll({ indices: ['identities'] }));
    expect(calls.map((call) => queryOf(call))).toEqual([{ limit: '250' }]);
    await collect(isc.searchAll({ indices: ['identities'] }, { maxItems: 0 }));
    expect(calls).toHaveLength(1);
  });

  it('reports progress, asking for the total on the first request only', async () => {
    const progress: IscProgress[] = [];
    const { isc, calls } = client(search(5, '5'));
    await collect(
      isc.searchAll(
        { indices: ['identities'] },
        { limit: 2, onProgress: (step) => progress.push(step) },
      ),
    );
    expect(calls.map((call) => queryOf(call)['count'])).toEqual(['true', undefined, undefined]);
    expect(progress).toEqual([
      { done: 2, total: 5 },
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
  });

  it('starts after the caller’s own searchAfter, and goes on from the last result', async () => {
    const { isc, calls } = client(search(6));
    const results = await collect(
      isc.searchAll({ indices: ['identities'], searchAfter: ['id-0001'] }, { limit: 2 }),
    );
    expect(results.map((result) => result.id)).toEqual([
      'id-0002',
      'id-0003',
      'id-0004',
      'id-0005',
    ]);
    expect(bodies(calls).map((body) => body['searchAfter'])).toEqual([
      ['id-0001'],
      ['id-0003'],
      ['id-0005'],
    ]);
  });

  it('takes numbers and booleans as sort values, as text', async () => {
    const { isc, calls } = client(search(3));
    await collect(
      isc.searchAll({ indices: ['identities'], sort: ['-active', 'rank'] }, { limit: 2 }),
    );
    expect(bodies(calls)[1]?.['searchAfter']).toEqual(['false', '1', 'id-0001']);
  });

  it('treats a trimmed or signed id as the tie-breaker already there', async () => {
    const { isc, calls } = client(search(1));
    await collect(isc.searchAll({ indices: ['identities'], sort: ['name', ' id '] }));
    await collect(isc.searchAll({ indices: ['identities'], sort: ['-id'] }));
    expect(bodies(calls).map((body) => body['sort'])).toEqual([['name', ' id '], ['-id']]);
  });

  it.each<[string, unknown]>([
    ['a null sort value', { id: 'a', _type: 'identity', name: null }],
    ['an object sort value', { id: 'a', _type: 'identity', name: { first: 'x' } }],
    ['a nested path through a string', { id: 'a', _type: 'identity', name: 'text' }],
  ])('explains %s that cannot continue the search', async (_name, document) => {
    const { isc } = client(() => json([document]));
    const sort = _name.startsWith('a nested') ? ['name.first'] : ['name'];
    await expect(
      collect(isc.searchAll({ indices: ['identities'], sort }, { limit: 1 })),
    ).rejects.toMatchObject({
      reason: 'unexpected-shape',
      message: expect.stringContaining(`no value for the sort field "${sort[0]}"`),
    });
  });

  it('accepts any _type for the * index or no indices', async () => {
    const mixed = [
      { id: 'a', _type: 'role' },
      { id: 'b', _type: 'identity' },
    ];
    const { isc } = client(() => json(mixed));
    expect(await collect(isc.searchAll({ indices: ['*'] }))).toHaveLength(2);
    expect(await collect(isc.searchAll({}))).toHaveLength(2);
    await expect(collect(isc.searchAll({ indices: ['roles'] }))).rejects.toMatchObject({
      message: expect.stringContaining(
        'a result has _type "identity", not of the requested indices',
      ),
    });
  });

  it('refuses an answer that is not a list', async () => {
    const { isc } = client(() => json({ results: [] }));
    await expect(collect(isc.searchAll({}))).rejects.toMatchObject({
      reason: 'unexpected-shape',
      method: 'POST',
      url: `${API}/v3/search?limit=250`,
      message: `POST ${API}/v3/search?limit=250 answered 200 with a body the client cannot use: the search answered with no array`,
    });
  });

  it('retries a search as a read, unless the caller says it is not idempotent', async () => {
    const busy: Script = (call, index) =>
      index === 0 ? json({ message: 'busy' }, 503) : search(1)(call, index);
    const retried = client(busy);
    expect(await collect(retried.isc.searchAll({}))).toHaveLength(1);
    expect(retried.calls).toHaveLength(2);
    const once = client(busy);
    await expect(collect(once.isc.searchAll({}, { idempotent: false }))).rejects.toMatchObject({
      status: 503,
    });
    expect(once.calls).toHaveLength(1);
  });

  it.each<[string, unknown, Record<string, unknown>, string]>([
    [
      'a body that is not an object',
      'identities',
      {},
      'body: must be a search body object, got a string',
    ],
    [
      'indices that are not a list',
      { indices: 'identities' },
      {},
      'body.indices: must be an array',
    ],
    [
      'an empty sort field',
      { sort: [''] },
      {},
      'body.sort: must be an array of field names (+ or - prefixed)',
    ],
    [
      'a sign without a field',
      { sort: ['-'] },
      {},
      'body.sort: must be an array of field names (+ or - prefixed)',
    ],
    [
      'a numeric sort field',
      { sort: [1] },
      {},
      'body.sort: must be an array of field names (+ or - prefixed)',
    ],
    ['a limit of 0', {}, { limit: 0 }, 'limit: must be an integer from 1 to 10000, got 0'],
    [
      'a negative maxItems',
      {},
      { maxItems: -1 },
      'maxItems: must be an integer from 0 to 9007199254740991, got -1',
    ],
    [
      'an onProgress that is not a function',
      {},
      { onProgress: 1 },
      'onProgress: must be a function, got 1',
    ],
  ])('refuses %s before any request', (_name, body, options, message) => {
    const { isc, calls } = client(search(1));
    expect(thrown(() => isc.searchAll(body as never, options as never)).message).toBe(message);
    expect(calls).toHaveLength(0);
  });

  it('names every index in the message for an unknown one', () => {
    const { isc } = client(search(1));
    expect(thrown(() => isc.searchAll({ indices: ['people' as never] })).message).toBe(
      'body.indices: "people" is not a search index (accessprofiles, accountactivities, entitlements, events, identities, roles, *)',
    );
  });
});

describe('searchCount', () => {
  it.each<[string, string | undefined, number | undefined]>([
    ['a plain count', '42', 42],
    ['a count with spaces', ' 7 ', 7],
    ['zero', '0', 0],
    ['letters', '4x', undefined],
    ['sixteen digits', '1234567890123456', undefined],
    ['no header', undefined, undefined],
  ])('reads %s', async (_name, header, expected) => {
    const { isc, calls } = client(
      () =>
        new Response(null, {
          status: 204,
          headers: header === undefined ? {} : { 'x-total-count': header },
        }),
    );
    const result = isc.searchCount({ indices: ['identities'] });
    if (expected === undefined) {
      await expect(result).rejects.toMatchObject({
        reason: 'unexpected-shape',
        url: `${API}/v3/search/count`,
        message: `POST ${API}/v3/search/count answered 204 with a body the client cannot use: no usable X-Total-Count header`,
      });
    } else {
      await expect(result).resolves.toBe(expected);
    }
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ indices: ['identities'] });
  });

  it('retries as a read unless told otherwise, and raises the typed error of an error answer', async () => {
    const busy = () =>
      client((_call, index) =>
        index === 0
          ? json({ message: 'busy' }, 503)
          : new Response(null, { status: 204, headers: { 'x-total-count': '3' } }),
      );
    const retried = busy();
    await expect(retried.isc.searchCount({})).resolves.toBe(3);
    expect(retried.calls).toHaveLength(2);
    const once = busy();
    await expect(once.isc.searchCount({}, { idempotent: false })).rejects.toMatchObject({
      name: 'IscApiError',
      status: 503,
    });
    expect(once.calls).toHaveLength(1);
  });

  it('refuses a body that is not an object before sending', async () => {
    const { isc, calls } = client(() => json([]));
    await expect(isc.searchCount(null as never)).rejects.toMatchObject({
      field: 'body',
      message: 'body: must be a search body object, got null',
    });
    expect(calls).toHaveLength(0);
  });
});

describe('paging edges found by mutation testing', () => {
  it('asks for nothing past an exact total while fetching ahead', async () => {
    const { isc, calls } = client(list(500));
    const items = await collect(isc.paginate(path, { params, concurrency: 4 }));
    expect(items).toHaveLength(500);
    expect(calls.map((call) => queryOf(call)['offset'])).toEqual(['0', '250']);
  });

  it('sends count=false when the caller asks for no total', async () => {
    const { isc, calls } = client(list(3));
    await collect(isc.paginate(path, { params: { ...params, query: { count: false } } }));
    expect(calls.map((call) => queryOf(call)['count'])).toEqual(['false']);
  });

  it('tells pages of items without ids apart by their content', async () => {
    const { isc } = client((call) => {
      const offset = Number(queryOf(call)['offset']);
      const size = offset === 0 ? 2 : offset === 2 ? 2 : 1;
      return json(Array.from({ length: size }, (_, i) => ({ name: `n${offset + i}` })));
    });
    const items = await collect(isc.paginate('/campaigns', { params: { query: { limit: 2 } } }));
    expect(items).toEqual([
      { name: 'n0' },
      { name: 'n1' },
      { name: 'n2' },
      { name: 'n3' },
      { name: 'n4' },
    ]);
  });

  it('knows a page by its ids, even when the rest of the items changes', async () => {
    let served = 0;
    const { isc, calls } = client(() => {
      served += 1;
      if (served > 5) return json([]);
      return json([
        { id: 'a', seen: served },
        { id: 'b', seen: served },
      ]);
    });
    await expect(
      collect(isc.paginate('/campaigns', { params: { query: { limit: 2 } } })),
    ).rejects.toMatchObject({ reason: 'no-progress' });
    expect(calls).toHaveLength(2);
  });

  it('stops with a typed error when a page holds nothing but nulls, repeated', async () => {
    const { isc } = client(() => json([null, null]));
    await expect(
      collect(isc.paginate('/campaigns', { params: { query: { limit: 2 } } })),
    ).rejects.toMatchObject({ name: 'IscInvalidResponseError', reason: 'no-progress' });
  });

  it('says what a list answered instead of an array', async () => {
    const { isc } = client(() => json({ items: [] }));
    await expect(collect(isc.paginate('/campaigns'))).rejects.toMatchObject({
      message: expect.stringContaining('a list operation answered with no array'),
    });
  });

  it('names the list path of a repeat a middleware served', async () => {
    const isc = clientFor(API, { auth: { accessToken: 'tok' }, fetch: async () => json([]) });
    isc.use({ onRequest: () => json([{ id: 'same' }]) });
    await expect(
      collect(isc.paginate('/campaigns', { params: { query: { limit: 1 } } })),
    ).rejects.toMatchObject({ reason: 'no-progress', method: 'GET', url: '/campaigns' });
  });

  it('names /search and /search/count when a middleware answers them with something else', async () => {
    const isc = clientFor(API, { auth: { accessToken: 'tok' }, fetch: async () => json([]) });
    isc.use({
      onRequest: ({ schemaPath }) =>
        schemaPath === '/search' ? json({ not: 'a list' }) : new Response(null, { status: 204 }),
    });
    await expect(collect(isc.searchAll({}))).rejects.toMatchObject({
      reason: 'unexpected-shape',
      method: 'POST',
      url: '/search',
    });
    await expect(isc.searchCount({})).rejects.toMatchObject({
      reason: 'unexpected-shape',
      method: 'POST',
      url: '/search/count',
    });
  });

  it('reads the total from the first search page only', async () => {
    const documents = Array.from({ length: 5 }, (_, index) => ({
      id: `id-${index}`,
      _type: 'identity',
    }));
    const { isc } = client((call) => {
      const body = JSON.parse(call.body ?? '{}') as { searchAfter?: string[] };
      const after = body.searchAfter?.at(-1);
      const start =
        after === undefined ? 0 : documents.findIndex((document) => document.id > after);
      const query = queryOf(call);
      return json(
        start === -1 ? [] : documents.slice(start, start + Number(query['limit'])),
        200,
        query['count'] === 'true' ? { 'x-total-count': '5' } : {},
      );
    });
    const progress: IscProgress[] = [];
    await collect(isc.searchAll({}, { limit: 2, onProgress: (step) => progress.push(step) }));
    expect(progress).toEqual([
      { done: 2, total: 5 },
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
  });

  it('refuses a null result with a typed error', async () => {
    const { isc } = client(() => json([null]));
    await expect(collect(isc.searchAll({ indices: ['identities'] }))).rejects.toMatchObject({
      name: 'IscInvalidResponseError',
      reason: 'unexpected-shape',
      message: expect.stringContaining('a result has _type undefined'),
    });
  });

  it('refuses a sort with one bad field among good ones', () => {
    const { isc } = client(() => json([]));
    expect(thrown(() => isc.searchAll({ sort: ['name', ''] })).field).toBe('body.sort');
  });

  it('explains a sort path through a null value', async () => {
    const { isc } = client(() => json([{ id: 'a', _type: 'identity', manager: null }]));
    await expect(
      collect(isc.searchAll({ sort: ['manager.name'] }, { limit: 1 })),
    ).rejects.toMatchObject({
      message: expect.stringContaining('no value for the sort field "manager.name"'),
    });
  });

  it('reads a signed field name with spaces after the sign as that field', async () => {
    const { isc, calls } = client(() => json([]));
    await collect(isc.searchAll({ sort: ['+ id'] }));
    expect(JSON.parse(calls[0]?.body ?? '{}')).toMatchObject({ sort: ['+ id'] });
  });
});
