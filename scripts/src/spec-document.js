import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BaseResolver, bundle, getLineColLocation, lint, loadConfig } from '@redocly/openapi-core';
import { displayPath, lintConfigPath } from './layout.js';

/**
 * A loose view of the OpenAPI document; the generators check what they read.
 * @typedef {{
 *   openapi: string,
 *   info: { title: string, version: string },
 *   paths: Record<string, Record<string, unknown>>,
 *   components?: Record<string, Record<string, unknown>>,
 * }} OpenApiDocument
 */

/**
 * One lint finding with a human-readable location: `file:line:column`.
 * @typedef {{ severity: 'error' | 'warn', rule: string, message: string, location: string }} SpecProblem
 */

/** Raised when the spec cannot be turned into code; every problem names its file and location. */
export class SpecError extends Error {
  /**
   * @param {string} message
   * @param {readonly SpecProblem[]} problems
   */
  constructor(message, problems) {
    super(message);
    this.name = 'SpecError';
    this.problems = problems;
  }
}

/**
 * @param {import('@redocly/openapi-core').NormalizedProblem} problem
 * @returns {SpecProblem}
 */
function describeProblem(problem) {
  const where = problem.location[0];
  let location = '(unknown location)';
  if (where) {
    const file = displayPath(where.source.absoluteRef);
    try {
      const { start } = getLineColLocation(where);
      location = `${file}:${start.line}:${start.col}`;
    } catch {
      location = `${file}#${where.pointer}`;
    }
  }
  return {
    severity: problem.severity === 'error' ? 'error' : 'warn',
    rule: problem.ruleId,
    message: problem.message,
    location,
  };
}

/** @type {Promise<import('@redocly/openapi-core').Config> | undefined} */
let configPromise;
function lintConfig() {
  configPromise ??= loadConfig({ configPath: lintConfigPath });
  return configPromise;
}

/**
 * Lints the spec with the repository ruleset and returns every finding.
 * @param {string} specPath
 * @param {BaseResolver} [resolver] shares parsed files with a later bundle step
 * @returns {Promise<SpecProblem[]>}
 */
export async function lintSpec(specPath, resolver) {
  try {
    const config = await lintConfig();
    const externalRefResolver = resolver ?? new BaseResolver(config.resolve);
    const problems = await lint({ ref: specPath, config, externalRefResolver });
    return problems.map(describeProblem);
  } catch (error) {
    const syntax = describeSyntaxError(error, specPath);
    if (syntax) return [syntax];
    throw error;
  }
}

/**
 * Turns the YAML parser's exception into a problem with a location, or returns undefined.
 * @param {unknown} error
 * @param {string} specPath
 * @returns {SpecProblem | undefined}
 */
function describeSyntaxError(error, specPath) {
  if (!(error instanceof Error)) return undefined;
  const details =
    /** @type {{ line?: unknown, col?: unknown, source?: { absoluteRef?: string }, originalError?: { reason?: string } }} */ (
      /** @type {unknown} */ (error)
    );
  if (typeof details.line !== 'number' || typeof details.col !== 'number') return undefined;
  const file = displayPath(details.source?.absoluteRef ?? specPath);
  const reason = details.originalError?.reason ?? error.message.split('\n')[0] ?? 'invalid YAML';
  return {
    severity: 'error',
    rule: 'yaml-syntax',
    message: reason,
    location: `${file}:${details.line}:${details.col}`,
  };
}

/**
 * @param {string} what
 * @param {SpecProblem[]} problems
 */
function listProblems(what, problems) {
  return `${what}:\n${problems.map((p) => `  ${p.location}  ${p.rule}  ${p.message}`).join('\n')}`;
}

/**
 * Lints and bundles the spec. Throws a {@link SpecError} listing each error with its file and
 * location, so nothing is generated from a broken spec.
 * @param {string} specPath
 * @returns {Promise<{ document: OpenApiDocument, sha256: string }>} the bundled document and the
 *   SHA-256 of the spec file's bytes
 */
export async function loadSpec(specPath) {
  let bytes;
  try {
    bytes = await readFile(specPath);
  } catch (cause) {
    throw new SpecError(`cannot read the spec at ${displayPath(specPath)}: ${String(cause)}`, []);
  }
  const config = await lintConfig();
  const resolver = new BaseResolver(config.resolve);
  const errors = (await lintSpec(specPath, resolver)).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const what = `${displayPath(specPath)} has ${errors.length} lint error(s); nothing was generated`;
    throw new SpecError(listProblems(what, errors), errors);
  }
  const result = await bundle({
    ref: specPath,
    config,
    dereference: false,
    externalRefResolver: resolver,
  });
  const bundleErrors = result.problems.filter((p) => p.severity === 'error').map(describeProblem);
  if (bundleErrors.length > 0) {
    const what = `${displayPath(specPath)} could not be bundled; nothing was generated`;
    throw new SpecError(listProblems(what, bundleErrors), bundleErrors);
  }
  return {
    document: /** @type {OpenApiDocument} */ (result.bundle.parsed),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
