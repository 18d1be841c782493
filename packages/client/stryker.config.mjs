// Mutation testing for @isc-sdk/client: `pnpm test:mutation` (from this folder, or from the root for
// every package). Stryker makes one small change at a time in src/ and runs the tests that cover it;
// a change that no test notices is a behaviour no test pins.
//
// - The vitest runner is named by its resolved path: with pnpm's strict layout Stryker cannot find
//   the plugin by package name from its own folder.
// - Incremental: results are kept in reports/stryker-incremental.json (gitignored), so a rerun after
//   a small change tests only the mutants whose code or covering tests changed. Delete the file (or
//   pass --force) for a clean run.
// - While iterating, scope the run: `pnpm test:mutation --mutate src/internal/redirect.ts`.
// - src/internal/version.ts is left out: it holds one constant that the build inlines.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  plugins: [require.resolve('@stryker-mutator/vitest-runner')],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/**/*.ts', '!src/internal/version.ts'],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  concurrency: 2,
  // The tests talk to loopback servers and wait for real (short) timers: give a mutant that slows
  // a call down room before it counts as a timeout.
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
