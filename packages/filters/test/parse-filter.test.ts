import { describe, expect, it } from 'vitest';
import {
  formatFilter,
  isFilterSyntaxError,
  parseFilter,
  stripPositions,
  type FilterNode,
} from '../src/index.js';
import { thrown } from './support/nodes.js';

/** Parses and returns the thrown FilterSyntaxError (fails the test when something else happens). */
function syntaxErrorOf(text: string) {
  const error = thrown(() => parseFilter(text));
  if (isFilterSyntaxError(error)) return error;
  throw error;
}

describe('parseFilter: canonical form of valid filters', () => {
  const cases: [string, { given: string; want: string }][] = [
    [
      'string equality',
      { given: 'name eq "Manager Campaign"', want: 'name eq "Manager Campaign"' },
    ],
    [
      'dotted field',
      { given: 'identitySummary.id eq "2c91"', want: 'identitySummary.id eq "2c91"' },
    ],
    ['escaped quote', { given: 'name eq "\\"Employees\\""', want: 'name eq "\\"Employees\\""' }],
    ['escaped backslash', { given: 'name eq "a\\\\b"', want: 'name eq "a\\\\b"' }],
    ['bare number', { given: 'daysUntilEscalation gt 7', want: 'daysUntilEscalation gt 7' }],
    ['negative exponent number', { given: 'x lt -1.5e-3', want: 'x lt -1.5e-3' }],
    [
      'big integer kept exactly',
      { given: 'x eq 123456789012345678901234567890', want: 'x eq 123456789012345678901234567890' },
    ],
    ['boolean', { given: 'completed eq false', want: 'completed eq false' }],
    [
      'date-time',
      { given: 'created lt 2018-12-18T23:05:55Z', want: 'created lt 2018-12-18T23:05:55Z' },
    ],
    [
      'date-time with offset and fraction',
      {
        given: 'created ge 2018-12-18T23:05:55.123+01:00',
        want: 'created ge 2018-12-18T23:05:55.123+01:00',
      },
    ],
    ['in list with spaces', { given: 'id in ( "a" , "b" )', want: 'id in ("a","b")' }],
    [
      'ca list',
      { given: 'groups ca ("Venezia","Firenze")', want: 'groups ca ("Venezia","Firenze")' },
    ],
    ['prefix pr', { given: 'pr accountRequestInfo', want: 'pr accountRequestInfo' }],
    ['postfix isnull', { given: 'lastUsed isnull', want: 'lastUsed isnull' }],
    ['extra whitespace and tabs', { given: '  a eq 1\tand\nb eq 2  ', want: 'a eq 1 and b eq 2' }],
    ['no space before a string', { given: 'name eq"x"', want: 'name eq "x"' }],
    [
      'redundant parentheses dropped',
      { given: '((a eq 1)) and (b eq 2)', want: 'a eq 1 and b eq 2' },
    ],
    [
      'needed parentheses kept',
      { given: '(a eq 1 or b eq 2) and c eq 3', want: '(a eq 1 or b eq 2) and c eq 3' },
    ],
    ['not of a group', { given: 'not (a eq 1 and b eq 2)', want: 'not (a eq 1 and b eq 2)' }],
    ['not without space before (', { given: 'not(a eq 1)', want: 'not a eq 1' }],
    ['double not', { given: 'not not a eq 1', want: 'not not a eq 1' }],
    [
      'and inside or needs none',
      { given: 'a eq 1 or (b eq 2 and c eq 3)', want: 'a eq 1 or b eq 2 and c eq 3' },
    ],
    [
      'nested same operator flattened',
      { given: 'a eq 1 and (b eq 2 and c eq 3)', want: 'a eq 1 and b eq 2 and c eq 3' },
    ],
    [
      'keywords inside strings',
      {
        given: 'name eq ") or id pr (" and x eq "not"',
        want: 'name eq ") or id pr (" and x eq "not"',
      },
    ],
    [
      'URL characters inside strings',
      { given: 'name eq "#Employees %23 & +"', want: 'name eq "#Employees %23 & +"' },
    ],
    ['non-ASCII', { given: 'name eq "Zoë 😀 日本"', want: 'name eq "Zoë 😀 日本"' }],
    [
      'control characters inside a string are data',
      { given: 'name eq "a\tb\nc\u0000"', want: 'name eq "a\tb\nc\u0000"' },
    ],
    [
      'leap day',
      { given: 'created gt 2024-02-29T00:00:00Z', want: 'created gt 2024-02-29T00:00:00Z' },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const canonical = formatFilter(parseFilter(given));
    expect(canonical).toBe(want);
    expect(formatFilter(parseFilter(canonical))).toBe(canonical);
  });
});

