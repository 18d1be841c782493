import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { InvalidDurationError } from '../errors/invalid-duration-error.js';
import {
  DATE_UNITS,
  MAX_DATE_COUNT,
  MAX_TIME_SECONDS,
  NANOSECONDS_PER_SECOND,
  periodDays,
  TIME_UNITS,
  timeSeconds,
  type Duration,
} from './duration.js';

type Field = keyof Omit<Duration, 'sign'>;

const LIMITS: readonly (readonly [Field, number])[] = [
  ...DATE_UNITS.map(([, field]) => [field, MAX_DATE_COUNT] as const),
  ...TIME_UNITS.map(([, field]) => [field, Number.MAX_SAFE_INTEGER] as const),
  ['nanoseconds', NANOSECONDS_PER_SECOND - 1],
];

/**
 * Checks a {@link Duration} built outside `parseDuration` against the rules `parseDuration` keeps: every
 * field a whole number within its limit, weeks and days together within Java's `Period`, the time part
 * within Java's `Duration`, and `sign` 0 exactly when all fields are zero. So whatever `formatDuration`
 * writes, `parseDuration` reads back.
 */
export function validateDuration(duration: Duration): Duration {
  if (typeof duration !== 'object' || duration === null) {
    throw new InvalidArgumentError('duration', duration, 'a Duration object or an ISO-8601 string');
  }
  let allZero = true;
  for (const [field, max] of LIMITS) {
    const value: unknown = duration[field];
    if (!isCount(value, max)) {
      const hint = field === 'seconds' ? " (a fraction of a second goes in 'nanoseconds')" : '';
      throw new InvalidDurationError(duration, field, `a whole number from 0 to ${max}${hint}`);
    }
    if (value !== 0) allZero = false;
  }
  if (periodDays(duration) > MAX_DATE_COUNT) {
    throw new InvalidDurationError(
      duration,
      'weeks',
      `small enough that weeks × 7 + days is at most ${MAX_DATE_COUNT}`,
    );
  }
  if (timeSeconds(duration) > MAX_TIME_SECONDS) {
    throw new InvalidDurationError(
      duration,
      'hours',
      `small enough that hours, minutes and seconds together are at most ${MAX_TIME_SECONDS} seconds`,
    );
  }
  const wantSign = allZero ? '0' : '1 or -1';
  if (allZero ? duration.sign !== 0 : duration.sign !== 1 && duration.sign !== -1) {
    throw new InvalidDurationError(duration, 'sign', `${wantSign} for these field values`);
  }
  return duration;
}

/** A whole number from 0 to `max` (`Number.isInteger` is false for anything but a number). */
function isCount(value: unknown, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
}
