import { hasErrorBrand } from './error-brand.js';
import { TemplatesError } from './templates-error.js';

/**
 * Thrown when a date argument cannot be read as a point in time, or when a computed date falls outside the
 * range Temporal can represent (about ±273,790 years around 1970).
 */
export class InvalidInstantError extends TemplatesError {
  override readonly name: 'InvalidInstantError' = 'InvalidInstantError';
  /** The value that was refused (for an out-of-range result: the starting date). */
  readonly value: unknown;

  constructor(value: unknown, message: string) {
    super(message);
    this.value = value;
  }
}

/** True when `value` is an {@link InvalidInstantError}, also one thrown by another copy of this package. */
export function isInvalidInstantError(value: unknown): value is InvalidInstantError {
  return hasErrorBrand(value, 'InvalidInstantError');
}
