// The vitest settings Stryker runs with (stryker.config.mjs): the package's own unit and property
// tests without the type tests, which a change to run-time code cannot fail. Property tests run
// 1,000 times per property under their fixed seed, so each mutant costs a fraction of a second.
import { defineConfig } from 'vitest/config';
import { packageTestSettings } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...packageTestSettings,
    typecheck: { enabled: false },
    env: { FILTERS_PROPERTY_RUNS: process.env['FILTERS_PROPERTY_RUNS'] ?? '1000' },
  },
});
