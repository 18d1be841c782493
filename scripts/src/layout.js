import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of the repository root (this file lives in scripts/src). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The curated OpenAPI document: the single source of truth. */
export const defaultSpecPath = path.join(repoRoot, 'spec/isc-v3.yaml');

/** The lint ruleset shared by `pnpm lint:spec` and `pnpm generate`. */
export const lintConfigPath = path.join(repoRoot, 'redocly.yaml');

/** Where generated files go, relative to the output root (the repository root by default). */
export const generatedDirs = {
  types: 'packages/types/src/generated',
  mockTenant: 'packages/mock-tenant/src/generated',
};

/**
 * Shows a path relative to the repository root, for messages.
 * @param {string} file
 */
export function displayPath(file) {
  const relative = path.relative(repoRoot, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
