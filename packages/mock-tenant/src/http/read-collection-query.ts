import {
  assertValidFilter,
  isFilterValidationError,
  parseSorters,
  validateSorters,
} from '@isc-sdk/filters';
import type { OperationId } from '@isc-sdk/types';
import type { CollectionQuery } from '../collection/collection-query.js';
import { badRequest } from './api-problem.js';

const NO_COLLECTION: CollectionQuery = {
  limit: Number.MAX_SAFE_INTEGER,
  offset: 0,
  count: false,
  filter: undefined,
  sorters: [],
  sortersText: '',
};

/**
 * Reads the standard collection parameters from validated query values. `filters` and `sorters`
 * are checked with @isc-sdk/filters against what the operation supports; an unknown field or an
 * unsupported operator gets 400, like the API.
 */
export function readCollectionQuery(
  operationId: OperationId,
  query: Record<string, unknown>,
): CollectionQuery {
  const filtersText = typeof query.filters === 'string' ? query.filters.trim() : '';
  const sortersText = typeof query.sorters === 'string' ? query.sorters.trim() : '';
  let filter: CollectionQuery['filter'];
  if (filtersText !== '') {
    // One parse: the validator returns the tree it checked.
    try {
      filter = assertValidFilter(filtersText, operationId);
    } catch (error) {
      if (!isFilterValidationError(error)) throw error;
      const [first, ...rest] = error.problems.map((p) => `Invalid filters parameter: ${p.message}`);
      throw badRequest(first!, rest);
    }
  }
  let sorters: CollectionQuery['sorters'] = [];
  if (sortersText !== '') {
    const problems = validateSorters(sortersText, operationId);
    if (problems.length > 0) {
      const [first, ...rest] = problems.map((p) => `Invalid sorters parameter: ${p.message}`);
      throw badRequest(first!, rest);
    }
    sorters = parseSorters(sortersText).map((t) => ({
      field: t.field,
      descending: t.direction === 'desc',
    }));
  }
  return {
    limit: typeof query.limit === 'number' ? query.limit : NO_COLLECTION.limit,
    offset: typeof query.offset === 'number' ? query.offset : 0,
    count: query.count === true,
    filter,
    sorters,
    sortersText,
  };
}
