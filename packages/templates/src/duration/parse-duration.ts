import { DurationSyntaxError } from '../errors/duration-syntax-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import {
  DATE_UNITS,
  MAX_DATE_COUNT,
  MAX_TIME_SECONDS,
  periodDays,
  TIME_UNITS,
  timeSeconds,
  type Duration,
} from './duration.js';

type Units = typeof DATE_UNITS | typeof TIME_UNITS;
type Field = Units[number][1];
type Fields = Record<Field | 'nanoseconds', number>;

const MAX_FRACTION_DIGITS = 9;

/**
 * Reads an ISO-8601 duration such as `P2W`, `P14D`, `P1M`, `PT36H` or `P1Y2M3DT4H5M6.5S`.
 *
 * Accepted: designators `Y M W D` before `T` and `H M S` after it, each at most once and in that order,
 * at least one of them; upper-case letters only; a fraction (`.` or `,`, 1 to 9 digits) on seconds only;
 * one `-` or `+` before the `P` for the whole duration (`-P1D`), as ISO 8601-2, Java and Temporal allow.
 * Weeks may be combined with other units (`P1W2D`): ISO 8601-1 forbids it, but ISO 8601-2, Java's
 * `Period.parse` and Temporal accept it, so a template the backend accepts is accepted here too.
 * Numbers are held within Java's limits (years, months, and weeks × 7 + days up to 2,147,483,647; the
 * time part up to 2^63 − 1 seconds), and each stays at most 2^53 − 1.
 * Refused: per-field signs (`P-1D`), fractions on other units (`PT1.5H`), a decimal sign without digits
 * after it (`PT1.S`), spaces, lower-case letters.
 *
 * @throws {DurationSyntaxError} naming the input, the 0-based position and what was expected there.
 * @throws {InvalidArgumentError} when `text` is not a string.
 * @example
 * parseDuration('P2W'); // { sign: 1, years: 0, months: 0, weeks: 2, days: 0, hours: 0, minutes: 0, seconds: 0, nanoseconds: 0 }
 * parseDuration('-PT1.5S'); // { sign: -1, …, seconds: 1, nanoseconds: 500000000 }
 */
export function parseDuration(text: string): Duration {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError('duration text', text, 'an ISO-8601 duration string');
  }
  const fields: Fields = {
    years: 0,
    months: 0,
    weeks: 0,
    days: 0,
    hours: 0,
    minutes: 0,
    seconds: 0,
    nanoseconds: 0,
  };
  let i = 0;
  let sign: 1 | -1 = 1;
  if (text[0] === '-' || text[0] === '+') {
    sign = text[0] === '-' ? -1 : 1;
    i = 1;
  }
  if (text[i] !== 'P') {
    const hint =
      text[i] === 'p'
        ? ' (designators are upper-case)'
        : i === 0
          ? " (optionally after '-' or '+')"
          : '';
    throw new DurationSyntaxError(text, i, `'P'${hint}`);
  }
  i += 1;

  // The part being read (date, then time after 'T'), the first of its designators still allowed, and
  // whether it has a component yet; and whether the duration has one.
  let units: Units = DATE_UNITS;
  let next = 0;
  let partRead = false;
  let anyRead = false;
  while (i < text.length) {
    if (text[i] === 'T' && units === DATE_UNITS) {
      units = TIME_UNITS;
      next = 0;
      partRead = false;
      i += 1;
      continue;
    }
    if (!isDigit(text, i) || next === units.length) {
      throw new DurationSyntaxError(text, i, expectedAt(text[i]!, units, next, partRead));
    }
    const numberStart = i;
    while (isDigit(text, i)) i += 1;
    const whole = text.slice(numberStart, i);
    let fraction = '';
    if (text[i] === '.' || text[i] === ',') {
      if (units === DATE_UNITS) {
        throw new DurationSyntaxError(
          text,
          i,
          `${designators(units, next)} (only seconds may have a fraction)`,
        );
      }
      const fractionStart = i + 1;
      i = fractionStart;
      while (isDigit(text, i)) i += 1;
      fraction = text.slice(fractionStart, i);
      if (fraction === '') throw new DurationSyntaxError(text, i, 'a digit after the decimal sign');
      if (fraction.length > MAX_FRACTION_DIGITS) {
        throw new DurationSyntaxError(
          text,
          fractionStart + MAX_FRACTION_DIGITS,
          "'S' (at most 9 fraction digits)",
        );
      }
      if (text[i] !== 'S') {
        const hint = i < text.length ? ' (only seconds may have a fraction)' : '';
        throw new DurationSyntaxError(text, i, `'S'${hint}`);
      }
    }
    const letter = text[i];
    const found = units.findIndex(([designator], index) => index >= next && designator === letter);
    if (found === -1) throw new DurationSyntaxError(text, i, designatorHint(units, next, letter));
    const [, field] = units[found]!;
    fields[field] = readCount(text, numberStart, whole, units === TIME_UNITS);
    fields.nanoseconds = Number(fraction.padEnd(MAX_FRACTION_DIGITS, '0'));
    checkJavaLimits(text, numberStart, field, fields);
    next = found + 1;
    partRead = true;
    anyRead = true;
    i += 1;
  }
  if (units === TIME_UNITS && !partRead) {
    throw new DurationSyntaxError(text, i, "a number followed by H, M or S after 'T'");
  }
  if (!anyRead) {
    throw new DurationSyntaxError(text, i, "a number followed by Y, M, W or D, or 'T'");
  }
  const isZero = Object.values(fields).every((value) => value === 0);
  return { sign: isZero ? 0 : sign, ...fields };
}

