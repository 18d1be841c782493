import type { Readable, components } from '@isc-sdk/types';
import { badRequest } from '../http/api-problem.js';
import {
  SEARCH_INDICES,
  type IndexedDocument,
  type SearchIndex,
  type SearchIndexName,
} from './build-search-documents.js';
import { viewOf } from './document-view.js';
import { compileViewQuery, rangeMatcher, type ViewPredicate } from './match-query.js';
import { MAX_QUERY_TERMS, parseQueryString } from './parse-query-string.js';
import { MAX_SEARCH_CHECKS, SearchBudget } from './search-budget.js';
import { SearchQueryError } from './search-query-error.js';

/** The Search request body. */
export type SearchBody = Readable<components['schemas']['Search']>;

/** Offset paging stops here, like the Elasticsearch result window. */
export const RESULT_WINDOW = 10_000;

/**
 * Yields to the event loop between slices of a long search, so the tenant keeps answering other
 * requests meanwhile. Tests pass a counting one.
 */
export type Pause = () => Promise<void>;

/** Lets the event loop run pending I/O (other requests) before the search goes on. */
export const nextTurn: Pause = () => new Promise((resolve) => setImmediate(resolve));

/**
 * How many value checks (see SearchBudget) a search makes between two pauses: a few milliseconds of
 * work. A one-term search over the default directory (about 800 documents) never pauses; one of
 * 2,000 terms does, every few dozen documents.
 */
export const CHECKS_PER_SLICE = 100_000;

/** Most terms of a TEXT query; like the query string's limit. */
const MAX_TEXT_TERMS = MAX_QUERY_TERMS;

function indicesOf(body: SearchBody): SearchIndexName[] {
  const asked = body.indices ?? [];
  if (asked.length === 0 || asked.includes('*')) return [...SEARCH_INDICES];
  return SEARCH_INDICES.filter((index) => asked.includes(index));
}

function queryPredicate(body: SearchBody, budget: SearchBudget): ViewPredicate {
  const type = body.queryType ?? 'SAILPOINT';
  if (type === 'SAILPOINT') {
    const text = body.query?.query;
    if (typeof text !== 'string') throw badRequest("A SAILPOINT search needs 'query.query'.");
    if (body.query?.innerHit)
      throw badRequest("'query.innerHit' is not supported by the mock tenant.");
    // With `fields`, clauses without a field look only in those fields.
    const fields = body.query?.fields;
    const list = (typeof fields === 'string' ? fields.split(',') : (fields ?? [])).flatMap((f) =>
      f.split(','),
    );
    const defaultFields = list.map((f) => f.trim()).filter(Boolean);
    // A malformed query throws SearchQueryError; selectDocuments turns it into a 400.
    return compileViewQuery(parseQueryString(text), defaultFields, budget);
  }
  if (type === 'TEXT') {
    const text = body.textQuery;
    if (!text) throw badRequest("A TEXT search needs 'textQuery'.");
    if (text.terms.length > MAX_TEXT_TERMS) {
      throw badRequest(
        `'textQuery.terms' has ${text.terms.length} terms; the mock tenant searches at most ${MAX_TEXT_TERMS} in one query.`,
      );
    }
    const terms = text.terms.map((t) => t.toLowerCase());
    return (view) => {
      const values = text.fields.flatMap((f) => view.at(f).lowered);
      const found = (term: string) => {
        budget.spend(values.length);
        return values.some((v) => (text.contains ? v.includes(term) : v.startsWith(term)));
      };
      return text.matchAny ? terms.some(found) : terms.every(found);
    };
  }
  throw badRequest(`queryType ${type} is not supported by the mock tenant; use SAILPOINT or TEXT.`);
}

function filterPredicate(body: SearchBody, budget: SearchBudget): ViewPredicate {
  const entries = Object.entries(body.filters ?? {});
  const tests = entries.map(([field, filter]): ViewPredicate => {
    let test: ViewPredicate;
    switch (filter.type) {
      case 'EXISTS':
        test = (view) => view.at(field).raw.some((v) => v !== null && v !== undefined);
        break;
      case 'RANGE': {
        const matches = rangeMatcher(filter.range?.lower, filter.range?.upper, budget);
        test = (view) => matches(view.at(field));
        break;
      }
      case 'TERMS': {
        const terms = new Set((filter.terms ?? []).map((t) => t.toLowerCase()));
        test = (view) => view.at(field).lowered.some((v) => terms.has(v));
        break;
      }
      default:
        throw badRequest(`Search filter on '${field}' needs a type: EXISTS, RANGE or TERMS.`);
    }
    return filter.exclude ? (view) => !test(view) : test;
  });
  return (view) => {
    budget.spend(tests.length);
    return tests.every((t) => t(view));
  };
}