describe('parseFilter: documented precedence (not > and > or)', () => {
  const cases: [string, { given: string; want: string }][] = [
    [
      'not p1 eq v1 or p2 eq v2 and p3 eq v3',
      {
        given: 'not p1 eq "v1" or p2 eq "v2" and p3 eq "v3"',
        want: '(not (p1 eq "v1")) or ((p2 eq "v2") and (p3 eq "v3"))',
      },
    ],
    [
      'not (p1 eq v1 or p2 eq v2) and p3 eq v3',
      {
        given: 'not (p1 eq "v1" or p2 eq "v2") and p3 eq "v3"',
        want: '(not ((p1 eq "v1") or (p2 eq "v2"))) and (p3 eq "v3")',
      },
    ],
    [
      'and before or on the left',
      { given: 'a eq 1 and b eq 2 or c eq 3', want: '(a eq 1 and b eq 2) or c eq 3' },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(stripPositions(parseFilter(given))).toEqual(stripPositions(parseFilter(want)));
  });
});

describe('parseFilter: syntax tree and positions', () => {
  it('gives every node and literal its offsets', () => {
    const text = 'name eq "a b" and not pr x.y';
    const ast = parseFilter(text);
    const want: FilterNode = {
      kind: 'and',
      start: 0,
      end: 28,
      operatorStarts: [14],
      operands: [
        {
          kind: 'comparison',
          field: 'name',
          fieldStart: 0,
          operator: 'eq',
          operatorStart: 5,
          value: { kind: 'string', value: 'a b', start: 8, end: 13 },
          start: 0,
          end: 13,
        },
        {
          kind: 'not',
          start: 18,
          end: 28,
          operand: {
            kind: 'present',
            field: 'x.y',
            fieldStart: 25,
            operator: 'pr',
            operatorStart: 22,
            start: 22,
            end: 28,
          },
        },
      ],
    };
    expect(ast).toEqual(want);
  });

  it('keeps literal kinds apart: strings, numbers as text, booleans, date-times', () => {
    const ast = parseFilter('x in ("1",1,true,2020-01-02T03:04:05Z)');
    expect(ast.kind === 'list' && ast.values.map((v) => [v.kind, v.value])).toEqual([
      ['string', '1'],
      ['number', '1'],
      ['boolean', true],
      ['date-time', '2020-01-02T03:04:05Z'],
    ]);
  });

  it('records every and keyword, also from a flattened group', () => {
    const ast = parseFilter('(a eq 1 and b eq 2) and c eq 3');
    expect(ast.kind === 'and' && ast.operatorStarts).toEqual([8, 20]);
    expect(ast.kind === 'and' && ast.operands).toHaveLength(3);
  });

  it('strips positions down to what the filter means', () => {
    expect(
      stripPositions(parseFilter('not (a eq "x" or b in (1,true)) and pr c and d isnull')),
    ).toEqual({
      kind: 'and',
      operands: [
        {
          kind: 'not',
          operand: {
            kind: 'or',
            operands: [
              {
                kind: 'comparison',
                field: 'a',
                operator: 'eq',
                value: { kind: 'string', value: 'x' },
              },
              {
                kind: 'list',
                field: 'b',
                operator: 'in',
                values: [
                  { kind: 'number', value: '1' },
                  { kind: 'boolean', value: true },
                ],
              },
            ],
          },
        },
        { kind: 'present', field: 'c', operator: 'pr' },
        { kind: 'isnull', field: 'd', operator: 'isnull' },
      ],
    });
  });

  it('refuses input that is not a string with a typed error', () => {
    const error = syntaxErrorOf(42 as unknown as string);
    expect([error.expected, error.found]).toEqual([['filters text (a string)'], 'number']);
  });

  it('serialises as JSON and back unchanged', () => {
    const ast = parseFilter('not (a eq 1 or b in ("x","y")) and c isnull');
    expect(JSON.parse(JSON.stringify(ast))).toEqual(ast);
  });
});

