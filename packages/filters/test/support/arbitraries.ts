// fast-check generators for filter trees in the parser's normal form (what `parseFilter` returns
// with positions stripped): `and` never directly inside `and`, `or` never directly inside `or`, and
// every chain has at least two operands. Strings are built to attack the grammar.

import fc from 'fast-check';
import type {
  FieldExpression,
  FilterExpression,
  FilterLiteral,
  ComparisonOperator,
} from '../../src/index.js';

/** Pieces of text that would change a filter's structure if a value were written carelessly. */
export const HOSTILE_FRAGMENTS = [
  '"',
  '\\',
  '\\"',
  '"\\',
  '") or id pr ("',
  '") or id pr',
  '" or "1" eq "1',
  '(',
  ')',
  '((',
  ',',
  ' and ',
  ' or ',
  'not ',
  ' AND ',
  'pr ',
  ' isnull',
  'eq',
  '#',
  '%',
  '%23',
  '%25',
  '%2',
  '&',
  '&filters=',
  '+',
  '?',
  '=',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u202e',
  '\ufeff',
  'é',
  'ß',
  '日本',
  '😀',
  '👩‍👩‍👧',
  '\ud834\udd1e',
];

const oneCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

/** Strings mixing hostile fragments with any Unicode code point (never a lone surrogate). */
export const hostileString: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), oneCodePoint),
  maxLength: 12,
});

const RESERVED = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'co', 'sw', 'ca', 'pr']);
for (const word of ['isnull', 'and', 'or', 'not', 'true', 'false', 'null']) RESERVED.add(word);

/** Dotted identifiers, including names that start like keywords (`order`, `notes`, `prx`). */
export const fieldName: fc.Arbitrary<string> = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}(?:\.[A-Za-z_][A-Za-z0-9_]{0,6}){0,2}$/),
    fc.constantFrom('order', 'notes', 'prx', 'and_', 'orr', 'in1', 'true.x', 'isnullable', 'co.sw'),
  )
  .filter((name) => !RESERVED.has(name.toLowerCase()));

const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.stringMatching(/^-?(?:0|[1-9][0-9]{0,5})(?:\.[0-9]{1,4})?(?:[eE][+-]?[0-9]{1,3})?$/),
);

const dateTimeText: fc.Arbitrary<string> = fc
  .tuple(
    fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.constantFrom('Z', '+00:00', '-05:00', '+14:00', '+05:30'),
    fc.constantFrom('', '.000', '.5', '.123456789'),
  )
  .map(([date, zone, fraction]) => `${date.toISOString().slice(0, 19)}${fraction}${zone}`);

export const literal: fc.Arbitrary<FilterLiteral> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map((value) => ({ kind: 'string', value }) as const) },
  numberText.map((value) => ({ kind: 'number', value }) as const),
  fc.boolean().map((value) => ({ kind: 'boolean', value }) as const),
  dateTimeText.map((value) => ({ kind: 'date-time', value }) as const),
);

const COMPARISONS: readonly ComparisonOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'co', 'sw'];

export const fieldExpression: fc.Arbitrary<FieldExpression> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('comparison' as const),
      field: fieldName,
      operator: fc.constantFrom(...COMPARISONS),
      value: literal,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('list' as const),
      field: fieldName,
      operator: fc.constantFrom('in' as const, 'ca' as const),
      values: fc.array(literal, { minLength: 1, maxLength: 4 }),
    }),
  },
  fc.record({
    kind: fc.constant('present' as const),
    field: fieldName,
    operator: fc.constant('pr' as const),
  }),
  fc.record({
    kind: fc.constant('isnull' as const),
    field: fieldName,
    operator: fc.constant('isnull' as const),
  }),
);

/** Trees in normal form, up to a few levels deep. */
export const filterExpression: fc.Arbitrary<FilterExpression> = fc.letrec<{
  any: FilterExpression;
  notAnd: FilterExpression;
  notOr: FilterExpression;
}>((tie) => ({
  any: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fieldExpression,
    fc
      .array(tie('notAnd'), { minLength: 2, maxLength: 4 })
      .map((operands) => ({ kind: 'and' as const, operands })),
    fc
      .array(tie('notOr'), { minLength: 2, maxLength: 4 })
      .map((operands) => ({ kind: 'or' as const, operands })),
    tie('any').map((operand) => ({ kind: 'not' as const, operand })),
  ),
  notAnd: tie('any').filter((node) => node.kind !== 'and'),
  notOr: tie('any').filter((node) => node.kind !== 'or'),
})).any;
