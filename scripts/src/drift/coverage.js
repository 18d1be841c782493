// Field coverage: the share of upstream's request and response fields that the curated document
// has at the same path with the same JSON types. `null` is set aside (a field the curated spec makes
// nullable on purpose still carries upstream's type), and a field upstream leaves untyped is
// carried by any type; `strict` counts neither allowance. Fields that differ in a way
// spec/README.md lists as deliberate are counted apart, so the figures show both.
import { bodiesOf, keysFromAncestor, pairOperations } from './compare-documents.js';
import { flattenSchema } from './flatten-schema.js';

/** @typedef {import('./flatten-schema.js').JsonObject} JsonObject */
/** @typedef {import('./flatten-schema.js').FieldFacts} FieldFacts */

/**
 * - `total`: upstream fields counted.
 * - `present`: the curated spec has the path.
 * - `sameTypes`: it has the path with the same JSON types (null aside; untyped upstream matches).
 * - `strict`: the same JSON types, null included.
 * - `deliberate`: not the same, but listed as a deliberate difference.
 * @typedef {{ total: number, present: number, sameTypes: number, strict: number, deliberate: number }} Tally
 * @typedef {{
 *   maxDepth: number,
 *   request: Tally,
 *   response: Tally,
 *   all: Tally,
 *   missing: Array<{ operation: string, where: string, field: string, reason: 'absent' | 'types', deliberate: boolean }>,
 * }} Coverage
 */

/** @returns {Tally} */
const emptyTally = () => ({ total: 0, present: 0, sameTypes: 0, strict: 0, deliberate: 0 });

/** @param {string[]} types */
const withoutNull = (types) => types.filter((type) => type !== 'null').join('|');

/**
 * @param {FieldFacts} mine
 * @param {FieldFacts} theirs
 */
function sameTypes(mine, theirs) {
  if (withoutNull(theirs.types) === 'any') return true;
  return withoutNull(mine.types) === withoutNull(theirs.types);
}

/**
 * Counts upstream fields (to `maxDepth` property levels) of every operation both documents have,
 * in request bodies and in responses (every status and content type both declare).
 * @param {JsonObject} curatedDocument
 * @param {JsonObject} upstreamDocument
 * @param {{ maxDepth?: number, isDeliberate?: (keys: string[]) => boolean }} [options]
 * @returns {Coverage}
 */
export function measureCoverage(curatedDocument, upstreamDocument, options = {}) {
  const maxDepth = options.maxDepth ?? 4;
  const isDeliberate = options.isDeliberate ?? (() => false);
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
      const label = `${site.operation} ${body.where}`;
      const theirs = flattenSchema(upstreamDocument, body.upstream, { maxDepth, owner: label });
      const ours = body.curated
        ? flattenSchema(curatedDocument, body.curated, { maxDepth, owner: label })
        : new Map();
      const tally = body.where.startsWith('request') ? coverage.request : coverage.response;
      for (const [path, facts] of theirs) {
        if (path === '') continue;
        const mine = ours.get(path);
        const same = mine !== undefined && sameTypes(mine, facts);
        const strict = mine !== undefined && mine.types.join('|') === facts.types.join('|');
        const keys = [
          ...(mine ? mine.keys : [...facts.keys, ...keysFromAncestor(ours, path, label)]),
          `${label} ${path}`,
        ];
        const deliberate = !same && isDeliberate(keys);
        for (const t of [tally, coverage.all]) {
          t.total += 1;
          if (mine) t.present += 1;
          if (same) t.sameTypes += 1;
          if (strict) t.strict += 1;
          if (deliberate) t.deliberate += 1;
        }
        if (!same) {
          coverage.missing.push({
            operation: site.operation,
            where: body.where,
            field: path,
            reason: mine ? 'types' : 'absent',
            deliberate,
          });
        }
      }
    }
  }
  return coverage;
}

/**
 * @param {Tally} tally
 * @param {'sameTypes' | 'strict' | 'present' | 'accounted'} [measure] `accounted` adds the
 *   deliberate differences to `sameTypes`
 * @returns {string} e.g. `1234/1250 (98.7%)`
 */
export function formatTally(tally, measure = 'sameTypes') {
  const count = measure === 'accounted' ? tally.sameTypes + tally.deliberate : tally[measure];
  const share = tally.total === 0 ? 100 : (100 * count) / tally.total;
  return `${count}/${tally.total} (${share.toFixed(1)}%)`;
}
