import type { FilterNode } from '@isc-sdk/filters';
import type { FieldReaders } from './field-readers.js';
import { compileFilter } from './filter-evaluator.js';
import { sortRecords, type SortKey } from './sort-records.js';

/** The standard collection parameters of one request, validated and parsed. */
export interface CollectionQuery {
  readonly limit: number;
  readonly offset: number;
  readonly count: boolean;
  /** The parsed `filters`, when given. */
  readonly filter: FilterNode | undefined;
  /** The parsed `sorters`; empty when not given. */
  readonly sorters: readonly SortKey[];
  /** The raw `sorters` text, usable as a cache key. */
  readonly sortersText: string;
}

/** One page of a collection and the total number of matches. */
export interface CollectionPage<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** Options of {@link pageOf}. */
export interface PageOptions<T> {
  /**
   * Returns the records already sorted by the query's sorters, e.g. from a cache. When absent the
   * records are sorted on every call.
   */
  readonly sorted?: (keys: readonly SortKey[]) => readonly T[];
}

/**
 * Filters, sorts and pages records. Without a filter and sorter this is a plain slice, so paging
 * a large list costs only the page.
 */
export function pageOf<T>(
  records: readonly T[],
  query: CollectionQuery,
  readers: FieldReaders<T>,
  options: PageOptions<T> = {},
): CollectionPage<T> {
  let ordered: readonly T[] = records;
  if (query.sorters.length > 0) {
    ordered = options.sorted
      ? options.sorted(query.sorters)
      : sortRecords(records, query.sorters, readers);
  }
  if (!query.filter) {
    return {
      items: ordered.slice(query.offset, query.offset + query.limit),
      total: ordered.length,
    };
  }
  const matches = compileFilter(query.filter, readers);
  const items: T[] = [];
  let total = 0;
  const end = query.offset + query.limit;
  for (const record of ordered) {
    if (!matches(record)) continue;
    if (total >= query.offset && total < end) items.push(record);
    total += 1;
    // Without count=true the total is not needed, so stop once the page is full.
    if (!query.count && total >= end) break;
  }
  return { items, total };
}
