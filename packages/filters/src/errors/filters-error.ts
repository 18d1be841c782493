import { FILTERS_ERROR_BRAND, hasErrorBrand } from './error-brand.js';

/** The base class of every error thrown by @isc-sdk/filters. */
export class FiltersError extends Error {
  override readonly name: string = 'FiltersError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, FILTERS_ERROR_BRAND, { value: true });
  }
}

/** True when `value` is any error of this package, also one thrown by another copy of it. */
export function isFiltersError(value: unknown): value is FiltersError {
  return hasErrorBrand(value);
}
