import { defineConfig } from 'tsup';

const shared = { target: 'node20', platform: 'node', sourcemap: false, clean: false } as const;

// `pnpm build` empties dist first, so neither build needs tsup's clean (the two run in parallel).
export default defineConfig([
  // ESM: the library and the isc-mock-tenant command, sharing one chunk (the command uses
  // top-level await, so it has no CommonJS form).
  {
    ...shared,
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
  },
  // CommonJS: the library only.
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts' } },
  },
]);
