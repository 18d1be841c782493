import { hasErrorBrand, TEMPLATES_ERROR_BRAND } from './error-brand.js';

/**
 * The base class of every error this package throws. Catch it (or test with {@link isTemplatesError}) to
 * handle any bad duration, date, time zone, locale, placeholder or argument at once; each subclass has a
 * literal `name` and fields that say exactly what was refused.
 */
export class TemplatesError extends Error {
  override readonly name: string = 'TemplatesError';

  /** The brand the `isXError` guards check, so they work across copies of the package. */
  get [TEMPLATES_ERROR_BRAND](): true {
    return true;
  }
}

/** True when `value` is any error thrown by @isc-sdk/templates, also by another copy of the package. */
export function isTemplatesError(value: unknown): value is TemplatesError {
  return hasErrorBrand(value);
}
