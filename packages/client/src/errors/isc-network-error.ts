import { redactText, redactUrl } from '../internal/redact.js';
import { hasErrorBrand } from './error-brand.js';
import { IscError } from './isc-error.js';

/**
 * The request could not be completed at the transport level: connection refused or reset, DNS failure,
 * TLS failure, a redirect that may not be followed, or a body cut off mid-way. The original error is kept
 * as `cause` (non-enumerable; summarised and redacted by `toJSON()`).
 */
export class IscNetworkError extends IscError {
  override readonly name: 'IscNetworkError' = 'IscNetworkError';

  /** HTTP method of the request. */
  declare readonly method: string;
  /** URL of the request, redacted. */
  declare readonly url: string;
  /** The first error code found in the cause chain (e.g. `"ECONNREFUSED"`), when there is one. */
  declare readonly code: string | undefined;

  constructor(method: string, url: string, problem: string, cause?: unknown, code?: string) {
    const shown = redactUrl(url);
    super(`${method} ${shown} failed: ${redactText(problem)}`, cause);
    this.method = method;
    this.url = shown;
    this.code = code;
  }
}

/** True when `value` is an `IscNetworkError` (from this or another copy of the package). */
export function isIscNetworkError(value: unknown): value is IscNetworkError {
  return hasErrorBrand(value, ['IscNetworkError']);
}
