// The vitest settings Stryker runs with (stryker.config.mjs): the package's run-time tests without
// the type tests (a change to run-time code cannot fail them) and without the bundle budget test
// (Stryker's instrumented sources are several times larger than the real ones).
//
// Stryker copies this package alone into a sandbox, so nothing outside it is imported here.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __ISC_SDK_VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bundle-size.test.ts'],
    testTimeout: 10_000,
    typecheck: { enabled: false },
  },
});
