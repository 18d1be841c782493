// The `sorters` grammar: sort keys separated by commas, each a field name with an optional leading
// `-` for descending order. No spaces, as in the API's own examples (`type,-modified`).

import { FilterSyntaxError } from './errors/filter-syntax-error.js';
import { assertText } from './grammar/assert-text.js';
import { isFieldName } from './grammar/field-name.js';

/** One key of a sorters list. */
export interface SortTerm {
  /** The field to sort by. */
  readonly field: string;
  /** `desc` when the key starts with `-`. */
  readonly direction: 'asc' | 'desc';
  /** Offset of the key (its `-`, if any). */
  readonly start: number;
  /** Offset just after the key. */
  readonly end: number;
}

/**
 * Reads a `sorters` value such as `access.name,-identitySummary.name` into its keys, in order.
 * @throws {FilterSyntaxError} on an empty list, an empty key, or a key that is not `field`/`-field`.
 * @example
 * parseSorters('name,-created').map((t) => t.direction); // ['asc', 'desc']
 */
export function parseSorters(text: string): SortTerm[] {
  assertText(text, 'sorters');
  const terms: SortTerm[] = [];
  let start = 0;
  for (const key of text.split(',')) {
    const end = start + key.length;
    const descending = key.startsWith('-');
    const field = descending ? key.slice(1) : key;
    if (!isFieldName(field)) {
      throw new FilterSyntaxError({
        input: text,
        position: start,
        expected: ['a field name, optionally preceded by -'],
        found: key === '' ? (end === text.length ? 'end of input' : '","') : JSON.stringify(key),
        parameter: 'sorters',
        ...(key.trim() !== key
          ? { hint: 'Sort keys are separated by commas without spaces.' }
          : {}),
      });
    }
    terms.push({ field, direction: descending ? 'desc' : 'asc', start, end });
    start = end + 1;
  }
  return terms;
}
