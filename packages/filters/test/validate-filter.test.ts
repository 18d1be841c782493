import { describe, expect, it } from 'vitest';
import {
  assertValidFilter,
  formatFilter,
  isFilterBuildError,
  isFilterValidationError,
  isUnknownOperationError,
  parseFilter,
  validateFilter,
  type CapabilityTarget,
  type FilterExpression,
  type FilterProblemCode,
} from '../src/index.js';
import { and, eq, not, or, str, thrown } from './support/nodes.js';

type Row = [code: FilterProblemCode, field: string | null, operator: string | null, start?: number];

const rows = (filter: string | FilterExpression, target: CapabilityTarget): Row[] =>
  validateFilter(filter, target).map((p) => {
    const row: Row = [p.code, p.field, p.operator];
    if (p.start !== undefined) row.push(p.start);
    return row;
  });

describe('validateFilter: what the API would answer 400 to', () => {
  const cases: [string, { given: [string, CapabilityTarget]; want: Row[] }][] = [
    [
      'campaigns by status',
      { given: ['status in ("ACTIVE","STAGED") and name sw "Q1"', 'getActiveCampaigns'], want: [] },
    ],
    [
      'review items not yet decided for an identity',
      {
        given: [
          'completed eq false and identitySummary.id eq "2c9"',
          'listIdentityAccessReviewItems',
        ],
        want: [],
      },
    ],
    [
      'the documented permissions example',
      {
        given: [
          'rights ca ("CREATE") and target eq "SYS.OBJAUTH2"',
          'getIdentityCertificationItemPermissions',
        ],
        want: [],
      },
    ],
    [
      'unknown field',
      {
        given: ['created gt 2020-01-01T00:00:00Z', 'getActiveCampaigns'],
        want: [['unknown-field', 'created', 'gt', 0]],
      },
    ],
    [
      'unsupported operator',
      {
        given: ['name co "x"', 'getActiveCampaigns'],
        want: [['unsupported-operator', 'name', 'co', 5]],
      },
    ],
    [
      'every problem, in source order',
      {
        given: ['id sw "a" or nope eq 1 or pr name', 'getActiveCampaigns'],
        want: [
          ['unsupported-operator', 'id', 'sw', 3],
          ['unknown-field', 'nope', 'eq', 13],
          ['unsupported-operator', 'name', 'pr', 26],
        ],
      },
    ],
    [
      'the permissions endpoint refuses not and allows or',
      {
        given: ['not target eq "a" or rights ca ("X")', 'getIdentityCertificationItemPermissions'],
        want: [['unsupported-composite', null, 'not', 0]],
      },
    ],
    [
      'the permissions endpoint allows one and/or per filter (a chain)',
      {
        given: [
          'target eq "a" and rights ca ("X") and target sw "b"',
          'getIdentityCertificationItemPermissions',
        ],
        want: [['too-many-composites', null, 'and', 34]],
      },
    ],
    [
      'the permissions endpoint allows one and/or per filter (nested)',
      {
        given: [
          '(target eq "a" or target sw "b") and rights ca ("X")',
          'getIdentityCertificationItemPermissions',
        ],
        want: [['too-many-composites', null, 'and', 33]],
      },
    ],
    [
      'the permissions endpoint joins different fields only',
      {
        given: ['target eq "a" or target sw "b"', 'getIdentityCertificationItemPermissions'],
        want: [['composite-same-field', 'target', 'or', 14]],
      },
    ],
    [
      'other operations nest and repeat fields freely',
      {
        given: ['(name sw "a" or name sw "b") and status eq "ACTIVE"', 'getActiveCampaigns'],
        want: [],
      },
    ],
    [
      'each refused composite keyword',
      {
        given: [
          'a eq 1 and b eq 2 and c eq 3',
          {
            filters: {
              a: { operators: ['eq'] },
              b: { operators: ['eq'] },
              c: { operators: ['eq'] },
            },
            filterComposites: [],
          },
        ],
        want: [
          ['unsupported-composite', null, 'and', 7],
          ['unsupported-composite', null, 'and', 18],
        ],
      },
    ],
    [
      'value of the wrong kind',
      {
        given: ['completed eq "false"', 'listIdentityCertifications'],
        want: [['value-type', 'completed', 'eq', 13]],
      },
    ],
    [
      'each list value of the wrong kind',
      {
        given: ['id in ("a",1,true)', 'getActiveCampaigns'],
        want: [
          ['value-type', 'id', 'in', 11],
          ['value-type', 'id', 'in', 13],
        ],
      },
    ],
    [
      'sw needs a string even on an untyped field',
      {
        given: ['x sw 1', { filters: { x: { operators: ['sw'] } } }],
        want: [['value-type', 'x', 'sw', 5]],
      },
    ],
    [
      'untyped fields take any literal',
      { given: ['x eq 2020-01-01T00:00:00Z', { filters: { x: { operators: ['eq'] } } }], want: [] },
    ],
    [
      'inherited property names are not fields',
      {
        given: ['constructor eq "x"', 'getActiveCampaigns'],
        want: [['unknown-field', 'constructor', 'eq', 0]],
      },
    ],
    [
      'syntax error',
      { given: ['name EQ "x"', 'getActiveCampaigns'], want: [['syntax', null, null, 5]] },
    ],
    [
      'operation without filters',
      { given: ['id eq "a"', 'getCampaign'], want: [['filters-not-supported', null, null, 0]] },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(rows(...given)).toEqual(want);
  });

  it('gives each problem a span, a message and what would be accepted', () => {
    expect(validateFilter('identitySummary.id sw "x"', 'listIdentityAccessReviewItems')).toEqual([
      {
        code: 'unsupported-operator',
        message:
          'Field "identitySummary.id" does not support "sw" on listIdentityAccessReviewItems; it supports eq, in.',
        start: 19,
        end: 21,
        field: 'identitySummary.id',
        operator: 'sw',
        expected: ['eq', 'in'],
      },
    ]);
  });

  it('reports a syntax error as one problem naming what was expected', () => {
    const [problem] = validateFilter('name eq', 'getActiveCampaigns');
    expect(problem?.message).toBe(
      'Expected one of a quoted string, a number, true, false, an RFC 3339 date-time at position 7, found end of input.',
    );
    expect(problem?.expected).toContain('a quoted string');
  });

  it('checks trees too: parsed ones with positions, hand-written ones without', () => {
    expect(rows(parseFilter('name co "x"'), 'getActiveCampaigns')).toEqual([
      ['unsupported-operator', 'name', 'co', 5],
    ]);
    const tree = not(or(eq('nope', str('x')), eq('name', str('y'))));
    expect(rows(tree, 'getIdentityCertificationItemPermissions')).toEqual([
      ['unsupported-composite', null, 'not'],
      ['unknown-field', 'nope', 'eq'],
      ['unknown-field', 'name', 'eq'],
    ]);
  });

  it('applies the single-composite rule to hand-written trees and plain capability objects', () => {
    const target = {
      filters: { a: { operators: ['eq'] }, b: { operators: ['eq'] } },
      filterSingleComposite: true,
    } as const;
    expect(rows(and(eq('a', str('x')), eq('a', str('y'))), target)).toEqual([
      ['composite-same-field', 'a', 'and'],
    ]);
    expect(rows(or(and(eq('a', str('x')), eq('b', str('y'))), eq('b', str('z'))), target)).toEqual([
      ['too-many-composites', null, 'and'],
    ]);
    expect(rows(and(eq('a', str('x')), eq('b', str('y'))), target)).toEqual([]);
    const problem = validateFilter('a eq "x" and a eq "y"', target)[0];
    expect(problem?.message).toBe(
      'this operation needs "and" to join terms on different fields; both terms are on "a" (join it with b).',
    );
    expect(problem?.expected).toEqual(['b']);
  });

  it('does not count a composite that is never written (a chain of one operand)', () => {
    const target = { filters: { name: { operators: ['eq'] } }, filterComposites: [] } as const;
    expect(validateFilter(and(eq('name', str('x'))), target)).toEqual([]);
  });

  it('throws FilterBuildError for a tree that cannot be printed', () => {
    const error = thrown(() => validateFilter(eq('a b', str('x')), 'getActiveCampaigns'));
    expect(isFilterBuildError(error) && error.code).toBe('invalid-field-name');
  });

  it('throws UnknownOperationError for an unknown operationId', () => {
    const error = thrown(() => validateFilter('id eq "a"', 'getCampaignz' as 'getCampaign'));
    expect(isUnknownOperationError(error) && error.operationId).toBe('getCampaignz');
  });
});

