import { hasErrorBrand } from './error-brand.js';
import { IscApiError } from './isc-api-error.js';

/** The API answered 400 Bad Request: the body, a filter or a parameter was rejected (see `messages`). */
export class IscValidationError extends IscApiError {
  override readonly name: 'IscValidationError' = 'IscValidationError';
}

/** True when `value` is an `IscValidationError` (from this or another copy of the package). */
export function isIscValidationError(value: unknown): value is IscValidationError {
  return hasErrorBrand(value, ['IscValidationError']);
}
