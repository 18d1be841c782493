import { toZonedDateTimeISO } from 'temporal-polyfill/fns/Instant';
import { InvalidTimeZoneError } from '../errors/invalid-time-zone-error.js';
import type { InstantRecord } from './instant-input.js';

/** The polyfill's zoned date-time record (its functional API's stand-in for `Temporal.ZonedDateTime`). */
export type ZonedRecord = ReturnType<typeof toZonedDateTimeISO>;

/** The time zone used when an option leaves it out. */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * Places `instant` in `timeZone`. `'Z'` (the activation API's default) is the zero offset, as in Java.
 * @throws {InvalidTimeZoneError} for an unknown zone.
 */
export function toZoned(instant: InstantRecord, timeZone: string = DEFAULT_TIME_ZONE): ZonedRecord {
  if (typeof timeZone !== 'string') throw new InvalidTimeZoneError(timeZone);
  try {
    return toZonedDateTimeISO(instant, timeZone === 'Z' ? '+00:00' : timeZone);
  } catch {
    // The instant is a valid record, so only the zone can be refused.
    throw new InvalidTimeZoneError(timeZone);
  }
}
