// The words of the filter grammar. Operators and keywords are lowercase only: the API rejects `EQ`.

import type { FilterComposite, FilterOperator } from '@isc-sdk/types';
import type { ComparisonOperator, ListOperator } from '../ast.js';

/** Operators written `field op value`. */
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = [
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'co',
  'sw',
];

/** Operators written `field op (v1,v2)`. */
export const LIST_OPERATORS: readonly ListOperator[] = ['in', 'ca'];

/** Every operator that may follow a field name, in the order error messages list them. */
export const POSTFIELD_OPERATORS: readonly FilterOperator[] = [
  ...COMPARISON_OPERATORS,
  ...LIST_OPERATORS,
  'isnull',
];

/** Every operator of the grammar. */
export const FILTER_OPERATORS: readonly FilterOperator[] = [...POSTFIELD_OPERATORS, 'pr'];

/** The composite operators, strongest first. */
export const FILTER_COMPOSITES: readonly FilterComposite[] = ['not', 'and', 'or'];

/**
 * Words that can never be field names, compared case-insensitively, so that `NOT x eq 1` is reported
 * as a misspelt keyword instead of a field called `NOT`.
 */
const RESERVED = new Set<string>([
  ...FILTER_OPERATORS,
  ...FILTER_COMPOSITES,
  'true',
  'false',
  'null',
]);

/** True when `word` (in any letter case) is an operator, a composite or a bare literal. */
export function isReservedWord(word: string): boolean {
  return RESERVED.has(word.toLowerCase());
}

const COMPARISON_SET = new Set<string>(COMPARISON_OPERATORS);
const LIST_SET = new Set<string>(LIST_OPERATORS);

/** Narrows a word to a single-value comparison operator. */
export function isComparisonOperator(word: string): word is ComparisonOperator {
  return COMPARISON_SET.has(word);
}

/** Narrows a word to a list operator. */
export function isListOperator(word: string): word is ListOperator {
  return LIST_SET.has(word);
}
