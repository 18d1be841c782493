// Turns a JavaScript value into a filter literal for one field, refusing anything that could not be
// read back as that same value or that the field does not hold.

import type { FilterOperator } from '@isc-sdk/types';
import type { FilterLiteral } from '../ast.js';
import type { FilterFieldCapability } from '../capabilities.js';
import { FilterBuildError } from '../errors/filter-build-error.js';
import { describeCharacter, findLoneSurrogate, isDateTimeText } from '../grammar/literal-text.js';

/**
 * The literal for `value` compared with `field` by `operator`. `co`/`sw` take any string; otherwise
 * the field's value type decides (a string for a date-time field must be RFC 3339 text and is
 * written bare) and an enumeration takes only its members. Without a known type, the JavaScript
 * type decides.
 */
export function literalFor(
  field: string,
  operator: FilterOperator,
  capability: FilterFieldCapability,
  value: unknown,
): FilterLiteral {
  const substring = operator === 'co' || operator === 'sw';
  const wanted = substring ? 'string' : capability.type;
  if (wanted === 'date-time' && typeof value === 'string') {
    if (!isDateTimeText(value)) {
      throw invalid(
        field,
        value,
        'date-time text must be RFC 3339 on a real calendar day, such as 2018-12-18T23:05:55Z',
      );
    }
    return { kind: 'date-time', value };
  }
  const literal = literalOf(field, value);
  if (wanted !== undefined && literal.kind !== wanted) {
    throw invalid(field, value, `expected ${describeType(wanted)}, got ${describeValue(value)}`);
  }
  const members = capability.enum;
  if (!substring && members !== undefined && !members.includes(literal.value as string)) {
    throw invalid(field, value, `it is not one of ${members.join(', ')}`);
  }
  return literal;
}

function literalOf(field: string, value: unknown): FilterLiteral {
  switch (typeof value) {
    case 'string': {
      const bad = findLoneSurrogate(value);
      if (bad >= 0) {
        throw invalid(
          field,
          value,
          `it holds the unpaired surrogate ${describeCharacter(value, bad)} at offset ${bad}, which cannot be sent in a URL`,
        );
      }
      return { kind: 'string', value };
    }
    case 'number':
      if (!Number.isFinite(value)) throw invalid(field, value, 'numbers must be finite');
      return { kind: 'number', value: String(value) };
    case 'bigint':
      return { kind: 'number', value: String(value) };
    case 'boolean':
      return { kind: 'boolean', value };
    default:
      if (value instanceof Date) return dateLiteral(field, value);
      throw invalid(
        field,
        value,
        `expected a string, number, bigint, boolean or Date, got ${describeValue(value)}`,
      );
  }
}

function dateLiteral(field: string, date: Date): FilterLiteral {
  if (Number.isNaN(date.getTime())) throw invalid(field, date, 'the Date is invalid');
  const text = date.toISOString();
  if (!isDateTimeText(text)) throw invalid(field, date, 'the year must be between 0 and 9999');
  return { kind: 'date-time', value: text };
}

function describeType(type: string): string {
  if (type === 'date-time') return 'a Date or RFC 3339 text';
  if (type === 'number') return 'a number or bigint';
  return `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `a ${typeof value}`;
}

function invalid(field: string, value: unknown, problem: string): FilterBuildError {
  return new FilterBuildError({
    code: 'invalid-value',
    field,
    value,
    message: `Cannot write ${describeValue(value)} for field "${field}": ${problem}.`,
  });
}
