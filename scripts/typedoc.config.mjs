// The API reference of the published packages, from their JSDoc, into docs/api (not committed):
// one page tree per package, each package's README its landing page. Built by `pnpm docs:api`
// (scripts/src/cli/docs-api.js), which fails on TypeDoc's warnings.
import { OptionDefaults } from 'typedoc';

// openapi-typescript writes @description and @enum in the generated types' comments.
const blockTags = [...OptionDefaults.blockTags, '@description', '@enum'];

// Broken {@link}s and the like fail the build. Public types may refer to internal helper types
// (the client's operation types do), so those are not reported.
const validation = { notExported: false, invalidLink: true, rewrittenLink: true };

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'isc-sdk',
  entryPointStrategy: 'packages',
  // Paths are relative to this file (scripts/).
  entryPoints: [
    '../packages/types',
    '../packages/client',
    '../packages/filters',
    '../packages/templates',
    '../packages/mock-tenant',
  ],
  packageOptions: {
    entryPoints: ['src/index.ts'],
    tsconfig: 'tsconfig.json',
    excludePrivate: true,
    excludeInternal: true,
    blockTags,
    validation,
  },
  blockTags,
  out: '../docs/api',
  readme: '../README.md',
  // The packages' own typecheck covers type errors; the reference only needs their declarations.
  skipErrorChecking: true,
  validation,
};