describe('assertValidFilter', () => {
  it('returns the parsed tree of valid text, ready to evaluate', () => {
    const tree = assertValidFilter('completed eq false', 'getIdentitySummaries');
    expect(tree).toMatchObject({ kind: 'comparison', field: 'completed', value: { value: false } });
  });

  it('returns a valid tree as it is', () => {
    const tree = eq('name', str('x'));
    expect(assertValidFilter(tree, 'getActiveCampaigns')).toBe(tree);
  });

  it('throws FilterValidationError listing every problem with its place', () => {
    const error = thrown(() => assertValidFilter('id sw "a" or nope eq 1', 'getActiveCampaigns'));
    expect(isFilterValidationError(error) && error.parameter).toBe('filters');
    expect(isFilterValidationError(error) && error.problems).toHaveLength(2);
    expect((error as Error).message).toBe(
      'Invalid filters: Field "id" does not support "sw" on getActiveCampaigns; it supports eq, in. (at 3) getActiveCampaigns cannot filter on "nope"; filterable fields: id, name, status. (at 13)',
    );
  });
});

describe('capabilities given as a plain object', () => {
  const fields = { a: { operators: ['eq'] }, b: { operators: ['eq'] } } as const;

  it('allows every composite when filterComposites is left out, none when it is null', () => {
    const text = 'not a eq 1 and b eq 2 or a eq 3';
    expect(validateFilter(text, { filters: fields })).toEqual([]);
    expect(validateFilter(text, { filters: fields, filterComposites: null })).toEqual([
      {
        code: 'unsupported-composite',
        message: 'this operation does not allow "not" in filters; it allows no composites.',
        start: 0,
        end: 3,
        field: null,
        operator: 'not',
        expected: [],
      },
      expect.objectContaining({ operator: 'and', start: 11, end: 14 }),
      expect.objectContaining({ operator: 'or', start: 22, end: 24 }),
    ]);
  });

  it('names what is allowed when some composites are', () => {
    const [problem] = validateFilter('a eq 1 or b eq 2', {
      filters: fields,
      filterComposites: ['and', 'not'],
    });
    expect(problem?.message).toBe(
      'this operation does not allow "or" in filters; it allows and, not.',
    );
    expect(problem?.expected).toEqual(['and', 'not']);
  });

  it('takes no filters when filters is null or left out', () => {
    for (const target of [{ filters: null }, {}, { sorters: ['a'] }]) {
      expect(validateFilter('a eq 1', target)).toEqual([
        {
          code: 'filters-not-supported',
          message: 'this operation takes no filters parameter.',
          start: 0,
          end: 6,
          field: null,
          operator: null,
          expected: [],
        },
      ]);
    }
    expect(validateFilter(eq('a', str('x')), {})).toEqual([
      expect.not.objectContaining({ start: expect.anything() }),
    ]);
  });

  it('refuses a target that is neither an operationId nor an object', () => {
    for (const target of [null, 42, undefined]) {
      const error = thrown(() => validateFilter('a eq 1', target as unknown as CapabilityTarget));
      expect(isUnknownOperationError(error) && error.operationId).toBe(String(target));
    }
  });

  it('gives the same answer for the same object twice (the resolved form is cached)', () => {
    const target = { filters: fields, filterComposites: ['and'] } as const;
    expect(validateFilter('a eq 1 or b eq 2', target)).toHaveLength(1);
    expect(validateFilter('a eq 1 or b eq 2', target)).toHaveLength(1);
    expect(validateFilter('a eq 1 and b eq 2', target)).toEqual([]);
  });
});

