// The vitest settings Stryker runs with (stryker.config.mjs): the package's own unit, property and
// oracle tests without the type tests, which a change to run-time code cannot fail. Property tests run
// 200 times per property under their fixed seed, so each mutant costs a fraction of a second.
//
// Stryker copies this package alone into a sandbox, so the root's vitest.shared.ts cannot be imported
// from here: the two settings it holds for tests are repeated.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    typecheck: { enabled: false },
    env: { TEMPLATES_PROPERTY_RUNS: process.env['TEMPLATES_PROPERTY_RUNS'] ?? '200' },
  },
});
