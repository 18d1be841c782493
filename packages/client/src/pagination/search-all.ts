// `isc.searchAll`: POST /search with `searchAfter`, past the 10,000-result window of offset paging.

import { searchIndices } from '@isc-sdk/types';
import { IscConfigError } from '../errors/isc-config-error.js';
import type { CallFunction } from '../internal/call-function.js';
import { checkInteger, checkObject } from '../internal/check-option.js';
import { shapeError } from '../internal/shape-error.js';
import { errorOf } from '../unwrap.js';
import { releasing } from './releasing.js';
import { searchAfterValues, sortWithTieBreaker } from './search-sort.js';
import type { IscSearchAllOptions } from './search-types.js';

/** The search index names (from the spec), as plain strings for membership tests. */
const INDICES: readonly string[] = searchIndices;

/** Iterates every result of `body`; option errors throw here, before any request. */
export function searchAll(
  call: CallFunction,
  body: unknown,
  options: IscSearchAllOptions | undefined,
): AsyncIterable<unknown> {
  const search = checkObject('body', body, 'a search body object');
  const sort = sortWithTieBreaker(search['sort']);
  const { limit: limitOption, maxItems: maxOption, ...callOptions } = options ?? {};
  const limit = checkInteger('limit', limitOption, 250, 1, 10_000);
  const maxItems = checkInteger('maxItems', maxOption, Infinity, 0);
  const indices = search['indices'];
  let expected: Set<unknown> | undefined;
  if (indices !== undefined) {
    if (!Array.isArray(indices)) throw new IscConfigError('body.indices', 'must be an array');
    if (!indices.includes('*')) {
      expected = new Set();
      for (const index of indices) {
        if (!INDICES.includes(index)) {
          throw new IscConfigError(
            'body.indices',
            `${JSON.stringify(index)} is not a search index (${INDICES.join(', ')}, *)`,
          );
        }
        expected.add(index.replace(/ies$/, 'y').replace(/s$/, ''));
      }
    }
  }
  const fail = (response: Response, problem: string) =>
    shapeError(response, 'POST', '/search', problem);

  return {
    async *[Symbol.asyncIterator]() {
      let after = search['searchAfter'];
      for (let remaining = maxItems; remaining > 0;) {
        const size = Math.min(limit, remaining);
        const result = await call('POST', '/search', {
          ...callOptions,
          idempotent: callOptions.idempotent ?? true,
          params: { query: { limit: size } },
          body: { ...search, sort, ...(after !== undefined && { searchAfter: after }) },
        });
        const { response, data } = result;
        if (!response.ok) throw errorOf(result);
        if (!Array.isArray(data)) throw fail(response, 'the search answered with no array');
        const last: unknown = data[data.length - 1];
        const full = data.length >= size;
        const count = Math.min(data.length, remaining);
        remaining -= count;
        for (const document of releasing(data, count)) {
          const type = (document as { _type?: unknown } | null)?._type;
          if (expected && !expected.has(type)) {
            throw fail(
              response,
              `a result has _type ${JSON.stringify(type)}, not of the requested indices`,
            );
          }
          yield document;
        }
        if (!full) return;
        const values = searchAfterValues(last, sort);
        if (!Array.isArray(values)) {
          throw fail(
            response,
            `the last result has no value for the sort field "${values.missing}", so searchAfter cannot go on`,
          );
        }
        after = values;
      }
    },
  };
}
