// Property tests: no value can change the structure of a filter.
//
// The normal run uses a fixed seed and 10,000 runs per property, so CI is repeatable. The nightly
// script (`pnpm test:nightly`) runs this file with FILTERS_PROPERTY_RUNS set much higher and a fresh
// seed each time; a failure prints the seed and the path, and
// `FILTERS_PROPERTY_SEED=<seed> pnpm test:nightly` replays it (see support/property-settings.ts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filterFor,
  formatFilter,
  isFilterSyntaxError,
  parseFilter,
  stripPositions,
  validateFilter,
  type FilterExpression,
} from '../src/index.js';
import { filterExpression, hostileString } from './support/arbitraries.js';
import {
  propertyRuns as runs,
  propertySeed as seed,
  propertySettings,
  propertyTimeout,
} from './support/property-settings.js';

const settings = propertySettings(runs);
const timeout = propertyTimeout(runs);

describe(`round trip (${runs} runs per property, seed ${seed})`, () => {
  it(
    'parseFilter(formatFilter(tree)) is the tree, positions aside',
    () => {
      fc.assert(
        fc.property(filterExpression, (tree: FilterExpression) => {
          expect(stripPositions(parseFilter(formatFilter(tree)))).toEqual(tree);
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'formatted text is a fixed point of formatFilter(parseFilter(·))',
    () => {
      fc.assert(
        fc.property(filterExpression, (tree: FilterExpression) => {
          const text = formatFilter(tree);
          expect(formatFilter(parseFilter(text))).toBe(text);
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'a hostile value in the builder stays one value, wherever it sits',
    () => {
      const f = filterFor('getActiveCampaigns');
      fc.assert(
        fc.property(
          hostileString,
          hostileString,
          hostileString,
          (a: string, b: string, c: string) => {
            const text = f.and(f.eq('name', a), f.not(f.or(f.sw('name', b), f.in('id', [c, a]))));
            expect(stripPositions(parseFilter(text))).toEqual({
              kind: 'and',
              operands: [
                {
                  kind: 'comparison',
                  field: 'name',
                  operator: 'eq',
                  value: { kind: 'string', value: a },
                },
                {
                  kind: 'not',
                  operand: {
                    kind: 'or',
                    operands: [
                      {
                        kind: 'comparison',
                        field: 'name',
                        operator: 'sw',
                        value: { kind: 'string', value: b },
                      },
                      {
                        kind: 'list',
                        field: 'id',
                        operator: 'in',
                        values: [
                          { kind: 'string', value: c },
                          { kind: 'string', value: a },
                        ],
                      },
                    ],
                  },
                },
              ],
            });
            expect(validateFilter(text, 'getActiveCampaigns')).toEqual([]);
          },
        ),
        settings,
      );
    },
    timeout,
  );
});

/** Words and pieces of the filter grammar, some of them wrong (upper case, a bad number, a lone surrogate). */
const FILTER_PIECES = [
  '(',
  ')',
  'not',
  'and',
  'or',
  'pr',
  'isnull',
  'a',
  'b.c',
  'eq',
  'sw',
  'in',
  'ca',
  ',',
  '"x"',
  '"',
  '\\',
  '1',
  '-1.5e3',
  '01',
  '2020-02-29T00:00:00Z',
  '2019-02-29T00:00:00Z',
  'true',
  'null',
  'EQ',
  'AND',
  '\ud800',
];

const oneCharacter = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

/**
 * Text that is often almost a filter: either pieces of the grammar (and now and then any character)
 * in a random order, or a valid filter with a random cut and a random piece put in its place.
 */
const anyFilterText: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...FILTER_PIECES) },
        { weight: 1, arbitrary: oneCharacter },
      ),
      { maxLength: 12 },
    )
    .map((pieces) => pieces.join(' ')),
  fc
    .tuple(
      filterExpression.map(formatFilter),
      fc.nat(),
      fc.nat({ max: 3 }),
      fc.oneof(fc.constantFrom('', ...FILTER_PIECES), oneCharacter),
    )
    .map(([text, at, cut, piece]) => {
      const from = at % (text.length + 1);
      return `${text.slice(0, from)}${piece}${text.slice(from + cut)}`;
    }),
);

describe(`any text (${runs} runs per property, seed ${seed})`, () => {
  const target = {
    filters: { a: { operators: ['eq', 'in', 'pr'], type: 'number' } },
    filterComposites: ['and', 'not'],
  } as const;

  it(
    'parseFilter returns a tree that prints and reads back, or throws FilterSyntaxError',
    () => {
      fc.assert(
        fc.property(anyFilterText, (text: string) => {
          let tree: FilterExpression;
          try {
            tree = parseFilter(text);
          } catch (error) {
            expect(isFilterSyntaxError(error)).toBe(true);
            return;
          }
          const printed = formatFilter(tree);
          expect(stripPositions(parseFilter(printed))).toEqual(stripPositions(tree));
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    'validateFilter never throws: a syntax error is one problem, anything else is checked',
    () => {
      fc.assert(
        fc.property(anyFilterText, (text: string) => {
          const problems = validateFilter(text, target);
          let parses = true;
          try {
            parseFilter(text);
          } catch {
            parses = false;
          }
          if (!parses) {
            expect(problems.map((problem) => problem.code)).toEqual(['syntax']);
          } else {
            expect(problems.every((problem) => problem.code !== 'syntax')).toBe(true);
          }
        }),
        settings,
      );
    },
    timeout,
  );
});
