// Reads a filter (text or tree) and checks it against resolved capabilities. Shared by the public
// validators and the builders, so that all of them report the same problems.

import type { FilterComposite } from '@isc-sdk/types';
import type { FieldExpression, FilterExpression } from '../ast.js';
import { fieldCapability, type ResolvedCapabilities } from '../capabilities.js';
import { isFilterSyntaxError, type FilterSyntaxError } from '../errors/filter-syntax-error.js';
import { FilterValidationError } from '../errors/filter-validation-error.js';
import { formatFilter } from '../format-filter.js';
import { parseFilter } from '../parse-filter.js';
import type { FilterProblem } from './problems.js';
import { singleCompositeProblems } from './single-composite.js';

/** The tree that was read (when the text parsed) and every problem found in it. */
export interface ReadFilterResult {
  readonly tree: FilterExpression | undefined;
  readonly problems: readonly FilterProblem[];
  /** The syntax error, when the text did not parse. */
  readonly error?: FilterSyntaxError;
}

/**
 * Parses text (a syntax error becomes one `syntax` problem) or checks that a tree can be printed
 * (a malformed tree throws `FilterBuildError`), then lists what the operation does not support.
 */
export function readFilter(
  filter: string | FilterExpression,
  capabilities: ResolvedCapabilities,
): ReadFilterResult {
  let tree: FilterExpression;
  if (typeof filter === 'string') {
    try {
      tree = parseFilter(filter);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: parseFilter throws only FilterSyntaxError; the rethrow keeps any other error from becoming a problem
      if (!isFilterSyntaxError(error)) throw error;
      return { tree: undefined, problems: [syntaxProblem(error)], error };
    }
  } else {
    formatFilter(filter);
    tree = filter;
  }
  if (capabilities.filters === null) {
    const problem: FilterProblem = {
      code: 'filters-not-supported',
      message: `${capabilities.label} takes no filters parameter.`,
      ...spanOf(tree),
      field: null,
      operator: null,
      expected: [],
    };
    return { tree, problems: [problem] };
  }
  const problems: FilterProblem[] = [];
  check(tree, capabilities, problems);
  // One by one, not `push(...list)`: a spread of 100,000 problems would overflow the stack.
  for (const problem of singleCompositeProblems(tree, capabilities)) problems.push(problem);
  problems.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return { tree, problems };
}

/** Like {@link readFilter}, but throws `FilterValidationError` on any problem. */
export function assertReadable(
  filter: string | FilterExpression,
  capabilities: ResolvedCapabilities,
): FilterExpression {
  const { tree, problems } = readFilter(filter, capabilities);
  // Stryker disable next-line ConditionalExpression: tree is undefined only beside the syntax problem, so problems.length decides alone
  if (tree === undefined || problems.length > 0) {
    throw new FilterValidationError('filters', problems);
  }
  return tree;
}

function syntaxProblem(error: FilterSyntaxError): FilterProblem {
  return {
    code: 'syntax',
    message: error.summary,
    start: error.position,
    end: error.position,
    field: null,
    operator: null,
    expected: error.expected,
  };
}

/** The node's source span, or nothing for a tree written without positions. */
function spanOf(node: object): { start?: number; end?: number } {
  const { start, end } = node as { start?: unknown; end?: unknown };
  return typeof start === 'number' && typeof end === 'number' ? { start, end } : {};
}

/** A span of `length` characters at `start`, or nothing when `start` is unknown. */
function spanAt(start: unknown, length: number): { start?: number; end?: number } {
  return typeof start === 'number' ? { start, end: start + length } : {};
}

function check(
  node: FilterExpression,
  capabilities: ResolvedCapabilities,
  problems: FilterProblem[],
): void {
  switch (node.kind) {
    case 'and':
    case 'or': {
      if (node.operands.length > 1) {
        const starts = (node as { operatorStarts?: readonly number[] }).operatorStarts;
        checkComposite(node.kind, starts ?? [undefined], capabilities, problems);
      }
      for (const operand of node.operands) check(operand, capabilities, problems);
      return;
    }
    case 'not':
      checkComposite('not', [spanOf(node).start], capabilities, problems);
      check(node.operand, capabilities, problems);
      return;
    default:
      checkField(node, capabilities, problems);
  }
}

function checkComposite(
  composite: FilterComposite,
  starts: readonly (number | undefined)[],
  capabilities: ResolvedCapabilities,
  problems: FilterProblem[],
): void {
  const allowed = capabilities.composites;
  if (allowed.includes(composite)) return;
  for (const start of starts) {
    problems.push({
      code: 'unsupported-composite',
      message: `${capabilities.label} does not allow "${composite}" in filters; ${
        allowed.length === 0 ? 'it allows no composites' : `it allows ${allowed.join(', ')}`
      }.`,
      ...spanAt(start, composite.length),
      field: null,
      operator: composite,
      expected: allowed,
    });
  }
}

function checkField(
  node: FieldExpression,
  capabilities: ResolvedCapabilities,
  problems: FilterProblem[],
): void {
  const { field, operator } = node;
  const positions = node as { fieldStart?: number; operatorStart?: number };
  const capability = fieldCapability(capabilities, field);
  if (capability === undefined) {
    const fields = Object.keys(capabilities.filters ?? {});
    problems.push({
      code: 'unknown-field',
      message: `${capabilities.label} cannot filter on "${field}"; filterable fields: ${fields.join(', ')}.`,
      ...spanAt(positions.fieldStart, field.length),
      field,
      operator,
      expected: fields,
    });
    return;
  }
  if (!capability.operators.includes(operator)) {
    problems.push({
      code: 'unsupported-operator',
      message: `Field "${field}" does not support "${operator}" on ${capabilities.label}; it supports ${capability.operators.join(', ')}.`,
      ...spanAt(positions.operatorStart, operator.length),
      field,
      operator,
      expected: capability.operators,
    });
    return;
  }
  const wanted = operator === 'co' || operator === 'sw' ? 'string' : capability.type;
  if (wanted === undefined) return;
  const values =
    node.kind === 'comparison' ? [node.value] : node.kind === 'list' ? node.values : [];
  for (const value of values) {
    if (value.kind === wanted) continue;
    problems.push({
      code: 'value-type',
      message: `Field "${field}" compares with ${wanted} values, but the filter gives a ${value.kind}.`,
      ...spanOf(value),
      field,
      operator,
      expected: [wanted],
    });
  }
}
