import { hasErrorBrand } from './error-brand.js';
import { IscApiError, type IscApiErrorDetails } from './isc-api-error.js';

/**
 * The API answered 429 Too Many Requests and the client did not (or could no longer) retry: attempts
 * or wait budget ran out, or the server asked for a longer wait than `retry.maxRetryAfter` allows.
 */
export class IscRateLimitError extends IscApiError {
  override readonly name: 'IscRateLimitError' = 'IscRateLimitError';

  /** Seconds the server asked to wait (`Retry-After`), or `undefined` when it did not say. */
  declare readonly retryAfter: number | undefined;

  constructor(details: IscApiErrorDetails, retryAfter: number | undefined) {
    super(details, '', retryAfter === undefined ? '' : ` (retry after ${retryAfter} s)`);
    this.retryAfter = retryAfter;
  }
}

/** True when `value` is an `IscRateLimitError` (from this or another copy of the package). */
export function isIscRateLimitError(value: unknown): value is IscRateLimitError {
  return hasErrorBrand(value, ['IscRateLimitError']);
}
