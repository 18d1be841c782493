import { describe, expect, it } from 'vitest';
import {
  MAX_FILTER_NESTING,
  formatFilter,
  isFilterBuildError,
  parseFilter,
  type FilterBuildErrorCode,
  type FilterExpression,
  type FilterLiteral,
} from '../src/index.js';
import { and, eq, not, num, or, str, thrown } from './support/nodes.js';

const a = eq('a', num('1'));
const b = eq('b', num('2'));
const c = eq('c', num('3'));

describe('formatFilter: the fewest parentheses the precedence allows', () => {
  const cases: [string, { given: FilterExpression; want: string }][] = [
    ['and of atoms', { given: and(a, b, c), want: 'a eq 1 and b eq 2 and c eq 3' }],
    ['or of ands', { given: or(and(a, b), c), want: 'a eq 1 and b eq 2 or c eq 3' }],
    ['and of ors', { given: and(or(a, b), c), want: '(a eq 1 or b eq 2) and c eq 3' }],
    ['not of atom', { given: not(a), want: 'not a eq 1' }],
    ['not of and', { given: not(and(a, b)), want: 'not (a eq 1 and b eq 2)' }],
    ['not of or', { given: not(or(a, b)), want: 'not (a eq 1 or b eq 2)' }],
    ['not of not', { given: not(not(a)), want: 'not not a eq 1' }],
    ['not inside and', { given: and(not(a), b), want: 'not a eq 1 and b eq 2' }],
    ['not inside or', { given: or(a, not(b)), want: 'a eq 1 or not b eq 2' }],
    [
      'and nested in and printed flat',
      { given: and(and(a, b), c), want: 'a eq 1 and b eq 2 and c eq 3' },
    ],
    [
      'or nested in or printed flat',
      { given: or(a, or(b, c)), want: 'a eq 1 or b eq 2 or c eq 3' },
    ],
    ['single-operand and is its operand', { given: and(or(a, b)), want: 'a eq 1 or b eq 2' }],
    ['single-operand or inside not', { given: not(or(a)), want: 'not a eq 1' }],
    [
      'single-operand and around an or inside and',
      { given: and(and(or(a, b)), c), want: '(a eq 1 or b eq 2) and c eq 3' },
    ],
    [
      'string escapes',
      { given: eq('name', str('say "hi" \\ bye')), want: 'name eq "say \\"hi\\" \\\\ bye"' },
    ],
    [
      'control characters kept as they are',
      { given: eq('x', str('a\nb\u0000')), want: 'x eq "a\nb\u0000"' },
    ],
    [
      'every literal kind in a list',
      {
        given: {
          kind: 'list',
          field: 'x',
          operator: 'in',
          values: [
            str('s'),
            num('-1.5e3'),
            { kind: 'boolean', value: false },
            { kind: 'date-time', value: '2020-02-29T00:00:00Z' },
          ],
        },
        want: 'x in ("s",-1.5e3,false,2020-02-29T00:00:00Z)',
      },
    ],
    [
      'pr and isnull',
      {
        given: or(
          { kind: 'present', field: 'a.b', operator: 'pr' },
          { kind: 'isnull', field: 'c', operator: 'isnull' },
        ),
        want: 'pr a.b or c isnull',
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(formatFilter(given)).toBe(want);
    expect(formatFilter(parseFilter(want))).toBe(want);
  });
});

describe('formatFilter: refuses trees that would not read back the same', () => {
  const bad = (node: unknown) => node as FilterExpression;
  const badLiteral = (literal: unknown) => literal as FilterLiteral;
  const cases: [string, { given: FilterExpression; want: FilterBuildErrorCode }][] = [
    ['field with a space', { given: eq('a or b', num('1')), want: 'invalid-field-name' }],
    ['keyword as field', { given: eq('not', num('1')), want: 'invalid-field-name' }],
    ['upper-case keyword as field', { given: eq('AND', num('1')), want: 'invalid-field-name' }],
    ['non-string field', { given: eq(bad(7) as never, num('1')), want: 'invalid-field-name' }],
    [
      'injected operator',
      { given: bad({ ...a, operator: 'eq 1 or x' }), want: 'unsupported-operator' },
    ],
    [
      'list operator on a comparison',
      { given: bad({ ...a, operator: 'in' }), want: 'unsupported-operator' },
    ],
    ['lone surrogate', { given: eq('a', str('x\udc00')), want: 'invalid-value' }],
    [
      'non-string string value',
      { given: eq('a', badLiteral({ kind: 'string', value: 1 })), want: 'invalid-value' },
    ],
    [
      'number text that is not a number',
      { given: eq('a', num('1 or b pr')), want: 'invalid-value' },
    ],
    ['NaN as number text', { given: eq('a', num('NaN')), want: 'invalid-value' }],
    [
      'bad date-time text',
      {
        given: eq('a', badLiteral({ kind: 'date-time', value: '2020-01-01 or x' })),
        want: 'invalid-value',
      },
    ],
    [
      'date-time on a day that does not exist',
      {
        given: eq('a', badLiteral({ kind: 'date-time', value: '2019-02-29T00:00:00Z' })),
        want: 'invalid-value',
      },
    ],
    [
      'non-boolean boolean',
      { given: eq('a', badLiteral({ kind: 'boolean', value: 'true' })), want: 'invalid-value' },
    ],
    [
      'unknown literal kind',
      { given: eq('a', badLiteral({ kind: 'raw', value: ') or (' })), want: 'invalid-value' },
    ],
    ['null literal', { given: eq('a', badLiteral(null)), want: 'invalid-value' }],
    [
      'empty list',
      { given: bad({ kind: 'list', field: 'id', operator: 'in', values: [] }), want: 'empty-list' },
    ],
    ['and without operands', { given: and(), want: 'no-operands' }],
    ['or without an operands array', { given: bad({ kind: 'or' }), want: 'no-operands' }],
    ['unknown node kind', { given: bad({ kind: 'raw', text: 'x' }), want: 'invalid-value' }],
    ['null operand', { given: and(a, bad(null)), want: 'invalid-value' }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const error = thrown(() => formatFilter(given));
    expect(isFilterBuildError(error) && error.code).toBe(want);
  });
});

describe('formatFilter: nesting limit shared with the parser', () => {
  const nots = (count: number): FilterExpression => {
    let node = a;
    for (let i = 0; i < count; i++) node = not(node);
    return node;
  };

  it('prints what the parser reads back, up to the limit', () => {
    const text = formatFilter(nots(MAX_FILTER_NESTING));
    expect(formatFilter(parseFilter(text))).toBe(text);
  });

  it('refuses one level more, as the parser would', () => {
    const error = thrown(() => formatFilter(nots(MAX_FILTER_NESTING + 1)));
    expect(isFilterBuildError(error) && error.code).toBe('too-deep');
    expect(() => parseFilter(`${'not '.repeat(MAX_FILTER_NESTING + 1)}a eq 1`)).toThrow(
      /at most 100 nested/,
    );
  });

  it('counts parentheses the way the parser does', () => {
    let node = a;
    for (let i = 0; i < MAX_FILTER_NESTING; i++) node = and(or(node, b), c);
    const error = thrown(() => formatFilter(not(node)));
    expect(isFilterBuildError(error) && error.code).toBe('too-deep');
    const text = formatFilter(node);
    expect(formatFilter(parseFilter(text))).toBe(text);
  });

  it('refuses runaway trees instead of overflowing the stack', () => {
    let node = a;
    for (let i = 0; i < 100_000; i++) node = and(node);
    const error = thrown(() => formatFilter(node));
    expect(isFilterBuildError(error) && error.code).toBe('too-deep');
  });
});
