// `isc.searchAll`: POST /search with `searchAfter`, past the 10,000-result window of offset paging.

import { IscConfigError } from '../errors/isc-config-error.js';
import type { CallFunction } from '../internal/call-function.js';
import { checkInteger, checkObject } from '../internal/check-option.js';
import { shapeError } from '../internal/shape-error.js';
import { errorOf } from '../unwrap.js';
import { releasing } from './releasing.js';
import { searchAfterValues, sortWithTieBreaker } from './search-sort.js';
import type { IscSearchAllOptions } from './search-types.js';

/** The `_type` of the documents of each index. */
const DOCUMENT_TYPE: Record<string, string> = {
  accessprofiles: 'accessprofile',
  accountactivities: 'accountactivity',
  entitlements: 'entitlement',
  events: 'event',
  identities: 'identity',
  roles: 'role',
};

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
  const maxItems = checkInteger('maxItems', maxOption, Infinity, 0, Number.MAX_SAFE_INTEGER);
  const expected = expectedTypes(search['indices']);
  const idempotent = callOptions.idempotent ?? true;

  return {
    async *[Symbol.asyncIterator]() {
      let after = search['searchAfter'];
      let remaining = maxItems;
      for (;;) {
        const size = Math.min(limit, remaining);
        if (size <= 0) return;
        const result = await call('POST', '/search', {
          ...callOptions,
          idempotent,
          params: { query: { limit: size } },
          body: after === undefined ? { ...search, sort } : { ...search, sort, searchAfter: after },
        });
        if (!result.response.ok) throw errorOf(result);
        const documents = result.data;
        if (!Array.isArray(documents)) {
          throw shapeError(
            result.response,
            'POST',
            '/search',
            'the search answered with something that is not an array',
          );
        }
        const count = Math.min(documents.length, remaining);
        const last: unknown = documents[documents.length - 1];
        for (const document of releasing(documents, count)) {
          const type = (document as { _type?: unknown } | null)?._type;
          if (expected !== undefined && !expected.has(type as string)) {
            throw shapeError(
              result.response,
              'POST',
              '/search',
              `a result has _type ${JSON.stringify(type)}, which the requested indices do not hold`,
            );
          }
          yield document;
        }
        remaining -= count;
        if (documents.length < size) return;
        const values = searchAfterValues(last, sort);
        if (!Array.isArray(values)) {
          throw shapeError(
            result.response,
            'POST',
            '/search',
            `the last result of a page has no value for the sort field "${values.missing}", so searchAfter ` +
              'cannot continue after it; sort by fields that every result has',
          );
        }
        after = values;
      }
    },
  };
}

/** The `_type`s allowed by `indices`, or undefined when any type may come back. */
function expectedTypes(indices: unknown): Set<string> | undefined {
  if (indices === undefined) return undefined;
  if (!Array.isArray(indices) || !indices.every((index) => typeof index === 'string')) {
    throw new IscConfigError('body.indices', 'must be an array of index names');
  }
  if (indices.includes('*')) return undefined;
  const types = new Set<string>();
  for (const index of indices as string[]) {
    const type = DOCUMENT_TYPE[index];
    if (type === undefined) {
      throw new IscConfigError(
        'body.indices',
        `"${index}" is not a search index (${Object.keys(DOCUMENT_TYPE).join(', ')}, *)`,
      );
    }
    types.add(type);
  }
  return types;
}
