import { describe, expect, it } from 'vitest';
import {
  filterFor,
  formatFilter,
  isFilterBuildError,
  isFilterValidationError,
  isUnknownOperationError,
  parseFilter,
  validateFilter,
  type FilterBuildErrorCode,
  type Filter,
} from '../src/index.js';
import { thrown } from './support/nodes.js';

const items = filterFor('listIdentityAccessReviewItems');
const campaigns = filterFor('getActiveCampaigns');
const permissions = filterFor('getIdentityCertificationItemPermissions');
const loose = filterFor({
  filters: {
    name: { operators: ['eq', 'co', 'sw', 'in', 'pr', 'isnull'], type: 'string' },
    size: { operators: ['eq', 'gt', 'le'], type: 'number' },
    created: { operators: ['gt', 'lt', 'isnull'], type: 'date-time' },
    anything: { operators: ['eq', 'in', 'ca'] },
  },
} as const);

/** Runs `build` and returns the FilterBuildError code it throws. */
function codeOf(build: () => unknown): FilterBuildErrorCode {
  const error = thrown(build);
  if (isFilterBuildError(error)) return error.code;
  throw error;
}

describe('filterFor: what each method writes', () => {
  const cases: [string, { given: () => string; want: string }][] = [
    ['eq boolean', { given: () => items.eq('completed', false), want: 'completed eq false' }],
    ['ne boolean', { given: () => items.ne('completed', true), want: 'completed ne true' }],
    ['eq enum', { given: () => items.eq('type', 'ROLE'), want: 'type eq "ROLE"' }],
    [
      'in strings',
      {
        given: () => items.in('identitySummary.id', ['a', 'b']),
        want: 'identitySummary.id in ("a","b")',
      },
    ],
    [
      'sw string',
      { given: () => items.sw('access.name', 'Admin'), want: 'access.name sw "Admin"' },
    ],
    [
      'quote and backslash escaped',
      { given: () => campaigns.eq('name', 'a"b\\c'), want: 'name eq "a\\"b\\\\c"' },
    ],
    [
      'injection attempt stays a value',
      { given: () => campaigns.eq('name', '") or id pr ("'), want: 'name eq "\\") or id pr (\\""' },
    ],
    [
      'control characters stay inside the quotes',
      { given: () => campaigns.eq('name', 'a\n") or (\t'), want: 'name eq "a\n\\") or (\t"' },
    ],
    [
      'URL characters written as they are',
      {
        given: () => campaigns.eq('name', '#Employees %23 & + ?='),
        want: 'name eq "#Employees %23 & + ?="',
      },
    ],
    [
      'ca list',
      {
        given: () => permissions.ca('rights', ['CREATE', 'READ']),
        want: 'rights ca ("CREATE","READ")',
      },
    ],
    ['co', { given: () => loose.co('name', 'x'), want: 'name co "x"' }],
    ['pr', { given: () => loose.pr('name'), want: 'pr name' }],
    ['isnull', { given: () => loose.isnull('created'), want: 'created isnull' }],
    ['number', { given: () => loose.gt('size', 7), want: 'size gt 7' }],
    ['negative decimal', { given: () => loose.le('size', -1.25), want: 'size le -1.25' }],
    ['tiny number in exponent form', { given: () => loose.eq('size', 1e-7), want: 'size eq 1e-7' }],
    [
      'large number in exponent form',
      { given: () => loose.eq('size', 1e21), want: 'size eq 1e+21' },
    ],
    ['negative zero', { given: () => loose.eq('size', -0), want: 'size eq 0' }],
    [
      'bigint exactly',
      { given: () => loose.eq('size', 2n ** 70n), want: 'size eq 1180591620717411303424' },
    ],
    [
      'Date as ISO-8601',
      {
        given: () => loose.gt('created', new Date(Date.UTC(2018, 11, 18, 23, 5, 55))),
        want: 'created gt 2018-12-18T23:05:55.000Z',
      },
    ],
    [
      'date-time text bare',
      {
        given: () => loose.lt('created', '2018-12-18T23:05:55+01:00'),
        want: 'created lt 2018-12-18T23:05:55+01:00',
      },
    ],
    [
      'untyped field takes the JavaScript type',
      {
        given: () => loose.in('anything', ['a', 1, true, new Date(0)]),
        want: 'anything in ("a",1,true,1970-01-01T00:00:00.000Z)',
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const text = given();
    expect(text).toBe(want);
    expect(formatFilter(parseFilter(text))).toBe(text);
  });
});

describe('filterFor: combinators add only the parentheses precedence needs', () => {
  const { eq, and, or, not } = campaigns; // destructured: the methods do not use `this`
  const a = eq('id', 'a');
  const b = eq('name', 'b');
  const c = eq('status', 'ACTIVE');
  const cases: [string, { given: () => string; want: string }][] = [
    [
      'and',
      { given: () => and(a, b, c), want: 'id eq "a" and name eq "b" and status eq "ACTIVE"' },
    ],
    [
      'or inside and',
      { given: () => and(or(a, b), c), want: '(id eq "a" or name eq "b") and status eq "ACTIVE"' },
    ],
    [
      'and inside or',
      { given: () => or(and(a, b), c), want: 'id eq "a" and name eq "b" or status eq "ACTIVE"' },
    ],
    [
      'and inside and',
      { given: () => and(a, and(b, c)), want: 'id eq "a" and name eq "b" and status eq "ACTIVE"' },
    ],
    ['not of atom', { given: () => not(a), want: 'not id eq "a"' }],
    ['not of and', { given: () => not(and(a, b)), want: 'not (id eq "a" and name eq "b")' }],
    [
      'not of or inside and',
      {
        given: () => and(not(or(a, b)), c),
        want: 'not (id eq "a" or name eq "b") and status eq "ACTIVE"',
      },
    ],
    [
      'keywords inside values do not count',
      {
        given: () => and(eq('name', 'x or y'), eq('name', ' and (')),
        want: 'name eq "x or y" and name eq " and ("',
      },
    ],
    [
      'single operand returned as is',
      { given: () => and(or(a, b)), want: 'id eq "a" or name eq "b"' },
    ],
    [
      'single or operand returned as is',
      { given: () => or(and(a, b)), want: 'id eq "a" and name eq "b"' },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const text = given();
    expect(text).toBe(want);
    expect(formatFilter(parseFilter(text))).toBe(text);
  });
});

describe('filterFor: refuses at run time what types refuse at compile time', () => {
  const untyped = items as unknown as Record<string, (...args: unknown[]) => string>;
  const call =
    (name: string, ...args: unknown[]) =>
    () =>
      (untyped[name] as (...a: unknown[]) => string)(...args);
  const cases: [string, { given: () => unknown; want: FilterBuildErrorCode }][] = [
    ['unknown field', { given: call('eq', 'nope', 1), want: 'unknown-field' }],
    ['inherited property as field', { given: call('eq', 'toString', 1), want: 'unknown-field' }],
    [
      'unsupported operator',
      { given: call('sw', 'identitySummary.id', 'x'), want: 'unsupported-operator' },
    ],
    [
      'string for a boolean field',
      { given: call('eq', 'completed', 'false'), want: 'invalid-value' },
    ],
    ['null value', { given: call('eq', 'id', null), want: 'invalid-value' }],
    ['lone surrogate', { given: call('eq', 'id', '\ud83d'), want: 'invalid-value' }],
    ['value outside the enum', { given: call('eq', 'type', 'NOPE'), want: 'invalid-value' }],
    ['number in a list of strings', { given: call('in', 'id', ['a', 1]), want: 'invalid-value' }],
    ['undefined value', { given: call('eq', 'id', undefined), want: 'invalid-value' }],
    ['object value', { given: call('eq', 'id', { toString: () => 'x' }), want: 'invalid-value' }],
    ['empty in list', { given: call('in', 'id', []), want: 'empty-list' }],
    ['in with a non-array', { given: call('in', 'id', 'abc'), want: 'empty-list' }],
    ['and without operands', { given: call('and'), want: 'no-operands' }],
    ['and with a non-string', { given: call('and', 42), want: 'invalid-operand' }],
    [
      'and with text cast to Filter that breaks out',
      { given: call('and', 'id eq "a") or (id eq "b"'), want: 'invalid-operand' },
    ],
    [
      'or with a filter for another operation',
      { given: call('or', 'status eq "ACTIVE"'), want: 'invalid-operand' },
    ],
    ['not with an empty string', { given: call('not', ''), want: 'invalid-operand' }],
    ['NaN', { given: () => loose.eq('size', Number.NaN), want: 'invalid-value' }],
    [
      'Infinity',
      { given: () => loose.gt('size', Number.POSITIVE_INFINITY), want: 'invalid-value' },
    ],
    ['invalid Date', { given: () => loose.gt('created', new Date('nope')), want: 'invalid-value' }],
    [
      'Date beyond year 9999',
      { given: () => loose.gt('created', new Date(Date.UTC(10000, 0, 1))), want: 'invalid-value' },
    ],
    [
      'malformed date-time text',
      {
        given: () => loose.gt('created', '2018-12-18T23:05' as '2018-12-18T23:05:00Z'),
        want: 'invalid-value',
      },
    ],
    [
      'date-time text on a day that does not exist',
      { given: () => loose.gt('created', '2018-04-31T00:00:00Z'), want: 'invalid-value' },
    ],
    [
      'Date for a string field',
      { given: () => loose.eq('name', new Date(0) as unknown as string), want: 'invalid-value' },
    ],
    [
      'not on the permissions endpoint',
      {
        given: () =>
          (permissions as unknown as { not: (f: string) => string }).not('target eq "x"'),
        want: 'unsupported-composite',
      },
    ],
    [
      'two terms on one field on the permissions endpoint',
      {
        given: () => permissions.or(permissions.eq('target', 'a'), permissions.sw('target', 'b')),
        want: 'composite-same-field',
      },
    ],
    [
      'a second and/or on the permissions endpoint',
      {
        given: () =>
          permissions.or(
            permissions.and(permissions.eq('target', 'a'), permissions.ca('rights', ['READ'])),
            permissions.sw('target', 'b'),
          ),
        want: 'too-many-composites',
      },
    ],
    [
      'operation without filters',
      {
        given: () => filterFor('createCampaign' as 'getActiveCampaigns'),
        want: 'filters-not-supported',
      },
    ],
    [
      'bad field name in plain capabilities',
      {
        given: () => filterFor({ filters: { 'a or b': { operators: ['eq'] } } }).eq('a or b', 1),
        want: 'invalid-field-name',
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(codeOf(given)).toBe(want);
  });

  it('throws UnknownOperationError for an operationId that does not exist', () => {
    const error = thrown(() => filterFor('noSuchOperation' as 'getActiveCampaigns'));
    expect(isUnknownOperationError(error) && error.operationId).toBe('noSuchOperation');
    expect(isUnknownOperationError(error) && error.message).toBe(
      'Unknown operationId "noSuchOperation": it is not in operationMetadata from @isc-sdk/types.',
    );
  });

  it('explains a refused operand with the problem it has', () => {
    const error = thrown(() =>
      items.and('status eq "ACTIVE"' as Filter<'listIdentityAccessReviewItems'>),
    );
    expect(isFilterBuildError(error) && error.message).toContain(
      'listIdentityAccessReviewItems cannot filter on "status"',
    );
  });

  it('builds the documented permissions filter: one and, joining rights to target', () => {
    expect(
      permissions.and(
        permissions.ca('rights', ['CREATE']),
        permissions.eq('target', 'SYS.OBJAUTH2'),
      ),
    ).toBe('rights ca ("CREATE") and target eq "SYS.OBJAUTH2"');
  });

  it('names the enum members when a value is not one of them', () => {
    expect(() => call('eq', 'access.type', 'role')()).toThrow(/not one of .*ROLE/);
  });

  it('names the field and the accepted operators in its message', () => {
    expect(() => call('sw', 'identitySummary.id', 'x')()).toThrow(
      'Field "identitySummary.id" does not support "sw" on listIdentityAccessReviewItems; it supports eq, in.',
    );
  });
});

describe('filterFor: a string cast to Filter cannot break what the operation allows', () => {
  // Each of these compiles with a cast (`as any`, `as Filter<...>`) or in untyped code; the
  // combinators read their operands again and refuse them as the API would answer 400.
  const andOnly = filterFor({
    filters: {
      a: { operators: ['eq', 'in'], type: 'number' },
      b: { operators: ['eq'], type: 'string' },
    },
    filterComposites: ['and'],
  } as const);
  /** What `text as any` does: the type checker lets it through anywhere. */
  const cast = (text: string) => text as never;
  const refusal = (build: () => unknown) => {
    const error = thrown(build);
    if (!isFilterBuildError(error)) throw error;
    return [error.code, error.message];
  };

  const cases: [string, { given: () => unknown; want: [FilterBuildErrorCode, RegExp] }][] = [
    [
      'and() with an or the operation does not allow',
      {
        given: () => andOnly.and(cast('a eq 1 or a eq 2'), andOnly.eq('b', 'x')),
        want: ['invalid-operand', /does not allow "or"/],
      },
    ],
    [
      'and() with a not the operation does not allow',
      {
        given: () => andOnly.and(cast('not a eq 1')),
        want: ['invalid-operand', /does not allow "not"/],
      },
    ],
    [
      'and() with a field the operation lacks',
      {
        given: () => andOnly.and(cast('c eq 1')),
        want: ['invalid-operand', /cannot filter on "c"/],
      },
    ],
    [
      'and() with an operator the field lacks',
      {
        given: () => andOnly.and(cast('b in ("x")')),
        want: ['invalid-operand', /does not support "in"/],
      },
    ],
    [
      'and() with a value of the wrong kind',
      {
        given: () => andOnly.and(cast('a eq "1"')),
        want: ['invalid-operand', /compares with number values/],
      },
    ],
    [
      'not() with a field the operation lacks',
      {
        given: () => campaigns.not(cast('created gt 2020-01-01T00:00:00Z')),
        want: ['invalid-operand', /cannot filter on "created"/],
      },
    ],
    [
      'not() with a value of the wrong kind',
      {
        given: () => items.not(cast('completed eq "false"')),
        want: ['invalid-operand', /compares with boolean values/],
      },
    ],
    [
      'or() with text that is not a filter',
      {
        given: () => campaigns.or(cast('id eq "a") or (id pr')),
        want: ['invalid-operand', /Expected/],
      },
    ],
    [
      'or() with a second composite on the one-composite operation',
      {
        given: () =>
          permissions.or(
            cast('target eq "a" and rights ca ("READ")'),
            permissions.sw('target', 'b'),
          ),
        want: ['too-many-composites', /allows one "and" or "or" per filter/],
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const [code, message] = refusal(given);
    expect(code).toBe(want[0]);
    expect(message).toMatch(want[1]);
  });

  it('names the combinator and the operation, and keeps the cause', () => {
    const error = thrown(() => campaigns.not(cast('nope eq 1')));
    if (!isFilterBuildError(error)) throw error;
    expect(error.message).toBe(
      'not() takes filters made by this builder for getActiveCampaigns; "nope eq 1" is not one: getActiveCampaigns cannot filter on "nope"; filterable fields: id, name, status. (at 0)',
    );
    expect(isFilterValidationError(error.cause)).toBe(true);
    expect(error.value).toBe('nope eq 1');
  });

  it('takes a valid cast string by its structure: canonical, and parenthesised where needed', () => {
    expect(campaigns.and(cast('(id eq "a")  or id eq "b"'), campaigns.eq('name', 'x'))).toBe(
      '(id eq "a" or id eq "b") and name eq "x"',
    );
    expect(campaigns.not(cast('id eq "a" and name eq "b"'))).toBe(
      'not (id eq "a" and name eq "b")',
    );
    expect(andOnly.and(cast('a in (1,2)'))).toBe('a in (1,2)');
  });
});

describe('filterFor(...).from: text or trees from elsewhere', () => {
  it('returns valid text in canonical form', () => {
    expect(campaigns.from('(name  sw "Q1")and status in ("ACTIVE")')).toBe(
      'name sw "Q1" and status in ("ACTIVE")',
    );
    expect(campaigns.from(parseFilter('id eq "x"'))).toBe('id eq "x"');
  });

  it('accepts a tree written by hand', () => {
    expect(
      campaigns.from({
        kind: 'or',
        operands: [
          {
            kind: 'comparison',
            field: 'status',
            operator: 'eq',
            value: { kind: 'string', value: 'ACTIVE' },
          },
          {
            kind: 'comparison',
            field: 'name',
            operator: 'sw',
            value: { kind: 'string', value: 'Q1' },
          },
        ],
      }),
    ).toBe('status eq "ACTIVE" or name sw "Q1"');
  });

  it('throws FilterValidationError with a syntax problem for text that does not parse', () => {
    const error = thrown(() => campaigns.from('name EQ "x"'));
    expect(isFilterValidationError(error) && error.problems.map((p) => [p.code, p.start])).toEqual([
      ['syntax', 5],
    ]);
  });

  it('throws FilterValidationError listing each unsupported field and operator', () => {
    const error = thrown(() => permissions.from('not target co "x" and foo eq 1'));
    expect(isFilterValidationError(error) && error.problems.map((p) => p.code)).toEqual([
      'unsupported-composite',
      'unsupported-operator',
      'unknown-field',
    ]);
  });
});

describe('filterFor: each refusal names the field, the value and what was expected', () => {
  const typed = filterFor({
    filters: {
      n: { operators: ['eq', 'in'], type: 'number' },
      s: { operators: ['eq', 'sw'], type: 'string' },
      flag: { operators: ['eq'], type: 'boolean' },
      when: { operators: ['gt'], type: 'date-time' },
      kind: { operators: ['eq', 'co'], type: 'string', enum: ['ROLE', 'ENTITLEMENT'] },
    },
    filterComposites: ['and'],
  } as const);
  const untyped = typed as unknown as Record<string, (...args: unknown[]) => string>;
  const call =
    (name: string, ...args: unknown[]) =>
    () =>
      (untyped[name] as (...a: unknown[]) => string)(...args);

  const cases: [string, { given: () => unknown; want: [FilterBuildErrorCode, string, unknown] }][] =
    [
      [
        'an unknown field',
        {
          given: call('eq', 'x', 1),
          want: [
            'unknown-field',
            'this operation cannot filter on "x"; filterable fields: n, s, flag, when, kind.',
            'x',
          ],
        },
      ],
      [
        'a string for a number',
        {
          given: call('eq', 'n', '1'),
          want: [
            'invalid-value',
            'Cannot write the string "1" for field "n": expected a number or bigint, got the string "1".',
            'n',
          ],
        },
      ],
      [
        'a number for a string',
        {
          given: call('eq', 's', 1),
          want: [
            'invalid-value',
            'Cannot write a number for field "s": expected a string, got a number.',
            's',
          ],
        },
      ],
      [
        'null for a boolean',
        {
          given: call('eq', 'flag', null),
          want: [
            'invalid-value',
            'Cannot write null for field "flag": expected a string, number, bigint, boolean or Date, got null.',
            'flag',
          ],
        },
      ],
      [
        'a number for a date-time',
        {
          given: call('gt', 'when', 0),
          want: [
            'invalid-value',
            'Cannot write a number for field "when": expected a Date or RFC 3339 text, got a number.',
            'when',
          ],
        },
      ],
      [
        'a Date for a string',
        {
          given: call('eq', 's', new Date(0)),
          want: [
            'invalid-value',
            'Cannot write a Date for field "s": expected a string, got a Date.',
            's',
          ],
        },
      ],
      [
        'date-time text that is not RFC 3339',
        {
          given: call('gt', 'when', '2020-01-01'),
          want: [
            'invalid-value',
            'Cannot write the string "2020-01-01" for field "when": date-time text must be RFC 3339 on a real calendar day, such as 2018-12-18T23:05:55Z.',
            'when',
          ],
        },
      ],
      [
        'an invalid Date',
        {
          given: call('gt', 'when', new Date(Number.NaN)),
          want: [
            'invalid-value',
            'Cannot write a Date for field "when": the Date is invalid.',
            'when',
          ],
        },
      ],
      [
        'a Date before year 0',
        {
          given: call('gt', 'when', new Date(Date.UTC(-1, 0, 1))),
          want: [
            'invalid-value',
            'Cannot write a Date for field "when": the year must be between 0 and 9999.',
            'when',
          ],
        },
      ],
      [
        'Infinity',
        {
          given: call('eq', 'n', Number.NEGATIVE_INFINITY),
          want: [
            'invalid-value',
            'Cannot write a number for field "n": numbers must be finite.',
            'n',
          ],
        },
      ],
      [
        'half a surrogate pair',
        {
          given: call('sw', 's', 'x\udfff'),
          want: [
            'invalid-value',
            'Cannot write the string "x\\udfff" for field "s": it holds the unpaired surrogate U+DFFF at offset 1, which cannot be sent in a URL.',
            's',
          ],
        },
      ],
      [
        'a value outside the enum',
        {
          given: call('eq', 'kind', 'role'),
          want: [
            'invalid-value',
            'Cannot write the string "role" for field "kind": it is not one of ROLE, ENTITLEMENT.',
            'kind',
          ],
        },
      ],
      [
        'an operator the field lacks',
        {
          given: call('in', 's', ['a']),
          want: [
            'unsupported-operator',
            'Field "s" does not support "in" on this operation; it supports eq, sw.',
            's',
          ],
        },
      ],
      [
        'an empty list',
        {
          given: call('in', 'n', []),
          want: ['empty-list', 'in on field "n" needs a non-empty array of values.', 'n'],
        },
      ],
      [
        'no operands',
        {
          given: call('and'),
          want: ['no-operands', 'and() needs at least one filter.', undefined],
        },
      ],
      [
        'a composite the operation lacks',
        {
          given: call('not', 'n eq 1'),
          want: [
            'unsupported-composite',
            'this operation does not allow "not" in filters; it allows and.',
            undefined,
          ],
        },
      ],
      [
        'an operand that is not text',
        {
          given: call('and', null),
          want: [
            'invalid-operand',
            'and() takes filters made by this builder; got null.',
            undefined,
          ],
        },
      ],
    ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const error = thrown(given);
    if (!isFilterBuildError(error)) throw error;
    expect([error.code, error.message, error.field]).toEqual(want);
  });

  it('keeps the refused value', () => {
    const error = thrown(call('eq', 'kind', 'role'));
    expect(isFilterBuildError(error) && error.value).toBe('role');
    const list = thrown(call('in', 'n', 'abc'));
    expect(isFilterBuildError(list) && list.value).toBe('abc');
  });

  it('lets co and sw take any string, also on an enum field, and checks enums otherwise', () => {
    expect(typed.co('kind', 'OL')).toBe('kind co "OL"');
    expect(typed.eq('kind', 'ROLE')).toBe('kind eq "ROLE"');
  });

  it('says "no composites" when the operation allows none', () => {
    const none = filterFor({ filters: { a: { operators: ['eq'] } }, filterComposites: [] });
    const error = thrown(() => (none as unknown as { and: (a: string) => string }).and('a eq 1'));
    expect(isFilterBuildError(error) && error.message).toBe(
      'this operation does not allow "and" in filters; it allows no composites.',
    );
  });
});

describe('filterFor: what refusals of combinators and odd capabilities say', () => {
  const untyped = <T>(value: unknown) => value as T;

  it('names the operation that takes no filters', () => {
    const error = thrown(() => filterFor('createCampaign' as 'getActiveCampaigns'));
    expect(isFilterBuildError(error) && [error.code, error.message]).toEqual([
      'filters-not-supported',
      'createCampaign takes no filters parameter, so it has no filter builder.',
    ]);
  });

  it('on the one-composite operation, names the shared field, and no field for a second composite', () => {
    const same = thrown(() =>
      permissions.and(permissions.eq('target', 'a'), permissions.sw('target', 'b')),
    );
    expect(isFilterBuildError(same) && [same.code, same.field]).toEqual([
      'composite-same-field',
      'target',
    ]);
    const pair = permissions.and(permissions.eq('target', 'a'), permissions.ca('rights', ['r']));
    const second = thrown(() => permissions.or(pair, permissions.sw('target', 'b')));
    expect(isFilterBuildError(second) && second.code).toBe('too-many-composites');
    expect(second).not.toHaveProperty('field');
  });

  it('says what it got instead of a filter', () => {
    for (const [given, got] of [
      [42, 'number'],
      [null, 'null'],
      [undefined, 'undefined'],
    ] as const) {
      const error = thrown(() => campaigns.not(untyped<Filter<'getActiveCampaigns'>>(given)));
      expect(isFilterBuildError(error) && [error.code, error.message]).toEqual([
        'invalid-operand',
        `not() takes filters made by this builder; got ${got}.`,
      ]);
    }
  });

  it('keeps the validation error of a cast string as the cause', () => {
    const error = thrown(() => campaigns.not(untyped<Filter<'getActiveCampaigns'>>('nope eq "x"')));
    if (!isFilterBuildError(error)) throw error;
    expect(isFilterValidationError(error.cause) && error.cause.parameter).toBe('filters');
    expect(isFilterValidationError(error.cause) && error.cause.problems).toHaveLength(1);
  });

  it('quotes a cast string of up to 200 characters whole and cuts a longer one', () => {
    const quoted = (text: string) => {
      const error = thrown(() => campaigns.not(untyped<Filter<'getActiveCampaigns'>>(text)));
      if (!isFilterBuildError(error)) throw error;
      return error.message.slice(error.message.indexOf('"'), error.message.indexOf(' is not one'));
    };
    const field = (length: number) => `${'x'.repeat(length - 7)} eq "x"`;
    expect(quoted(field(200))).toBe(JSON.stringify(field(200)));
    expect(quoted(field(201))).toBe(JSON.stringify(`${field(201).slice(0, 200)}…`));
  });

  it('refuses a filterable field that is not a field name before looking at its operator or value', () => {
    const odd = filterFor({ filters: { not: { operators: ['eq'], type: 'string' } } });
    // The types offer no `ne` here; untyped code can still call it.
    const call = untyped<Record<string, (field: string, value: unknown) => string>>(odd)['ne'];
    if (call === undefined) throw new Error('the builder has a ne method at run time');
    const error = thrown(() => call('not', 5));
    expect(isFilterBuildError(error) && [error.code, error.field, error.message]).toEqual([
      'invalid-field-name',
      'not',
      '"not" is not a field name: use identifiers joined by dots, not a keyword.',
    ]);
  });

  it('says when an operation allows no composites at all', () => {
    const none = filterFor({
      filters: { a: { operators: ['eq'] } },
      filterComposites: null,
    });
    // The types offer no `and` here; untyped code can still call it.
    const join = untyped<{ and: (...filters: string[]) => string }>(none).and;
    const error = thrown(() => join(none.eq('a', 1), none.eq('a', 2)));
    expect(isFilterBuildError(error) && [error.code, error.message]).toEqual([
      'unsupported-composite',
      'this operation does not allow "and" in filters; it allows no composites.',
    ]);
  });

  it('lists the composites an operation allows', () => {
    const negate = untyped<{ not: (filter: string) => string }>(permissions).not;
    const error = thrown(() => negate(permissions.eq('target', 'a')));
    expect(isFilterBuildError(error) && [error.code, error.message]).toEqual([
      'unsupported-composite',
      'getIdentityCertificationItemPermissions does not allow "not" in filters; it allows and, or.',
    ]);
  });

  it('takes string text for co and sw on a field of another type', () => {
    const counts = filterFor({ filters: { n: { operators: ['co', 'sw'], type: 'number' } } });
    expect(counts.co('n', '12')).toBe('n co "12"');
    expect(counts.sw('n', '1')).toBe('n sw "1"');
    expect(
      validateFilter('n co "12" and n sw "1"', {
        filters: { n: { operators: ['co', 'sw'], type: 'number' } },
      }),
    ).toEqual([]);
  });

  it('refuses an unpaired surrogate at the very start of a value', () => {
    const error = thrown(() => loose.eq('name', '\uDC00abc'));
    expect(isFilterBuildError(error) && error.message).toBe(
      'Cannot write the string "\\udc00abc" for field "name": it holds the unpaired surrogate U+DC00 at offset 0, which cannot be sent in a URL.',
    );
  });
});
