// pnpm spec:drift <upstream> [--coverage] [--depth N] [--coverage-depth N] [--verbose]
//   [--curated <spec>] [--readme <README.md>]
// Compares spec/isc-v3.yaml with an upstream V3 document (bundled, a root with external references,
// or one reduced to our paths). Exit code 1 when a difference is not listed as deliberate.
import { parseArgs } from 'node:util';
import { runDrift } from '../drift/run-drift.js';

const usage =
  'usage: pnpm spec:drift <upstream openapi file> [--coverage] [--depth N] [--coverage-depth N] [--verbose] [--curated <spec>] [--readme <file>]';

/** @param {string | undefined} value @param {string} name */
function positiveInteger(value, name) {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    console.error(`--${name} takes a positive whole number, not ${value}\n${usage}`);
    process.exit(2);
  }
  return number;
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      coverage: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      depth: { type: 'string' },
      'coverage-depth': { type: 'string' },
      curated: { type: 'string' },
      readme: { type: 'string' },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const [upstreamPath, ...extra] = parsed.positionals;
if (!upstreamPath || extra.length > 0) {
  console.error(usage);
  process.exit(2);
}
try {
  const result = await runDrift({
    upstreamPath,
    curatedPath: parsed.values.curated,
    readmePath: parsed.values.readme,
    maxDepth: positiveInteger(parsed.values.depth, 'depth'),
    coverageDepth: positiveInteger(parsed.values['coverage-depth'], 'coverage-depth'),
    coverage: parsed.values.coverage,
    verbose: parsed.values.verbose,
  });
  console.log(result.report);
  process.exitCode = result.exitCode;
} catch (error) {
  const known =
    error instanceof Error && ['DriftInputError', 'DeliberateListError'].includes(error.name);
  console.error(known ? `error: ${error.message}` : error);
  process.exit(2);
}
