// The package against Java 17, case by case. The expectations were computed by a real JVM
// (scripts/oracle/generate-oracle.mjs and JavaOracle.java, from a seeded random corpus) and committed
// as java-oracle.jsonl; this test reads them and never runs Java. Every case must agree with Java or
// differ in one of the ways the README names as deliberate; anything else fails.
//
// TEMPLATES_ORACLE_SUMMARY=1 prints the agreement counts.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { addToZoned } from '../../src/deadline/add-to-zoned.js';
import { toInstantRecord } from '../../src/internal/instant-input.js';
import { toZoned } from '../../src/internal/zoned.js';
import {
  addDuration,
  formatDuration,
  isDurationSyntaxError,
  isInvalidInstantError,
  parseDuration,
  renderPlaceholders,
  type Duration,
} from '../../src/index.js';

const LETTERS = [...'YyCmdeBbhAajHIklMSLNpzZsQRTrDFc'];

interface Header {
  kind: 'header';
  java: string;
  tzData: string;
  seed: number;
  letters: number;
  texts: number;
  durations: number;
}
interface LettersRow {
  kind: 'letters';
  instant: string;
  timeZone: string;
  locale: string;
  want: string[];
}
interface TextRow {
  kind: 'text';
  instant: string;
  timeZone: string;
  locale: string;
  text: string;
  want: string;
}
interface JavaDuration {
  years: number;
  months: number;
  days: number;
  seconds: string;
  nanoseconds: number;
  canonicalMeansTheSame: boolean | null;
  added: string | null;
}
interface DurationRow {
  kind: 'duration';
  text: string;
  canonical: string | null;
  start: string;
  timeZone: string;
  java: JavaDuration | null;
}
type Row = LettersRow | TextRow | DurationRow;