/** What may come where `found` is, in the part being read (`units`), which has a component or not. */
function expectedAt(found: string, units: Units, next: number, partRead: boolean): string {
  const isDate = units === DATE_UNITS;
  if (!partRead) {
    return isDate
      ? "a number followed by Y, M, W or D, or 'T'"
      : "a number followed by H, M or S after 'T'";
  }
  if (isDate && found === 't') return "'T' (designators are upper-case)";
  const choices = [next < units.length ? 'a number' : '', isDate ? "'T'" : ''];
  return listOf([...choices.filter((choice) => choice !== ''), 'the end of the text']);
}

/** The value of the digits `whole`, refused beyond the largest count the part can hold. */
function readCount(text: string, position: number, whole: string, isTime: boolean): number {
  const value = Number(whole);
  const max = isTime ? Number.MAX_SAFE_INTEGER : MAX_DATE_COUNT;
  if (value > max) {
    const why = isTime
      ? 'the largest exact JavaScript integer'
      : "Java's Period holds 32-bit counts";
    throw new DurationSyntaxError(text, position, `a number no larger than ${max} (${why})`);
  }
  return value;
}

/** Refuses the component just read when the part it belongs to no longer fits Java's types. */
function checkJavaLimits(text: string, position: number, field: Field, fields: Fields): void {
  if (periodDays(fields) > MAX_DATE_COUNT) {
    throw new DurationSyntaxError(
      text,
      position,
      `a smaller number: weeks × 7 + days must not exceed ${MAX_DATE_COUNT} (Java's Period counts weeks as days)`,
    );
  }
  if (timeSeconds(fields) > MAX_TIME_SECONDS) {
    throw new DurationSyntaxError(
      text,
      position,
      `a smaller number: the time part must not exceed ${MAX_TIME_SECONDS} seconds (Java's Duration)`,
    );
  }
}

/** Whether `text[i]` is an ASCII digit (NaN past the end compares false). */
function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/** "Y, M, W or D": the designators still allowed from `from` on. */
function designators(units: Units, from: number): string {
  return listOf(units.slice(from).map(([letter]) => letter));
}

/** Joins words as "a, b or c". */
function listOf(words: readonly string[]): string {
  const last = words.at(-1)!;
  return words.length === 1 ? last : `${words.slice(0, -1).join(', ')} or ${last}`;
}

/** Explains why `letter` cannot follow a number here. */
function designatorHint(units: Units, from: number, letter: string | undefined): string {
  const allowed = designators(units, from);
  if (letter === undefined) return `a designator: ${allowed}`;
  const upper = letter.toUpperCase();
  if (upper !== letter && (isDesignator(DATE_UNITS, upper) || isDesignator(TIME_UNITS, upper))) {
    return `${allowed} (designators are upper-case)`;
  }
  if (isDesignator(units, letter)) {
    return `${allowed} (each designator at most once, in the order ${units.map(([d]) => d).join(', ')})`;
  }
  if (units === DATE_UNITS && isDesignator(TIME_UNITS, letter)) {
    return `${allowed} ('${letter}' belongs after 'T')`;
  }
  if (units === TIME_UNITS && isDesignator(DATE_UNITS, letter)) {
    return `${allowed} ('${letter}' belongs before 'T')`;
  }
  return allowed;
}

function isDesignator(units: Units, letter: string): boolean {
  return units.some(([designator]) => designator === letter);
}
