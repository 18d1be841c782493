import {
  fromEpochMilliseconds,
  fromEpochNanoseconds,
  fromString as instantFromString,
} from 'temporal-polyfill/fns/Instant';
import { describeValue } from '../errors/invalid-argument-error.js';
import { InvalidInstantError } from '../errors/invalid-instant-error.js';
import type { InstantInput } from '../instant-input.js';

/** The polyfill's instant record (its functional API's stand-in for `Temporal.Instant`). */
export type InstantRecord = ReturnType<typeof fromEpochMilliseconds>;

/** Reads any {@link InstantInput}. @throws {InvalidInstantError} when the value is not a point in time. */
export function toInstantRecord(input: InstantInput): InstantRecord {
  if (Object.prototype.toString.call(input) === '[object Date]') {
    const ms = (input as Date).getTime();
    if (Number.isNaN(ms))
      throw new InvalidInstantError(input, 'Invalid date: got an Invalid Date.');
    return fromEpochMilliseconds(ms);
  }
  if (typeof input === 'string') {
    try {
      return instantFromString(input);
    } catch {
      throw new InvalidInstantError(
        input,
        `Invalid date ${JSON.stringify(input)}: expected an ISO-8601 date-time with 'Z' or an offset, such as '2020-01-01T00:00:00Z'.`,
      );
    }
  }
  if (
    typeof input === 'object' &&
    input !== null &&
    'epochNanoseconds' in input &&
    typeof input.epochNanoseconds === 'bigint'
  ) {
    try {
      return fromEpochNanoseconds(input.epochNanoseconds);
    } catch {
      throw new InvalidInstantError(
        input,
        'Invalid date: epochNanoseconds is outside the supported range.',
      );
    }
  }
  throw new InvalidInstantError(
    input,
    `Invalid date: expected a Date, an ISO-8601 date-time string or a Temporal Instant, got ${describeValue(input)}.`,
  );
}
