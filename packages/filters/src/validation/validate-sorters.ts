// Checks a `sorters` value against the fields one operation can sort by.

import { resolveCapabilities, type CapabilityTarget } from '../capabilities.js';
import { FilterValidationError } from '../errors/filter-validation-error.js';
import { isFilterSyntaxError } from '../errors/filter-syntax-error.js';
import { parseSorters, type SortTerm } from '../parse-sorters.js';
import type { SorterProblem } from './problems.js';

/**
 * Lists every problem of a `sorters` value for one operation: keys that are not `field`/`-field`,
 * fields the operation cannot sort by, or sorting on an operation that takes no `sorters`.
 *
 * @throws {UnknownOperationError} when `target` is a string that is not a known operationId.
 * @example
 * validateSorters('name,-due', 'listIdentityCertifications'); // []
 */
export function validateSorters(text: string, target: CapabilityTarget): readonly SorterProblem[] {
  const capabilities = resolveCapabilities(target);
  if (capabilities.sorters === null) {
    return [
      {
        code: 'sorters-not-supported',
        message: `${capabilities.label} takes no sorters parameter.`,
        start: 0,
        end: typeof text === 'string' ? text.length : 0,
        field: null,
        expected: [],
      },
    ];
  }
  let terms: SortTerm[];
  try {
    terms = parseSorters(text);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: parseSorters throws only FilterSyntaxError; the rethrow keeps any other error from becoming a problem
    if (!isFilterSyntaxError(error)) throw error;
    return [
      {
        code: 'syntax',
        message: error.summary,
        start: error.position,
        end: error.position,
        field: null,
        expected: error.expected,
      },
    ];
  }
  const sortable = capabilities.sorters;
  const problems: SorterProblem[] = [];
  for (const term of terms) {
    if (sortable.includes(term.field)) continue;
    problems.push({
      code: 'unknown-sorter',
      message: `${capabilities.label} cannot sort by "${term.field}"; sortable fields: ${sortable.join(', ')}.`,
      start: term.start,
      end: term.end,
      field: term.field,
      expected: sortable,
    });
  }
  return problems;
}

/**
 * Like {@link validateSorters}, but throws when there is any problem and returns the parsed keys
 * otherwise (ready for a mock server to sort with).
 * @throws {FilterValidationError} listing every problem.
 */
export function assertValidSorters(text: string, target: CapabilityTarget): SortTerm[] {
  const problems = validateSorters(text, target);
  if (problems.length > 0) throw new FilterValidationError('sorters', problems);
  return parseSorters(text);
}
