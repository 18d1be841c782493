// Input of hostile size: long flat chains (in and out of parentheses), long lists, filters with a
// problem per term. Each gets its result or a typed error, never a RangeError from an exhausted
// stack, and validateFilter answers with problems, not a throw. Work is shown to be bounded by what
// comes back (counts, message lengths), not by timing. The inputs are sized to overflow the stack of
// the code before the fix (a spread of some 120,000 items); Stryker leaves this file out
// (vitest.stryker.config.ts), since every mutant of the parser would rerun these 1 MB inputs.

import { describe, expect, it } from 'vitest';
import {
  assertValidFilter,
  assertValidSorters,
  filterFor,
  formatFilter,
  isFilterBuildError,
  isFilterValidationError,
  parseFilter,
  parseSorters,
  validateFilter,
  validateSorters,
  type Filter,
  type FilterExpression,
} from '../src/index.js';
import { eq, num, thrown } from './support/nodes.js';

const repeat = (count: number, text: string, separator: string) =>
  Array.from({ length: count }, () => text).join(separator);

const onlyA = { filters: { a: { operators: ['eq', 'in', 'pr'] } } } as const;

function buildErrorOf(action: () => unknown) {
  const error = thrown(action);
  if (isFilterBuildError(error)) return error;
  throw error;
}

describe('long flat chains', () => {
  // The input of issue 18: about 1 MB, 130,000 terms inside parentheses, then one more outside.
  const reported = `(${repeat(130_000, 'pr a', ' or ')}) or pr a`;

  it('parses the reported input into one or of every term, keeping each keyword position', () => {
    expect(reported.length).toBeGreaterThan(1_000_000);
    const tree = parseFilter(reported);
    if (tree.kind !== 'or') throw new Error(`expected an or, got ${tree.kind}`);
    expect(tree.operands).toHaveLength(130_001);
    expect(tree.operatorStarts).toHaveLength(130_000);
    expect(tree.operatorStarts[0]).toBe(6);
    expect(tree.operatorStarts.at(-1)).toBe(reported.length - 'or pr a'.length);
    expect(tree.operands.at(-1)).toMatchObject({ kind: 'present', start: reported.length - 4 });
  });

  it('validates it without throwing, and formats it canonically', () => {
    expect(validateFilter(reported, onlyA)).toEqual([]);
    expect(formatFilter(parseFilter(reported))).toBe(repeat(130_001, 'pr a', ' or '));
  });

  it('joins parenthesised and-chains on both sides of an and', () => {
    const side = `(${repeat(130_000, 'a eq 1', ' and ')})`;
    const tree = parseFilter(`${side} and ${side}`);
    expect(tree.kind === 'and' && tree.operands).toHaveLength(260_000);
    expect(tree.kind === 'and' && tree.operatorStarts).toHaveLength(259_999);
  });

  it('reports a problem for every term instead of throwing', () => {
    const text = repeat(130_000, 'b eq 1', ' and ');
    const problems = validateFilter(text, onlyA);
    expect(problems).toHaveLength(130_000);
    expect(new Set(problems.map((problem) => problem.code))).toEqual(new Set(['unknown-field']));
    expect(problems.at(-1)?.start).toBe(text.length - 'b eq 1'.length);
  });

  it('reports every extra composite on the one-composite operation (no spread of the problems)', () => {
    const text = `(${repeat(150_000, 'target eq "a"', ' and ')})`;
    const problems = validateFilter(text, 'getIdentityCertificationItemPermissions');
    expect(problems).toHaveLength(149_998);
    expect(problems.every((problem) => problem.code === 'too-many-composites')).toBe(true);
    expect(problems[0]?.message).toBe(
      'getIdentityCertificationItemPermissions allows one "and" or "or" per filter; this filter has 149999.',
    );
  });

  it('keeps every problem in the error but spells out only the first ten in its message', () => {
    const error = thrown(() => assertValidFilter(repeat(130_000, 'b eq 1', ' or '), onlyA));
    if (!isFilterValidationError(error)) throw error;
    expect(error.problems).toHaveLength(130_000);
    expect(error.message.match(/cannot filter on "b"/g)).toHaveLength(10);
    expect(error.message).toMatch(/ … and 129990 more \(all are in `problems`\)\.$/);
    expect(error.message.length).toBeLessThan(2_000);
  });

  it('prints a hand-built chain of 200,000 operands and reads it back', () => {
    const tree = { kind: 'or', operands: Array.from({ length: 200_000 }, () => eq('a', num('1'))) };
    const text = formatFilter(tree as FilterExpression);
    const back = parseFilter(text);
    expect(back.kind === 'or' && back.operands).toHaveLength(200_000);
  });
});

describe('long lists', () => {
  const values = Array.from({ length: 130_000 }, (_, index) => `"v${index}"`);
  const text = `a in (${values.join(',')})`;

  it('parses, formats and validates a list of 130,000 values', () => {
    const tree = parseFilter(text);
    expect(tree.kind === 'list' && tree.values).toHaveLength(130_000);
    expect(tree.kind === 'list' && tree.values.at(-1)).toMatchObject({ value: 'v129999' });
    expect(formatFilter(tree)).toBe(text);
    expect(validateFilter(text, onlyA)).toEqual([]);
  });

  it('builds one with the typed builder', () => {
    const ids = Array.from({ length: 100_000 }, (_, index) => `id-${index}`);
    const built = filterFor('getActiveCampaigns').in('id', ids);
    expect(built.startsWith('id in ("id-0","id-1",')).toBe(true);
    const tree = parseFilter(built);
    expect(tree.kind === 'list' && tree.values).toHaveLength(100_000);
  });

  it('refuses a long cast operand with a message of bounded length', () => {
    const f = filterFor('getActiveCampaigns');
    const cast = repeat(50_000, 'nope eq 1', ' and ') as Filter<'getActiveCampaigns'>;
    const error = buildErrorOf(() => f.and(cast, f.eq('id', 'x')));
    expect(error.code).toBe('invalid-operand');
    expect(error.message.length).toBeLessThan(2_000);
    expect(error.message).toMatch(/… and 49990 more/);
  });
});

describe('long sorters', () => {
  it('reads 100,000 keys and reports each unknown one, with a bounded message', () => {
    const text = Array.from({ length: 100_000 }, (_, index) => `-f${index}`).join(',');
    expect(parseSorters(text)).toHaveLength(100_000);
    const target = { sorters: ['name'] };
    expect(validateSorters(text, target)).toHaveLength(100_000);
    const error = thrown(() => assertValidSorters(text, target));
    if (!isFilterValidationError(error)) throw error;
    expect(error.problems).toHaveLength(100_000);
    expect(error.message.length).toBeLessThan(2_000);
  });
});