const [header, ...rows] = readFileSync(new URL('./java-oracle.jsonl', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as Header | Row) as [Header, ...Row[]];
const lettersRows = rows.filter((row): row is LettersRow => row.kind === 'letters');
const textRows = rows.filter((row): row is TextRow => row.kind === 'text');
const durationRows = rows.filter((row): row is DurationRow => row.kind === 'duration');

/** Agreement counts per kind of case: agreeing, and each deliberate difference. */
const tally = new Map<string, Map<string, number>>();
function count(kind: string, outcome: string): void {
  const outcomes = tally.get(kind) ?? new Map<string, number>();
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  tally.set(kind, outcomes);
}

/** Digits of the numbering systems Java may write, each mapped to its ASCII digit. */
const ASCII_DIGIT = new Map<string, string>(
  ['arab', 'arabext', 'beng', 'deva', 'mymr', 'thai'].flatMap((system) =>
    [...'0123456789'].map(
      (digit) => [new Intl.NumberFormat(`en-u-nu-${system}`).format(Number(digit)), digit] as const,
    ),
  ),
);

/** Java's text with the locale's digits (Arabic-Indic in ar-EG) written as ASCII. */
function asciiDigits(text: string): string {
  return [...text].map((ch) => ASCII_DIGIT.get(ch) ?? ch).join('');
}

/**
 * 'agree', 'ASCII digits' (a deliberate difference: the package writes numbers with ASCII digits and
 * sign, where Java writes ar-EG's `٢٠٢٠`, and `ٝ١٦٣٣` for a negative `%s`), or 'differs'.
 */
function compareText(got: string, want: string): string {
  if (got === want) return 'agree';
  const ascii = asciiDigits(want);
  if (got === ascii) return 'ASCII digits';
  const javaMinusSign = /^[^\p{Nd}\-]\p{Nd}+$/u.test(want);
  return javaMinusSign && got === `-${ascii.slice(1)}` ? 'ASCII digits' : 'differs';
}

test('the corpus is the one the header describes', () => {
  expect(header).toMatchObject({ kind: 'header', java: expect.stringMatching(/^17\./) });
  expect(lettersRows).toHaveLength(header.letters);
  expect(textRows).toHaveLength(header.texts);
  expect(durationRows).toHaveLength(header.durations);
  expect(lettersRows.length).toBeGreaterThan(500);
  expect(durationRows.length).toBeGreaterThan(1000);
});

describe(`every Formatter letter, as Java ${header.java} writes it (seed ${header.seed})`, () => {
  test.each(
    lettersRows.map((row) => [`${row.instant} ${row.timeZone} ${row.locale}`, row] as const),
  )('%s', (_name, { instant, timeZone, locale, want }) => {
    expect(want).toHaveLength(LETTERS.length);
    const differences = LETTERS.flatMap((letter, i) => {
      const got = renderPlaceholders(`%${letter}`, instant, { timeZone, locale });
      const outcome = compareText(got, want[i]!);
      count('letters', outcome);
      return outcome === 'differs' ? [`%${letter}: got ${got}, Java ${want[i]!}`] : [];
    });
    expect(differences).toEqual([]);
  });
});

describe('whole texts, and %Z %z for every zone of the JDK', () => {
  test.each(
    textRows.map(
      (row) =>
        [`${JSON.stringify(row.text)} ${row.instant} ${row.timeZone} ${row.locale}`, row] as const,
    ),
  )('%s', (_name, { instant, timeZone, locale, text, want }) => {
    const got = renderPlaceholders(text, instant, { timeZone, locale });
    let outcome = compareText(got, want);
    if (outcome === 'differs' && text === '%Z %z' && got.split(' ')[1] !== want.split(' ')[1]) {
      // The offset itself differs: the runtime's tz data (Intl, through Temporal) has another history
      // for this zone than the JDK's (Ensenada before 1970). The package takes offsets from the runtime
      // and cannot do better without shipping a tz database.
      outcome = "the runtime's tz data differs from the JDK's";
    }
    count(text === '%Z %z' ? 'zone names' : 'texts', outcome);
    expect(outcome === 'differs' ? got : want).toBe(want);
  });
});

/** Why the package refused `text` when Java accepted it, if that is one of the deliberate refusals. */
function deliberateRefusal(text: string, error: unknown): string | undefined {
  if (!isDurationSyntaxError(error)) return undefined;
  const found = text[error.position];
  if (error.expected.includes('upper-case') || (found !== undefined && /[a-z]/.test(found))) {
    return 'lower case refused';
  }
  if (found === '-' || found === '+') return 'per-field sign refused';
  if (error.expected.startsWith('a digit after the decimal sign')) return "'1.S' refused";
  if (error.expected.includes('largest exact JavaScript integer')) return 'beyond 2^53 - 1 refused';
  return undefined;
}

/** The package's value for `d` in Java's terms: a Period's years, months and days, and a Duration. */
function inJavaTerms(d: Duration): Omit<JavaDuration, 'canonicalMeansTheSame' | 'added'> {
  const sign = d.sign === -1 ? -1n : 1n;
  const total =
    sign *
      (BigInt(d.hours) * 3600n + BigInt(d.minutes) * 60n + BigInt(d.seconds)) *
      1_000_000_000n +
    sign * BigInt(d.nanoseconds);
  const seconds =
    total >= 0n ? total / 1_000_000_000n : -((-total + 999_999_999n) / 1_000_000_000n);
  const negative = d.sign === -1;
  // `|| 0`: a negative zero is Java's zero.
  return {
    years: (negative ? -d.years : d.years) || 0,
    months: (negative ? -d.months : d.months) || 0,
    days: (negative ? -1 : 1) * (d.weeks * 7 + d.days) || 0,
    seconds: String(seconds),
    nanoseconds: Number(total - seconds * 1_000_000_000n),
  };
}

describe('durations: parsed, written and added as Java does', () => {
  test.each(
    durationRows.map(
      (row) => [`${JSON.stringify(row.text)} from ${row.start} in ${row.timeZone}`, row] as const,
    ),
  )('%s', (_name, { text, canonical, start, timeZone, java }) => {
    let parsed: Duration | undefined;
    let refusal: unknown;
    try {
      parsed = parseDuration(text);
    } catch (error) {
      refusal = error;
    }
    if (java === null) {
      // Java refuses it: so must the package, with a DurationSyntaxError.
      expect(isDurationSyntaxError(refusal)).toBe(true);
      count('durations parsed', 'agree (both refuse)');
      return;
    }
    if (parsed === undefined) {
      const why = deliberateRefusal(text, refusal);
      expect(why, `refused what Java accepts: ${String(refusal)}`).toBeDefined();
      count('durations parsed', why!);
      return;
    }
    // Both accept: the same value, the canonical form means the same to Java, and the same instant.
    expect(inJavaTerms(parsed)).toEqual({
      years: java.years,
      months: java.months,
      days: java.days,
      seconds: java.seconds,
      nanoseconds: java.nanoseconds,
    });
    count('durations parsed', 'agree (both accept, same value)');
    expect(formatDuration(parsed)).toBe(canonical);
    expect(java.canonicalMeansTheSame).toBe(true);
    count('durations written', 'agree');

    let landed: bigint | undefined;
    try {
      landed = addToZoned(toZoned(toInstantRecord(start), timeZone), parsed).epochNanoseconds;
    } catch (error) {
      expect(isInvalidInstantError(error)).toBe(true);
    }
    if (java.added === null) {
      expect(landed).toBeUndefined();
      count('durations added', 'agree (both out of range)');
      return;
    }
    const [seconds = '', nanoseconds = ''] = java.added.split('.');
    const want = BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);
    if (landed === undefined) {
      // Temporal's dates end at ±100,000,000 days around 1970, Java's at years ±999,999,999.
      expect(want > 8_640_000_000_000_000_000_000n || want < -8_640_000_000_000_000_000_000n).toBe(
        true,
      );
      count('durations added', 'beyond the range of dates refused');
      return;
    }
    expect(landed).toBe(want);
    const floorMilliseconds = want >= 0n ? want / 1_000_000n : -((-want + 999_999n) / 1_000_000n);
    expect(addDuration(start, parsed, { timeZone }).getTime()).toBe(Number(floorMilliseconds));
    count('durations added', 'agree (same instant, to the nanosecond)');
  });
});

afterAll(() => {
  if (process.env['TEMPLATES_ORACLE_SUMMARY'] === undefined) return;
  const lines = [...tally].map(
    ([kind, outcomes]) =>
      `${kind}: ${[...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ')}`,
  );
  console.info(`Java ${header.java} oracle, seed ${header.seed}\n${lines.join('\n')}`);
});
