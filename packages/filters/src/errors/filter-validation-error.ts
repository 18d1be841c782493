import type { FilterProblem, SorterProblem } from '../validation/problems.js';
import { hasErrorBrand } from './error-brand.js';
import { FiltersError } from './filters-error.js';

/** Thrown by `assertValidFilter`, `assertValidSorters` and the builders' `from`. */
export class FilterValidationError extends FiltersError {
  override readonly name = 'FilterValidationError' as const;
  /** Which query parameter was checked. */
  readonly parameter: 'filters' | 'sorters';
  /** Every problem found, in source order. */
  readonly problems: readonly (FilterProblem | SorterProblem)[];

  constructor(
    parameter: 'filters' | 'sorters',
    problems: readonly (FilterProblem | SorterProblem)[],
  ) {
    const listed = problems
      .map((p) => (p.start === undefined ? p.message : `${p.message} (at ${p.start})`))
      .join(' ');
    super(`Invalid ${parameter}: ${listed}`);
    this.parameter = parameter;
    this.problems = problems;
  }
}

/** True when `value` is a {@link FilterValidationError}, also one from another copy of this package. */
export function isFilterValidationError(value: unknown): value is FilterValidationError {
  return hasErrorBrand(value, 'FilterValidationError');
}
