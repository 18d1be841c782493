// Drops source offsets from a parsed tree, for comparing filters that came from different texts.

import type { FilterExpression, FilterLiteral } from './ast.js';

/**
 * Returns a copy of a tree with every source position removed: what is left is what the filter
 * means. Two texts that differ only in spacing or redundant parentheses give deep-equal results.
 * @example
 * expect(stripPositions(parseFilter('(a eq 1)'))).toEqual(stripPositions(parseFilter('a  eq 1')));
 */
export function stripPositions(tree: FilterExpression): FilterExpression {
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
      return { kind: tree.kind, operands: tree.operands.map(stripPositions) };
    case 'not':
      return { kind: tree.kind, operand: stripPositions(tree.operand) };
  }
}

function stripLiteral(literal: FilterLiteral): FilterLiteral {
  return { kind: literal.kind, value: literal.value } as FilterLiteral;
}