describe('parseFilter: errors name the position, what was expected and what was found', () => {
  const cases: [
    string,
    { given: string; want: { position: number; expected: string; found: string; hint?: RegExp } },
  ][] = [
    [
      'upper-case operator',
      {
        given: 'name EQ "x"',
        want: { position: 5, expected: 'eq', found: '"EQ"', hint: /lowercase/ },
      },
    ],
    [
      'upper-case composite',
      {
        given: 'a eq 1 AND b eq 2',
        want: { position: 7, expected: 'and', found: '"AND"', hint: /lowercase/ },
      },
    ],
    [
      'upper-case NOT',
      {
        given: 'NOT a eq 1',
        want: { position: 0, expected: 'not', found: '"NOT"', hint: /lowercase/ },
      },
    ],
    [
      'upper-case TRUE',
      {
        given: 'a eq TRUE',
        want: { position: 5, expected: 'true', found: '"TRUE"', hint: /lowercase/ },
      },
    ],
    [
      'unknown operator',
      { given: 'name ew "x"', want: { position: 5, expected: 'sw', found: '"ew"' } },
    ],
    [
      'pr written postfix',
      {
        given: 'name pr',
        want: { position: 5, expected: 'isnull', found: '"pr"', hint: /prefix/ },
      },
    ],
    [
      'missing value',
      {
        given: 'name eq',
        want: { position: 7, expected: 'a quoted string', found: 'end of input' },
      },
    ],
    [
      'unquoted string',
      {
        given: 'name eq Rajesh',
        want: {
          position: 8,
          expected: 'a quoted string',
          found: '"Rajesh"',
          hint: /double quotes/,
        },
      },
    ],
    [
      'null literal',
      {
        given: 'name eq null',
        want: { position: 8, expected: 'a quoted string', found: '"null"', hint: /isnull/ },
      },
    ],
    [
      'date without time',
      {
        given: 'created gt 2018-12-18',
        want: {
          position: 11,
          expected: 'an RFC 3339 date-time',
          found: '"2018-12-18"',
          hint: /RFC 3339/,
        },
      },
    ],
    [
      'bad number',
      { given: 'x eq 01', want: { position: 5, expected: 'a number', found: '"01"' } },
    ],
    [
      'unclosed string',
      {
        given: 'name eq "abc',
        want: {
          position: 12,
          expected: '" to close the string opened at position 8',
          found: 'end of input',
        },
      },
    ],
    [
      'unknown escape',
      {
        given: 'name eq "a\\nb"',
        want: { position: 10, expected: '\\" or \\\\ (the only escapes)', found: '"\\\\n"' },
      },
    ],
    [
      'lone surrogate in string',
      {
        given: 'name eq "a\ud800"',
        want: {
          position: 10,
          expected: 'a complete character',
          found: 'the unpaired surrogate U+D800',
          hint: /surrogate pair/,
        },
      },
    ],
    [
      'day that does not exist',
      {
        given: 'created gt 2023-02-29T00:00:00Z',
        want: {
          position: 11,
          expected: 'an RFC 3339 date-time',
          found: '"2023-02-29T00:00:00Z"',
          hint: /real calendar day/,
        },
      },
    ],
    [
      'lower-case t in a date-time',
      {
        given: 'created gt 2023-01-01t00:00:00Z',
        want: { position: 11, expected: 'an RFC 3339 date-time', found: '"2023-01-01t00:00:00Z"' },
      },
    ],
    [
      'unclosed parenthesis',
      { given: '(a eq 1', want: { position: 7, expected: ')', found: 'end of input' } },
    ],
    [
      'stray closing parenthesis',
      { given: 'a eq 1)', want: { position: 6, expected: 'the end of the filter', found: '")"' } },
    ],
    [
      'empty input',
      { given: '', want: { position: 0, expected: 'a field name', found: 'end of input' } },
    ],
    [
      'dangling and',
      {
        given: 'a eq 1 and',
        want: { position: 10, expected: 'a field name', found: 'end of input' },
      },
    ],
    [
      'empty list',
      { given: 'id in ()', want: { position: 7, expected: 'a quoted string', found: '")"' } },
    ],
    [
      'list without parentheses',
      {
        given: 'id in "a"',
        want: { position: 6, expected: '( to open the list of values', found: '"\\"a\\""' },
      },
    ],
    [
      'list missing comma',
      { given: 'id in ("a" "b")', want: { position: 11, expected: ',', found: '"\\"b\\""' } },
    ],
    [
      'malformed field',
      { given: 'a..b eq 1', want: { position: 0, expected: 'a field name', found: '"a..b"' } },
    ],
    [
      'keyword as field',
      { given: 'and eq 1', want: { position: 0, expected: 'a field name', found: '"and"' } },
    ],
    [
      'pr without field',
      { given: 'pr (a)', want: { position: 3, expected: 'a field name', found: '"("' } },
    ],
    [
      'URL-style equals sign',
      { given: 'name = "x"', want: { position: 5, expected: 'eq', found: '"="' } },
    ],
    [
      'hash outside a string',
      { given: '#name eq "x"', want: { position: 0, expected: 'a field name', found: '"#"' } },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const error = syntaxErrorOf(given);
    expect(error.name).toBe('FilterSyntaxError');
    expect(error.input).toBe(given);
    expect(error.position).toBe(want.position);
    expect(error.expected).toContain(want.expected);
    expect(error.found).toBe(want.found);
    if (want.hint) expect(error.hint).toMatch(want.hint);
    expect(error.message).toContain(`at position ${want.position}`);
  });

  it('shows the text with a caret under the position', () => {
    expect(syntaxErrorOf('name EQ "x"').message.split('\n').slice(1)).toEqual([
      '  name EQ "x"',
      '       ^',
    ]);
  });

  it('refuses nesting deeper than its limit instead of overflowing the stack', () => {
    const deep = `${'('.repeat(5000)}a eq 1${')'.repeat(5000)}`;
    expect(syntaxErrorOf(deep).found).toBe('deeper nesting');
    expect(syntaxErrorOf(`${'not '.repeat(5000)}a eq 1`).found).toBe('deeper nesting');
    expect(formatFilter(parseFilter(`${'('.repeat(100)}a eq 1${')'.repeat(100)}`))).toBe('a eq 1');
  });
});

