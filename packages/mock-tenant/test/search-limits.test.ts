// Long and hostile search queries: answered, or refused with a 400 that names the limit, in
// bounded work; a long search pauses so other requests get through. Work is shown by counting
// (pauses, checks), never by timing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { resolveOptions } from '../src/resolve-options.js';
import { SearchIndex } from '../src/search/build-search-documents.js';
import { matchesWildcard } from '../src/search/match-query.js';
import { MAX_QUERY_DEPTH, MAX_QUERY_TERMS } from '../src/search/parse-query-string.js';
import { selectDocuments, type SearchBody } from '../src/search/run-search.js';
import { MAX_SEARCH_CHECKS } from '../src/search/search-budget.js';
import { generateDirectory } from '../src/seed/generate-directory.js';
import { errorText, startTestTenant, type TenantClient } from './support/tenant-client.js';

let tenant: MockTenant;
let isc: TenantClient;

beforeAll(async () => {
  ({ tenant, isc } = await startTestTenant());
});
afterAll(() => tenant.stop());

const orOf = (count: number, term: (n: number) => string) =>
  Array.from({ length: count }, (_, n) => term(n)).join(' OR ');

async function search(body: Record<string, unknown>) {
  const result = await isc.POST('/search', {
    body: body as never,
    params: { query: { limit: 10_000 } },
  });
  return { ...result, ids: ((result.data ?? []) as Array<{ id: string }>).map((d) => d.id) };
}

describe('long queries over HTTP', () => {
  it('answers a 2,000-term query, with the same documents as its one term', async () => {
    const one = await search({ query: { query: 'finance' } });
    const many = await search({ query: { query: orOf(2000, () => 'finance') } });
    expect(one.response.status).toBe(200);
    expect(one.ids.length).toBeGreaterThan(0);
    expect(many.response.status).toBe(200);
    expect(many.ids).toEqual(one.ids);
  });

  it(`answers ${MAX_QUERY_TERMS} terms and refuses one more with 400 naming the limit`, async () => {
    expect(
      (await search({ query: { query: orOf(MAX_QUERY_TERMS, (n) => `name:x${n}`) } })).response
        .status,
    ).toBe(200);
    const refused = await search({ query: { query: orOf(MAX_QUERY_TERMS + 1, () => 'a') } });
    expect(refused.response.status).toBe(400);
    expect(errorText(refused.error)).toContain(
      `the query has more than ${MAX_QUERY_TERMS} terms, the most the mock tenant searches in one query`,
    );
  });

  it('refuses a 20,000-term query with 400, quoting only the start of it', async () => {
    const query = orOf(20_000, () => 'a');
    const { response, error } = await search({ query: { query } });
    expect(response.status).toBe(400);
    const text = errorText(error)!;
    expect(text).toContain(`more than ${MAX_QUERY_TERMS} terms`);
    expect(text.length).toBeLessThan(600);
  });

  it.each([
    ['parentheses', (n: number) => `${'('.repeat(n)}a${')'.repeat(n)}`],
    ['NOTs', (n: number) => `${'NOT '.repeat(n)}a`],
    ['minus signs', (n: number) => `${'-'.repeat(n)}a`],
    ['nested queries', (n: number) => `${'@access('.repeat(n)}type:ROLE${')'.repeat(n)}`],
  ])(`accepts ${MAX_QUERY_DEPTH} levels of %s and refuses more with 400`, async (_name, nest) => {
    expect((await search({ query: { query: nest(MAX_QUERY_DEPTH) } })).response.status).toBe(200);
    const deep = await search({ query: { query: nest(100_000) } });
    expect(deep.response.status).toBe(400);
    expect(errorText(deep.error)).toContain(
      `the query nests deeper than ${MAX_QUERY_DEPTH} levels`,
    );
  });

  it('refuses a query that needs too many checks (wildcards over every field) with 400', async () => {
    const { response, error } = await search({ query: { query: orOf(4000, (n) => `*zq*${n}*`) } });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(
      `the search needs more than ${MAX_SEARCH_CHECKS.toLocaleString('en-US')} checks of document values`,
    );
  });

  it('answers the same wildcards when they name a field', async () => {
    const { response } = await search({
      indices: ['identities'],
      query: { query: orOf(200, (n) => `name:*zq*${n}*`) },
    });
    expect(response.status).toBe(200);
  });

  it(`refuses a TEXT query of more than ${MAX_QUERY_TERMS} terms`, async () => {
    const { response, error } = await search({
      queryType: 'TEXT',
      textQuery: {
        terms: Array.from({ length: MAX_QUERY_TERMS + 1 }, () => 'a'),
        fields: ['name'],
        matchAny: true,
        contains: false,
      },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `'textQuery.terms' has ${MAX_QUERY_TERMS + 1} terms; the mock tenant searches at most ${MAX_QUERY_TERMS} in one query.`,
    );
  });

  it('applies the limits to /search/count and /search/aggregate too', async () => {
    const body = { query: { query: orOf(MAX_QUERY_TERMS + 1, () => 'a') } };
    const count = await isc.POST('/search/count', { body: body as never });
    expect(count.response.status).toBe(400);
    const aggregate = await isc.POST('/search/aggregate', { body: body as never });
    expect(aggregate.response.status).toBe(400);
  });
});

describe('pausing a long search', () => {
  const index = new SearchIndex(generateDirectory(1, resolveOptions().size));
  const counted = async (body: SearchBody) => {
    let pauses = 0;
    const documents = await selectDocuments(index, body, async () => {
      pauses += 1;
    });
    return { pauses, documents };
  };

  it('never pauses a short search', async () => {
    const { pauses, documents } = await counted({ query: { query: 'finance' } });
    expect(documents.length).toBeGreaterThan(0);
    expect(pauses).toBe(0);
  });

  it('pauses a 2,000-term search many times, and finds the same documents', async () => {
    const one = await counted({ query: { query: 'finance' } });
    const many = await counted({ query: { query: orOf(2000, () => 'finance') } });
    expect(many.pauses).toBeGreaterThan(5);
    expect(many.documents).toEqual(one.documents);
  });
});

describe('wildcard matching', () => {
  it.each([
    ['a*', 'abc', true],
    ['A*C', 'abc', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*b*', 'abc', true],
    ['*', '', true],
    ['?', '', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(60), false],
  ])('%s against %s is %s', (pattern, text, expected) => {
    expect(matchesWildcard(pattern, text)).toBe(expected);
  });

  const runs = Number(process.env['MOCK_TENANT_PROPERTY_RUNS'] ?? 300);
  const seed = Number(process.env['MOCK_TENANT_PROPERTY_SEED'] ?? 20_261_017);

  it(`agrees with the regular expression it replaced (${runs} runs, seed ${seed})`, () => {
    // The old matcher: `*` as `.*`, `?` as `.`, anchored, case-insensitive. Fine on short input.
    const asRegExp = (pattern: string) =>
      new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    const letters = fc.constantFrom('a', 'b', 'A', 'B');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(letters, fc.constantFrom('*', '?')), maxLength: 8 }),
        fc.string({ unit: letters, maxLength: 10 }),
        (pattern, text) => {
          expect(matchesWildcard(pattern, text)).toBe(asRegExp(pattern).test(text));
        },
      ),
      { numRuns: runs, seed },
    );
  });
});
