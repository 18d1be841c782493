import { hasErrorBrand } from './error-brand.js';
import { describeValue } from './invalid-argument-error.js';
import { TemplatesError } from './templates-error.js';

/** Thrown when a `timeZone` option is not an IANA time zone name, `'Z'`, or a `±HH:MM` offset. */
export class InvalidTimeZoneError extends TemplatesError {
  override readonly name: 'InvalidTimeZoneError' = 'InvalidTimeZoneError';
  /** The value that was given as the time zone. */
  readonly timeZone: unknown;

  constructor(timeZone: unknown) {
    super(
      `Unknown time zone ${describeValue(timeZone)}: expected an IANA name such as 'UTC', 'America/New_York' or 'Europe/Berlin', 'Z', or an offset such as '+05:30'.`,
    );
    this.timeZone = timeZone;
  }
}

/** True when `value` is an {@link InvalidTimeZoneError}, also one thrown by another copy of this package. */
export function isInvalidTimeZoneError(value: unknown): value is InvalidTimeZoneError {
  return hasErrorBrand(value, 'InvalidTimeZoneError');
}
