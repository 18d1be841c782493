import { describe, expect, it } from 'vitest';
import { isIscInvalidResponseError, type IscSearchAllBody } from '../src/index.js';
import { collectGarbage } from './support/collect-garbage.js';
import { clientFor } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import type { ReceivedRequest } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const token = { auth: { accessToken: 'tok' }, retry: { maxAttempts: 2, baseDelay: 1 } } as const;

interface Identity {
  id: string;
  name: string;
  _type: string;
  displayName?: string;
  manager?: { name: string };
}

/** `total` identities sorted by id; honours `limit` and `searchAfter` on the id (the last sort value). */
function identities(
  total: number,
  overrides: (index: number) => Partial<Identity> = () => ({}),
): Identity[] {
  return Array.from({ length: total }, (_, index) => ({
    id: `id-${String(index).padStart(6, '0')}`,
    name: `Identity ${index}`,
    _type: 'identity',
    manager: { name: `Manager ${index % 7}` },
    ...overrides(index),
  }));
}

async function searchTenant(documents: Identity[]) {
  const server = await serve((request, response) => {
    const body = JSON.parse(request.body) as { searchAfter?: string[] };
    const limit = Number(new URL(request.url, 'http://x').searchParams.get('limit') ?? 250);
    const after = body.searchAfter?.at(-1);
    const start = after === undefined ? 0 : documents.findIndex((document) => document.id > after);
    sendJson(response, 200, start === -1 ? [] : documents.slice(start, start + limit));
  });
  return { server, isc: clientFor(server.origin, token) };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const bodies = (received: readonly ReceivedRequest[]) =>
  received.map((request) => JSON.parse(request.body) as { sort: string[]; searchAfter?: string[] });
const limits = (received: readonly ReceivedRequest[]) =>
  received.map((request) => Number(new URL(request.url, 'http://x').searchParams.get('limit')));

describe('searchAll', () => {
  it('iterates past the 10,000-result window with searchAfter', async () => {
    const documents = identities(12_345);
    const { server, isc } = await searchTenant(documents);
    const results = await collect(
      isc.searchAll({ indices: ['identities'], query: { query: '*' } }, { limit: 5000 }),
    );
    expect(results.map((result) => result.id)).toEqual(documents.map((document) => document.id));
    expect(bodies(server.received).map((body) => body.searchAfter)).toEqual([
      undefined,
      [documents[4999]?.id],
      [documents[9999]?.id],
    ]);
    expect(server.received.map((request) => request.url.split('?')[0])).toEqual([
      '/v3/search',
      '/v3/search',
      '/v3/search',
    ]);
  });

  it.each<[string, string[] | undefined, string[]]>([
    ['no sort: sorts by id', undefined, ['id']],
    ['a sort without id: appends it', ['displayName'], ['displayName', 'id']],
    ['a descending id: kept', ['-created', '-id'], ['-created', '-id']],
    ['+id: kept', ['name', '+id'], ['name', '+id']],
  ])('%s', async (_name, sort, expected) => {
    const { server, isc } = await searchTenant(identities(3));
    await collect(isc.searchAll({ indices: ['identities'], ...(sort ? { sort } : {}) }));
    expect(bodies(server.received)[0]?.sort).toEqual(expected);
  });

  it('keeps no result it has yielded, even within a page', async () => {
    const { isc } = await searchTenant(identities(500));
    const yielded: WeakRef<object>[] = [];
    let count = 0;
    for await (const identity of isc.searchAll({ indices: ['identities'] })) {
      if (++count <= 10) yielded.push(new WeakRef(identity));
      if (count === 200) {
        await collectGarbage();
        expect(yielded).toHaveLength(10);
        expect(yielded.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
      }
    }
    expect(count).toBe(500);
  });

  it('takes searchAfter values from nested sort fields', async () => {
    const documents = identities(5);
    const { server, isc } = await searchTenant(documents);
    await collect(
      isc.searchAll({ indices: ['identities'], sort: ['manager.name', 'name'] }, { limit: 2 }),
    );
    expect(bodies(server.received)[1]?.searchAfter).toEqual([
      'Manager 1',
      'Identity 1',
      documents[1]?.id,
    ]);
  });

  it('never changes the caller’s body', async () => {
    const { isc } = await searchTenant(identities(7));
    const body: IscSearchAllBody<'identities'> = {
      indices: ['identities'],
      query: { query: 'name:a*' },
      sort: ['name'],
    };
    const copy = structuredClone(body);
    Object.freeze(body);
    Object.freeze(body.sort);
    await collect(isc.searchAll(body, { limit: 2 }));
    expect(body).toEqual(copy);
  });

  it.each<[string, number, number, number[]]>([
    ['a short page ends without another request', 7, Infinity, [3, 3, 3]],
    ['an exact multiple ends with one empty page', 6, Infinity, [3, 3, 3]],
    ['maxItems asks for exactly what is missing', 100, 7, [3, 3, 1]],
    ['maxItems inside the first page', 100, 2, [2]],
  ])('%s', async (_name, total, maxItems, expected) => {
    const { server, isc } = await searchTenant(identities(total));
    const results = await collect(
      isc.searchAll(
        { indices: ['identities'] },
        { limit: 3, ...(maxItems === Infinity ? {} : { maxItems }) },
      ),
    );
    expect(results).toHaveLength(Math.min(total, maxItems));
    expect(limits(server.received)).toEqual(expected);
  });

  it('rejects a result whose _type the requested indices do not hold', async () => {
    const { isc } = await searchTenant(
      identities(3, (index) => (index === 1 ? { _type: 'role' } : {})),
    );
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const result of isc.searchAll({ indices: ['identities'] })) seen.push(result);
    })().catch((caught: unknown) => caught);
    expect(seen).toHaveLength(1);
    expect(isIscInvalidResponseError(error)).toBe(true);
    expect((error as Error).message).toContain('_type "role"');
  });

  it.each([
    ['accessprofiles', 'accessprofile'],
    ['accountactivities', 'accountactivity'],
    ['entitlements', 'entitlement'],
    ['events', 'event'],
    ['identities', 'identity'],
    ['roles', 'role'],
  ] as const)('accepts from index %s results of _type %s', async (index, type) => {
    const { isc } = await searchTenant(identities(2, () => ({ _type: type })));
    expect(await collect(isc.searchAll({ indices: [index] }))).toHaveLength(2);
  });

  it('explains a page whose last result lacks a sort value', async () => {
    const { isc } = await searchTenant(
      identities(4, (index) =>
        index === 1 ? { displayName: undefined } : { displayName: `D${index}` },
      ),
    );
    await expect(
      collect(isc.searchAll({ indices: ['identities'], sort: ['displayName'] }, { limit: 2 })),
    ).rejects.toThrow('no value for the sort field "displayName"');
  });

  it('retries a 503 (a search only reads) and surfaces a 400', async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls += 1;
      if (calls === 1) return sendJson(response, 503, { message: 'busy' });
      sendJson(response, 400, { detailCode: '400.1', messages: [{ text: 'bad query' }] });
    });
    const isc = clientFor(server.origin, token);
    await expect(collect(isc.searchAll({ indices: ['identities'] }))).rejects.toMatchObject({
      name: 'IscValidationError',
      messages: ['bad query'],
    });
    expect(calls).toBe(2);
  });

  it('refuses bad input before sending', () => {
    const isc = clientFor('http://127.0.0.1:9', token);
    expect(() => isc.searchAll({ sort: 'id' as never })).toThrow('body.sort: must be an array');
    expect(() => isc.searchAll({ indices: ['identity' as never] })).toThrow(
      'body.indices: "identity" is not a search index',
    );
    expect(() => isc.searchAll({}, { limit: 10_001 })).toThrow(
      'limit: must be an integer from 1 to 10000',
    );
  });
});

describe('searchCount', () => {
  it('reads the total from X-Total-Count of the 204', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(204, { 'x-total-count': '4321' });
      response.end();
    });
    const isc = clientFor(server.origin, token);
    await expect(isc.searchCount({ indices: ['identities'], query: { query: '*' } })).resolves.toBe(
      4321,
    );
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/v3/search/count' });
  });

  it('fails clearly without the header', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    await expect(clientFor(server.origin, token).searchCount({})).rejects.toThrow(
      'no usable X-Total-Count header',
    );
  });
});
