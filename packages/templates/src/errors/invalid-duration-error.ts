import { hasErrorBrand } from './error-brand.js';
import { TemplatesError } from './templates-error.js';

/**
 * Thrown when a `Duration` object (one built by hand rather than by `parseDuration`) breaks the rules of the
 * type: a negative, fractional or non-finite field, or a `sign` that does not match the fields.
 */
export class InvalidDurationError extends TemplatesError {
  override readonly name: 'InvalidDurationError' = 'InvalidDurationError';
  /** The object that was refused. */
  readonly duration: unknown;
  /** The field that broke the rules. */
  readonly field: string;

  constructor(duration: unknown, field: string, expected: string) {
    super(`Invalid duration: field '${field}' must be ${expected}.`);
    this.duration = duration;
    this.field = field;
  }
}

/** True when `value` is an {@link InvalidDurationError}, also one thrown by another copy of this package. */
export function isInvalidDurationError(value: unknown): value is InvalidDurationError {
  return hasErrorBrand(value, 'InvalidDurationError');
}
