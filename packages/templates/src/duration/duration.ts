/**
 * An ISO-8601 duration as a plain value: what `parseDuration` returns and `formatDuration` writes.
 *
 * Every field is a magnitude (zero or more); the direction lives in `sign`. Units are kept as written:
 * `P2W` has `weeks: 2`, `P14D` has `days: 14`, and `PT36H` has `hours: 36`, because they are not
 * interchangeable once months and daylight-saving changes are involved.
 *
 * @example
 * const twoWeeks: Duration = {
 *   sign: 1, years: 0, months: 0, weeks: 2, days: 0, hours: 0, minutes: 0, seconds: 0,
 * };
 */
export interface Duration {
  /** 1 for a positive duration, -1 for a negative one (`-P1D`), 0 exactly when every field is zero. */
  readonly sign: -1 | 0 | 1;
  /** Calendar years (whole number). */
  readonly years: number;
  /** Calendar months (whole number). */
  readonly months: number;
  /** Weeks of seven calendar days (whole number). */
  readonly weeks: number;
  /** Calendar days (whole number). A calendar day can last 23 or 25 hours across a daylight-saving change. */
  readonly days: number;
  /** Hours of exactly 3,600 seconds (whole number). */
  readonly hours: number;
  /** Minutes of exactly 60 seconds (whole number). */
  readonly minutes: number;
  /** Seconds; the only field that may have a fraction, down to nanoseconds (`6.5` for `PT6.5S`). */
  readonly seconds: number;
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
