// Both parsers take text only; anything else gets the same typed error.

import { FilterSyntaxError } from '../errors/filter-syntax-error.js';

/** Throws `FilterSyntaxError` at position 0 unless `input` is a string. */
export function assertText(
  input: unknown,
  parameter: 'filters' | 'sorters',
): asserts input is string {
  if (typeof input === 'string') return;
  throw new FilterSyntaxError({
    input: String(input),
    position: 0,
    expected: [`${parameter} text (a string)`],
    found: input === null ? 'null' : typeof input,
    parameter,
  });
}
