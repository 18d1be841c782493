// Mutation testing of the tenant's rules (pnpm test:mutation): Stryker changes the code under
// src/domain and src/operations one small edit at a time and runs the tests that cover each edit;
// a mutant no test notices is a rule no test pins. Reports go to reports/ (gitignored), and the
// incremental file there lets a rerun after a small change test only what changed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // pnpm's strict layout hides the runner from Stryker's own plugin lookup, so name it by path.
  plugins: [require.resolve('@stryker-mutator/vitest-runner')],
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: ['src/domain/**/*.ts', 'src/operations/**/*.ts'],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ['html', 'clear-text', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 10_000,
};
