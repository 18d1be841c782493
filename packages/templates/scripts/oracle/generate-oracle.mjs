// Generates the Java oracle of @isc-sdk/templates: a seeded random corpus of placeholder and duration
// cases, answered by a real JVM, written to test/oracle/java-oracle.jsonl for the tests to compare
// against (the tests never run Java). Needs a JDK 17 or newer (`javac`, `java`) and the built package
// (the canonical duration text is taken from dist/):
//
//   pnpm --filter @isc-sdk/templates oracle            (builds, then runs this script)
//   node scripts/oracle/generate-oracle.mjs --seed 7   (another corpus; the seed is recorded in the file)
//
// The corpus (see test/oracle/README.md for how the tests read it):
// - letters: every Formatter letter at random instants from 1900 to 2100, and at the instants around
//   random daylight-saving changes, in ZONES (historical daylight time, double summer time, negative
//   daylight time, a mid-year change of standard offset, half- and quarter-hour offsets, a skipped day,
//   fixed offsets) and LOCALES (en-US, en-GB, ar-EG with its non-Latin digits, de-DE, fr-FR, ja-JP);
// - zone names: `%Z %z` for every zone ID of the JDK at random instants from 1900 to 2100;
// - texts: whole campaign names with several placeholders, hand-picked and random;
// - durations: random valid and invalid ISO-8601 durations: how Java parses them, whether the package's
//   canonical form means the same to Java, and where adding them to a random instant lands.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTimeZoneTransition } from 'temporal-polyfill/fns/ZonedDateTime';
import { fromEpochMilliseconds, toZonedDateTimeISO } from 'temporal-polyfill/fns/Instant';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const { formatDuration, parseDuration } = await import(here('../../dist/index.js'));

const DEFAULT_SEED = 20_260_822;
const seedIndex = process.argv.indexOf('--seed');
const SEED = seedIndex === -1 ? DEFAULT_SEED : Number(process.argv[seedIndex + 1]);

export const ZONES = [
  'UTC',
  'America/New_York', // war time 1942-45
  'America/Sao_Paulo', // daylight time until 2019
  'America/Los_Angeles',
  'America/Phoenix', // no daylight time since 1968; GMT-07:00 in en-GB
  'America/St_Johns', // -03:30
  'Europe/London', // double summer time 1941-47, British Standard Time 1968-71
  'Europe/Berlin',
  'Europe/Dublin', // negative daylight time in the tz source
  'Europe/Moscow', // standard offset changed 2011 and 2014
  'Africa/Casablanca', // daylight time suspended every Ramadan
  'Asia/Tokyo', // daylight time 1948-51
  'Asia/Kolkata', // war time 1942-45
  'Asia/Kathmandu', // +05:45
  'Australia/Lord_Howe', // half-hour daylight time, standard offset changed in 1981
  'Pacific/Apia', // skipped 30 December 2011
  'Pacific/Chatham', // +12:45
  '+05:30',
  '-08:00',
  'Z',
];
export const LOCALES = ['en-US', 'en-GB', 'ar-EG', 'de-DE', 'fr-FR', 'ja-JP'];
const LETTERS = 'YyCmdeBbhAajHIklMSLNpzZsQRTrDFc';

const START = Date.UTC(1900, 0, 1);
const END = Date.UTC(2101, 0, 1);

// mulberry32: a small seeded generator, so the same seed gives the same corpus on every machine.
let state = SEED >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const integer = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[integer(0, list.length - 1)];
const chance = (p) => random() < p;

/** An ISO instant with `Z`: milliseconds, or nine fraction digits a quarter of the time. */
function instantText(epochMilliseconds) {
  const text = new Date(epochMilliseconds).toISOString();
  if (!chance(0.25)) return text;
  return `${text.slice(0, 20)}${String(integer(0, 999_999_999)).padStart(9, '0')}Z`;
}
const randomInstant = () => instantText(integer(START, END - 1));

/** The instants around the next offset change after a random instant, or none for a fixed zone. */
function aroundTransition(zone) {
  if (zone === 'UTC' || zone === 'Z' || /^[+-]/.test(zone)) return [];
  const from = toZonedDateTimeISO(fromEpochMilliseconds(integer(START, END - 1)), zone);
  const next = getTimeZoneTransition(from, 'next');
  if (next === null || next.epochMilliseconds >= END) return [];
  const at = next.epochMilliseconds;
  return [new Date(at - 1000).toISOString(), new Date(at).toISOString()];
}

