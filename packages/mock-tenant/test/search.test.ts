import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import {
  errorText,
  fetchToken,
  startTestTenant,
  type TenantClient,
} from './support/tenant-client.js';

let tenant: MockTenant;
let isc: TenantClient;

beforeAll(async () => {
  ({ tenant, isc } = await startTestTenant());
});
afterAll(() => tenant.stop());

/** A Search body; loosely typed so the tests can also send bodies the spec refuses. */
type Body = Record<string, unknown>;

async function search(
  body: Body,
  query: { limit?: number; offset?: number; count?: boolean } = {},
) {
  const result = await isc.POST('/search', { body: body as never, params: { query } });
  return { ...result, documents: (result.data ?? []) as Array<Record<string, unknown>> };
}

const identities = (query: string, extra: Body = {}) => ({
  indices: ['identities'],
  query: { query },
  ...extra,
});

describe('searchPost: queries', () => {
  it.each([
    [
      'a field:value term',
      'name:mock.admin',
      (d: Record<string, unknown>) => d.name === 'mock.admin',
    ],
    [
      'a wildcard',
      'firstName:Al*',
      (d: Record<string, unknown>) => String(d.firstName).startsWith('Al'),
    ],
    [
      'a nested attribute',
      'attributes.department:Finance',
      (d: any) => d.attributes.department === 'Finance',
    ],
    [
      'a phrase',
      'displayName:"Mock Admin"',
      (d: Record<string, unknown>) => d.displayName === 'Mock Admin',
    ],
    [
      'AND NOT',
      'attributes.department:Sales AND NOT inactive:true',
      (d: any) => d.attributes.department === 'Sales' && d.inactive === false,
    ],
    [
      'OR',
      'attributes.city:Berlin OR attributes.city:Lisbon',
      (d: any) => ['Berlin', 'Lisbon'].includes(d.attributes.city),
    ],
    ['a range', 'accessCount:[5 TO 7]', (d: any) => d.accessCount >= 5 && d.accessCount <= 7],
    ['a comparison', 'accessCount:>=8', (d: any) => d.accessCount >= 8],
    ['_exists_', '_exists_:manager', (d: any) => d.manager !== null],
    [
      'a nested query on access',
      '@access(type:ROLE)',
      (d: any) => d.access.some((a: any) => a.type === 'ROLE'),
    ],
  ])('matches %s', async (_name, query, holds) => {
    const { documents, response } = await search(identities(query), { limit: 10000 });
    expect(response.status).toBe(200);
    // Exactly the identities that satisfy the condition, and at least one.
    const all = (await search(identities('*'), { limit: 10000 })).documents;
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.length).toBe(all.filter(holds).length);
    expect(documents.every(holds)).toBe(true);
  });

  it('searches for an escaped special character literally', async () => {
    const { response, documents } = await search(identities('name:mock\\~admin'));
    expect(response.status).toBe(200);
    expect(documents).toEqual([]);
  });

  it('searches every index for "*" without indices, and labels documents with _type', async () => {
    const { documents } = await search({ query: { query: '*' } }, { limit: 10000 });
    expect(new Set(documents.map((d) => d._type))).toEqual(
      new Set(['identity', 'entitlement', 'accessprofile', 'role', 'event', 'accountactivity']),
    );
    expect(documents[0]).toMatchObject({ pod: 'mock-pod', org: 'mock' });
  });

  it('answers TEXT queries over the named fields', async () => {
    const { documents } = await search({
      indices: ['identities'],
      queryType: 'TEXT',
      textQuery: { terms: ['mock'], fields: ['firstName'], matchAny: false, contains: false },
    });
    expect(documents.map((d) => d.name)).toEqual(['mock.admin']);
  });

  it('applies filters (TERMS, RANGE, EXISTS with exclude)', async () => {
    const wanted = (d: any) =>
      ['Finance', 'Legal'].includes(d.attributes.department) &&
      d.accessCount >= 3 &&
      d.manager !== null &&
      !['Berlin', 'Lisbon'].includes(d.attributes.city);
    const all = (await search(identities('*'), { limit: 10000 })).documents;
    const expected = all.filter(wanted).map((d) => d.id);
    expect(expected.length).toBeGreaterThan(0);
    const { documents } = await search(
      identities('*', {
        filters: {
          'attributes.department': { type: 'TERMS', terms: ['finance', 'legal'] },
          accessCount: { type: 'RANGE', range: { lower: { value: '3', inclusive: true } } },
          manager: { type: 'EXISTS' },
          'attributes.city': { type: 'TERMS', terms: ['berlin', 'lisbon'], exclude: true },
        },
      }),
      { limit: 10000 },
    );
    expect(documents.map((d) => d.id)).toEqual(expected);
  });

  it('keeps only the fields of queryResultFilter.includes (plus id, name and _type)', async () => {
    const { documents } = await search(
      identities('name:mock.admin', { queryResultFilter: { includes: ['email'] } }),
    );
    expect(Object.keys(documents[0]!).sort()).toEqual([
      '_type',
      '_version',
      'email',
      'id',
      'name',
      'org',
      'pod',
    ]);
  });

  it.each([
    ['a malformed query', identities('name:(foo'), 'at position 9: expected ")"'],
    ['a SAILPOINT search without query', { indices: ['identities'] }, "needs 'query.query'"],
    [
      'an unsupported query type',
      { indices: ['identities'], queryType: 'DSL', queryDsl: { match: { name: 'x' } } },
      'queryType DSL is not supported',
    ],
    [
      'searchAfter without sort',
      identities('*', { searchAfter: ['x'] }),
      "'searchAfter' needs 'sort'",
    ],
    [
      'an unknown index',
      { indices: ['people'], query: { query: '*' } },
      "'indices[0]' must be one of",
    ],
    ['fuzzy search', identities('name:jon~'), 'fuzzy or proximity search ("~") is not supported'],
    [
      'proximity search',
      identities('displayName:"Mock Admin"~2'),
      'fuzzy or proximity search ("~") is not supported',
    ],
    ['boosting', identities('name:mock.admin^2'), 'boosting ("^") is not supported'],
    [
      'a regular expression',
      identities('name:/mo.*/'),
      'a regular expression ("/") is not supported',
    ],
  ])('refuses %s with 400', async (_name, body, text) => {
    const { response, error } = await search(body);
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(text);
  });
});