describe('validateFilter: positions', () => {
  it('gives each kind of problem the span of its token', () => {
    const target = {
      filters: { n: { operators: ['eq', 'in'], type: 'number' } },
      filterComposites: ['and'],
    } as const;
    const text = 'n in (1,"x") and not m eq 1 or n sw "y"';
    expect(validateFilter(text, target).map((p) => [p.code, text.slice(p.start, p.end)])).toEqual([
      ['value-type', '"x"'],
      ['unsupported-composite', 'not'],
      ['unknown-field', 'm'],
      ['unsupported-composite', 'or'],
      ['unsupported-operator', 'sw'],
    ]);
  });

  it('leaves positions out for a tree without them, also when a node has only some', () => {
    const tree = {
      ...eq('zz', str('x')),
      fieldStart: 'nope',
      start: 3,
    } as unknown as FilterExpression;
    const [problem] = validateFilter(tree, 'getActiveCampaigns');
    expect(problem).toBeDefined();
    expect(problem && 'start' in problem).toBe(false);
  });
});

describe('the one-composite rule, on plain capabilities', () => {
  const single = (fields: readonly string[]): CapabilityTarget => ({
    filters: Object.fromEntries(fields.map((f) => [f, { operators: ['eq', 'sw'] as const }])),
    filterSingleComposite: true,
  });

  it('looks through not for the field of each term', () => {
    expect(rows('not a eq "x" or a sw "y"', single(['a', 'b']))).toEqual([
      ['composite-same-field', 'a', 'or', 13],
    ]);
    expect(rows('not a eq "x" or b sw "y"', single(['a', 'b']))).toEqual([]);
  });

  it('suggests no other field when there is none', () => {
    const [problem] = validateFilter('a eq "x" and a sw "y"', single(['a']));
    expect([problem?.message, problem?.expected]).toEqual([
      'this operation needs "and" to join terms on different fields; both terms are on "a".',
      [],
    ]);
  });

  it('lets a composite join a term and a group only when there is no second composite', () => {
    expect(rows('a eq "x" and (b eq "y" or b sw "z")', single(['a', 'b']))).toEqual([
      ['too-many-composites', null, 'or', 23],
    ]);
    expect(rows(and(eq('a', str('x'))), single(['a']))).toEqual([]);
    expect(rows('a eq "x"', single(['a']))).toEqual([]);
  });

  it('judges a hand-built tree by the filter it prints: a chain of one operand is that operand', () => {
    const sameField = or(and(eq('a', str('x'))), not(or(eq('a', str('y')))));
    expect(formatFilter(sameField)).toBe('a eq "x" or not a eq "y"');
    expect(validateFilter(sameField, single(['a', 'b']))).toStrictEqual([
      {
        code: 'composite-same-field',
        message:
          'this operation needs "or" to join terms on different fields; both terms are on "a" (join it with b).',
        field: 'a',
        operator: 'or',
        expected: ['b'],
      },
    ]);
    const wrapped = and(or(eq('a', str('x')), eq('a', str('y'))));
    expect(rows(wrapped, single(['a']))).toEqual([['composite-same-field', 'a', 'or']]);
    expect(rows(and(or(eq('a', str('x')), eq('b', str('y')))), single(['a', 'b']))).toEqual([]);
  });

  it('gives each further composite its span, and the shared field its span and the other fields', () => {
    const [second] = validateFilter('a eq "x" and b eq "y" or c eq "z"', single(['a', 'b', 'c']));
    expect(second).toMatchObject({ code: 'too-many-composites', start: 22, end: 24 });
    const [same] = validateFilter('a eq "x" or a sw "y"', single(['a', 'b', 'c']));
    expect(same).toMatchObject({
      code: 'composite-same-field',
      message:
        'this operation needs "or" to join terms on different fields; both terms are on "a" (join it with b or c).',
      start: 9,
      end: 11,
      expected: ['b', 'c'],
    });
  });

  it('counts a composite inside not', () => {
    expect(rows('not (a eq "x" and b eq "y") or a sw "z"', single(['a', 'b']))).toEqual([
      ['too-many-composites', null, 'or', 28],
    ]);
  });

  it('counts every composite of a hand-built tree, without positions', () => {
    const tree = and(eq('a', str('x')), eq('b', str('y')), eq('a', str('z')));
    expect(validateFilter(tree, single(['a', 'b']))).toEqual([
      {
        code: 'too-many-composites',
        message: 'this operation allows one "and" or "or" per filter; this filter has 2.',
        field: null,
        operator: 'and',
        expected: [],
      },
    ]);
  });
});