describe('parseFilter: what an error says, in full', () => {
  const expectedAt: [string, { given: string; want: string[] }][] = [
    [
      'after a complete filter',
      { given: 'a eq 1 b', want: ['and', 'or', 'the end of the filter'] },
    ],
    ['inside parentheses', { given: '(a eq 1 b', want: ['and', 'or', ')'] }],
    [
      'after a field',
      { given: 'a', want: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'co', 'sw', 'in', 'ca', 'isnull'] },
    ],
    ['at the start', { given: '', want: ['a field name', 'not', 'pr', '('] }],
    ['after not', { given: 'not )', want: ['a field name', 'not', 'pr', '('] }],
    ['after pr', { given: 'pr 1', want: ['a field name'] }],
    [
      'for a value',
      {
        given: 'a eq )',
        want: ['a quoted string', 'a number', 'true', 'false', 'an RFC 3339 date-time'],
      },
    ],
    ['inside a list', { given: 'a in ("x" 1)', want: [',', ')'] }],
    ['before a list', { given: 'a in 1', want: ['( to open the list of values'] }],
  ];
  it.each(expectedAt)('lists what was acceptable %s', (_name, { given, want }) => {
    expect(syntaxErrorOf(given).expected).toEqual(want);
  });

  const hints: [string, { given: string; want: string | undefined }][] = [
    ['misspelt operator: none', { given: 'a ew 1', want: undefined }],
    ['upper-case keyword', { given: 'a EQ 1', want: 'Operators and keywords are lowercase only.' }],
    [
      'mixed-case keyword',
      { given: 'a eq 1 Or b eq 2', want: 'Operators and keywords are lowercase only.' },
    ],
    ['upper-case word that is no keyword: none', { given: 'a eq 1 XOR b', want: undefined }],
    ['postfix pr', { given: 'a pr', want: '`pr` is a prefix operator: write `pr field`.' }],
    [
      'field name with two dots',
      { given: 'a..b eq 1', want: 'Field names are identifiers joined by single dots.' },
    ],
    ['keyword where a field goes: none', { given: 'eq eq 1', want: undefined }],
    ['bare word as value', { given: 'a eq b', want: 'Strings must be in double quotes.' }],
    [
      'upper-case TRUE as value',
      { given: 'a eq TRUE', want: 'Operators and keywords are lowercase only.' },
    ],
    [
      'null as value',
      { given: 'a eq null', want: 'There is no null literal: use `field isnull` or `pr field`.' },
    ],
    [
      'date without a time',
      {
        given: 'a eq 2020-01-01',
        want: 'Date-times need the full RFC 3339 form on a real calendar day, e.g. 2018-12-18T23:05:55Z.',
      },
    ],
    ['number with a leading zero: none', { given: 'a eq 0123-4', want: undefined }],
    ['punctuation as value: none', { given: 'a eq ,', want: undefined }],
    ['closing parenthesis missing: none', { given: '(a eq 1', want: undefined }],
    [
      'upper-case keyword inside parentheses',
      { given: '(a eq 1 AND b eq 2)', want: 'Operators and keywords are lowercase only.' },
    ],
  ];
  it.each(hints)('hint for %s', (_name, { given, want }) => {
    expect(syntaxErrorOf(given).hint).toBe(want);
  });

  it('quotes at most 24 characters of what it found', () => {
    const long = 'x'.repeat(30);
    expect(syntaxErrorOf(`a eq ${long}`).found).toBe(`"${'x'.repeat(24)}…"`);
    expect(syntaxErrorOf(`a eq ${'y'.repeat(24)}`).found).toBe(`"${'y'.repeat(24)}"`);
  });

  it('shows 40 characters either side of a late position, control characters as spaces', () => {
    const text = `name eq "${'x'.repeat(50)}\u0007" and a EQ 1`;
    const error = syntaxErrorOf(text);
    expect(error.position).toBe(text.indexOf('EQ'));
    const [, excerpt, caret] = error.message.split('\n');
    expect(excerpt).toBe(
      `  …${text.slice(error.position - 40, error.position + 40).replace('\u0007', ' ')}`,
    );
    expect(caret).toBe(`  ${' '.repeat(41)}^`);
    expect(error.summary).toBe(
      `Expected one of eq, ne, gt, ge, lt, le, co, sw, in, ca, isnull at position ${error.position}, found "EQ". Operators and keywords are lowercase only.`,
    );
  });

  it('shows the start of the text without an ellipsis when the position is early', () => {
    const error = syntaxErrorOf(`a EQ ${'1'.repeat(100)}`);
    const [, excerpt, caret] = error.message.split('\n');
    expect(excerpt).toBe(`  a EQ ${'1'.repeat(37)}`);
    expect(caret).toBe('    ^');
  });
});

