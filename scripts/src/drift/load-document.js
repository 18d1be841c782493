import { bundle, loadConfig } from '@redocly/openapi-core';
import { displayPath } from '../layout.js';

/** Raised when a document cannot be read or bundled; names the file and the first problems. */
export class DriftInputError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'DriftInputError';
  }
}

/**
 * Reads an OpenAPI document (YAML or JSON, one file or a root with external references) and
 * bundles it into one object whose references are all local. Nothing is linted: upstream's
 * document is compared as it is.
 * @param {string} file
 * @returns {Promise<import('./flatten-schema.js').JsonObject>}
 */
export async function loadDocument(file) {
  const config = await loadConfig({});
  let result;
  try {
    result = await bundle({ ref: file, config, dereference: false });
  } catch (cause) {
    throw new DriftInputError(`cannot read ${displayPath(file)}: ${String(cause)}`);
  }
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    const first = errors
      .slice(0, 5)
      .map((problem) => `  ${problem.message}`)
      .join('\n');
    throw new DriftInputError(
      `${displayPath(file)} could not be bundled (${errors.length} error(s)):\n${first}`,
    );
  }
  const parsed = /** @type {unknown} */ (result.bundle.parsed);
  if (typeof parsed !== 'object' || parsed === null || !('paths' in parsed)) {
    throw new DriftInputError(`${displayPath(file)} is not an OpenAPI document (it has no paths)`);
  }
  return /** @type {import('./flatten-schema.js').JsonObject} */ (parsed);
}
