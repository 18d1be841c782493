// The test settings of the packages whose vitest configs are otherwise alike (filters, mock-tenant,
// templates, types); each passes them to `defineConfig`. Plain data with no import, because vitest
// is a dependency of the packages, not of the repository root.
export const packageTestSettings = {
  include: ['test/**/*.test.ts'],
  // A guard against hangs, not a speed check: property and end-to-end tests take seconds on a
  // loaded two-core CI machine running every package's tests at once.
  testTimeout: 30_000,
  typecheck: {
    enabled: true,
    include: ['test/**/*.test-d.ts'],
    tsconfig: './tsconfig.json',
  },
};
