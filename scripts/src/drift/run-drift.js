// pnpm spec:drift: the curated spec against an upstream V3 document. Prints every difference by
// operation and field path, sets apart those spec/README.md lists as deliberate, and fails (exit
// code 1) when any other difference remains. With `coverage`, also prints how many of upstream's
// request and response fields the curated spec carries with the same JSON types.
import { readFile } from 'node:fs/promises';
import { defaultSpecPath, displayPath, repoRoot } from '../layout.js';
import { compareDocuments } from './compare-documents.js';
import { formatTally, measureCoverage } from './coverage.js';
import { classifyDifferences, keyCovers, parseDeliberateList } from './deliberate.js';
import { loadDocument } from './load-document.js';
import path from 'node:path';

/** @typedef {import('./compare-documents.js').Difference} Difference */

/**
 * @typedef {{
 *   upstreamPath: string,
 *   curatedPath?: string,
 *   readmePath?: string,
 *   maxDepth?: number,
 *   coverageDepth?: number,
 *   coverage?: boolean,
 *   verbose?: boolean,
 * }} DriftOptions
 */

/**
 * @typedef {{
 *   exitCode: 0 | 1,
 *   report: string,
 *   unexplained: Difference[],
 *   deliberate: number,
 *   unusedKeys: string[],
 *   coverage: import('./coverage.js').Coverage | undefined,
 * }} DriftResult
 */

/** @param {Difference} d */
function describe(d) {
  const field = d.field === null ? '' : d.field === '' ? ' (the body)' : ` ${d.field}`;
  const side =
    d.side === 'upstream' ? 'upstream only: ' : d.side === 'curated' ? 'curated only: ' : '';
  const nested = d.nested > 0 ? ` (+${d.nested} nested)` : '';
  return `${d.where}${field}  ${side}${d.detail}${nested}`;
}

/**
 * Groups lines under their operation, in the order the operations first appear.
 * @param {Difference[]} differences
 * @param {(d: Difference) => string} line
 */
function byOperation(differences, line) {
  /** @type {Map<string, string[]>} */
  const groups = new Map();
  for (const d of differences) {
    const head = `${d.operation}  ${d.method} ${d.path}`;
    const lines = groups.get(head) ?? [];
    lines.push(line(d));
    groups.set(head, lines);
  }
  return [...groups].flatMap(([head, lines]) => [`  ${head}`, ...lines.map((l) => `    ${l}`)]);
}

/**
 * Runs the comparison and renders the report.
 * @param {DriftOptions} options
 * @returns {Promise<DriftResult>}
 */
export async function runDrift(options) {
  const curatedPath = options.curatedPath ?? defaultSpecPath;
  const readmePath = options.readmePath ?? path.join(repoRoot, 'spec/README.md');
  const [curated, upstream, readme] = await Promise.all([
    loadDocument(curatedPath),
    loadDocument(options.upstreamPath),
    readFile(readmePath, 'utf8'),
  ]);
  const entries = parseDeliberateList(readme, displayPath(readmePath));
  const differences = compareDocuments(curated, upstream, { maxDepth: options.maxDepth ?? 8 });
  const { deliberate, unexplained, unused } = classifyDifferences(differences, entries);

  const info = /** @type {{ title?: unknown, version?: unknown }} */ (upstream.info ?? {});
  /** @type {string[]} */
  const out = [
    `spec:drift: ${displayPath(curatedPath)} against ${displayPath(options.upstreamPath)}` +
      ` (${String(info.title ?? 'untitled')} ${String(info.version ?? '')})`.trimEnd(),
    '',
  ];
  if (unexplained.length > 0) {
    out.push(
      `Differences not listed as deliberate in ${displayPath(readmePath)} (${unexplained.length}):`,
    );
    out.push(...byOperation(unexplained, describe), '');
  } else {
    out.push('No differences beyond the deliberate ones.', '');
  }

  out.push(
    `Deliberate differences (${deliberate.length} places, listed in ${displayPath(readmePath)}):`,
  );
  if (options.verbose) {
    out.push(
      ...byOperation(
        deliberate.map(({ difference }) => difference),
        (d) => {
          const match = deliberate.find((m) => m.difference === d);
          return `${describe(d)}  [${match?.key ?? ''}]`;
        },
      ),
    );
  } else {
    /** @type {Map<string, { count: number, what: string }>} */
    const perKey = new Map();
    for (const { key, entry } of deliberate) {
      const seen = perKey.get(key) ?? { count: 0, what: entry.what };
      seen.count += 1;
      perKey.set(key, seen);
    }
    for (const [key, { count, what }] of perKey) {
      out.push(`  ${key}  ${what}  (${count} place${count === 1 ? '' : 's'})`);
    }
  }
  out.push('');
  if (unused.length > 0) {
    out.push('Listed as deliberate but not found (upstream may have caught up; remove the entry):');
    for (const { key, entry } of unused) out.push(`  ${key}  (line ${entry.line})`);
    out.push('');
  }

  let coverage;
  if (options.coverage) {
    const isDeliberate = (/** @type {string[]} */ keys) =>
      entries.some((entry) =>
        entry.keys.some((key) => keys.some((candidate) => keyCovers(key, candidate))),
      );
    coverage = measureCoverage(curated, upstream, {
      maxDepth: options.coverageDepth ?? 4,
      isDeliberate,
    });
    out.push(
      `Field coverage: upstream request and response fields (to depth ${coverage.maxDepth}) the curated spec has with the same JSON types`,
      `  requests   ${formatTally(coverage.request)}`,
      `  responses  ${formatTally(coverage.response)}`,
      `  all        ${formatTally(coverage.all)}`,
      `  all, with the deliberate differences: ${formatTally(coverage.all, 'accounted')}`,
      `  present at all: ${formatTally(coverage.all, 'present')}; with null counted as a type: ${formatTally(coverage.all, 'strict')}`,
    );
    const shown = options.verbose
      ? coverage.missing
      : coverage.missing.filter((m) => !m.deliberate);
    if (shown.length > 0) {
      out.push(options.verbose ? '  not covered:' : '  not covered (deliberate gaps: --verbose):');
      for (const m of shown) {
        const why = m.reason === 'absent' ? 'absent' : 'other types';
        out.push(
          `    ${m.operation} ${m.where} ${m.field}  ${why}${m.deliberate ? ' (deliberate)' : ''}`,
        );
      }
    }
    out.push('');
  }
  out.push(
    unexplained.length > 0
      ? `spec:drift: ${unexplained.length} difference(s) need a decision: follow upstream in ${displayPath(curatedPath)}, or list them with a reason in ${displayPath(readmePath)}`
      : 'spec:drift: the curated spec matches upstream apart from its deliberate differences',
  );
  return {
    exitCode: unexplained.length > 0 ? 1 : 0,
    report: out.join('\n'),
    unexplained,
    deliberate: deliberate.length,
    unusedKeys: unused.map(({ key }) => key),
    coverage,
  };
}
