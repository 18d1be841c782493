// The client builds requests itself; the URL, headers and body must be what openapi-fetch would send.
// Each case sends the same call through openapi-fetch's client and the isc client (injected fetches).

import createClient, { createQuerySerializer, type QuerySerializerOptions } from 'openapi-fetch';
import type { paths } from '@isc-sdk/types';
import { describe, expect, it } from 'vitest';
import { createIscClient } from '../src/index.js';

const BASE = 'https://acme.api.identitynow.com/v3';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/** The requests openapi-fetch and the isc client send for `init` on `GET|POST|PATCH path`. */
async function both(method: 'GET' | 'POST' | 'PATCH', path: string, init: Record<string, unknown>) {
  const openapi: Seen[] = [];
  const reference = createClient<paths>({
    baseUrl: BASE,
    fetch: async (request) => {
      openapi.push({
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        body: request.body === null ? null : await request.text(),
      });
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    },
  });
  const isc: Seen[] = [];
  const client = createIscClient({
    baseUrl: BASE,
    auth: { accessToken: 'tok' },
    // What fetch would put on the wire: the URL normalised, a default content type for text bodies.
    fetch: async (url, init) => {
      const request = new Request(url, init);
      const {
        authorization: _token,
        accept: _accept,
        ...headers
      } = Object.fromEntries(request.headers);
      isc.push({
        url: request.url,
        method: request.method,
        headers,
        body: request.body === null ? null : await request.text(),
      });
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    },
  });
  await (reference.request as (...args: unknown[]) => Promise<unknown>)(method, path, init);
  await (client[method] as (...args: unknown[]) => Promise<unknown>)(path, init);
  const { 'user-agent': _agent, ...iscHeaders } = isc[0]?.headers ?? {};
  return { reference: openapi[0], isc: { ...isc[0], headers: iscHeaders } };
}

const queries: [string, Record<string, unknown>][] = [
  ['primitives', { limit: 10, offset: 0, count: true, filters: 'name sw "Q3 & more"' }],
  [
    'reserved and non-ASCII characters',
    { filters: 'id in ("a/b?c#d", "é")', sorters: '-name,+id' },
  ],
  ['undefined and null values', { limit: undefined, offset: null, count: false }],
  ['arrays', { ids: ['a b', 'c&d'], empty: [] }],
  ['objects', { range: { from: 1, to: 'z z' } }],
];

describe('requests match openapi-fetch', () => {
  it.each(queries)('query: %s', async (_name, query) => {
    const { reference, isc } = await both('GET', '/campaigns', { params: { query } });
    expect(isc).toEqual(reference);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a JSON body', { body: { name: 'Q3', description: 'd', type: 'MANAGER' } }],
    ['a null body', { body: null }],
    ['call headers, lists joined', { body: {}, headers: { 'X-Trace': 'a', 'X-List': ['1', '2'] } }],
    [
      'a content type of the caller’s',
      { body: { a: 1 }, headers: { 'Content-Type': 'text/plain' } },
    ],
    ['the content type removed', { body: { a: 1 }, headers: { 'Content-Type': null } }],
    [
      'a form-encoded body',
      {
        body: { grant: 'x y', n: '1' },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
    ],
    [
      'params.header over call headers',
      { body: {}, headers: { 'x-a': '1' }, params: { header: { 'x-a': '2' } } },
    ],
    [
      'a custom body serialiser',
      { body: { a: 1 }, bodySerializer: (body: unknown) => `<${JSON.stringify(body)}>` },
    ],
    [
      'a custom query serialiser with its own ?',
      { params: { query: { a: 1 } }, querySerializer: () => '?x=1' },
    ],
  ])('POST: %s', async (_name, init) => {
    const { reference, isc } = await both('POST', '/campaigns', init);
    expect(isc).toEqual(reference);
  });

  it('labels a PATCH body as JSON Patch, where openapi-fetch says application/json', async () => {
    const init = {
      params: { path: { id: 'c1' } },
      body: [{ op: 'replace', path: '/name', value: 'n' }],
    };
    const { reference, isc } = await both('PATCH', '/campaigns/{id}', init);
    expect(isc).toEqual({
      ...reference,
      headers: { ...reference?.headers, 'content-type': 'application/json-patch+json' },
    });
  });
});

const values: Record<string, unknown>[] = [
  { a: 'x y', b: 2, c: true, d: 'ä/?#&=' },
  { list: ['a b', 'c/d', 3], skip: undefined, none: null },
  { list: ['only'] },
  { object: { x: 'a b', y: 2, z: 'c/d' } },
  { list: ['a', null, 'b'] },
  { object: { x: null, y: 'v' } },
];

const options: [string, QuerySerializerOptions | undefined][] = [
  ['defaults', undefined],
  ['allowReserved', { allowReserved: true }],
  ['form arrays, not exploded', { array: { style: 'form', explode: false } }],
  ['space-delimited arrays', { array: { style: 'spaceDelimited', explode: false } }],
  ['pipe-delimited arrays', { array: { style: 'pipeDelimited', explode: false } }],
  ['pipe-delimited arrays, exploded', { array: { style: 'pipeDelimited', explode: true } }],
  ['form objects, exploded', { object: { style: 'form', explode: true } }],
  ['form objects, not exploded', { object: { style: 'form', explode: false } }],
  [
    'not exploded and reserved',
    {
      array: { style: 'form', explode: false },
      object: { style: 'form', explode: false },
      allowReserved: true,
    },
  ],
];

describe('query serialisation options match openapi-fetch', () => {
  it.each(options)('%s', async (_name, option) => {
    const serialize = createQuerySerializer(option);
    for (const query of values) {
      const { reference, isc } = await both('GET', '/campaigns', {
        params: { query },
        ...(option ? { querySerializer: option } : {}),
      });
      expect(isc.url).toBe(reference?.url);
      const search = serialize(query);
      // openapi-fetch's own serialiser gives the same string (as fetch normalises it).
      expect(reference?.url).toBe(
        new Request(`${BASE}/campaigns${search ? `?${search}` : ''}`).url,
      );
    }
  });

  it('refuses nested values without a serialiser, as openapi-fetch does', async () => {
    const isc = createIscClient({ baseUrl: BASE, auth: { accessToken: 'tok' } });
    await expect(
      isc.GET('/campaigns', { params: { query: { deep: [['a']] } as never } }),
    ).rejects.toThrow(/Deeply-nested arrays\/objects/);
  });
});
