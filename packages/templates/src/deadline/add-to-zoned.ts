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
  const s = duration.sign;
  let result = start;
  if (
    duration.years !== 0 ||
    duration.months !== 0 ||
    duration.weeks !== 0 ||
    duration.days !== 0
  ) {
    const datePart = createDuration(
      s * duration.years,
      s * duration.months,
      s * duration.weeks,
      s * duration.days,
    );
    const date = addToDate(toPlainDate(start), datePart, { overflow: 'constrain' });
    result = withFields(
      start,
      { year: date.year, month: date.month, day: date.day },
      { offset: 'prefer', disambiguation: 'compatible', overflow: 'constrain' },
    );
  }
  if (
    duration.hours !== 0 ||
    duration.minutes !== 0 ||
    duration.seconds !== 0 ||
    duration.nanoseconds !== 0
  ) {
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
    result = addExactTime(result, timePart);
  }
  return result;
}