describe('parseFilter: the characters of the grammar', () => {
  it('skips spaces, tabs, carriage returns and line feeds between tokens', () => {
    expect(formatFilter(parseFilter(' \t\r\na\r\neq\t1\r\n'))).toBe('a eq 1');
  });

  it.each(['\u00a0', '\f', '\v', '\u2028', '\ufeff'])(
    'treats %j as a stray character, not white space',
    (space) => {
      const error = syntaxErrorOf(`a eq 1${space}and b eq 2`);
      expect([error.position, error.found]).toEqual([6, JSON.stringify(space)]);
    },
  );

  it.each(['A', 'Z', 'a', 'z', '_', 'a0', 'z9', 'A_Z.z_A', '_.a'])(
    'reads %j as a field name',
    (name) => {
      expect(parseFilter(`${name} eq 1`)).toMatchObject({ kind: 'comparison', field: name });
    },
  );

  it.each(['@', '[', '`', '{', '/', ':', '0'])('refuses a field starting with %j', (first) => {
    expect(syntaxErrorOf(`${first}a eq 1`).position).toBe(0);
  });

  it.each(['@', '[', '`', '{', '/', ':', '-'])('ends a field name at %j', (character) => {
    expect(syntaxErrorOf(`a${character}b eq 1`).position).toBe(1);
  });

  it('reads a bare value up to a character that cannot be in one', () => {
    expect(stripPositions(parseFilter('a in (1,-2)'))).toMatchObject({
      values: [
        { kind: 'number', value: '1' },
        { kind: 'number', value: '-2' },
      ],
    });
    expect(syntaxErrorOf('a eq 1/2').found).toBe('"/"');
  });

  it('reports a whole emoji found where it does not belong, and half of one at the end', () => {
    expect(syntaxErrorOf('😀 eq 1').found).toBe('"😀"');
    expect(syntaxErrorOf('a eq 1 \ud83d').found).toBe(JSON.stringify('\ud83d'));
  });

  it('refuses a backslash at the very end of a string', () => {
    const error = syntaxErrorOf('a eq "x\\');
    expect([error.position, error.found, error.expected]).toEqual([
      7,
      'end of input',
      ['\\" or \\\\ (the only escapes)'],
    ]);
  });

  it('accepts a surrogate pair just before the closing quote, refuses half of one', () => {
    expect(parseFilter('a eq "x😀"')).toMatchObject({ value: { value: 'x😀' } });
    expect(syntaxErrorOf('a eq "x\ud83d"').position).toBe(7);
    expect(syntaxErrorOf('a eq "\ude00x"').position).toBe(6);
    expect(syntaxErrorOf('a eq "\ud83d\ud83d\ude00"').position).toBe(6);
  });
});

