// Prints a syntax tree in the canonical form: single spaces, lowercase keywords, the fewest
// parentheses the precedence `not` > `and` > `or` allows, and lists written `("a","b")`.

import type { FilterExpression, FilterLiteral } from './ast.js';
import { FilterBuildError } from './errors/filter-build-error.js';
import { type Binding, needsParentheses } from './grammar/binding.js';
import { MAX_FILTER_NESTING, MAX_TREE_DEPTH } from './grammar/nesting.js';
import { isFieldName } from './grammar/field-name.js';
import { isComparisonOperator, isListOperator } from './grammar/keywords.js';
import {
  NUMBER_TEXT,
  describeCharacter,
  findLoneSurrogate,
  isDateTimeText,
  quoteString,
} from './grammar/literal-text.js';

/**
 * Prints a filter tree as canonical V3 filter text. Takes a tree from `parseFilter` (its source
 * offsets are ignored) or one written by hand. `formatFilter(parseFilter(s))` is a fixed point:
 * parsing and formatting its output again changes nothing.
 *
 * The tree is checked as it is printed, so a tree from an untrusted source cannot smuggle in syntax:
 * field names must be dotted identifiers, operators must belong to their node kind, strings may not
 * hold unpaired surrogates, and numbers and date-times must match their grammar.
 *
 * @throws {FilterBuildError} when the tree holds something that cannot be written.
 * @example
 * formatFilter(parseFilter('(name eq "a")  and not(id eq "b" or id eq "c")'));
 * // 'name eq "a" and not (id eq "b" or id eq "c")'
 */
export function formatFilter(tree: FilterExpression): string {
  return print(tree, 0, 0);
}

/**
 * Prints `node`, which sits `level` tree levels deep inside `nesting` parentheses and `not`s (counted
 * the way the parser counts them, so whatever prints also parses).
 */
function print(node: FilterExpression, nesting: number, level: number): string {
  if (typeof node !== 'object' || node === null) {
    throw new FilterBuildError({
      code: 'invalid-value',
      value: node,
      message: `A filter node must be an object, got ${node === null ? 'null' : typeof node}.`,
    });
  }
  if (nesting > MAX_FILTER_NESTING || level > MAX_TREE_DEPTH) {
    throw new FilterBuildError({
      code: 'too-deep',
      message: `The filter nests deeper than ${MAX_FILTER_NESTING} parentheses and nots (or ${MAX_TREE_DEPTH} tree levels), which parseFilter would refuse.`,
    });
  }
  // Each property is read once, checked, and the checked value printed: a getter cannot pass the
  // check with one value and be printed with another.
  switch (node.kind) {
    case 'comparison': {
      const { operator } = node;
      if (!isComparisonOperator(operator)) throw badOperator(node.kind, operator);
      return `${field(node.field)} ${operator} ${formatLiteral(node.value)}`;
    }
    case 'list': {
      const { operator, values } = node;
      if (!isListOperator(operator)) throw badOperator(node.kind, operator);
      const name = field(node.field);
      if (!Array.isArray(values) || values.length === 0) {
        throw new FilterBuildError({
          code: 'empty-list',
          field: name,
          message: `The ${operator} list for field ${JSON.stringify(name)} is empty; it needs at least one value.`,
        });
      }
      return `${name} ${operator} (${printEach(values, formatLiteral, ',')})`;
    }
    case 'present':
    case 'isnull': {
      // Only one operator prints for these kinds, but a tree saying another would be validated
      // (by validateFilter) against that other operator's capabilities: refuse the mismatch.
      const operator: unknown = node.operator;
      const expected = node.kind === 'present' ? 'pr' : 'isnull';
      if (operator !== expected) throw badOperator(node.kind, operator);
      const name = field(node.field);
      return node.kind === 'present' ? `pr ${name}` : `${name} isnull`;
    }
    case 'not':
      return `not ${printOperand('not', node.operand, nesting + 1, level)}`;
    case 'and':
    case 'or':
      return printChain(node.kind, node.operands, nesting, level);
    default:
      throw new FilterBuildError({
        code: 'invalid-value',
        value: (node as { kind?: unknown }).kind,
        message: `Unknown filter node kind ${JSON.stringify((node as { kind?: unknown }).kind)}.`,
      });
  }
}

