import { redactUrl } from '../internal/redact.js';
import { hasErrorBrand } from './error-brand.js';
import { IscError } from './isc-error.js';

/**
 * The call did not finish within its `timeout` (token request, retries, waits and reading the body
 * included). A caller's own `AbortSignal` never produces this error: its reason is rethrown untouched.
 */
export class IscTimeoutError extends IscError {
  override readonly name: 'IscTimeoutError' = 'IscTimeoutError';

  /** The timeout that elapsed, in milliseconds. */
  declare readonly timeout: number;
  /** HTTP method of the call. */
  declare readonly method: string;
  /** URL of the last attempt (or of the path template when nothing was sent yet), redacted. */
  declare readonly url: string;

  constructor(timeout: number, method: string, url: string) {
    const shown = redactUrl(url);
    super(`${method} ${shown} timed out after ${timeout} ms`);
    this.timeout = timeout;
    this.method = method;
    this.url = shown;
  }
}

/** True when `value` is an `IscTimeoutError` (from this or another copy of the package). */
export function isIscTimeoutError(value: unknown): value is IscTimeoutError {
  return hasErrorBrand(value, ['IscTimeoutError']);
}
