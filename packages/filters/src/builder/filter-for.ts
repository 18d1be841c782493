// The per-operation filter builder. Every method builds a syntax tree and prints it with
// `formatFilter`, so builder output is canonical filter text and values are always quoted and
// escaped by the same code that the parser's round trip is tested against.

import type { FilterComposite, FilterOperator } from '@isc-sdk/types';
import type { ComparisonOperator, FilterExpression, ListOperator } from '../ast.js';
import {
  fieldCapability,
  resolveCapabilities,
  type FilterCapabilities,
  type FilterFieldCapability,
  type FilterableOperationId,
  type OperationCapabilities,
  type ResolvedCapabilities,
} from '../capabilities.js';
import { FilterBuildError } from '../errors/filter-build-error.js';
import { FilterValidationError, describeProblems } from '../errors/filter-validation-error.js';
import { formatFilter } from '../format-filter.js';
import { isFieldName } from '../grammar/field-name.js';
import { assertReadable, readFilter } from '../validation/read-filter.js';
import { singleCompositeProblems } from '../validation/single-composite.js';
import type { Filter } from './branded.js';
import type { FilterBuilder, FilterBuilderMethods } from './filter-builder-types.js';
import { literalFor } from './literal-for.js';

/**
 * Returns a filter builder for one operation. Its methods accept only the operation's filterable
 * fields and, per field, only its operators and value type; each returns the filter as a string,
 * ready for `query: { filters }`. Methods do not use `this`, so they can be destructured.
 *
 * Pass an operationId from `@isc-sdk/types`, or a plain {@link FilterCapabilities} object.
 *
 * @throws {UnknownOperationError} for an operationId that does not exist.
 * @throws {FilterBuildError} (`filters-not-supported`) when the operation takes no `filters`.
 * @example
 * const f = filterFor('listIdentityAccessReviewItems');
 * f.and(f.eq('completed', false), f.eq('identitySummary.id', '2c91…'));
 * // 'completed eq false and identitySummary.id eq "2c91…"'
 */
export function filterFor<const Op extends FilterableOperationId>(
  operationId: Op,
): FilterBuilder<OperationCapabilities<Op>, Op>;
export function filterFor<const C extends FilterCapabilities>(capabilities: C): FilterBuilder<C, C>;
export function filterFor(
  target: string | FilterCapabilities,
): FilterBuilderMethods<unknown, unknown> {
  const capabilities = resolveCapabilities(target);
  if (capabilities.filters === null) {
    throw new FilterBuildError({
      code: 'filters-not-supported',
      message: `${capabilities.label} takes no filters parameter, so it has no filter builder.`,
    });
  }
  const write = (tree: FilterExpression) => formatFilter(tree) as Filter<unknown>;
  const compare = (operator: ComparisonOperator) => (field: string, value: unknown) => {
    const capability = checkField(capabilities, field, operator);
    const literal = literalFor(field, operator, capability, value);
    return write({ kind: 'comparison', field, operator, value: literal });
  };
  const list = (operator: ListOperator) => (field: string, values: readonly unknown[]) => {
    const capability = checkField(capabilities, field, operator);
    if (!Array.isArray(values) || values.length === 0) {
      throw new FilterBuildError({
        code: 'empty-list',
        field,
        value: values,
        message: `${operator} on field "${field}" needs a non-empty array of values.`,
      });
    }
    const literals = values.map((value: unknown) => literalFor(field, operator, capability, value));
    return write({ kind: 'list', field, operator, values: literals });
  };
  const chain =
    (composite: 'and' | 'or') =>
    (...filters: readonly unknown[]) => {
      checkComposite(capabilities, composite);
      if (filters.length === 0) {
        throw new FilterBuildError({
          code: 'no-operands',
          message: `${composite}() needs at least one filter.`,
        });
      }
      const operands = filters.map((filter) => operandTree(capabilities, composite, filter));
      const tree: FilterExpression = { kind: composite, operands };
      const [problem] = singleCompositeProblems(tree, capabilities);
      if (problem !== undefined) {
        throw new FilterBuildError({
          code: problem.code as 'too-many-composites' | 'composite-same-field',
          message: problem.message,
          ...(problem.field === null ? {} : { field: problem.field }),
        });
      }
      return write(tree);
    };
  return {
    eq: compare('eq'),
    ne: compare('ne'),
    gt: compare('gt'),
    ge: compare('ge'),
    lt: compare('lt'),
    le: compare('le'),
    co: compare('co'),
    sw: compare('sw'),
    in: list('in'),
    ca: list('ca'),
    pr: (field: string) => {
      checkField(capabilities, field, 'pr');
      return write({ kind: 'present', field, operator: 'pr' });
    },
    isnull: (field: string) => {
      checkField(capabilities, field, 'isnull');
      return write({ kind: 'isnull', field, operator: 'isnull' });
    },
    and: chain('and'),
    or: chain('or'),
    not: (filter: unknown) => {
      checkComposite(capabilities, 'not');
      return write({ kind: 'not', operand: operandTree(capabilities, 'not', filter) });
    },
    from: (filter: string | FilterExpression) => write(assertReadable(filter, capabilities)),
  };
}

