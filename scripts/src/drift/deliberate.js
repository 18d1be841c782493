// The deliberate differences from upstream, as spec/README.md lists them: a markdown table under
// the heading "Deliberate differences from upstream" whose first column holds one or more drift
// keys in backticks. A key names either a schema field (`SlimCampaign.id`; `Name.**` for a whole
// subtree) or a place in one operation (`getCampaign parameter query.detail`,
// `createCampaign status 200`, `searchAggregate response 200 text/csv`). Rows without a key record
// differences the drift check does not compare (headers, security scopes).

/**
 * @typedef {{ keys: string[], what: string, why: string, line: number }} DeliberateEntry
 */

/** Raised when the deliberate-differences table cannot be read; names the file and line. */
export class DeliberateListError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'DeliberateListError';
  }
}

const HEADING = /^#{2,3}\s+Deliberate differences from upstream\s*$/i;

/**
 * Splits one markdown table row into its cells (pipes inside backticks do not split).
 * @param {string} row
 */
function cellsOf(row) {
  const body = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  /** @type {string[]} */
  const cells = [];
  let current = '';
  let inCode = false;
  for (const char of body) {
    if (char === '`') inCode = !inCode;
    if (char === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else current += char;
  }
  cells.push(current.trim());
  return cells;
}

/**
 * Reads the deliberate differences from the README's markdown.
 * @param {string} markdown
 * @param {string} [file] for messages
 * @returns {DeliberateEntry[]}
 */
export function parseDeliberateList(markdown, file = 'spec/README.md') {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => HEADING.test(line));
  if (start === -1) {
    throw new DeliberateListError(
      `${file} has no "Deliberate differences from upstream" heading; the drift check needs its table`,
    );
  }
  /** @type {DeliberateEntry[]} */
  const entries = [];
  let sawTable = false;
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (/^#{1,3}\s/.test(line)) break;
    if (!line.trim().startsWith('|')) {
      if (sawTable && line.trim() !== '') break;
      continue;
    }
    const cells = cellsOf(line);
    if (!sawTable) {
      // The header row, then the separator row.
      sawTable = true;
      const separator = lines[index + 1] ?? '';
      if (!/^\s*\|?\s*:?-{3,}/.test(separator)) {
        throw new DeliberateListError(`${file}:${index + 2}: expected the table's separator row`);
      }
      index += 1;
      continue;
    }
    if (cells.length < 3) {
      throw new DeliberateListError(
        `${file}:${index + 1}: a row needs three cells (drift keys, what differs, why)`,
      );
    }
    const [keyCell = '', what = '', why = ''] = cells;
    const keys = [...keyCell.matchAll(/`([^`]+)`/g)].map((match) => (match[1] ?? '').trim());
    if (why === '') {
      throw new DeliberateListError(
        `${file}:${index + 1}: every deliberate difference needs a reason`,
      );
    }
    entries.push({ keys, what, why, line: index + 1 });
  }
  if (!sawTable) {
    throw new DeliberateListError(`${file}: no table under "Deliberate differences from upstream"`);
  }
  return entries;
}

/**
 * Whether a deliberate key covers a difference's key. A key names one field or place exactly;
 * `Name.**` also covers everything below `Name` (`IdentityDocument.owns.**`, `AccountDocument.**`);
 * a `*` stands for any run of characters within one name (`*Document._type`).
 * @param {string} key
 * @param {string} candidate
 */
export function keyCovers(key, candidate) {
  const subtree = key.endsWith('.**');
  const base = subtree ? key.slice(0, -3) : key;
  const pattern = base
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^ .[\\]]*');
  return new RegExp(`^${pattern}${subtree ? '(?:$|[.[ ])' : '$'}`).test(candidate);
}

/**
 * Splits differences into those a deliberate entry covers and the rest, and reports the keys
 * that covered nothing.
 * @template {{ keys: string[] }} D
 * @param {D[]} differences
 * @param {DeliberateEntry[]} entries
 */
export function classifyDifferences(differences, entries) {
  /** @type {Array<{ difference: D, entry: DeliberateEntry, key: string }>} */
  const deliberate = [];
  /** @type {D[]} */
  const unexplained = [];
  const used = new Set();
  for (const difference of differences) {
    let match;
    for (const entry of entries) {
      const covering = entry.keys.filter((k) =>
        difference.keys.some((candidate) => keyCovers(k, candidate)),
      );
      if (covering.length === 0) continue;
      for (const key of covering) used.add(key);
      match ??= { difference, entry, key: /** @type {string} */ (covering[0]) };
    }
    if (match) deliberate.push(match);
    else unexplained.push(difference);
  }
  const unused = entries.flatMap((entry) =>
    entry.keys.filter((key) => !used.has(key)).map((key) => ({ key, entry })),
  );
  return { deliberate, unexplained, unused };
}
