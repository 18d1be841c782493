import { describe, expect, it, vi } from 'vitest';
import * as filters from '../src/index.js';
import { thrown } from './support/nodes.js';

const { filterFor, parseFilter, sortersFor, assertValidFilter } = filters;

/** One error of each class, each thrown the way a caller meets it. */
const samples = () => ({
  FilterSyntaxError: thrown(() => parseFilter('name EQ "x"')),
  FilterBuildError: thrown(() =>
    (filterFor('getActiveCampaigns').eq as (f: string, v: unknown) => string)('nope', 1),
  ),
  FilterValidationError: thrown(() => assertValidFilter('nope eq 1', 'getActiveCampaigns')),
  UnknownOperationError: thrown(() => sortersFor('nope' as 'getActiveCampaigns')),
});

type Guard = (value: unknown) => boolean;
const guards: Record<keyof ReturnType<typeof samples>, Guard> = {
  FilterSyntaxError: filters.isFilterSyntaxError,
  FilterBuildError: filters.isFilterBuildError,
  FilterValidationError: filters.isFilterValidationError,
  UnknownOperationError: filters.isUnknownOperationError,
};

describe('one error hierarchy', () => {
  it.each(Object.entries(samples()))(
    '%s has a literal name and extends FiltersError',
    (name, error) => {
      expect(error).toBeInstanceOf(filters.FiltersError);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe(name);
      expect(filters.isFiltersError(error)).toBe(true);
    },
  );

  it('each guard recognises its own class only', () => {
    const errors = samples();
    for (const [guardName, guard] of Object.entries(guards)) {
      for (const [errorName, error] of Object.entries(errors)) {
        expect([guardName, errorName, guard(error)]).toEqual([
          guardName,
          errorName,
          guardName === errorName,
        ]);
      }
    }
  });

  it('guards say no to look-alikes and non-errors', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'FilterSyntaxError' });
    for (const value of [lookAlike, null, undefined, 'FilterSyntaxError', {}]) {
      expect(filters.isFilterSyntaxError(value)).toBe(false);
      expect(filters.isFiltersError(value)).toBe(false);
    }
  });

  it('guards recognise errors thrown by another copy of the package', async () => {
    vi.resetModules();
    const other = (await import('../src/index.js')) as typeof filters;
    expect(other.FiltersError).not.toBe(filters.FiltersError);
    const foreign = thrown(() => other.parseFilter('name EQ "x"'));
    expect(foreign).not.toBeInstanceOf(filters.FilterSyntaxError);
    expect(filters.isFilterSyntaxError(foreign)).toBe(true);
    expect(filters.isFiltersError(foreign)).toBe(true);
    expect(other.isFilterBuildError(samples().FilterBuildError)).toBe(true);
  });

  it('keeps the cause of a refused combinator operand', () => {
    const f = filterFor('getActiveCampaigns');
    const error = thrown(() => f.not('id eq' as ReturnType<typeof f.eq>));
    expect(filters.isFilterBuildError(error) && error.code).toBe('invalid-operand');
    expect(filters.isFilterSyntaxError((error as Error).cause)).toBe(true);
  });
});

describe('error details', () => {
  it('keeps a value and a cause only when there was one', () => {
    const f = filterFor('getActiveCampaigns') as unknown as Record<
      string,
      (...a: unknown[]) => string
    >;
    const unknownField = thrown(() => f['eq']?.('nope', 1)) as filters.FilterBuildError;
    expect([Object.hasOwn(unknownField, 'value'), 'cause' in unknownField]).toEqual([false, false]);
    const undefinedValue = thrown(() => f['eq']?.('id', undefined)) as filters.FilterBuildError;
    expect([Object.hasOwn(undefinedValue, 'value'), undefinedValue.value]).toEqual([
      true,
      undefined,
    ]);
    const noOperands = thrown(() => f['and']?.()) as filters.FilterBuildError;
    expect([Object.hasOwn(noOperands, 'field'), 'cause' in noOperands]).toEqual([false, false]);
  });

  it('marks the base class too, and tells classes apart by name', () => {
    const base = new filters.FiltersError('plain');
    expect([base.name, filters.isFiltersError(base), filters.isFilterSyntaxError(base)]).toEqual([
      'FiltersError',
      true,
      false,
    ]);
    const forged = Object.assign(new Error('x'), {
      [Symbol.for('@isc-sdk/filters.error')]: 'yes',
      name: 'FilterSyntaxError',
    });
    expect(filters.isFiltersError(forged)).toBe(false);
  });

  it('gives a syntax error its first line as summary, and says which parameter', () => {
    const error = thrown(() => parseFilter('a eq')) as filters.FilterSyntaxError;
    expect(error.summary).toBe(
      'Expected one of a quoted string, a number, true, false, an RFC 3339 date-time at position 4, found end of input.',
    );
    expect(error.parameter).toBe('filters');
    expect('hint' in error).toBe(false);
  });

  it('lists each problem with its position in a validation error, and notes missing ones', () => {
    const error = thrown(() =>
      assertValidFilter(
        {
          kind: 'comparison',
          field: 'nope',
          operator: 'eq',
          value: { kind: 'number', value: '1' },
        },
        'getActiveCampaigns',
      ),
    ) as filters.FilterValidationError;
    expect(error.message).toBe(
      'Invalid filters: getActiveCampaigns cannot filter on "nope"; filterable fields: id, name, status.',
    );
  });
});
