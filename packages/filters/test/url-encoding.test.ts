// What the server receives: builder output sent through openapi-fetch (the query serialization
// @isc-sdk/client uses) to a real HTTP server on 127.0.0.1, decoded once on arrival.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { paths } from '@isc-sdk/types';
import fc from 'fast-check';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterFor, sortersFor } from '../src/index.js';
import { hostileString } from './support/arbitraries.js';
import { propertySettings, propertyTimeout, urlPropertyRuns } from './support/property-settings.js';

let server: Server;
let baseUrl: string;
/** The raw request target (path and query, as sent on the wire) of the latest request. */
let lastTarget = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    lastTarget = request.url ?? '';
    response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The raw (still percent-encoded) value of each query parameter in the latest request. */
function rawQuery(): Map<string, string> {
  const query = lastTarget.slice(lastTarget.indexOf('?') + 1);
  return new Map(
    query.split('&').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)] as const;
    }),
  );
}

/** What a server reads for `name` after one URL decoding, by two common decoders. */
function received(name: string): { decodeURIComponent: string; URLSearchParams: string | null } {
  return {
    decodeURIComponent: decodeURIComponent(rawQuery().get(name) ?? ''),
    URLSearchParams: new URL(lastTarget, 'http://127.0.0.1').searchParams.get(name),
  };
}

const campaigns = filterFor('getActiveCampaigns');
const sort = sortersFor('getActiveCampaigns');

describe('filters and sorters through openapi-fetch to a loopback server', () => {
  const client = () => createClient<paths>({ baseUrl });

  const values: [string, string][] = [
    ['hash', '#Employees'],
    ['percent', '100% sure'],
    ['already-encoded-looking text', '%23Employees %25 %2'],
    ['ampersand and a fake parameter', 'R&D&filters=id pr'],
    ['plus and equals', 'a+b=c?d'],
    ['quotes and backslashes', 'say "hi" \\ \\"'],
    ['injection attempt', '") or id pr ("'],
    ['parentheses and commas', '(a,b),(c)'],
    ['unicode', 'Zoë · 日本 · 😀 · \u202e'],
    ['control characters', 'line\nbreak\ttab\u0000'],
    ['spaces only', '   '],
  ];

  it.each(values)('%s: the server reads exactly the filter text', async (_name, value) => {
    const filters = campaigns.and(campaigns.eq('name', value), campaigns.in('status', ['ACTIVE']));
    const sorters = sort.by('-created', 'name');
    const { response } = await client().GET('/campaigns', {
      params: { query: { filters, sorters, limit: 10 } },
    });
    expect(response.status).toBe(200);
    expect(received('filters')).toEqual({ decodeURIComponent: filters, URLSearchParams: filters });
    expect(received('sorters')).toEqual({ decodeURIComponent: sorters, URLSearchParams: sorters });
    expect(rawQuery().get('limit')).toBe('10');
  });

  it('puts no character on the wire that a URL would read as syntax', async () => {
    const filters = campaigns.eq('name', '#a %b &c +d "e f\\g');
    await client().GET('/campaigns', { params: { query: { filters } } });
    const raw = rawQuery().get('filters') ?? '';
    expect(raw).not.toMatch(/[#& +"\\]/);
    expect(raw).not.toMatch(/%(?![0-9A-F]{2})/);
    expect(raw).toContain('%23a%20%25b%20%26c%20%2Bd');
  });

  it(
    `holds for generated hostile values (${urlPropertyRuns} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileString, async (value: string) => {
          const filters = campaigns.or(campaigns.eq('name', value), campaigns.sw('name', value));
          await client().GET('/campaigns', { params: { query: { filters } } });
          expect(received('filters')).toEqual({
            decodeURIComponent: filters,
            URLSearchParams: filters,
          });
        }),
        propertySettings(urlPropertyRuns),
      );
    },
    propertyTimeout(urlPropertyRuns),
  );

  it('encoding the value again would make the server read percent signs (so this package does not)', async () => {
    const filters = campaigns.eq('name', '#Employees');
    await client().GET('/campaigns', {
      params: { query: { filters: encodeURIComponent(filters) } },
    });
    expect(received('filters').decodeURIComponent).toBe('name%20eq%20%22%23Employees%22');
  });

  it('allowReserved: true would cut the filter at # (so keep the default serializer)', async () => {
    const raw = createClient<paths>({ baseUrl, querySerializer: { allowReserved: true } });
    await raw.GET('/campaigns', {
      params: { query: { filters: campaigns.eq('name', '#Employees') } },
    });
    expect(received('filters').URLSearchParams).toBe('name eq "');
  });
});
