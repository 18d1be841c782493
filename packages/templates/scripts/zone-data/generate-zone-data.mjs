// Writes src/generated/java-zone-data.ts: what `%Z` needs to name a zone as java.util.Formatter does,
// taken from a JDK (17 or newer, `javac` and `java` on PATH):
//
//   pnpm --filter @isc-sdk/templates generate:zone-data
//
// JavaZoneData.java (next to this file) is compiled into a temporary folder and run (or, with
// `--java-output FILE`, the saved output of an earlier run is read); its output is
// encoded compactly (src/placeholders/java-zone-data.ts reads it):
// - ZONES: every zone ID of the JDK, grouped by area, "Area:City=ENTRY,City=ENTRY;Area:…", where ENTRY
//   is the Locale.US standard name alone for a zone that never keeps daylight time, or
//   "STD/DST|PIECES": DST is empty when it equals STD, "*" when it is STD with its last "S" made a "D"
//   (EST, EDT), "%" when it is STD with an "S" put before its last "T" (CET, CEST), else the name;
//   PIECES are "start:offset" pairs, "from start on, daylight time is an offset above this one", in
//   base-36 minutes (epoch minutes and minutes east of UTC), or seconds after a "!" when not whole.
// - LOCALE_NAMES: for the languages in LANGUAGES, the names that differ from Locale.US, one group of
//   language tags per line: "tag tag…<TAB>Area:City=ENTRY,…;Area:…" (ENTRY as above).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The languages whose own names are carried; every other language is given Java's Locale.US names. */
export const LANGUAGES = ['en', 'de', 'fr', 'ja', 'ar'];

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** Compiles and runs JavaZoneData; or, with `--java-output FILE`, reads the output of an earlier run. */
function runJava() {
  const saved = process.argv.indexOf('--java-output');
  if (saved !== -1) return readFileSync(process.argv[saved + 1], 'utf8');
  const build = mkdtempSync(join(tmpdir(), 'java-zone-data-'));
  try {
    execFileSync('javac', ['-d', build, here('./JavaZoneData.java')], { stdio: 'inherit' });
    return execFileSync('java', ['-cp', build, 'JavaZoneData', ...LANGUAGES], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}
const output = runJava();

const unescape = (text) =>
  text.replace(/\\(u[0-9a-f]{4}|\\)/g, (_, code) =>
    code === '\\' ? '\\' : String.fromCharCode(parseInt(code.slice(1), 16)),
  );
const lines = unescape(output).trimEnd().split('\n');
const [, javaVersion, tzdbVersion] = lines[0].split('\t');

const zones = [];
const overrides = new Map(); // tag -> [[id, standard, daylight]]
let otherLocales;
for (const line of lines.slice(1)) {
  const [kind, ...fields] = line.split('\t');
  if (kind === 'Z') {
    const [id, standard, daylight, pieces] = fields;
    zones.push({ id, standard, daylight, pieces });
  } else if (kind === 'L') {
    const [tag, id, standard, daylight] = fields;
    if (!overrides.has(tag)) overrides.set(tag, []);
    overrides.get(tag).push([id, standard, daylight]);
  } else if (kind === 'S') {
    const [agreeing, compared, locales] = fields.map(Number);
    otherLocales = { agreeing, compared, locales };
  }
}

// Names may hold ":" (GMT-05:00): the reader splits an area off at the first ":" and pieces at "|".
const RESERVED = /[,;=|/*%\t\n]/;
const checkName = (name) => {
  if (name === '' || RESERVED.test(name)) {
    throw new Error(`zone name ${JSON.stringify(name)} is empty or holds a separator`);
  }
  return name;
};
const keepsDaylightTime = new Set(
  zones.filter((zone) => zone.pieces !== '').map((zone) => zone.id),
);

/** The ENTRY for names (and pieces), as described at the top. */
function entry(id, standard, daylight, pieces = '') {
  if (!keepsDaylightTime.has(id)) return checkName(standard);
  let second = checkName(daylight);
  if (daylight === standard) second = '';
  else if (daylight === standard.replace(/S(T)$/, 'D$1')) second = '*';
  else if (daylight === standard.replace(/(T)$/, 'S$1')) second = '%';
  return `${checkName(standard)}/${second}${pieces === '' ? '' : `|${encodePieces(pieces)}`}`;
}

function encodePieces(pieces) {
  const number = (base36Seconds) => {
    const seconds = parseInt(base36Seconds, 36);
    return seconds % 60 === 0 ? (seconds / 60).toString(36) : `!${base36Seconds}`;
  };
  return pieces
    .split(' ')
    .map((piece) => piece.split(':').map(number).join(':'))
    .join(' ');
}

/** "Area:City=ENTRY,…;Area:…" for [id, ENTRY] pairs. */
function byArea(entries) {
  const areas = new Map();
  for (const [id, text] of entries) {
    const slash = id.indexOf('/');
    const area = slash === -1 ? '' : id.slice(0, slash);
    if (!areas.has(area)) areas.set(area, []);
    areas.get(area).push(`${id.slice(slash + 1)}=${text}`);
  }
  return [...areas].map(([area, list]) => `${area}:${list.join(',')}`).join(';');
}

const encodedZones = byArea(
  zones.map(({ id, standard, daylight, pieces }) => [id, entry(id, standard, daylight, pieces)]),
);

// Tags with the same overrides share a line. A tag is listed when its names differ from its language's
// (the bare language tag's), and every language tag that has overrides is listed.
const overridesText = (tag) =>
  byArea((overrides.get(tag) ?? []).map(([id, s, d]) => [id, entry(id, s, d)]));
const groups = new Map(); // overrides text -> tags
for (const tag of [...new Set([...LANGUAGES, ...overrides.keys()])].sort()) {
  const language = tag.split('-')[0];
  const text = overridesText(tag);
  if (tag !== language && text === overridesText(language)) continue;
  if (text === '') continue;
  if (!groups.has(text)) groups.set(text, []);
  groups.get(text).push(tag);
}
const encodedLocales = [...groups].map(([text, tags]) => `${tags.join(' ')}\t${text}`).join('\n');

const percent = ((100 * otherLocales.agreeing) / otherLocales.compared).toFixed(1);
const source = `// This file is generated by scripts/zone-data/generate-zone-data.mjs from Java ${javaVersion} (tz data ${tzdbVersion}).
// Do not edit it by hand; run \`pnpm --filter @isc-sdk/templates generate:zone-data\` with a JDK instead.

/**
 * The ${zones.length} zone IDs of the JDK with their short names in Locale.US and the pieces that say when
 * each keeps daylight time; the encoding is described in scripts/zone-data/generate-zone-data.mjs.
 */
export const ZONES = ${JSON.stringify(encodedZones)};

/**
 * Short names that differ from Locale.US in the locales of ${LANGUAGES.join(', ')}, one group of language
 * tags per line, encoded like ZONES. Java writes the Locale.US names for ${percent}% of the zone
 * names of the other ${otherLocales.locales} locales of the JDK, and the package uses them there.
 */
export const LOCALE_NAMES = ${JSON.stringify(encodedLocales)};
`;
writeFileSync(here('../../src/generated/java-zone-data.ts'), source);
console.log(
  `wrote ${zones.length} zones (${encodedZones.length} characters) and ${groups.size} locale groups ` +
    `(${encodedLocales.length} characters); other locales: ${otherLocales.agreeing} of ` +
    `${otherLocales.compared} names (${percent}%) are the Locale.US ones`,
);
