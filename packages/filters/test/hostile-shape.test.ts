// Input of hostile shape: deep nesting (refused at the documented limit, which counts depth and
// not operands) and hand-built trees that are too deep or contain themselves. Each gets a typed
// error naming the limit, never a RangeError from an exhausted stack.

import { describe, expect, it } from 'vitest';
import {
  MAX_FILTER_NESTING,
  formatFilter,
  isFilterBuildError,
  isFilterSyntaxError,
  parseFilter,
  stripPositions,
  validateFilter,
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
