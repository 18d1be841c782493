import { hasErrorBrand } from './error-brand.js';
import { IscApiError } from './isc-api-error.js';

/** The API answered 404 Not Found: the resource does not exist or the caller may not see it. */
export class IscNotFoundError extends IscApiError {
  override readonly name: 'IscNotFoundError' = 'IscNotFoundError';
}

/** True when `value` is an `IscNotFoundError` (from this or another copy of the package). */
export function isIscNotFoundError(value: unknown): value is IscNotFoundError {
  return hasErrorBrand(value, ['IscNotFoundError']);
}
