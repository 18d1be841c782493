// `isc.searchAll`: POST /search with `searchAfter`, past the 10,000-result window of offset paging;
// and `isc.searchCount`: POST /search/count.

import { searchIndices } from '@isc-sdk/types';
import type { Client } from 'openapi-fetch';
import { IscConfigError } from '../errors/request-errors.js';
import { checkFunction, checkInteger, checkObject } from '../internal/checks.js';
import { invalidResponse, totalCount } from '../internal/responses.js';
import { errorOf } from '../unwrap.js';
import { releasing } from './paginate.js';
import type { IscProgress } from './paginate-types.js';

type AnyClient = Client<any>;
type Post = (path: string, init: object) => ReturnType<AnyClient['POST']>;

/** The search index names (from the spec), as plain strings for membership tests. */
const INDICES: readonly string[] = searchIndices;

/** Iterates every result of `body`; option errors throw here, before any request. */
export function searchAll(
  client: AnyClient,
  body: unknown,
  options: Record<string, unknown> | undefined,
): AsyncIterable<unknown> {
  const search = checkObject('body', body, 'a search body object');
  const sort = sortWithTieBreaker(search['sort']);
  const { limit: limitOption, maxItems: maxOption, onProgress: progress, ...rest } = options ?? {};
  const limit = checkInteger('limit', limitOption, 250, 1, 10_000);
  const maxItems = checkInteger('maxItems', maxOption, Infinity, 0);
  const onProgress = checkFunction<(progress: IscProgress) => void>('onProgress', progress);
  const expected = expectedTypes(search['indices']);
  const post = client.POST as Post;

  return {
    async *[Symbol.asyncIterator]() {
      let after = search['searchAfter'];
      let previous: string | undefined;
      let total: number | undefined;
      let done = 0;
      for (let remaining = maxItems; remaining > 0;) {
        const size = Math.min(limit, remaining);
        // With a progress callback, the first request also asks for the total.
        const count = onProgress !== undefined && done === 0;
        const result = await post('/search', {
          ...rest,
          idempotent: rest['idempotent'] ?? true,
          params: { query: { limit: size, ...(count && { count }) } },
          body: { ...search, sort, ...(after !== undefined && { searchAfter: after }) },
        });
        const { response, data } = result;
        if (!response.ok) throw errorOf(result);
        const fail = (reason: 'unexpected-shape' | 'no-progress', problem: string) =>
          invalidResponse(response, { method: 'POST', url: '/search' }, reason, problem);
        if (!Array.isArray(data))
          throw fail('unexpected-shape', 'the search answered with no array');
        if (count) total = totalCount(response);
        const last: unknown = data[data.length - 1];
        const full = data.length >= size;
        const taken = Math.min(data.length, remaining);
        remaining -= taken;
        done += taken;
        onProgress?.({ done, total });
        for (const document of releasing(data, taken)) {
          const type = (document as { _type?: unknown } | null)?._type;
          if (expected && !expected.has(type)) {
            throw fail(
              'unexpected-shape',
              `a result has _type ${JSON.stringify(type)}, not of the requested indices`,
            );
          }
          yield document;
        }
        if (!full) return;
        const values = searchAfterValues(last, sort);
        if (!Array.isArray(values)) {
          throw fail(
            'unexpected-shape',
            `the last result has no value for the sort field "${values.missing}", so searchAfter cannot go on`,
          );
        }
        // A server that ignores searchAfter answers with the same page, ending on the same document.
        const mark = JSON.stringify(values);
        if (mark === previous) {
          throw fail(
            'no-progress',
            'a page ends on the same result as the one before: the server ignores searchAfter',
          );
        }
        previous = mark;
        after = values;
      }
    },
  };
}

/** POST /search/count: the number of matches, from the `X-Total-Count` header of the 204. */
export async function searchCount(
  client: AnyClient,
  body: unknown,
  options: Record<string, unknown> | undefined,
): Promise<number> {
  checkObject('body', body, 'a search body object');
  const result = await (client.POST as Post)('/search/count', {
    ...options,
    // Counting only reads: safe to retry like a GET.
    idempotent: options?.['idempotent'] ?? true,
    body,
  });
  if (!result.response.ok) throw errorOf(result);
  const total = totalCount(result.response);
  if (total === undefined) {
    throw invalidResponse(
      result.response,
      { method: 'POST', url: '/search/count' },
      'unexpected-shape',
      'no usable X-Total-Count header',
    );
  }
  return total;
}

/** The `_type` values the requested indices hold, or undefined for all (`*` or no `indices`). */
function expectedTypes(indices: unknown): Set<unknown> | undefined {
  if (indices === undefined) return undefined;
  if (!Array.isArray(indices)) throw new IscConfigError('body.indices', 'must be an array');
  if (indices.includes('*')) return undefined;
  const expected = new Set<unknown>();
  for (const index of indices) {
    if (!INDICES.includes(index)) {
      throw new IscConfigError(
        'body.indices',
        `${JSON.stringify(index)} is not a search index (${INDICES.join(', ')}, *)`,
      );
    }
    expected.add((index as string).replace(/ies$/, 'y').replace(/s$/, ''));
  }
  return expected;
}

/** The caller's sort (checked) with `id` appended as the tie-breaker when absent; `["id"]` for none. */
function sortWithTieBreaker(sort: unknown): string[] {
  if (sort === undefined) return ['id'];
  if (
    !Array.isArray(sort) ||
    !sort.every((field) => typeof field === 'string' && fieldName(field) !== '')
  ) {
    throw new IscConfigError('body.sort', 'must be an array of field names (+ or - prefixed)');
  }
  const fields = sort as string[];
  return fields.some((field) => fieldName(field) === 'id') ? [...fields] : [...fields, 'id'];
}

/**
 * The `searchAfter` values for the document that ended a page: its value of each sort field, nested
 * fields (`manager.name`) included; or the name of the first field without a usable value.
 */
function searchAfterValues(
  document: unknown,
  sort: readonly string[],
): string[] | { missing: string } {
  const values: string[] = [];
  for (const field of sort) {
    let value: unknown = document;
    for (const key of fieldName(field).split('.')) {
      value =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof value === 'string') values.push(value);
    else if (typeof value === 'number' || typeof value === 'boolean') values.push(String(value));
    else return { missing: field };
  }
  return values;
}

function fieldName(field: string): string {
  return field.startsWith('+') || field.startsWith('-') ? field.slice(1).trim() : field.trim();
}
