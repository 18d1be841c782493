import { describe, expect, it } from 'vitest';
import {
  MAX_FILTER_NESTING,
  formatFilter,
  isFilterBuildError,
  isFilterSyntaxError,
  parseFilter,
  validateFilter,
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

describe('formatFilter: hand-built trees that the parser never returns', () => {
  const bad = (node: unknown) => node as FilterExpression;
  const literal = (kind: string, value: unknown) => ({ kind, value }) as unknown as FilterLiteral;
  const codeOf = (tree: FilterExpression) => {
    const error = thrown(() => formatFilter(tree));
    if (isFilterBuildError(error)) return error.code;
    throw error;
  };

  it('refuses pr and isnull nodes that name another operator, which validateFilter would check', () => {
    const present = bad({ kind: 'present', field: 'name', operator: 'eq' });
    const isnull = bad({ kind: 'isnull', field: 'name', operator: 'pr' });
    expect([codeOf(present), codeOf(isnull)]).toEqual([
      'unsupported-operator',
      'unsupported-operator',
    ]);
    // name supports eq on this operation, but the printed filter would be `pr name`, a 400.
    const error = thrown(() => validateFilter(present, 'getActiveCampaigns'));
    expect(isFilterBuildError(error) && error.message).toBe(
      '"eq" is not an operator of a present node.',
    );
  });

  it('refuses the holes of sparse arrays instead of printing them as nothing', () => {
    const operands = [eq('a', num('1')), , eq('b', num('2'))] as FilterExpression[];
    const values = [num('1'), , num('2')] as FilterLiteral[];
    expect(codeOf(bad({ kind: 'and', operands }))).toBe('invalid-value');
    expect(codeOf(bad({ kind: 'list', field: 'a', operator: 'in', values }))).toBe('invalid-value');
  });

  it('prints the value it checked, even from a getter that changes its answer', () => {
    let reads = 0;
    const shifty = {
      kind: 'number',
      get value() {
        reads += 1;
        return reads === 1 ? '1' : '1 or pr secret';
      },
    } as unknown as FilterLiteral;
    expect(formatFilter(eq('a', shifty))).toBe('a eq 1');
    expect(reads).toBe(1);
  });

  it('refuses values that only look like text: objects with toString, numbers', () => {
    const looksLike = (text: string) => ({ toString: () => text, toLowerCase: () => text });
    const cases: [string, FilterExpression][] = [
      ['number given as a number', eq('a', literal('number', 1))],
      ['number text as an object', eq('a', literal('number', looksLike('1')))],
      ['date-time as an object', eq('a', literal('date-time', looksLike('2020-01-01T00:00:00Z')))],
      ['date-time as a Date', eq('a', literal('date-time', new Date(0)))],
      ['boolean as text', eq('a', literal('boolean', 'false'))],
      ['string as a number', eq('a', literal('string', 7))],
    ];
    expect(cases.map(([name, tree]) => [name, codeOf(tree)])).toEqual(
      cases.map(([name]) => [name, 'invalid-value']),
    );
    expect(codeOf(eq(looksLike('a') as unknown as string, num('1')))).toBe('invalid-field-name');
  });

  const fieldNames: [string, boolean][] = [
    ['a', true],
    ['_a1.b_2.C', true],
    ['notes', true],
    ['order.prx', true],
    ['', false],
    ['1a', false],
    ['a.', false],
    ['.a', false],
    ['a..b', false],
    ['a-b', false],
    ['a b', false],
    ['a\n', false],
    ['é', false],
    ['isnull', false],
    ['PR', false],
    ['True', false],
    ['null', false],
  ];
  it.each(fieldNames)('field name %j: printed %s', (name, printed) => {
    const tree = { kind: 'present', field: name, operator: 'pr' } as const;
    if (printed) expect(formatFilter(tree)).toBe(`pr ${name}`);
    else expect(codeOf(tree)).toBe('invalid-field-name');
  });
});

describe('formatFilter: each refusal names what was wrong', () => {
  const bad = (node: unknown) => node as FilterExpression;
  const literal = (value: unknown) => eq('a', value as FilterLiteral);
  const cases: [string, { given: FilterExpression; want: [FilterBuildErrorCode, string] }][] = [
    [
      'a node that is not an object',
      {
        given: bad('a eq 1'),
        want: ['invalid-value', 'A filter node must be an object, got string.'],
      },
    ],
    [
      'a null node',
      { given: bad(null), want: ['invalid-value', 'A filter node must be an object, got null.'] },
    ],
    [
      'an unknown kind',
      { given: bad({ kind: 'raw' }), want: ['invalid-value', 'Unknown filter node kind "raw".'] },
    ],
    [
      'an empty list',
      {
        given: bad({ kind: 'list', field: 'id', operator: 'ca', values: [] }),
        want: ['empty-list', 'The ca list for field "id" is empty; it needs at least one value.'],
      },
    ],
    [
      'an and without operands',
      { given: and(), want: ['no-operands', 'An and node needs at least one operand.'] },
    ],
    [
      'an or without operands',
      { given: or(), want: ['no-operands', 'An or node needs at least one operand.'] },
    ],
    [
      'a keyword as field',
      {
        given: eq('or', num('1')),
        want: [
          'invalid-field-name',
          '"or" is not a field name: use identifiers joined by dots, not a keyword.',
        ],
      },
    ],
    [
      'an operator of another kind',
      {
        given: bad({ kind: 'list', field: 'a', operator: 'eq', values: [num('1')] }),
        want: ['unsupported-operator', '"eq" is not an operator of a list node.'],
      },
    ],
    [
      'a literal that is not an object',
      {
        given: literal('x'),
        want: [
          'invalid-value',
          "A filter literal must be an object such as { kind: 'string', value: 'x' }, got string.",
        ],
      },
    ],
    [
      'a null literal',
      {
        given: literal(null),
        want: [
          'invalid-value',
          "A filter literal must be an object such as { kind: 'string', value: 'x' }, got null.",
        ],
      },
    ],
    [
      'number text',
      {
        given: literal({ kind: 'number', value: '1 or x' }),
        want: [
          'invalid-value',
          'The number value "1 or x" is not decimal number text such as "12" or "-1.5e3".',
        ],
      },
    ],
    [
      'date-time text',
      {
        given: literal({ kind: 'date-time', value: 'today' }),
        want: [
          'invalid-value',
          'The date-time value "today" is not an RFC 3339 date-time such as "2018-12-18T23:05:55Z".',
        ],
      },
    ],
    [
      'a boolean as text',
      {
        given: literal({ kind: 'boolean', value: 'true' }),
        want: ['invalid-value', 'The boolean value "true" is not true or false.'],
      },
    ],
    [
      'a string that is not one',
      {
        given: literal({ kind: 'string', value: 5 }),
        want: ['invalid-value', 'The string value 5 is not a string.'],
      },
    ],
    [
      'half a surrogate pair',
      {
        given: literal({ kind: 'string', value: 'ab\ud800' }),
        want: [
          'invalid-value',
          'The string value "ab\\ud800" holds the unpaired surrogate U+D800 at offset 2, which cannot be sent in a URL.',
        ],
      },
    ],
    [
      'an unknown literal kind',
      {
        given: literal({ kind: 'raw', value: ') or (' }),
        want: ['invalid-value', 'The raw value ") or (" has an unknown literal kind.'],
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const error = thrown(() => formatFilter(given));
    if (!isFilterBuildError(error)) throw error;
    expect([error.code, error.message]).toEqual(want);
  });

  it('says which limit a deep tree passed', () => {
    let node = eq('a', num('1'));
    for (let index = 0; index <= MAX_FILTER_NESTING; index++) node = not(node);
    const error = thrown(() => formatFilter(node));
    expect(isFilterBuildError(error) && error.message).toBe(
      'The filter nests deeper than 100 parentheses and nots (or 1000 tree levels), which parseFilter would refuse.',
    );
  });
});

describe('literal text: the formatter prints exactly what the parser reads', () => {
  const numbers: [string, boolean][] = [
    ['0', true],
    ['-0', true],
    ['7', true],
    ['-12.50', true],
    ['1.5E+3', true],
    ['2e-7', true],
    ['12345678901234567890', true],
    ['01', false],
    ['1.', false],
    ['.5', false],
    ['+1', false],
    ['1e', false],
    ['--1', false],
    ['0x10', false],
    ['1_000', false],
    ['Infinity', false],
    ['', false],
  ];
  const dateTimes: [string, boolean][] = [
    ['2018-12-18T23:05:55Z', true],
    ['2018-12-18T23:05:55.123456789-12:30', true],
    ['2018-12-18T23:59:60Z', true],
    ['2000-02-29T00:00:00Z', true],
    ['2024-02-29T00:00:00+14:00', true],
    ['0000-01-01T00:00:00Z', true],
    ['2100-02-29T00:00:00Z', false],
    ['2023-02-29T00:00:00Z', false],
    ['2018-04-31T00:00:00Z', false],
    ['2018-06-31T00:00:00Z', false],
    ['2018-09-31T00:00:00Z', false],
    ['2018-11-31T00:00:00Z', false],
    ['2018-12-32T00:00:00Z', false],
    ['2018-12-00T00:00:00Z', false],
    ['2018-13-01T00:00:00Z', false],
    ['2018-00-10T00:00:00Z', false],
    ['2018-12-18T24:00:00Z', false],
    ['2018-12-18T23:60:00Z', false],
    ['2018-12-18T23:05:61Z', false],
    ['2018-12-18T23:05:55+24:00', false],
    ['2018-12-18T23:05:55+05:60', false],
    ['2018-12-18T23:05:55', false],
    ['2018-12-18T23:05:55.Z', false],
    ['2018-12-18t23:05:55Z', false],
    ['2018-12-18T23:05:55z', false],
    ['2018-12-18 23:05:55Z', false],
    ['18-12-18T23:05:55Z', false],
  ];
  it.each([
    ['number', ' 1'],
    ['number', '1 '],
    ['number', '1\n'],
    ['date-time', '2018-12-18T23:05:55Z\n'],
  ] as const)('refuses %s text with white space around it: %j', (kind, text) => {
    const error = thrown(() => formatFilter(eq('x', { kind, value: text } as FilterLiteral)));
    expect(isFilterBuildError(error) && error.code).toBe('invalid-value');
  });

  const cases = [
    ...numbers.map(([text, valid]) => ['number', text, valid] as const),
    ...dateTimes.map(([text, valid]) => ['date-time', text, valid] as const),
  ];
  it.each(cases)('%s %j: valid %s', (kind, text, valid) => {
    const tree = eq('x', { kind, value: text } as FilterLiteral);
    const printed = (() => {
      try {
        return formatFilter(tree);
      } catch (error) {
        if (isFilterBuildError(error) && error.code === 'invalid-value') return undefined;
        throw error;
      }
    })();
    const parsed = (() => {
      try {
        const node = parseFilter(`x eq ${text}`);
        return node.kind === 'comparison' ? node.value : undefined;
      } catch (error) {
        if (isFilterSyntaxError(error)) return undefined;
        throw error;
      }
    })();
    expect(printed).toBe(valid ? `x eq ${text}` : undefined);
    expect(parsed === undefined ? undefined : [parsed.kind, parsed.value]).toEqual(
      valid ? [kind, text] : undefined,
    );
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

  it('prints 1,000 tree levels of one-operand chains and refuses one more', () => {
    const wrapped = (count: number): FilterExpression => {
      let node = a;
      for (let i = 0; i < count; i++) node = and(node);
      return node;
    };
    expect(formatFilter(wrapped(1_000))).toBe('a eq 1');
    const error = thrown(() => formatFilter(wrapped(1_001)));
    expect(isFilterBuildError(error) && error.code).toBe('too-deep');
  });

  it('refuses a one-operand chain that contains itself, also as an operand', () => {
    const loop = { kind: 'or', operands: [] as unknown[] };
    loop.operands.push(loop);
    const tree = loop as unknown as FilterExpression;
    for (const given of [tree, and(a, tree), not(tree)]) {
      const error = thrown(() => formatFilter(given));
      expect(isFilterBuildError(error) && error.code).toBe('too-deep');
    }
  });

  it('refuses an unpaired surrogate at the very start of a string', () => {
    const error = thrown(() => formatFilter(eq('a', str('\uDC00x'))));
    expect(isFilterBuildError(error) && error.message).toBe(
      'The string value "\\udc00x" holds the unpaired surrogate U+DC00 at offset 0, which cannot be sent in a URL.',
    );
  });

  it('refuses runaway trees instead of overflowing the stack', () => {
    let node = a;
    for (let i = 0; i < 100_000; i++) node = and(node);
    const error = thrown(() => formatFilter(node));
    expect(isFilterBuildError(error) && error.code).toBe('too-deep');
  });
});
