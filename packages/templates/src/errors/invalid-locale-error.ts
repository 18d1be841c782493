import { hasErrorBrand } from './error-brand.js';
import { describeValue } from './invalid-argument-error.js';
import { TemplatesError } from './templates-error.js';

/** Thrown when a `locale` option is not a well-formed BCP 47 language tag. */
export class InvalidLocaleError extends TemplatesError {
  override readonly name: 'InvalidLocaleError' = 'InvalidLocaleError';
  /** The value that was given as the locale. */
  readonly locale: unknown;

  constructor(locale: unknown) {
    super(
      `Invalid locale ${describeValue(locale)}: expected a BCP 47 language tag such as 'en-US' or 'de-DE'.`,
    );
    this.locale = locale;
  }
}

/** True when `value` is an {@link InvalidLocaleError}, also one thrown by another copy of this package. */
export function isInvalidLocaleError(value: unknown): value is InvalidLocaleError {
  return hasErrorBrand(value, 'InvalidLocaleError');
}