describe('validateFilter: details of the problems', () => {
  const typed: CapabilityTarget = {
    filters: {
      n: { operators: ['eq', 'in', 'pr', 'isnull', 'co', 'sw'], type: 'number' },
      s: { operators: ['eq'], type: 'string' },
    },
    filterComposites: ['or', 'not'],
  };

  it('takes pr and isnull on a typed field: they compare no value', () => {
    expect(validateFilter('pr n or n isnull', typed)).toEqual([]);
  });

  it('checks every value of a list against the field type', () => {
    expect(validateFilter('n in (1, "2", 3)', typed)).toStrictEqual([
      {
        code: 'value-type',
        message: 'Field "n" compares with number values, but the filter gives a string.',
        start: 9,
        end: 12,
        field: 'n',
        operator: 'in',
        expected: ['number'],
      },
    ]);
    expect(validateFilter('n in (1, 2)', typed)).toEqual([]);
  });

  it('compares co and sw with string text whatever the field type', () => {
    expect(validateFilter('n co "1" or n sw "2"', typed)).toEqual([]);
    expect(rows('n co 1', typed)).toEqual([['value-type', 'n', 'co', 5]]);
  });

  it('reports a span only when the tree gives both ends of it', () => {
    const value = { kind: 'string', value: 'x', start: 5 } as const;
    const tree = { kind: 'comparison', field: 'n', operator: 'eq', value } as const;
    const [problem] = validateFilter(tree as FilterExpression, typed);
    expect(problem).toStrictEqual({
      code: 'value-type',
      message: 'Field "n" compares with number values, but the filter gives a string.',
      field: 'n',
      operator: 'eq',
      expected: ['number'],
    });
    const endOnly = { ...tree, value: { kind: 'string', value: 'x', end: 6 } } as const;
    const [endProblem] = validateFilter(endOnly as FilterExpression, typed);
    expect(endProblem).toBeDefined();
    expect(endProblem && ['start' in endProblem, 'end' in endProblem]).toEqual([false, false]);
    const notTree = { ...not(eq('s', str('x'))), start: 0 } as unknown as FilterExpression;
    const [composite] = validateFilter(notTree, {
      filters: { s: { operators: ['eq'] } },
      filterComposites: [],
    });
    expect(composite).toBeDefined();
    expect(composite && 'start' in composite).toBe(false);
  });

  it('reports a composite of a hand-built chain once, without a span', () => {
    expect(validateFilter(and(eq('s', str('x')), eq('s', str('y'))), typed)).toStrictEqual([
      {
        code: 'unsupported-composite',
        message: 'this operation does not allow "and" in filters; it allows or, not.',
        field: null,
        operator: 'and',
        expected: ['or', 'not'],
      },
    ]);
  });

  it('spells out ten problems in the error message and counts the rest', () => {
    const terms = (count: number) =>
      Array.from({ length: count }, (_, index) => `f${index} eq 1`).join(' or ');
    const messageOf = (count: number) => {
      const error = thrown(() => assertValidFilter(terms(count), typed));
      if (!isFilterValidationError(error)) throw error;
      expect(error.problems).toHaveLength(count);
      return error.message;
    };
    const ten = messageOf(10);
    expect(ten.match(/cannot filter on/g)).toHaveLength(10);
    expect(ten.endsWith('cannot filter on "f9"; filterable fields: n, s. (at 99)')).toBe(true);
    const eleven = messageOf(11);
    expect(eleven.match(/cannot filter on/g)).toHaveLength(10);
    expect(eleven).not.toContain('"f10"');
    expect(eleven.endsWith(' … and 1 more (all are in `problems`).')).toBe(true);
  });
});
