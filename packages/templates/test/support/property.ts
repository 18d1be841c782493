// Settings for the property tests (fast-check). Every property runs under a fixed seed, so a run is
// repeatable, and prints that seed when it fails. The run count comes from the environment:
//
//   TEMPLATES_PROPERTY_RUNS=100000 pnpm --filter @isc-sdk/templates test   (every property, that many runs)
//   TEMPLATES_PROPERTY_SEED=12345 pnpm --filter @isc-sdk/templates test    (another seed, or a replay)
import fc from 'fast-check';

/** The seed every property runs with. */
export const PROPERTY_SEED = readNumber('TEMPLATES_PROPERTY_SEED', 20_260_822);

/** Runs per property: `TEMPLATES_PROPERTY_RUNS` when set, else the test's own default. */
export function propertyRuns(defaultRuns: number): number {
  return readNumber('TEMPLATES_PROPERTY_RUNS', defaultRuns);
}

/** `fc.assert` with the fixed seed and the run count above; a failure names the seed to replay it. */
export function assertProperty<T>(property: fc.IProperty<T>, defaultRuns: number): void {
  try {
    fc.assert(property, { seed: PROPERTY_SEED, numRuns: propertyRuns(defaultRuns) });
  } catch (error) {
    const replay = `replay with TEMPLATES_PROPERTY_SEED=${PROPERTY_SEED}`;
    throw new Error(`Property failed under seed ${PROPERTY_SEED} (${replay})`, { cause: error });
  }
}

function readNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${text}`);
  return value;
}