function printChain(
  kind: 'and' | 'or',
  operands: readonly FilterExpression[],
  nesting: number,
  level: number,
): string {
  if (!Array.isArray(operands) || operands.length === 0) {
    throw new FilterBuildError({
      code: 'no-operands',
      message: `An ${kind} node needs at least one operand.`,
    });
  }
  if (operands.length === 1) return print(operands[0] as FilterExpression, nesting, level + 1);
  return printEach(operands, (operand) => printOperand(kind, operand, nesting, level), ` ${kind} `);
}

/**
 * Prints every item and joins them. Unlike `map`, it visits the holes of a sparse array (they hold
 * `undefined`, which the printers refuse) instead of joining them as empty text.
 */
function printEach<T>(
  items: readonly T[],
  printItem: (item: T) => string,
  separator: string,
): string {
  const printed: string[] = [];
  for (let index = 0; index < items.length; index++) printed.push(printItem(items[index] as T));
  return printed.join(separator);
}

/** Prints an operand of `parent`, in parentheses when it binds more loosely than `parent`. */
function printOperand(
  parent: 'not' | 'and' | 'or',
  operand: FilterExpression,
  nesting: number,
  level: number,
): string {
  // Stryker disable next-line ArithmeticOperator: the level only bounds bindingOf's walk, and print() refuses any node that deep
  const wrapped = needsParentheses(parent, bindingOf(operand, level + 1));
  const printed = print(operand, wrapped ? nesting + 1 : nesting, level + 1);
  return wrapped ? `(${printed})` : printed;
}

/** How loosely `node` binds once printed; a chain of one operand binds like that operand. */
function bindingOf(node: FilterExpression, level: number): Binding {
  let current = node;
  // Stryker disable next-line EqualityOperator: a node at the last level has operands print() refuses as too deep, bracketed or not
  for (let depth = level; depth <= MAX_TREE_DEPTH; depth++) {
    // Stryker disable next-line StringLiteral: print() refuses a node that is no object, bracketed or not
    if (typeof current !== 'object' || current === null) return 'atom';
    if (current.kind !== 'and' && current.kind !== 'or') return 'atom';
    if (!Array.isArray(current.operands) || current.operands.length !== 1) return current.kind;
    current = current.operands[0] as FilterExpression;
  }
  // Stryker disable next-line StringLiteral: print() refuses a node this deep, bracketed or not
  return 'atom';
}

function field(name: string): string {
  if (typeof name !== 'string' || !isFieldName(name)) {
    throw new FilterBuildError({
      code: 'invalid-field-name',
      field: String(name),
      message: `${JSON.stringify(name)} is not a field name: use identifiers joined by dots, not a keyword.`,
    });
  }
  return name;
}

function badOperator(kind: string, operator: unknown): FilterBuildError {
  return new FilterBuildError({
    code: 'unsupported-operator',
    value: operator,
    message: `${JSON.stringify(operator)} is not an operator of a ${kind} node.`,
  });
}

/** Prints one literal, checking that its text is well-formed for its kind. */
function formatLiteral(literal: FilterLiteral): string {
  if (typeof literal !== 'object' || literal === null) {
    throw new FilterBuildError({
      code: 'invalid-value',
      value: literal,
      message: `A filter literal must be an object such as { kind: 'string', value: 'x' }, got ${literal === null ? 'null' : typeof literal}.`,
    });
  }
  const { kind, value } = literal as { kind: unknown; value: unknown };
  switch (kind) {
    case 'string': {
      if (typeof value !== 'string') throw badLiteral(kind, value, 'is not a string');
      const bad = findLoneSurrogate(value);
      if (bad >= 0) {
        throw badLiteral(
          kind,
          value,
          `holds the unpaired surrogate ${describeCharacter(value, bad)} at offset ${bad}, which cannot be sent in a URL`,
        );
      }
      return quoteString(value);
    }
    case 'number':
      if (typeof value !== 'string' || !NUMBER_TEXT.test(value)) {
        throw badLiteral(kind, value, 'is not decimal number text such as "12" or "-1.5e3"');
      }
      return value;
    case 'date-time':
      if (typeof value !== 'string' || !isDateTimeText(value)) {
        throw badLiteral(
          kind,
          value,
          'is not an RFC 3339 date-time such as "2018-12-18T23:05:55Z"',
        );
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw badLiteral(kind, value, 'is not true or false');
      return value ? 'true' : 'false';
    default:
      throw badLiteral(kind, value, 'has an unknown literal kind');
  }
}

function badLiteral(kind: unknown, value: unknown, problem: string): FilterBuildError {
  return new FilterBuildError({
    code: 'invalid-value',
    value,
    message: `The ${String(kind)} value ${JSON.stringify(value)} ${problem}.`,
  });
}
