import { describe, expect, it } from 'vitest';
import {
  assertValidSorters,
  isFilterBuildError,
  isFilterSyntaxError,
  isFilterValidationError,
  isUnknownOperationError,
  parseSorters,
  sortersFor,
  validateSorters,
  type CapabilityTarget,
  type FilterBuildErrorCode,
  type SorterProblemCode,
} from '../src/index.js';
import { thrown } from './support/nodes.js';

describe('sortersFor: writes comma-separated keys, - for descending', () => {
  const cases: [string, { given: () => string; want: string }][] = [
    ['one key', { given: () => sortersFor('getActiveCampaigns').by('name'), want: 'name' }],
    [
      'descending first',
      {
        given: () => sortersFor('getActiveCampaigns').by('-created', 'name'),
        want: '-created,name',
      },
    ],
    [
      'dotted fields',
      {
        given: () =>
          sortersFor('listIdentityAccessReviewItems').by(
            'access.name',
            '-accessProfile.sourceName',
          ),
        want: 'access.name,-accessProfile.sourceName',
      },
    ],
    [
      'plain capabilities',
      { given: () => sortersFor({ sorters: ['a', 'b'] }).by('-b', 'a'), want: '-b,a' },
    ],
    [
      'from() passes valid text through',
      {
        given: () => sortersFor('listIdentityCertifications').from('name,-due'),
        want: 'name,-due',
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(given()).toBe(want);
  });
});

describe('sortersFor: refuses at run time what types refuse at compile time', () => {
  const untyped = (target: string) =>
    sortersFor(target as 'getActiveCampaigns') as unknown as { by: (...keys: unknown[]) => string };
  const cases: [string, { given: () => unknown; want: FilterBuildErrorCode }][] = [
    [
      'unknown field',
      { given: () => untyped('getActiveCampaigns').by('due'), want: 'unknown-sorter' },
    ],
    [
      'unknown descending field',
      { given: () => untyped('getActiveCampaigns').by('name', '-due'), want: 'unknown-sorter' },
    ],
    [
      'double minus',
      { given: () => untyped('getActiveCampaigns').by('--name'), want: 'unknown-sorter' },
    ],
    [
      'non-string key',
      { given: () => untyped('getActiveCampaigns').by(1), want: 'unknown-sorter' },
    ],
    ['no keys', { given: () => untyped('getActiveCampaigns').by(), want: 'no-sorters' }],
    [
      'operation without sorters',
      { given: () => untyped('getPendingCertificationTasks'), want: 'sorters-not-supported' },
    ],
    [
      'field name that is not an identifier',
      { given: () => sortersFor({ sorters: ['a,b'] }).by('a,b'), want: 'unknown-sorter' },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const error = thrown(given);
    expect(isFilterBuildError(error) && error.code).toBe(want);
  });

  it('names the sortable fields', () => {
    expect(() => untyped('getActiveCampaigns').by('due')).toThrow(
      'getActiveCampaigns cannot sort by "due"; sortable fields: name, created.',
    );
  });

  it('throws UnknownOperationError for an unknown operationId', () => {
    expect(isUnknownOperationError(thrown(() => untyped('nope')))).toBe(true);
  });

  it('from() throws FilterValidationError for text the operation does not accept', () => {
    const error = thrown(() => sortersFor('getActiveCampaigns').from('name,-due'));
    expect(isFilterValidationError(error) && error.problems.map((p) => p.field)).toEqual(['due']);
  });
});

describe('parseSorters', () => {
  it('reads each key with its direction and place', () => {
    expect(parseSorters('access.name,-identitySummary.name')).toEqual([
      { field: 'access.name', direction: 'asc', start: 0, end: 11 },
      { field: 'identitySummary.name', direction: 'desc', start: 12, end: 33 },
    ]);
  });

  const errors: [string, { given: string; want: { position: number; found: string } }][] = [
    ['empty text', { given: '', want: { position: 0, found: 'end of input' } }],
    ['empty key', { given: 'name,,due', want: { position: 5, found: '","' } }],
    ['trailing comma', { given: 'name,', want: { position: 5, found: 'end of input' } }],
    ['space after comma', { given: 'name, due', want: { position: 5, found: '" due"' } }],
    ['plus sign', { given: '+name', want: { position: 0, found: '"+name"' } }],
    ['keyword as field', { given: 'and', want: { position: 0, found: '"and"' } }],
  ];
  it.each(errors)('refuses %s', (_name, { given, want }) => {
    const error = thrown(() => parseSorters(given));
    expect(isFilterSyntaxError(error) && [error.parameter, error.position, error.found]).toEqual([
      'sorters',
      want.position,
      want.found,
    ]);
  });

  it('hints that keys are not separated by spaces', () => {
    const error = thrown(() => parseSorters('name, due'));
    expect(isFilterSyntaxError(error) && error.hint).toMatch(/without spaces/);
  });
});

describe('validateSorters and assertValidSorters', () => {
  const cases: [
    string,
    {
      given: [string, CapabilityTarget];
      want: [SorterProblemCode, string | null, number | undefined][];
    },
  ][] = [
    ['valid', { given: ['name,-due,signed', 'listIdentityCertifications'], want: [] }],
    [
      'each unknown field',
      {
        given: ['-modified,name,-due', 'getActiveCampaigns'],
        want: [
          ['unknown-sorter', 'modified', 0],
          ['unknown-sorter', 'due', 15],
        ],
      },
    ],
    ['syntax', { given: ['name,', 'getActiveCampaigns'], want: [['syntax', null, 5]] }],
    [
      'operation without sorters',
      {
        given: ['name', 'getPendingCertificationTasks'],
        want: [['sorters-not-supported', null, 0]],
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const problems = validateSorters(...given);
    expect(problems.map((p) => [p.code, p.field, p.start])).toEqual(want);
  });

  it('lists what the operation can sort by', () => {
    expect(validateSorters('id', 'getIdentitySummaries')[0]?.expected).toEqual(['name']);
  });

  it('returns the keys when valid and throws listing every problem otherwise', () => {
    expect(assertValidSorters('-name', 'getIdentitySummaries')).toEqual([
      { field: 'name', direction: 'desc', start: 0, end: 5 },
    ]);
    const error = thrown(() => assertValidSorters('id,email', 'getIdentitySummaries'));
    expect(isFilterValidationError(error) && [error.parameter, error.problems.length]).toEqual([
      'sorters',
      2,
    ]);
  });
});

describe('sorters: problems in full', () => {
  it('describes an unknown key, a syntax error and an operation without sorters', () => {
    expect(validateSorters('name,-modified', { sorters: ['name', 'created'] })).toEqual([
      {
        code: 'unknown-sorter',
        message: 'this operation cannot sort by "modified"; sortable fields: name, created.',
        start: 5,
        end: 14,
        field: 'modified',
        expected: ['name', 'created'],
      },
    ]);
    expect(validateSorters('name,,x', { sorters: ['name'] })).toEqual([
      {
        code: 'syntax',
        message: 'Expected a field name, optionally preceded by - at position 5, found ",".',
        start: 5,
        end: 5,
        field: null,
        expected: ['a field name, optionally preceded by -'],
      },
    ]);
    expect(validateSorters('name', {})).toEqual([
      {
        code: 'sorters-not-supported',
        message: 'this operation takes no sorters parameter.',
        start: 0,
        end: 4,
        field: null,
        expected: [],
      },
    ]);
  });

  it('refuses text that is not a string with a typed syntax error', () => {
    const error = thrown(() => parseSorters(7 as unknown as string));
    expect(
      isFilterSyntaxError(error) && [error.parameter, error.found, error.expected, error.position],
    ).toEqual(['sorters', 'number', ['sorters text (a string)'], 0]);
    expect(validateSorters(null as unknown as string, {})).toEqual([
      expect.objectContaining({ code: 'sorters-not-supported', start: 0, end: 0 }),
    ]);
  });

  it('hints only where a key has white space around it', () => {
    const hint = (text: string) => {
      const error = thrown(() => parseSorters(text));
      return isFilterSyntaxError(error) ? error.hint : 'not a syntax error';
    };
    expect(hint('name ,due')).toBe('Sort keys are separated by commas without spaces.');
    expect(hint('+name')).toBeUndefined();
  });

  it('names the builder errors', () => {
    const error = thrown(() =>
      (sortersFor({ sorters: ['a'] }) as unknown as { by: () => string }).by(),
    );
    expect(isFilterBuildError(error) && [error.code, error.message]).toEqual([
      'no-sorters',
      'by() needs at least one sort key.',
    ]);
    const none = thrown(() => sortersFor({ filters: null } as never));
    expect(isFilterBuildError(none) && [none.code, none.message]).toEqual([
      'sorters-not-supported',
      'this operation takes no sorters parameter, so it has no sorters builder.',
    ]);
    const key = thrown(() =>
      (sortersFor({ sorters: ['a'] }) as unknown as { by: (k: string) => string }).by('-b'),
    );
    expect(isFilterBuildError(key) && [key.code, key.field, key.value]).toEqual([
      'unknown-sorter',
      'b',
      '-b',
    ]);
  });

  it('from() returns the text it checked', () => {
    expect(sortersFor({ sorters: ['a', 'b'] }).from('-b,a')).toBe('-b,a');
  });
});