const cases = [];

// Letters.
for (const zone of ZONES) {
  for (const locale of LOCALES) {
    for (let i = 0; i < 4; i += 1) cases.push(['L', randomInstant(), zone, locale]);
  }
  for (let i = 0; i < 4; i += 1) {
    for (const instant of aroundTransition(zone)) {
      cases.push(['L', instant, zone, 'en-US'], ['L', instant, zone, pick(LOCALES.slice(1))]);
    }
  }
}
const SPECIAL_INSTANTS = [
  ['2018-01-15T12:00:00Z', 'America/Sao_Paulo'],
  ['1944-01-15T12:00:00Z', 'America/New_York'],
  ['1947-06-15T12:00:00Z', 'Europe/London'],
  ['1969-12-15T12:00:00Z', 'Europe/London'],
  ['1949-07-15T12:00:00Z', 'Asia/Tokyo'],
  ['1943-07-15T12:00:00Z', 'Asia/Kolkata'],
  ['1981-07-15T12:00:00Z', 'Australia/Lord_Howe'],
  ['1981-12-15T12:00:00Z', 'Australia/Lord_Howe'],
  ['+275760-09-13T00:00:00Z', 'UTC'],
  ['+275760-09-13T00:00:00Z', 'Pacific/Chatham'],
  ['-271821-04-20T00:00:00Z', 'UTC'],
  ['-271821-04-20T00:00:00Z', 'America/New_York'],
  ['0099-05-06T07:08:09Z', 'UTC'],
  ['-000001-12-31T23:59:59.999999999Z', 'UTC'],
];
for (const [instant, zone] of SPECIAL_INSTANTS) {
  for (const locale of LOCALES) cases.push(['L', instant, zone, locale]);
}

// Zone names: every zone ID of the JDK (read from the generated zone table) that the runtime knows.
const zoneTable = readFileSync(here('../../src/generated/java-zone-data.ts'), 'utf8');
const encodedZones = JSON.parse(/export const ZONES = (".*?");\n/s.exec(zoneTable)[1]);
const jdkZones = encodedZones.split(';').flatMap((chunk) => {
  const colon = chunk.indexOf(':');
  const area = chunk.slice(0, colon);
  return chunk
    .slice(colon + 1)
    .split(',')
    .map((entry) => entry.slice(0, entry.indexOf('=')))
    .map((city) => (area === '' ? city : `${area}/${city}`));
});
const runtimeKnows = (zone) => {
  try {
    toZonedDateTimeISO(fromEpochMilliseconds(0), zone);
    return true;
  } catch {
    return false;
  }
};
for (const zone of jdkZones.filter(runtimeKnows)) {
  for (let i = 0; i < 3; i += 1) {
    cases.push(['X', new Date(integer(START, END - 1)).toISOString(), zone, 'en-US', '%Z %z']);
  }
}