/**
 * Every document the body's indices, query and filters select, in index order. Each document's
 * values come from its precomputed view. The search counts the values it checks: it pauses after
 * every {@link CHECKS_PER_SLICE} of them, so other requests are answered while it runs, and stops
 * with a 400 past {@link MAX_SEARCH_CHECKS}.
 * @param pause how to yield between slices (the event loop's next turn)
 */
export async function selectDocuments(
  index: SearchIndex,
  body: SearchBody,
  pause: Pause = nextTurn,
): Promise<IndexedDocument[]> {
  const budget = new SearchBudget(body.query?.query ?? '');
  try {
    const query = queryPredicate(body, budget);
    const filters = filterPredicate(body, budget);
    const result: IndexedDocument[] = [];
    let nextPause = CHECKS_PER_SLICE;
    for (const name of indicesOf(body)) {
      for (const document of index.documents(name)) {
        const view = viewOf(document);
        if (query(view) && filters(view)) result.push(document);
        if (budget.spent >= nextPause) {
          nextPause = budget.spent + CHECKS_PER_SLICE;
          await pause();
        }
      }
    }
    return result;
  } catch (error) {
    if (error instanceof SearchQueryError) throw badRequest(error.message);
    throw error;
  }
}

interface SortField {
  readonly field: string;
  readonly sign: number;
}

function sortValue(document: IndexedDocument, field: string): string | number | undefined {
  const value = viewOf(document).at(field).values[0];
  if (value === undefined) return undefined;
  return typeof value === 'number' ? value : String(value).toLowerCase();
}

function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : 1;
}

function sortFields(body: SearchBody): SortField[] {
  return (body.sort ?? []).map((entry) => {
    if (entry.startsWith('-')) return { field: entry.slice(1), sign: -1 };
    return { field: entry.replace(/^\+/, ''), sign: 1 };
  });
}

/** Sorts by the body's `sort` and drops everything up to `searchAfter`. */
export function orderDocuments(documents: IndexedDocument[], body: SearchBody): IndexedDocument[] {
  const fields = sortFields(body);
  if (body.searchAfter && body.searchAfter.length > 0 && fields.length === 0) {
    throw badRequest("'searchAfter' needs 'sort' (include id to avoid duplicates).");
  }
  if (fields.length === 0) return documents;
  const compare = (a: IndexedDocument, b: IndexedDocument): number => {
    for (const { field, sign } of fields) {
      const c = compareValues(sortValue(a, field), sortValue(b, field));
      if (c !== 0) return c * sign;
    }
    return 0;
  };
  const sorted = [...documents].sort(compare);
  const after = body.searchAfter;
  if (!after || after.length === 0) return sorted;
  return sorted.filter((document) => {
    for (let i = 0; i < fields.length && i < after.length; i++) {
      const value = sortValue(document, fields[i]!.field);
      const raw = after[i]!;
      const bound =
        typeof value === 'number' && !Number.isNaN(Number(raw)) ? Number(raw) : raw.toLowerCase();
      const c = compareValues(value, bound) * fields[i]!.sign;
      if (c !== 0) return c > 0;
    }
    return false;
  });
}

/** Applies `queryResultFilter` and `includeNested` to one returned document. */
export function shapeDocument(
  document: IndexedDocument,
  body: SearchBody,
  withSearchFields: boolean,
): object {
  let shaped: Record<string, unknown> = { ...document };
  if (body.includeNested === false) {
    for (const [key, value] of Object.entries(shaped)) {
      if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null))
        delete shaped[key];
    }
  }
  const includes = body.queryResultFilter?.includes;
  if (includes && includes.length > 0) {
    // The schema's required fields stay, so results remain valid documents.
    const keep = new Set(['id', 'name', '_type', ...includes.map((f) => f.split('.')[0]!)]);
    shaped = Object.fromEntries(Object.entries(shaped).filter(([key]) => keep.has(key)));
  }
  for (const field of body.queryResultFilter?.excludes ?? []) {
    if (!['id', 'name', '_type'].includes(field)) delete shaped[field.split('.')[0]!];
  }
  if (withSearchFields) shaped = { ...shaped, pod: 'mock-pod', org: 'mock', _version: 'v1' };
  return shaped;
}

/** Runs POST /search: select, order, page. */
export async function runSearch(
  index: SearchIndex,
  body: SearchBody,
  offset: number,
  limit: number,
  pause: Pause = nextTurn,
): Promise<{ documents: object[]; total: number }> {
  if (offset + limit > RESULT_WINDOW && !(body.searchAfter && body.searchAfter.length > 0)) {
    throw badRequest(
      `offset + limit must not exceed ${RESULT_WINDOW}; page further with 'sort' and 'searchAfter'.`,
    );
  }
  const selected = orderDocuments(await selectDocuments(index, body, pause), body);
  return {
    documents: selected.slice(offset, offset + limit).map((d) => shapeDocument(d, body, true)),
    total: selected.length,
  };
}
