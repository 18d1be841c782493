import { create as createDuration } from 'temporal-polyfill/fns/Duration';
import { add as addToDate } from 'temporal-polyfill/fns/PlainDate';
import { add as addExactTime, toPlainDate, withFields } from 'temporal-polyfill/fns/ZonedDateTime';
import type { Duration } from '../duration/duration.js';
import { formatDuration } from '../duration/format-duration.js';
import { InvalidInstantError } from '../errors/invalid-instant-error.js';
import type { ZonedRecord } from '../internal/zoned.js';

/**
 * Adds `duration` to a zoned date-time the way Java's `ZonedDateTime.plus(Period).plus(Duration)` does.
 *
 * 1. Years, months, weeks and days move the wall-clock date: years and months together first, with the
 *    day of the month clamped to the month's length (31 Jan + P1M = 28 or 29 Feb), then the days.
 * 2. The new wall-clock date-time is placed back in the zone. Java keeps the old UTC offset when it is
 *    still valid there, which matters inside a fall-back overlap; otherwise it uses the only offset, and
 *    in a spring-forward gap it moves the time forward by the length of the gap (02:30 becomes 03:30).
 *    Temporal's `offset: 'prefer'` with `disambiguation: 'compatible'` follows the same three rules.
 *    (A plain Temporal `add` would always take the earlier offset in an overlap, which differs from Java
 *    when a winter date-time is moved into the autumn overlap, so the date part is applied by hand here.)
 * 3. Hours, minutes and seconds are added on the timeline as exact lengths, so `PT24H` across a
 *    daylight-saving change shows a different wall-clock hour while `P1D` keeps it.
 *
 * @throws {InvalidInstantError} when the result is beyond the range of dates.
 */
export function addToZoned(start: ZonedRecord, duration: Duration): ZonedRecord {
  try {
    return addPeriodThenTime(start, duration);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const from = new Date(start.epochMilliseconds).toISOString();
    throw new InvalidInstantError(
      from,
      `Adding ${formatDuration(duration)} to ${from} gives a date outside the supported range.`,
    );
  }
}

function addPeriodThenTime(start: ZonedRecord, duration: Duration): ZonedRecord {
  // A zero part changes nothing, so both parts are always applied: the date part puts the same
  // wall-clock date back with the same offset, the time part adds nothing.
  const s = duration.sign;
  const datePart = createDuration(
    s * duration.years,
    s * duration.months,
    s * duration.weeks,
    s * duration.days,
  );
  // Stryker disable next-line ObjectLiteral: equivalent, 'constrain' is Temporal's default, written out because Java clamps too
  const date = addToDate(toPlainDate(start), datePart, { overflow: 'constrain' });
  const moved = withFields(
    start,
    { year: date.year, month: date.month, day: date.day },
    // Stryker disable next-line ObjectLiteral: equivalent, Temporal's defaults, written out because Java's overlap rule is 'prefer'
    { offset: 'prefer', disambiguation: 'compatible', overflow: 'constrain' },
  );
  const timePart = createDuration(
    0,
    0,
    0,
    0,
    s * duration.hours,
    s * duration.minutes,
    s * duration.seconds,
    0,
    0,
    s * duration.nanoseconds,
  );
  return addExactTime(moved, timePart);
}
