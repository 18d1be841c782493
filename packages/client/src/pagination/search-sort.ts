// The sort that makes `searchAfter` paging deterministic, and the `searchAfter` values it implies.

import { IscConfigError } from '../errors/isc-config-error.js';

/** The caller's sort (checked) with `id` appended as the tie-breaker when absent; `["id"]` for none. */
export function sortWithTieBreaker(sort: unknown): string[] {
  if (sort === undefined) return ['id'];
  if (
    !Array.isArray(sort) ||
    !sort.every((field) => typeof field === 'string' && fieldName(field) !== '')
  ) {
    throw new IscConfigError('body.sort', 'must be an array of field names (+ or - prefixed)');
  }
  const fields = sort as string[];
  return fields.some((field) => fieldName(field) === 'id') ? [...fields] : [...fields, 'id'];
}

/**
 * The `searchAfter` values for the document that ended a page: its value of each sort field, nested
 * fields (`manager.name`) included. Returns the name of the first field without a usable value instead,
 * when there is one.
 */
export function searchAfterValues(
  document: unknown,
  sort: readonly string[],
): string[] | { missing: string } {
  const values: string[] = [];
  for (const field of sort) {
    let value: unknown = document;
    for (const key of fieldName(field).split('.')) {
      value =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof value === 'string') values.push(value);
    else if (typeof value === 'number' || typeof value === 'boolean') values.push(String(value));
    else return { missing: field };
  }
  return values;
}

function fieldName(field: string): string {
  return field.startsWith('+') || field.startsWith('-') ? field.slice(1).trim() : field.trim();
}
