import type { FilterLiteral, FilterNode } from '@isc-sdk/filters';
import type { FieldReader, FieldReaders, FieldValue } from './field-readers.js';

/** A compiled filter: true when the record matches. */
export type RecordPredicate<T> = (record: T) => boolean;

const lower = (value: string): string => value.toLowerCase();

/** A literal turned into something cheap to compare against many records. */
interface Operand {
  readonly kind: FilterLiteral['kind'];
  readonly text: string;
  readonly number: number;
  readonly bool: boolean;
}

function operand(literal: FilterLiteral): Operand {
  switch (literal.kind) {
    case 'string':
      return { kind: 'string', text: lower(literal.value), number: Number.NaN, bool: false };
    case 'number':
      return { kind: 'number', text: literal.value, number: Number(literal.value), bool: false };
    case 'boolean':
      return {
        kind: 'boolean',
        text: String(literal.value),
        number: Number.NaN,
        bool: literal.value,
      };
    case 'date-time':
      return {
        kind: 'date-time',
        text: lower(literal.value),
        number: Date.parse(literal.value),
        bool: false,
      };
  }
}

/**
 * Compares a field value with an operand: negative, zero or positive, or undefined when they
 * cannot be compared (missing value, wrong kind). Strings compare case-insensitively, as the API
 * documents; date-times compare as instants.
 */
function compare(value: FieldValue, target: Operand): number | undefined {
  if (value === null || value === undefined || Array.isArray(value)) return undefined;
  switch (target.kind) {
    case 'boolean':
      if (typeof value === 'boolean') return value === target.bool ? 0 : value ? 1 : -1;
      return lower(String(value)) === target.text ? 0 : undefined;
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isNaN(n) ? undefined : n - target.number;
    }
    case 'date-time': {
      const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(t) ? undefined : t - target.number;
    }
    case 'string': {
      const text = lower(String(value));
      return text < target.text ? -1 : text > target.text ? 1 : 0;
    }
  }
}

function asText(value: FieldValue): string | undefined {
  if (value === null || value === undefined || Array.isArray(value)) return undefined;
  return lower(String(value));
}

function comparison<T>(
  read: FieldReader<T>,
  operator: string,
  literal: FilterLiteral,
): RecordPredicate<T> {
  const target = operand(literal);
  switch (operator) {
    case 'eq':
      return (r) => compare(read(r), target) === 0;
    case 'ne':
      return (r) => compare(read(r), target) !== 0;
    case 'gt':
      return (r) => (compare(read(r), target) ?? 0) > 0;
    case 'ge':
      return (r) => {
        const c = compare(read(r), target);
        return c !== undefined && c >= 0;
      };
    case 'lt':
      return (r) => (compare(read(r), target) ?? 0) < 0;
    case 'le':
      return (r) => {
        const c = compare(read(r), target);
        return c !== undefined && c <= 0;
      };
    case 'co':
      return (r) => asText(read(r))?.includes(target.text) ?? false;
    case 'sw':
      return (r) => asText(read(r))?.startsWith(target.text) ?? false;
    default:
      throw new RangeError(`Unsupported comparison operator ${operator}`);
  }
}

function list<T>(
  read: FieldReader<T>,
  operator: 'in' | 'ca',
  literals: readonly FilterLiteral[],
): RecordPredicate<T> {
  const targets = literals.map(operand);
  if (operator === 'in') return (r) => targets.some((t) => compare(read(r), t) === 0);
  const wanted = targets.map((t) => t.text);
  return (r) => {
    const value = read(r);
    const have = Array.isArray(value)
      ? value.map(lower)
      : value == null
        ? []
        : [lower(String(value))];
    return wanted.every((w) => have.includes(w));
  };
}

function readerFor<T>(readers: FieldReaders<T>, field: string): FieldReader<T> {
  const read = readers[field];
  if (!read) throw new RangeError(`No reader for filter field ${field}`);
  return read;
}

/**
 * Compiles a parsed filter into a predicate over in-memory records. The filter must have been
 * validated against the operation first; a field without a reader is a programming error.
 */
export function compileFilter<T>(node: FilterNode, readers: FieldReaders<T>): RecordPredicate<T> {
  switch (node.kind) {
    case 'comparison':
      return comparison(readerFor(readers, node.field), node.operator, node.value);
    case 'list':
      return list(readerFor(readers, node.field), node.operator, node.values);
    case 'present': {
      const read = readerFor(readers, node.field);
      return (r) => read(r) != null;
    }
    case 'isnull': {
      const read = readerFor(readers, node.field);
      return (r) => read(r) == null;
    }
    case 'and': {
      const parts = node.operands.map((o) => compileFilter(o, readers));
      return (r) => parts.every((p) => p(r));
    }
    case 'or': {
      const parts = node.operands.map((o) => compileFilter(o, readers));
      return (r) => parts.some((p) => p(r));
    }
    case 'not': {
      const inner = compileFilter(node.operand, readers);
      return (r) => !inner(r);
    }
  }
}
