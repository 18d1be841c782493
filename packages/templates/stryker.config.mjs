// Mutation testing for @isc-sdk/templates: `pnpm test:mutation` (from this folder, or from the root for
// every package). Stryker changes one thing in src/ at a time and checks that some test fails.
//
// - The vitest runner is named by its resolved path: with pnpm's strict layout Stryker cannot find the
//   plugin by package name from its own folder.
// - Per-test coverage: each mutant runs only the tests that reach it.
// - Incremental: results are kept in reports/stryker-incremental.json, so a rerun after a small change
//   tests only the mutants whose code or covering tests changed. Delete the file (or pass --force) for
//   a clean run.
// - While iterating, scope the run: `pnpm test:mutation --mutate src/duration/parse-duration.ts`.
// - src/generated/ (the zone table) is data, not logic: the Java oracle checks it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  plugins: [require.resolve('@stryker-mutator/vitest-runner')],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/**/*.ts', '!src/generated/**'],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
