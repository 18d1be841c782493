import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { InvalidDurationError } from '../errors/invalid-duration-error.js';
import { DATE_UNITS, TIME_UNITS, type Duration } from './duration.js';

/**
 * Checks a {@link Duration} built outside `parseDuration`: every field a non-negative safe number (whole,
 * except `seconds`), and `sign` 0 exactly when all fields are zero.
 */
export function validateDuration(duration: Duration): Duration {
  if (typeof duration !== 'object' || duration === null) {
    throw new InvalidArgumentError('duration', duration, 'a Duration object or an ISO-8601 string');
  }
  let allZero = true;
  for (const [, field] of [...DATE_UNITS, ...TIME_UNITS]) {
    const value: unknown = duration[field];
    const wholeOnly = field !== 'seconds';
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= 0 &&
      value <= Number.MAX_SAFE_INTEGER &&
      (!wholeOnly || Number.isInteger(value));
    if (!ok) {
      const kind = wholeOnly ? 'a whole number' : 'a number';
      throw new InvalidDurationError(
        duration,
        field,
        `${kind} from 0 to ${Number.MAX_SAFE_INTEGER}`,
      );
    }
    if (value !== 0) allZero = false;
  }
  const wantSign = allZero ? '0' : '1 or -1';
  if (allZero ? duration.sign !== 0 : duration.sign !== 1 && duration.sign !== -1) {
    throw new InvalidDurationError(duration, 'sign', `${wantSign} for these field values`);
  }
  return duration;
}