describe('searchPost: paging', () => {
  it('sorts, counts with X-Total-Count and pages with offset', async () => {
    const first = await search(identities('*', { sort: ['-displayName', 'id'] }), {
      limit: 5,
      count: true,
    });
    expect(first.response.headers.get('X-Total-Count')).toBe('300');
    const names = first.documents.map((d) => String(d.displayName).toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    const second = await search(identities('*', { sort: ['-displayName', 'id'] }), {
      limit: 5,
      offset: 4,
    });
    expect(second.documents[0]).toEqual(first.documents[4]);
  });

  it('pages with searchAfter through every result, without duplicates', async () => {
    const seen: string[] = [];
    let after: string[] | undefined;
    for (;;) {
      const { documents } = await search(
        identities('*', { sort: ['id'], ...(after ? { searchAfter: after } : {}) }),
        { limit: 64 },
      );
      if (documents.length === 0) break;
      seen.push(...documents.map((d) => String(d.id)));
      after = [String(documents.at(-1)!.id)];
    }
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
    expect(seen).toEqual([...seen].sort());
  });

  it('refuses offset paging past 10,000 results and limits above 10,000', async () => {
    const past = await search(identities('*'), { offset: 9_999, limit: 2 });
    expect(past.response.status).toBe(400);
    expect(errorText(past.error)).toContain('searchAfter');
    const tooMany = await search(identities('*'), { limit: 10_001 });
    expect(errorText(tooMany.error)).toBe("Query parameter 'limit' must be <= 10000");
  });
});

describe('searchCount', () => {
  it('answers 204 with the total in X-Total-Count', async () => {
    const { response } = await isc.POST('/search/count', {
      body: { indices: ['identities'], query: { query: 'inactive:false' } },
    });
    const all = await search(identities('inactive:false'), { limit: 10000 });
    expect(response.status).toBe(204);
    expect(response.headers.get('X-Total-Count')).toBe(String(all.documents.length));
  });
});

/** The JSON form of an aggregate answer (the operation's other form is CSV text). */
type AggregateJson = { aggregations: Record<string, any>; hits: unknown[] };

describe('searchAggregate', () => {
  it('runs a SAILPOINT bucket aggregation with a metric inside', async () => {
    const { data, response } = await isc.POST('/search/aggregate', {
      params: { query: { count: true, limit: 3 } },
      body: {
        indices: ['identities'],
        query: { query: '*' },
        aggregationType: 'SAILPOINT',
        aggregations: {
          bucket: { name: 'departments', field: 'attributes.department', type: 'TERMS', size: 3 },
          subAggregation: {
            metric: { name: 'cities', field: 'attributes.city', type: 'UNIQUE_COUNT' },
          },
        },
      },
    });
    expect(response.headers.get('X-Total-Count')).toBe('300');
    const result = data as AggregateJson;
    const departments = result.aggregations.departments;
    expect(departments.buckets).toHaveLength(3);
    expect(departments.buckets[0]).toMatchObject({
      key: expect.any(String),
      doc_count: expect.any(Number),
      cities: { value: expect.any(Number) },
    });
    const counts = departments.buckets.map((b: any) => b.doc_count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(result.hits).toHaveLength(3);
    // Hits carry the search fields, as /search results do.
    for (const hit of result.hits) {
      expect(hit).toMatchObject({ pod: 'mock-pod', org: 'mock', _version: 'v1' });
    }
  });

  it('runs DSL terms and metric aggregations', async () => {
    const { data } = await isc.POST('/search/aggregate', {
      body: {
        indices: ['identities'],
        query: { query: '*' },
        aggregationsDsl: {
          lifecycle: { terms: { field: 'attributes.cloudLifecycleState' } },
          most: { max: { field: 'accessCount' } },
        },
      },
    });
    const { aggregations } = data as AggregateJson;
    const total = aggregations.lifecycle.buckets.reduce((n: number, b: any) => n + b.doc_count, 0);
    expect(total).toBe(300);
    expect(aggregations.most.value).toBeGreaterThan(0);
  });

  it('answers CSV for Accept: text/csv with a SAILPOINT aggregation', async () => {
    const token = await fetch(tenant.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: tenant.clientId,
        client_secret: tenant.clientSecret,
      }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const response = await fetch(`${tenant.baseUrl}/search/aggregate`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token.access_token}`,
        'Content-Type': 'application/json',
        Accept: 'text/csv',
      },
      body: JSON.stringify({
        indices: ['identities'],
        query: { query: '*' },
        aggregationType: 'SAILPOINT',
        aggregations: { bucket: { name: 'city', field: 'attributes.city', type: 'TERMS' } },
      }),
    });
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('"city","Count"');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => /^"[^"]+",\d+$/.test(line))).toBe(true);
  });

  it('answers CSV with X-Total-Count when counted, and JSON for a DSL aggregation even when CSV is accepted', async () => {
    const token = await fetchToken(tenant);
    const post = (body: object) =>
      fetch(`${tenant.baseUrl}/search/aggregate?count=true`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          Accept: 'text/csv, application/json',
        },
        body: JSON.stringify({ indices: ['identities'], query: { query: '*' }, ...body }),
      });
    const csv = await post({
      aggregationType: 'SAILPOINT',
      aggregations: { bucket: { name: 'city', field: 'attributes.city', type: 'TERMS' } },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('X-Total-Count')).toBe('300');
    const dsl = await post({
      aggregationsDsl: { cities: { terms: { field: 'attributes.city' } } },
    });
    expect(dsl.headers.get('content-type')).toContain('application/json');
    const json = (await dsl.json()) as AggregateJson;
    expect(json.aggregations.cities.buckets.length).toBeGreaterThan(0);
  });

  it('refuses an aggregation type it does not support', async () => {
    const { response, error } = await isc.POST('/search/aggregate', {
      body: {
        indices: ['identities'],
        query: { query: '*' },
        aggregationsDsl: { p: { percentiles: { field: 'accessCount' } } },
      },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain("Aggregation type 'percentiles' is not supported");
  });
});

describe('searchGet', () => {
  it.each([
    ['identities', 'identity'],
    ['entitlements', 'entitlement'],
    ['accessprofiles', 'accessprofile'],
    ['roles', 'role'],
    ['events', 'event'],
    ['accountactivities', 'accountactivity'],
  ] as const)('gets a document of %s by id', async (index, type) => {
    const { documents } = await search({ indices: [index], query: { query: '*' } }, { limit: 1 });
    const id = String(documents[0]!.id);
    const { data, response } = await isc.GET('/search/{index}/{id}', {
      params: { path: { index, id } },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id, _type: type });
  });

  it('answers 404 for an unknown id and 400 for an unknown index', async () => {
    const missing = await isc.GET('/search/{index}/{id}', {
      params: { path: { index: 'identities', id: 'nope' } },
    });
    expect(missing.response.status).toBe(404);
    expect(errorText(missing.error)).toContain('document in index identities');
    const bad = await isc.GET('/search/{index}/{id}', {
      params: { path: { index: 'people' as 'roles', id: 'x' } },
    });
    expect(bad.response.status).toBe(400);
    expect(errorText(bad.error)).toContain("Path parameter 'index' must be one of");
  });
});
