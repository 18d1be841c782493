import { sign as durationSign } from 'temporal-polyfill/fns/Duration';
import { diff } from 'temporal-polyfill/fns/ZonedDateTime';
import type { Duration } from '../duration/duration.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { InstantInput } from '../instant-input.js';
import { toInstantRecord } from '../internal/instant-input.js';
import { toZoned, type ZonedRecord } from '../internal/zoned.js';
import type { TimeZoneOptions } from '../options.js';
import { addToZoned } from './add-to-zoned.js';

type LargestUnit = 'years' | 'months' | 'weeks' | 'days' | 'hours';
const LARGEST_UNITS: readonly string[] = ['years', 'months', 'weeks', 'days', 'hours'];

/** Options for {@link durationBetween}. */
export interface DurationBetweenOptions extends TimeZoneOptions {
  /**
   * The largest unit of the result. `'days'` gives `P14D`-style durations that do not depend on month
   * lengths; `'weeks'` gives `P2W`, `'months'` and `'years'` use calendar months and years, `'hours'`
   * gives an exact length such as `PT336H`.
   * @default 'days'
   */
  readonly largestUnit?: LargestUnit;
}

/**
 * The duration to put in a template's `deadlineDuration` so that a campaign generated at `from` gets the
 * deadline `to`: `addDuration(from, durationBetween(from, to, o), o)` is `to` again (same options).
 *
 * Calendar units are counted in `timeZone`, so a day across a daylight-saving change counts as `P1D`.
 * In the rare case where that would not add back up under Java's rules (a calendar step that lands in a
 * fall-back overlap where Java keeps a different offset), the exact length in hours is returned instead.
 *
 * @throws {InvalidInstantError} for a bad date.
 * @throws {InvalidTimeZoneError} for an unknown time zone.
 * @throws {InvalidArgumentError} for an unsupported `largestUnit`.
 * @example
 * formatDuration(durationBetween('2020-01-01T00:00:00Z', '2020-01-15T00:00:00Z')); // 'P14D'
 * formatDuration(durationBetween('2020-01-01T00:00:00Z', '2020-01-15T00:00:00Z', { largestUnit: 'weeks' })); // 'P2W'
 */
export function durationBetween(
  from: InstantInput,
  to: InstantInput,
  options: DurationBetweenOptions = {},
): Duration {
  const start = toZoned(toInstantRecord(from), options.timeZone);
  const end = toZoned(toInstantRecord(to), options.timeZone);
  const largestUnit = options.largestUnit ?? 'days';
  if (!LARGEST_UNITS.includes(largestUnit)) {
    throw new InvalidArgumentError(
      'options.largestUnit',
      largestUnit,
      "'years', 'months', 'weeks', 'days' or 'hours'",
    );
  }
  const calendar = measure(start, end, largestUnit);
  if (addToZoned(start, calendar).epochNanoseconds === end.epochNanoseconds) return calendar;
  return measure(start, end, 'hours');
}

function measure(start: ZonedRecord, end: ZonedRecord, largestUnit: LargestUnit): Duration {
  const d = diff(start, end, { largestUnit });
  const sign = durationSign(d) as -1 | 0 | 1;
  const abs = (value: number): number => Math.abs(value);
  return {
    sign,
    years: abs(d.years),
    months: abs(d.months),
    weeks: abs(d.weeks),
    days: abs(d.days),
    hours: abs(d.hours),
    minutes: abs(d.minutes),
    seconds: abs(d.seconds),
    nanoseconds: abs(d.milliseconds) * 1_000_000 + abs(d.microseconds) * 1000 + abs(d.nanoseconds),
  };
}
