// Property tests: no value can change the structure of a filter.
//
// The normal run uses a fixed seed and 10,000 runs per property, so CI is repeatable. The nightly
// script (`pnpm test:nightly`) runs this file with FILTERS_PROPERTY_RUNS set much higher and a fresh
// seed each time; a failure prints the seed and the path, and
// `FILTERS_PROPERTY_SEED=<seed> pnpm test:nightly` replays it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filterFor,
  formatFilter,
  parseFilter,
  stripPositions,
  validateFilter,
  type FilterExpression,
} from '../src/index.js';
import { filterExpression, hostileString } from './support/arbitraries.js';

const runs = Number(process.env['FILTERS_PROPERTY_RUNS'] ?? 10_000);
const seed = Number(process.env['FILTERS_PROPERTY_SEED'] ?? 20_260_822);
const settings: fc.Parameters<unknown> = { numRuns: runs, seed };
const timeout = Math.max(10_000, runs * 2); // generous per-run budget, not an assertion on speed

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