// Texts: the hand-picked ones (month ends, leap days, year ends, the daylight-saving changes of 2024 in
// New York and Berlin, to the second), then random ones.
const TEXTS = [
  ['2023-01-31T12:00:00Z', 'UTC', 'en-US', '%F %j %a %A %e %B %b'],
  ['2023-02-28T12:00:00Z', 'UTC', 'en-US', '%F %j %a %A %e %B %b'],
  ['2023-03-01T12:00:00Z', 'UTC', 'en-US', '%F %j %a %A %e %B %b'],
  ['2024-02-29T12:00:00Z', 'UTC', 'en-US', '%F %j %a %A %e %B %b'],
  ['2024-03-01T12:00:00Z', 'UTC', 'en-US', '%F %j %a %A %e %B %b'],
  ['2024-04-30T12:00:00Z', 'UTC', 'en-US', '%F %j %a %A %e %B %b'],
  ['2023-12-31T23:59:59Z', 'UTC', 'en-US', '%F %j %T %D %y %C'],
  ['2024-12-31T23:59:59Z', 'UTC', 'en-US', '%F %j %T %D %y %C'],
  ['2000-02-29T00:00:00Z', 'UTC', 'en-US', '%F %j %A'],
  ['1900-02-28T00:00:00Z', 'UTC', 'en-US', '%F %j %A'],
  ['2024-02-29T23:30:00Z', 'America/New_York', 'en-US', '%F %j %A %T %Z'],
  ['2024-02-29T23:30:00Z', 'Europe/Berlin', 'de-DE', '%F %j %A %T %Z'],
  ['2024-03-10T06:59:59Z', 'America/New_York', 'en-US', '%F %T %Z %z %r %s'],
  ['2024-03-10T07:00:00Z', 'America/New_York', 'en-US', '%F %T %Z %z %r %s'],
  ['2024-11-03T05:59:59Z', 'America/New_York', 'en-US', '%F %T %Z %z %r %s'],
  ['2024-11-03T06:00:00Z', 'America/New_York', 'en-US', '%F %T %Z %z %r %s'],
  ['2024-11-03T06:30:00Z', 'America/New_York', 'en-US', '%F %T %Z %z %r %s'],
  ['2024-03-31T00:59:59Z', 'Europe/Berlin', 'en-US', '%F %T %Z %z %R %Q'],
  ['2024-03-31T01:00:00Z', 'Europe/Berlin', 'en-US', '%F %T %Z %z %R %Q'],
  ['2024-10-27T00:59:59Z', 'Europe/Berlin', 'en-US', '%F %T %Z %z %R %Q'],
  ['2024-10-27T01:00:00Z', 'Europe/Berlin', 'de-DE', '%F %T %Z %z %R %Q'],
  ['2024-10-27T01:30:00Z', 'Europe/Berlin', 'de-DE', '%F %T %Z %z %R %Q'],
  ['2020-03-16T09:00:00Z', 'UTC', 'en-US', '%Y-%m-%d Manager Review'],
  ['2020-06-01T00:00:00Z', 'UTC', 'en-US', 'Campaign for %y (100%% of %Y)'],
  ['1969-07-20T20:17:00Z', 'America/New_York', 'en-US', '%c'],
  ['2024-07-04T16:00:00Z', 'Europe/Berlin', 'fr-FR', '%c | %p'],
];
for (const [instant, zone, locale, text] of TEXTS) cases.push(['X', instant, zone, locale, text]);
const WORDS = ['Review', 'Quarterly', 'Access', 'Manager', 'Q', '-', '/', '(', ')', ':', '100%%'];
for (let i = 0; i < 150; i += 1) {
  const parts = Array.from({ length: integer(2, 8) }, () =>
    chance(0.6) ? `%${pick([...LETTERS])}` : pick(WORDS),
  );
  cases.push(['X', randomInstant(), pick(ZONES), pick(LOCALES), parts.join(pick(['', ' ', ' ']))]);
}

