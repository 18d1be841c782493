// Field coverage: the share of upstream's request and response fields that the curated document
// has at the same path with the same JSON types. `sameTypes` sets `null` aside (a field the
// curated spec makes nullable on purpose still carries upstream's type); `strict` does not.
import { bodiesOf, pairOperations } from './compare-documents.js';
import { flattenSchema } from './flatten-schema.js';

/** @typedef {import('./flatten-schema.js').JsonObject} JsonObject */

/**
 * @typedef {{ total: number, present: number, sameTypes: number, strict: number }} Tally
 * @typedef {{
 *   maxDepth: number,
 *   request: Tally,
 *   response: Tally,
 *   all: Tally,
 *   missing: Array<{ operation: string, where: string, field: string, reason: 'absent' | 'types' }>,
 * }} Coverage
 */

/** @returns {Tally} */
const emptyTally = () => ({ total: 0, present: 0, sameTypes: 0, strict: 0 });

/** @param {string[]} types */
const withoutNull = (types) => types.filter((type) => type !== 'null').join('|');

/**
 * Counts upstream fields (to `maxDepth` property levels) of every operation both documents have,
 * in request bodies and in responses (every status and content type both declare).
 * @param {JsonObject} curatedDocument
 * @param {JsonObject} upstreamDocument
 * @param {{ maxDepth?: number }} [options]
 * @returns {Coverage}
 */
export function measureCoverage(curatedDocument, upstreamDocument, options = {}) {
  const maxDepth = options.maxDepth ?? 4;
  /** @type {Coverage} */
  const coverage = {
    maxDepth,
    request: emptyTally(),
    response: emptyTally(),
    all: emptyTally(),
    missing: [],
  };
  for (const { site, curated, upstream } of pairOperations(curatedDocument, upstreamDocument)) {
    if (!curated || !upstream) continue;
    for (const body of bodiesOf(curatedDocument, upstreamDocument, curated, upstream).bodies) {
      if (!body.upstream) continue;
      const theirs = flattenSchema(upstreamDocument, body.upstream, { maxDepth });
      const ours = body.curated
        ? flattenSchema(curatedDocument, body.curated, { maxDepth })
        : new Map();
      const tally = body.where.startsWith('request') ? coverage.request : coverage.response;
      for (const [path, facts] of theirs) {
        if (path === '') continue;
        const mine = ours.get(path);
        const same = mine !== undefined && withoutNull(mine.types) === withoutNull(facts.types);
        const strict = same && mine.types.join('|') === facts.types.join('|');
        for (const t of [tally, coverage.all]) {
          t.total += 1;
          if (mine) t.present += 1;
          if (same) t.sameTypes += 1;
          if (strict) t.strict += 1;
        }
        if (!same) {
          coverage.missing.push({
            operation: site.operation,
            where: body.where,
            field: path,
            reason: mine ? 'types' : 'absent',
          });
        }
      }
    }
  }
  return coverage;
}

/**
 * @param {Tally} tally
 * @param {'sameTypes' | 'strict' | 'present'} [measure]
 * @returns {string} e.g. `1234/1250 (98.7%)`
 */
export function formatTally(tally, measure = 'sameTypes') {
  const count = tally[measure];
  const share = tally.total === 0 ? 100 : (100 * count) / tally.total;
  return `${count}/${tally.total} (${share.toFixed(1)}%)`;
}
