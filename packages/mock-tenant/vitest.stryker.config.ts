// The vitest settings Stryker runs with: the package's tests without the type tests (types cannot
// notice a changed value, and tsc would run once per mutant). Stryker runs them from a copy of this
// package under .stryker-tmp/, where ../../vitest.shared.ts is out of reach, so the two settings
// that matter are restated here: the same test files and the same 30 s hang guard.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    typecheck: { enabled: false },
  },
});
