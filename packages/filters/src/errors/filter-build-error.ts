import { hasErrorBrand } from './error-brand.js';
import { FiltersError } from './filters-error.js';

/** Why a builder or `formatFilter` refused its input. */
export type FilterBuildErrorCode =
  /** The operation cannot filter on this field. */
  | 'unknown-field'
  /** The field does not support this operator. */
  | 'unsupported-operator'
  /** The operation does not allow this composite (`and`, `or`, `not`). */
  | 'unsupported-composite'
  /** The operation allows one `and`/`or` per filter (the permissions endpoint). */
  | 'too-many-composites'
  /** The operation's one `and`/`or` must join terms on different fields. */
  | 'composite-same-field'
  /** The text is not a valid field name (dotted identifiers, not a keyword). */
  | 'invalid-field-name'
  /** The value cannot be written: wrong type, not in the enum, NaN, an invalid Date, a control character, … */
  | 'invalid-value'
  /** `in` or `ca` was given no values. */
  | 'empty-list'
  /** `and` or `or` was given no operands. */
  | 'no-operands'
  /** The tree nests deeper than `parseFilter` would read back. */
  | 'too-deep'
  /** A combinator was given something that is not a well-formed filter of this operation. */
  | 'invalid-operand'
  /** The operation takes no `filters` parameter. */
  | 'filters-not-supported'
  /** The operation takes no `sorters` parameter. */
  | 'sorters-not-supported'
  /** The operation cannot sort on this field. */
  | 'unknown-sorter'
  /** `by()` was given no sort keys. */
  | 'no-sorters';

/** What was refused. */
export interface FilterBuildErrorDetails {
  readonly code: FilterBuildErrorCode;
  /** A sentence naming the input and what was expected. */
  readonly message: string;
  /** The field involved, when there is one. */
  readonly field?: string;
  /** The value that was refused, when there is one. */
  readonly value?: unknown;
  /** The error that led to this one (for `invalid-operand`: the syntax or validation error). */
  readonly cause?: unknown;
}

/** Thrown when a filter builder, a sorters builder or `formatFilter` is given something it cannot write. */
export class FilterBuildError extends FiltersError {
  override readonly name = 'FilterBuildError' as const;
  /** What kind of input was refused. */
  readonly code: FilterBuildErrorCode;
  // `declare`: no class field is emitted, so an error without a field or value has no such
  // property at all (instead of one holding undefined).
  /** The field involved, when there is one. */
  declare readonly field?: string;
  /** The value that was refused, when there is one. */
  declare readonly value?: unknown;

  constructor(details: FilterBuildErrorDetails) {
    super(details.message, 'cause' in details ? { cause: details.cause } : undefined);
    this.code = details.code;
    if (details.field !== undefined) this.field = details.field;
    if ('value' in details) this.value = details.value;
  }
}

/** True when `value` is a {@link FilterBuildError}, also one thrown by another copy of this package. */
export function isFilterBuildError(value: unknown): value is FilterBuildError {
  return hasErrorBrand(value, 'FilterBuildError');
}
