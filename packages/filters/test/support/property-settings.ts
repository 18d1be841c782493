// One place for the property tests' settings. A fixed seed keeps every run repeatable; the run
// counts come from the environment so the nightly run (scripts/test-nightly.mjs) and Stryker
// (vitest.stryker.config.ts) can change them. When a property fails, fast-check's message starts
// with `{ seed: …, path: … }`; `FILTERS_PROPERTY_SEED=<seed> pnpm test:nightly` replays it.
//
//   FILTERS_PROPERTY_RUNS      runs per property of the in-process properties (default 10,000)
//   FILTERS_URL_PROPERTY_RUNS  runs of the property that sends each value over HTTP (default 300)
//   FILTERS_PROPERTY_SEED      the seed (default 20260822)

import type fc from 'fast-check';

function fromEnvironment(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got ${JSON.stringify(text)}.`);
  }
  return value;
}

export const propertySeed = fromEnvironment('FILTERS_PROPERTY_SEED', 20_260_822);
export const propertyRuns = Math.max(1, fromEnvironment('FILTERS_PROPERTY_RUNS', 10_000));
export const urlPropertyRuns = Math.max(1, fromEnvironment('FILTERS_URL_PROPERTY_RUNS', 300));

/** fast-check parameters: the shared seed and `runs` runs. */
export function propertySettings(runs: number): fc.Parameters<unknown> {
  return { numRuns: runs, seed: propertySeed };
}

/** A generous per-test budget for `runs` runs: a guard against hangs, not a check on speed. */
export function propertyTimeout(runs: number): number {
  return Math.max(30_000, runs * 2);
}
