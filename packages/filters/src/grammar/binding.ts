// How tightly a piece of filter text binds, and when it needs parentheses inside another operator.

/** `atom` covers comparisons, `pr`, `isnull`, `not` and anything parenthesised. */
export type Binding = 'atom' | 'and' | 'or';

/**
 * True when a piece that binds as `binding` needs parentheses inside `parent`: `not` takes only
 * atoms, `and` takes atoms and `and` chains, `or` takes everything.
 */
export function needsParentheses(parent: 'not' | 'and' | 'or', binding: Binding): boolean {
  if (binding === 'atom') return false;
  if (binding === 'or') return parent !== 'or';
  return parent === 'not';
}
