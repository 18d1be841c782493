// Input of hostile size and shape: long flat chains (in and out of parentheses), long lists, deep
// nesting, trees that loop, filters with a problem per term. Each gets its result or a typed error,
// never a RangeError from an exhausted stack, and validateFilter answers with problems, not a throw.
// Work is shown to be bounded by what comes back (counts, limits), not by timing.

import { describe, expect, it } from 'vitest';
import {
  MAX_FILTER_NESTING,
  assertValidFilter,
  assertValidSorters,
  filterFor,
  formatFilter,
  isFilterBuildError,
  isFilterSyntaxError,
  isFilterValidationError,
  parseFilter,
  parseSorters,
  stripPositions,
  validateFilter,
  validateSorters,
  type Filter,
  type FilterExpression,
} from '../src/index.js';
import { and, eq, not, num, or, thrown } from './support/nodes.js';

const repeat = (count: number, text: string, separator: string) =>
  Array.from({ length: count }, () => text).join(separator);

const onlyA = { filters: { a: { operators: ['eq', 'in', 'pr'] } } } as const;

function syntaxErrorOf(text: string) {
  const error = thrown(() => parseFilter(text));
  if (isFilterSyntaxError(error)) return error;
  throw error;
}

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

describe('nesting: the limit counts depth, not operands', () => {
  const open = (count: number) => '('.repeat(count);
  const close = (count: number) => ')'.repeat(count);

  it(`accepts ${MAX_FILTER_NESTING} parentheses and refuses one more, naming the limit`, () => {
    const atLimit = `${open(MAX_FILTER_NESTING)}a eq 1${close(MAX_FILTER_NESTING)}`;
    expect(formatFilter(parseFilter(atLimit))).toBe('a eq 1');
    const error = syntaxErrorOf(`${open(MAX_FILTER_NESTING + 1)}a eq 1${close(101)}`);
    expect(error.position).toBe(MAX_FILTER_NESTING);
    expect(error.expected).toEqual(['at most 100 nested parentheses or nots']);
    expect(error.found).toBe('deeper nesting');
    expect(error.message).toContain(
      'Expected at most 100 nested parentheses or nots at position 100',
    );
  });

  it(`accepts ${MAX_FILTER_NESTING} nots and refuses one more`, () => {
    expect(parseFilter(`${'not '.repeat(MAX_FILTER_NESTING)}a eq 1`).kind).toBe('not');
    const error = syntaxErrorOf(`${'not '.repeat(MAX_FILTER_NESTING + 1)}a eq 1`);
    expect(error.position).toBe(4 * MAX_FILTER_NESTING);
    expect(error.found).toBe('deeper nesting');
  });

  it('counts a not and a parenthesis alike', () => {
    const half = MAX_FILTER_NESTING / 2;
    const atLimit = `${'not ('.repeat(half)}a eq 1${close(half)}`;
    expect(formatFilter(parseFilter(atLimit))).toBe(`${'not '.repeat(half)}a eq 1`);
    expect(syntaxErrorOf(`${'not ('.repeat(half)}not a eq 1${close(half)}`).position).toBe(
      5 * half,
    );
    expect(syntaxErrorOf(`${'not ('.repeat(half)}(a eq 1)${close(half)}`).position).toBe(5 * half);
  });

  it('accepts a flat filter of 1,000 parenthesised operands', () => {
    const text = repeat(1_000, '(a eq 1 or pr a)', ' and ');
    const tree = parseFilter(text);
    expect(tree.kind === 'and' && tree.operands).toHaveLength(1_000);
    expect(validateFilter(text, onlyA)).toEqual([]);
  });

  it('lets the depth fall back after each group: 300 groups at the limit, side by side', () => {
    const group = `${open(MAX_FILTER_NESTING)}pr a${close(MAX_FILTER_NESTING)}`;
    const tree = parseFilter(repeat(300, group, ' or '));
    expect(tree.kind === 'or' && tree.operands).toHaveLength(300);
  });

  it('refuses a million open parentheses with the typed error, also in validateFilter', () => {
    const text = open(1_000_000);
    expect(syntaxErrorOf(text).position).toBe(MAX_FILTER_NESTING);
    const problems = validateFilter(text, onlyA);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'syntax',
      start: MAX_FILTER_NESTING,
      expected: ['at most 100 nested parentheses or nots'],
    });
  });
});

describe('hand-built trees of hostile shape', () => {
  const leaf = eq('a', num('1'));

  const deepNots = (count: number): FilterExpression => {
    let node = leaf;
    for (let index = 0; index < count; index++) node = not(node);
    return node;
  };

  const alternating = (count: number): FilterExpression => {
    let node = leaf;
    for (let index = 0; index < count; index++)
      node = index % 2 === 0 ? and(node, leaf) : or(node, leaf);
    return node;
  };

  it('refuses 100,000 nested nots or and/or levels with too-deep, not a stack overflow', () => {
    expect(buildErrorOf(() => formatFilter(deepNots(100_000))).code).toBe('too-deep');
    expect(buildErrorOf(() => formatFilter(alternating(100_000))).code).toBe('too-deep');
    expect(buildErrorOf(() => validateFilter(alternating(100_000), onlyA)).code).toBe('too-deep');
  });

  it('refuses a tree that contains itself', () => {
    const loop = { kind: 'not', operand: undefined as unknown } as {
      kind: 'not';
      operand: unknown;
    };
    loop.operand = loop;
    const chain = { kind: 'and', operands: [] as unknown[] };
    chain.operands.push(leaf, chain);
    for (const tree of [loop, chain] as unknown as FilterExpression[]) {
      expect(buildErrorOf(() => formatFilter(tree)).code).toBe('too-deep');
      expect(buildErrorOf(() => stripPositions(tree)).code).toBe('too-deep');
    }
  });

  it('strips positions from 1,000 levels and refuses deeper trees', () => {
    expect(stripPositions(deepNots(1_000))).toEqual(deepNots(1_000));
    expect(buildErrorOf(() => stripPositions(deepNots(1_001))).message).toBe(
      'The filter tree is more than 1000 levels deep; parseFilter never returns such a tree.',
    );
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
