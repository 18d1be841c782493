// The vitest settings Stryker runs with (stryker.config.mjs). Stryker runs, for each mutant, every
// test that covers the mutated code, so these settings keep that affordable:
// - no type tests: a change to run-time code cannot fail them;
// - not test/hostile-size.test.ts: its 1 MB inputs cover almost every line of the parser and would
//   be rerun for each of its mutants (the shapes and limits it relies on are tested at small sizes
//   in the other files);
// - fewer property runs (still under the fixed seed): 300 per property, 30 over HTTP.
//
// Stryker copies this package alone into a sandbox, so the root's vitest.shared.ts cannot be
// imported from here: the two settings it holds for tests are repeated.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/hostile-size.test.ts'],
    testTimeout: 30_000,
    typecheck: { enabled: false },
    env: {
      FILTERS_PROPERTY_RUNS: process.env['FILTERS_PROPERTY_RUNS'] ?? '300',
      FILTERS_URL_PROPERTY_RUNS: process.env['FILTERS_URL_PROPERTY_RUNS'] ?? '30',
    },
  },
});
