// Checks a filter against what one operation supports, the way the API does before answering 400.

import type { FilterExpression, FilterNode } from '../ast.js';
import { resolveCapabilities, type CapabilityTarget } from '../capabilities.js';
import type { FilterProblem } from './problems.js';
import { assertReadable, readFilter } from './read-filter.js';

/**
 * Lists every problem of a filter for one operation: unknown fields, unsupported operators,
 * composites the operation does not allow (the permissions endpoint allows only `and`/`or`), values
 * of the wrong kind (`completed eq "true"` for a boolean field), or a syntax error. An empty list
 * means the API will accept the filter's shape. Enumeration values are not checked here: the typed
 * builders enforce them, and the API compares them case-insensitively.
 *
 * `target` is an operationId from `@isc-sdk/types` or a plain {@link FilterCapabilities} object.
 * Text is parsed first; a syntax error comes back as a single `syntax` problem, not as a throw.
 *
 * @throws {UnknownOperationError} when `target` is a string that is not a known operationId.
 * @throws {FilterBuildError} when `filter` is a tree that cannot be printed (a malformed object).
 * @example
 * validateFilter('name co "x"', 'getActiveCampaigns');
 * // [{ code: 'unsupported-operator', field: 'name', operator: 'co', start: 5, end: 7, … }]
 */
export function validateFilter(
  filter: string | FilterExpression,
  target: CapabilityTarget,
): readonly FilterProblem[] {
  return readFilter(filter, resolveCapabilities(target)).problems;
}

/**
 * Like {@link validateFilter}, but throws when there is any problem, and otherwise returns the
 * tree: the parsed tree for text (ready to evaluate, as the mock tenant does), or `filter` itself.
 * @throws {FilterValidationError} listing every problem.
 * @example
 * const tree = assertValidFilter('completed eq false', 'getIdentitySummaries'); // tree.kind === 'comparison'
 */
export function assertValidFilter(filter: string, target: CapabilityTarget): FilterNode;
export function assertValidFilter<T extends FilterExpression>(
  filter: T,
  target: CapabilityTarget,
): T;
export function assertValidFilter(
  filter: string | FilterExpression,
  target: CapabilityTarget,
): FilterExpression {
  return assertReadable(filter, resolveCapabilities(target));
}
