// Test helper: writes filter trees without source positions, the way a caller would by hand.

import type { FilterExpression, FilterLiteral } from '../../src/index.js';

export const str = (value: string): FilterLiteral => ({ kind: 'string', value });
export const num = (value: string): FilterLiteral => ({ kind: 'number', value });

export const eq = (field: string, value: FilterLiteral): FilterExpression => ({
  kind: 'comparison',
  field,
  operator: 'eq',
  value,
});

export const and = (...operands: FilterExpression[]): FilterExpression => ({
  kind: 'and',
  operands,
});

export const or = (...operands: FilterExpression[]): FilterExpression => ({ kind: 'or', operands });

export const not = (operand: FilterExpression): FilterExpression => ({ kind: 'not', operand });

/** Runs `action` and returns what it threw (fails the test when nothing is thrown). */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
