// What validation reports: one entry per unsupported field, operator, composite or sort key.

import type { FilterComposite, FilterOperator } from '@isc-sdk/types';

/** The kinds of filter problem. The API answers 400 Bad Request to each of them. */
export type FilterProblemCode =
  /** The text is not a well-formed filter. */
  | 'syntax'
  /** The operation takes no `filters` parameter at all. */
  | 'filters-not-supported'
  /** The operation cannot filter on this field. */
  | 'unknown-field'
  /** The field does not support this operator. */
  | 'unsupported-operator'
  /** The operation does not allow this composite (`and`, `or` or `not`). */
  | 'unsupported-composite'
  /** The operation allows one `and`/`or` per filter, and this filter has more. */
  | 'too-many-composites'
  /** The operation's one `and`/`or` must join terms on different fields; these share one. */
  | 'composite-same-field'
  /** The value's kind (string, number, boolean, date-time) differs from the field's. */
  | 'value-type';

/** One problem found in a filter. */
export interface FilterProblem {
  readonly code: FilterProblemCode;
  /** A sentence naming the field or operator and what the operation accepts instead. */
  readonly message: string;
  /**
   * Offset of the offending token (UTF-16 code units); left out when a tree without source
   * positions was checked.
   */
  readonly start?: number;
  /** Offset just after the offending token; left out like `start`. */
  readonly end?: number;
  /** The field involved, or null (syntax errors, composites). */
  readonly field: string | null;
  /** The operator or composite involved, or null. */
  readonly operator: FilterOperator | FilterComposite | null;
  /** What would have been accepted at this place, e.g. the field's operators. */
  readonly expected: readonly string[];
}

/** The kinds of sorter problem. */
export type SorterProblemCode =
  /** A sort key is not `field` or `-field`, or the list is empty. */
  | 'syntax'
  /** The operation takes no `sorters` parameter at all. */
  | 'sorters-not-supported'
  /** The operation cannot sort on this field. */
  | 'unknown-sorter';

/** One problem found in a sorters list. */
export interface SorterProblem {
  readonly code: SorterProblemCode;
  /** A sentence naming the sort key and what the operation accepts instead. */
  readonly message: string;
  /** Offset of the offending key (UTF-16 code units). */
  readonly start?: number;
  /** Offset just after the offending key. */
  readonly end?: number;
  /** The sort field involved, or null. */
  readonly field: string | null;
  /** The sortable fields, or what the syntax allows here. */
  readonly expected: readonly string[];
}