// Durations.
/** A count: mostly small, sometimes large, sometimes at or past Java's and JavaScript's limits. */
function count() {
  const roll = random();
  if (roll < 0.6) return String(integer(0, 40));
  if (roll < 0.85) return String(integer(0, 100_000));
  if (roll < 0.93) return String(integer(0, 2 ** 31 + 10));
  return pick([
    '2147483647',
    '2147483648',
    '306783378',
    '306783379',
    '9007199254740991',
    '9007199254740992',
    '2562047788015215',
    '9223372036854775807',
    '99999999999999999999',
  ]);
}
function validDuration() {
  let text = pick(['', '', '', '-', '+']) + 'P';
  const date = [...'YMWD'].filter(() => chance(0.35));
  const time = [...'HMS'].filter(() => chance(0.3));
  if (date.length === 0 && time.length === 0)
    (chance(0.5) ? date : time).push(chance(0.5) ? 'D' : 'H');
  const zeros = () => '0'.repeat(chance(0.1) ? integer(1, 3) : 0);
  for (const letter of date) text += `${zeros()}${count()}${letter}`;
  if (time.length > 0) {
    text += 'T';
    for (const letter of time) {
      text += `${zeros()}${count()}`;
      if (letter === 'S' && chance(0.5)) {
        text += `${chance(0.8) ? '.' : ','}${String(integer(0, 999_999_999)).padStart(9, '0').slice(0, integer(1, 9))}`;
      }
      text += letter;
    }
  }
  return text;
}
/** A valid duration broken in one of the ways people and programs break them. */
function brokenDuration() {
  const text = validDuration();
  const at = integer(0, text.length);
  const mutations = [
    () => text.toLowerCase(),
    () => text.replace(/P/, 'p'),
    () => text.replace(/(\d+)([YMWDHS])/, '-$1$2'),
    () => text.replace(/(\d+)([YMWDHS])/, '+$1$2'),
    () => (text.includes('T') ? text : `${text}T`),
    () => text.replace(/(\d+)S$/, '$1.S'),
    () => text.replace(/(\d+)([YMWDH])/, '$1.5$2'),
    () => text.replace(/(\d+)S$/, '$1.1234567891S'),
    () => `${text.slice(0, at)} ${text.slice(at)}`,
    () => text.replace('P', ''),
    () => `${text}x`,
    () => text.replace(/(\d)/, '\u0661'),
    () => text.replace(/([YMWDHS])/, '$1$1'),
    () => text.replace(/T/, ''),
    () => text.replace(/(\d+)([YMWD])(\d+)([YMWD])/, '$3$4$1$2'),
    () => `--${text.replace(/^[-+]/, '')}`,
    () => text.replace(/\d+/, ''),
    () => text.replace(/^([-+]?)P/, '$1PT'),
    () => `${text.replace(/^([-+]?P)/, '$1').replace(/T.*$/, '')}T1H1D`,
    () => text.replace(/\d+/, '1e3'),
  ];
  return pick(mutations)();
}
const ADDITIONS = [
  ['2020-01-01T00:00:00Z', 'UTC', 'P2W'],
  ['2020-01-01T00:00:00Z', 'UTC', 'P14D'],
  ['2020-01-01T00:00:00Z', 'UTC', 'P1M'],
  ['2020-01-01T00:00:00Z', 'UTC', 'PT0S'],
  ['2020-01-31T12:00:00Z', 'UTC', 'P1M'],
  ['2021-01-31T12:00:00Z', 'UTC', 'P1M'],
  ['2020-01-31T12:00:00Z', 'UTC', 'P2M'],
  ['2020-01-31T12:00:00Z', 'UTC', 'P1M1D'],
  ['2020-03-31T12:00:00Z', 'UTC', 'P1M'],
  ['2020-03-31T12:00:00Z', 'UTC', '-P1M'],
  ['2020-05-31T12:00:00Z', 'UTC', 'P1Y1M'],
  ['2020-02-29T12:00:00Z', 'UTC', 'P1Y'],
  ['2020-02-29T12:00:00Z', 'UTC', 'P4Y'],
  ['2019-02-28T12:00:00Z', 'UTC', 'P1Y'],
  ['2020-12-31T23:59:59Z', 'UTC', 'PT1S'],
  ['2020-01-01T00:00:00Z', 'UTC', 'P1Y2M3DT4H5M6.5S'],
  ['2020-01-01T00:00:00Z', 'UTC', 'P1W2D'],
  ['2020-01-01T00:00:00Z', 'UTC', '-P1W2D'],
  ['1970-01-01T00:00:00Z', 'UTC', 'PT1000000000.999999999S'],
  ['1970-01-01T00:00:00Z', 'UTC', '-P33MT1000000000.074281S'],
  ['2024-01-31T05:00:00Z', 'America/New_York', 'P1M'],
  ['2024-03-09T17:00:00Z', 'America/New_York', 'P1D'],
  ['2024-03-09T17:00:00Z', 'America/New_York', 'PT24H'],
  ['2024-03-09T07:30:00Z', 'America/New_York', 'P1D'],
  ['2024-03-09T07:00:00Z', 'America/New_York', 'P1D'],
  ['2024-03-09T06:30:00Z', 'America/New_York', 'P1DT1H'],
  ['2024-03-01T17:00:00Z', 'America/New_York', 'P2W'],
  ['2024-03-01T17:00:00Z', 'America/New_York', 'PT336H'],
  ['2024-11-02T16:00:00Z', 'America/New_York', 'P1D'],
  ['2024-11-02T16:00:00Z', 'America/New_York', 'PT24H'],
  ['2024-11-02T05:30:00Z', 'America/New_York', 'P1D'],
  ['2024-01-03T06:30:00Z', 'America/New_York', 'P10M'],
  ['2024-11-04T06:30:00Z', 'America/New_York', '-P1D'],
  ['2024-11-03T06:30:00Z', 'America/New_York', 'PT36H'],
  ['2024-03-10T16:00:00Z', 'America/New_York', '-P1D'],
  ['2024-03-10T16:00:00Z', 'America/New_York', '-PT24H'],
  ['2024-03-30T11:00:00Z', 'Europe/Berlin', 'P1D'],
  ['2024-03-30T11:00:00Z', 'Europe/Berlin', 'PT24H'],
  ['2024-03-30T01:30:00Z', 'Europe/Berlin', 'P1D'],
  ['2024-10-26T11:00:00Z', 'Europe/Berlin', 'P1D'],
  ['2024-10-26T11:00:00Z', 'Europe/Berlin', 'PT24H'],
  ['2024-10-26T00:30:00Z', 'Europe/Berlin', 'P1D'],
  ['2024-01-27T01:30:00Z', 'Europe/Berlin', 'P9M'],
  ['2024-01-30T23:30:00Z', 'Europe/Berlin', 'P1M'],
  ['2023-01-30T23:30:00Z', 'Europe/Berlin', 'P1M'],
  ['2024-02-28T23:30:00Z', 'Europe/Berlin', 'P1Y'],
  ['2024-03-31T00:30:00Z', 'Europe/Berlin', 'P1DT12H'],
  ['2024-12-31T23:30:00Z', 'Europe/Berlin', 'P1Y2M3DT4H5M6.5S'],
];
/** The package's canonical form of `text`, or '' when the package refuses it. */
function canonicalOf(text) {
  try {
    return formatDuration(parseDuration(text));
  } catch {
    return '';
  }
}
const namedZones = ZONES.filter((zone) => !/^[+-]/.test(zone));
for (const [start, zone, text] of ADDITIONS)
  cases.push(['D', text, canonicalOf(text), start, zone]);
