/**
 * An ISO-8601 duration as a plain value: what `parseDuration` returns and `formatDuration` writes.
 *
 * Every field is a whole number of at least zero; the direction lives in `sign`. Units are kept as
 * written: `P2W` has `weeks: 2`, `P14D` has `days: 14`, and `PT36H` has `hours: 36`, because they are
 * not interchangeable once months and daylight-saving changes are involved. A fraction of a second is
 * held exactly, as whole `seconds` plus `nanoseconds` (`PT6.5S` is `seconds: 6, nanoseconds: 500000000`),
 * the way Java's `Duration` holds it, so no value is rounded on its way through.
 *
 * @example
 * const twoWeeks: Duration = {
 *   sign: 1, years: 0, months: 0, weeks: 2, days: 0, hours: 0, minutes: 0, seconds: 0, nanoseconds: 0,
 * };
 */
export interface Duration {
  /** 1 for a positive duration, -1 for a negative one (`-P1D`), 0 exactly when every field is zero. */
  readonly sign: -1 | 0 | 1;
  /** Calendar years, 0 to 2,147,483,647. */
  readonly years: number;
  /** Calendar months, 0 to 2,147,483,647. */
  readonly months: number;
  /** Weeks of seven calendar days; `weeks × 7 + days` is at most 2,147,483,647. */
  readonly weeks: number;
  /** Calendar days. A calendar day can last 23 or 25 hours across a daylight-saving change. */
  readonly days: number;
  /** Hours of exactly 3,600 seconds, 0 to 2^53 − 1. */
  readonly hours: number;
  /** Minutes of exactly 60 seconds, 0 to 2^53 − 1. */
  readonly minutes: number;
  /** Whole seconds, 0 to 2^53 − 1 (the fraction is in `nanoseconds`). */
  readonly seconds: number;
  /** The fraction of a second, in nanoseconds: 0 to 999,999,999 (`PT0.25S` has 250,000,000). */
  readonly nanoseconds: number;
}

/** The fields of a {@link Duration} in ISO-8601 order, with their designator letters. */
export const DATE_UNITS = [
  ['Y', 'years'],
  ['M', 'months'],
  ['W', 'weeks'],
  ['D', 'days'],
] as const;

/** The fields of the time part (after `T`) of a {@link Duration}, with their designator letters. */
export const TIME_UNITS = [
  ['H', 'hours'],
  ['M', 'minutes'],
  ['S', 'seconds'],
] as const;

// The limits are Java's, because the backend is a Java service: the date part is a `java.time.Period`,
// whose years, months and days are 32-bit integers (weeks are counted into days), and the time part a
// `java.time.Duration`, at most 2^63 − 1 seconds. Each number also stays a safe JavaScript integer.

/** The largest count of years, months, weeks or days: Java's `Integer.MAX_VALUE`. */
export const MAX_DATE_COUNT = 2_147_483_647;
/** The longest time part, in seconds: Java's `Long.MAX_VALUE`. */
export const MAX_TIME_SECONDS = 9_223_372_036_854_775_807n;
/** One more than the largest `nanoseconds`. */
export const NANOSECONDS_PER_SECOND = 1_000_000_000;

/** The days Java's `Period` holds for the weeks and days of `d` (`weeks × 7 + days`). */
export function periodDays(d: Pick<Duration, 'weeks' | 'days'>): number {
  return d.weeks * 7 + d.days;
}

/** The whole seconds of the time part of `d` (`hours × 3600 + minutes × 60 + seconds`), exactly. */
export function timeSeconds(d: Pick<Duration, 'hours' | 'minutes' | 'seconds'>): bigint {
  return BigInt(d.hours) * 3600n + BigInt(d.minutes) * 60n + BigInt(d.seconds);
}
