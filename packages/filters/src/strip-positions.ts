// Drops source offsets from a parsed tree, for comparing filters that came from different texts.

import type { FilterExpression, FilterLiteral } from './ast.js';
import { FilterBuildError } from './errors/filter-build-error.js';
import { MAX_TREE_DEPTH } from './grammar/nesting.js';

/**
 * Returns a copy of a tree with every source position removed: what is left is what the filter
 * means. Two texts that differ only in spacing or redundant parentheses give deep-equal results.
 *
 * @throws {FilterBuildError} (`too-deep`) for a tree more than 1,000 levels deep, which no parsed
 *   filter is (a hand-built or cyclic one can be), instead of exhausting the stack.
 * @example
 * expect(stripPositions(parseFilter('(a eq 1)'))).toEqual(stripPositions(parseFilter('a  eq 1')));
 */
export function stripPositions(tree: FilterExpression): FilterExpression {
  return strip(tree, 0);
}

function strip(tree: FilterExpression, level: number): FilterExpression {
  if (level > MAX_TREE_DEPTH) {
    throw new FilterBuildError({
      code: 'too-deep',
      message: `The filter tree is more than ${MAX_TREE_DEPTH} levels deep; parseFilter never returns such a tree.`,
    });
  }
  switch (tree.kind) {
    case 'comparison':
      return {
        kind: tree.kind,
        field: tree.field,
        operator: tree.operator,
        value: stripLiteral(tree.value),
      };
    case 'list':
      return {
        kind: tree.kind,
        field: tree.field,
        operator: tree.operator,
        values: tree.values.map(stripLiteral),
      };
    case 'present':
    case 'isnull':
      return { kind: tree.kind, field: tree.field, operator: tree.operator } as FilterExpression;
    case 'and':
    case 'or':
      return { kind: tree.kind, operands: tree.operands.map((node) => strip(node, level + 1)) };
    case 'not':
      return { kind: tree.kind, operand: strip(tree.operand, level + 1) };
  }
}

function stripLiteral(literal: FilterLiteral): FilterLiteral {
  return { kind: literal.kind, value: literal.value } as FilterLiteral;
}
