import { defineConfig } from 'tsup';

const shared = { target: 'node20', platform: 'node', sourcemap: false } as const;

export default defineConfig([
  // The library: ESM and CommonJS, with declarations for both.
  { ...shared, entry: ['src/index.ts'], format: ['esm', 'cjs'], dts: true, clean: true },
  // The isc-mock-tenant command: an ESM script only (it uses top-level await).
  { ...shared, entry: ['src/cli.ts'], format: ['esm'], dts: false, clean: false },
]);
