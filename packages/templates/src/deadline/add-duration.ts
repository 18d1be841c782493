import type { Duration } from '../duration/duration.js';
import { toDuration } from '../internal/duration-input.js';
import type { InstantInput } from '../instant-input.js';
import { toInstantRecord } from '../internal/instant-input.js';
import { toZoned } from '../internal/zoned.js';
import type { TimeZoneOptions } from '../options.js';
import { addToZoned } from './add-to-zoned.js';

/** Options for {@link addDuration}. */
export interface AddDurationOptions extends TimeZoneOptions {}

/**
 * Adds an ISO-8601 duration to a date with calendar semantics, as a Java backend adds a `Period` and then
 * a `Duration` to a `ZonedDateTime`:
 * - `P1M` from 31 January gives the last day of February (28 or 29);
 * - `P1D` keeps the wall-clock time across a daylight-saving change, `PT24H` adds exactly 24 hours;
 * - a wall-clock time that falls into a spring-forward gap moves forward by the gap's length;
 * - in a fall-back overlap the date-time keeps its previous UTC offset when that offset is still valid.
 *
 * The result is precise to the millisecond (a `Date`); sub-millisecond parts are dropped.
 *
 * @param date The starting point.
 * @param duration ISO-8601 text (`'P2W'`) or a {@link Duration}.
 * @throws {DurationSyntaxError} for bad duration text.
 * @throws {InvalidTimeZoneError} for an unknown time zone.
 * @throws {InvalidInstantError} for a bad date, or a result beyond the range of dates.
 * @example
 * addDuration('2020-01-01T00:00:00Z', 'P2W').toISOString(); // '2020-01-15T00:00:00.000Z'
 * addDuration('2024-03-09T12:00:00-05:00', 'P1D', { timeZone: 'America/New_York' }).toISOString();
 * // '2024-03-10T16:00:00.000Z' (12:00 EDT: still noon on the wall clock)
 */
export function addDuration(
  date: InstantInput,
  duration: Duration | string,
  options: AddDurationOptions = {},
): Date {
  const start = toInstantRecord(date);
  const parsed = toDuration(duration);
  return new Date(addToZoned(toZoned(start, options.timeZone), parsed).epochMilliseconds);
}