describe('parseFilter: odd input, named plainly', () => {
  it('says what it got instead of text', () => {
    for (const [given, found] of [
      [null, 'null'],
      [42, 'number'],
      [undefined, 'undefined'],
    ] as const) {
      const error = thrown(() => parseFilter(given as unknown as string));
      expect(isFilterSyntaxError(error) && [error.found, error.expected]).toEqual([
        found,
        ['filters text (a string)'],
      ]);
    }
  });

  it('treats true and false as values, never as field names, in any letter case', () => {
    expect(syntaxErrorOf('false eq 1').position).toBe(0);
    expect(syntaxErrorOf('FALSE eq 1').hint).toBe('Operators and keywords are lowercase only.');
    expect(syntaxErrorOf('a eq FALSE').hint).toBe('Operators and keywords are lowercase only.');
  });

  it('gives the date-time hint only to text that starts like a date', () => {
    expect(syntaxErrorOf('a eq 2018-02-30T00:00:00Z').hint).toMatch(/^Date-times need/);
    expect(syntaxErrorOf('a eq 12345-67')).not.toHaveProperty('hint');
  });

  it('quotes a character outside the BMP whole, from the first to the last plane', () => {
    expect(syntaxErrorOf('a eq \u{10000}').found).toBe('"\u{10000}"');
    expect(syntaxErrorOf('a eq \u{10FFFF}').found).toBe('"\u{10FFFF}"');
    expect(syntaxErrorOf('a eq \uDC00x').found).toBe(JSON.stringify('\uDC00'));
  });

  it('refuses strings holding a low surrogate first or a high one before a non-surrogate', () => {
    expect(syntaxErrorOf('a eq "\uDC00\uDC00"').position).toBe(6);
    expect(syntaxErrorOf('a eq "\uD800\uE000"').position).toBe(6);
    expect(parseFilter('a eq "\uD800\uDFFF"').kind).toBe('comparison');
  });

  it('lets the depth fall back after each not: 300 nots side by side', () => {
    const tree = parseFilter(Array.from({ length: 300 }, () => 'not a eq 1').join(' and '));
    expect(tree.kind === 'and' && tree.operands).toHaveLength(300);
  });
});
