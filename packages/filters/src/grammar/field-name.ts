// Field names are dotted paths of identifiers, such as `identitySummary.id`.

import { isReservedWord } from './keywords.js';

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * True when `name` can be written as a field: dot-separated identifiers (letters, digits, `_`, not
 * starting with a digit) and not a reserved word such as `and` or `pr`.
 */
export function isFieldName(name: string): boolean {
  return FIELD_NAME.test(name) && !isReservedWord(name);
}
