import type { Readable, components } from '@isc-sdk/types';
import { badRequest } from '../http/api-problem.js';
import {
  SEARCH_INDICES,
  type IndexedDocument,
  type SearchIndex,
  type SearchIndexName,
} from './build-search-documents.js';
import { rawValuesAt, valuesAt } from './document-values.js';
import { compileQuery, inRange } from './match-query.js';
import { parseQueryString } from './parse-query-string.js';
import { SearchQueryError } from './search-query-error.js';

/** The Search request body. */
export type SearchBody = Readable<components['schemas']['Search']>;

/** Offset paging stops here, like the Elasticsearch result window. */
export const RESULT_WINDOW = 10_000;

type Predicate = (document: IndexedDocument) => boolean;

function indicesOf(body: SearchBody): SearchIndexName[] {
  const asked = body.indices ?? [];
  if (asked.length === 0 || asked.includes('*')) return [...SEARCH_INDICES];
  return SEARCH_INDICES.filter((index) => asked.includes(index));
}

function queryPredicate(body: SearchBody): Predicate {
  const type = body.queryType ?? 'SAILPOINT';
  if (type === 'SAILPOINT') {
    const text = body.query?.query;
    if (typeof text !== 'string') throw badRequest("A SAILPOINT search needs 'query.query'.");
    if (body.query?.innerHit)
      throw badRequest("'query.innerHit' is not supported by the mock tenant.");
    try {
      // With `fields`, clauses without a field look only in those fields.
      const fields = body.query?.fields;
      const list = (typeof fields === 'string' ? fields.split(',') : (fields ?? [])).flatMap((f) =>
        f.split(','),
      );
      return compileQuery(parseQueryString(text), list.map((f) => f.trim()).filter(Boolean));
    } catch (error) {
      if (error instanceof SearchQueryError) throw badRequest(error.message);
      throw error;
    }
  }
  if (type === 'TEXT') {
    const text = body.textQuery;
    if (!text) throw badRequest("A TEXT search needs 'textQuery'.");
    const terms = text.terms.map((t) => t.toLowerCase());
    return (document) => {
      const values = text.fields
        .flatMap((f) => valuesAt(document, f))
        .map((v) => String(v).toLowerCase());
      const found = (term: string) =>
        values.some((v) => (text.contains ? v.includes(term) : v.startsWith(term)));
      return text.matchAny ? terms.some(found) : terms.every(found);
    };
  }
  throw badRequest(`queryType ${type} is not supported by the mock tenant; use SAILPOINT or TEXT.`);
}

function filterPredicate(body: SearchBody): Predicate {
  const entries = Object.entries(body.filters ?? {});
  const tests = entries.map(([field, filter]): Predicate => {
    let test: Predicate;
    switch (filter.type) {
      case 'EXISTS':
        test = (d) => rawValuesAt(d, field).some((v) => v !== null && v !== undefined);
        break;
      case 'RANGE':
        test = (d) =>
          valuesAt(d, field).some((v) => inRange(v, filter.range?.lower, filter.range?.upper));
        break;
      case 'TERMS': {
        const terms = (filter.terms ?? []).map((t) => t.toLowerCase());
        test = (d) => valuesAt(d, field).some((v) => terms.includes(String(v).toLowerCase()));
        break;
      }
      default:
        throw badRequest(`Search filter on '${field}' needs a type: EXISTS, RANGE or TERMS.`);
    }
    return filter.exclude ? (d) => !test(d) : test;
  });
  return (document) => tests.every((t) => t(document));
}

/** Every document the body's indices, query and filters select, in index order. */
export function selectDocuments(index: SearchIndex, body: SearchBody): IndexedDocument[] {
  const query = queryPredicate(body);
  const filters = filterPredicate(body);
  const result: IndexedDocument[] = [];
  for (const name of indicesOf(body)) {
    for (const document of index.documents(name))
      if (query(document) && filters(document)) result.push(document);
  }
  return result;
}

interface SortField {
  readonly field: string;
  readonly sign: number;
}

function sortValue(document: IndexedDocument, field: string): string | number | undefined {
  const value = valuesAt(document, field)[0];
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
export function runSearch(
  index: SearchIndex,
  body: SearchBody,
  offset: number,
  limit: number,
): { documents: object[]; total: number } {
  if (offset + limit > RESULT_WINDOW && !(body.searchAfter && body.searchAfter.length > 0)) {
    throw badRequest(
      `offset + limit must not exceed ${RESULT_WINDOW}; page further with 'sort' and 'searchAfter'.`,
    );
  }
  const selected = orderDocuments(selectDocuments(index, body), body);
  return {
    documents: selected.slice(offset, offset + limit).map((d) => shapeDocument(d, body, true)),
    total: selected.length,
  };
}
