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
    super(`Invalid ${parameter}: ${describeProblems(problems)}`);
    this.parameter = parameter;
    this.problems = problems;
  }
}

/** True when `value` is a {@link FilterValidationError}, also one from another copy of this package. */
export function isFilterValidationError(value: unknown): value is FilterValidationError {
  return hasErrorBrand(value, 'FilterValidationError');
}

/** How many problems an error message spells out; `problems` always holds every one. */
export const PROBLEMS_IN_MESSAGE = 10;

/**
 * The first {@link PROBLEMS_IN_MESSAGE} problems' messages, each with its position, then how many
 * more there are, so that a message stays short however many problems a long filter has.
 */
export function describeProblems(problems: readonly (FilterProblem | SorterProblem)[]): string {
  const listed = problems
    .slice(0, PROBLEMS_IN_MESSAGE)
    .map((p) => (p.start === undefined ? p.message : `${p.message} (at ${p.start})`))
    .join(' ');
  const more = problems.length - PROBLEMS_IN_MESSAGE;
  return more > 0 ? `${listed} … and ${more} more (all are in \`problems\`).` : listed;
}