/**
 * Reads an operand of `and`/`or`/`not` back into a tree. Builder output always reads back; this
 * catches strings that were cast to `Filter` (or come from untyped code), so that no text can reach
 * a combinator and change the structure around it.
 */
function operandTree(
  capabilities: ResolvedCapabilities,
  composite: FilterComposite,
  filter: unknown,
): FilterExpression {
  if (typeof filter !== 'string') {
    throw new FilterBuildError({
      code: 'invalid-operand',
      value: filter,
      message: `${composite}() takes filters made by this builder; got ${filter === null ? 'null' : typeof filter}.`,
    });
  }
  const { tree, problems, error } = readFilter(filter, capabilities);
  // Stryker disable next-line ConditionalExpression: tree is undefined only beside the syntax problem, so problems.length decides alone
  if (tree === undefined || problems.length > 0) {
    throw new FilterBuildError({
      code: 'invalid-operand',
      value: filter,
      cause: error ?? new FilterValidationError('filters', problems),
      message: `${composite}() takes filters made by this builder for ${capabilities.label}; ${quoteOperand(filter)} is not one: ${describeProblems(problems)}`,
    });
  }
  return tree;
}

/** The operand for a message, cut short when it is long. */
function quoteOperand(filter: string): string {
  return JSON.stringify(filter.length > 200 ? `${filter.slice(0, 200)}…` : filter);
}

function checkField(
  capabilities: ResolvedCapabilities,
  field: string,
  operator: FilterOperator,
): FilterFieldCapability {
  const capability = fieldCapability(capabilities, field);
  if (capability === undefined) {
    throw new FilterBuildError({
      code: 'unknown-field',
      field: String(field),
      message: `${capabilities.label} cannot filter on ${JSON.stringify(field)}; filterable fields: ${Object.keys(capabilities.filters ?? {}).join(', ')}.`,
    });
  }
  if (!isFieldName(field)) {
    throw new FilterBuildError({
      code: 'invalid-field-name',
      field,
      message: `${JSON.stringify(field)} is not a field name: use identifiers joined by dots, not a keyword.`,
    });
  }
  if (!capability.operators.includes(operator)) {
    throw new FilterBuildError({
      code: 'unsupported-operator',
      field,
      message: `Field "${field}" does not support "${operator}" on ${capabilities.label}; it supports ${capability.operators.join(', ')}.`,
    });
  }
  return capability;
}

function checkComposite(capabilities: ResolvedCapabilities, composite: FilterComposite): void {
  if (capabilities.composites.includes(composite)) return;
  throw new FilterBuildError({
    code: 'unsupported-composite',
    message: `${capabilities.label} does not allow "${composite}" in filters; it allows ${capabilities.composites.join(', ') || 'no composites'}.`,
  });
}