for (let i = 0; i < 1500; i += 1) {
  const text = chance(0.7) ? validDuration() : brokenDuration();
  cases.push(['D', text, canonicalOf(text), randomInstant(), pick(namedZones)]);
}

// Ask Java.
const build = mkdtempSync(join(tmpdir(), 'templates-oracle-'));
let output;
try {
  const casesFile = join(build, 'cases.tsv');
  writeFileSync(casesFile, `${cases.map((fields) => fields.join('\t')).join('\n')}\n`);
  execFileSync('javac', ['-d', build, here('./JavaOracle.java')], { stdio: 'inherit' });
  output = execFileSync('java', ['-cp', build, 'JavaOracle', casesFile], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
} finally {
  rmSync(build, { recursive: true, force: true });
}
const unescape = (text) =>
  text.replace(/\\(u[0-9a-f]{4}|\\)/g, (_, code) =>
    code === '\\' ? '\\' : String.fromCharCode(parseInt(code.slice(1), 16)),
  );
const [header, ...answers] = unescape(output).trimEnd().split('\n');
const [, javaVersion, tzdbVersion] = header.split('\t');
if (answers.length !== cases.length) {
  throw new Error(`Java answered ${answers.length} of ${cases.length} cases`);
}

// Write one JSON object per line: a header, then the cases.
const rows = answers.map((line) => {
  const f = line.split('\t');
  switch (f[0]) {
    case 'L':
      return { kind: 'letters', instant: f[1], timeZone: f[2], locale: f[3], want: f.slice(4) };
    case 'X':
      return { kind: 'text', instant: f[1], timeZone: f[2], locale: f[3], text: f[4], want: f[5] };
    default: {
      const [, text, canonical, start, timeZone, verdict, ...rest] = f;
      const row = {
        kind: 'duration',
        text,
        canonical: canonical === '' ? null : canonical,
        start,
        timeZone,
      };
      if (verdict === 'refused') return { ...row, java: null };
      const [years, months, days, seconds, nanoseconds, same, added] = rest;
      return {
        ...row,
        java: {
          years: Number(years),
          months: Number(months),
          days: Number(days),
          seconds,
          nanoseconds: Number(nanoseconds),
          canonicalMeansTheSame: same === '-' ? null : same === 'true',
          added: added === 'out-of-range' ? null : added,
        },
      };
    }
  }
});
const counts = { letters: [], text: [], duration: [] };
for (const row of rows) counts[row.kind].push(row);
const summary = {
  kind: 'header',
  java: javaVersion,
  tzData: tzdbVersion,
  seed: SEED,
  letters: counts.letters.length,
  texts: counts.text.length,
  durations: counts.duration.length,
};
const lines = [summary, ...rows].map((row) => JSON.stringify(row));
writeFileSync(here('../../test/oracle/java-oracle.jsonl'), `${lines.join('\n')}\n`);
console.log(
  `seed ${SEED}, Java ${javaVersion} (tz ${tzdbVersion}): ${counts.letters.length} letter rows ` +
    `(${counts.letters.length * LETTERS.length} letters), ${counts.text.length} texts, ` +
    `${counts.duration.length} durations`,
);
