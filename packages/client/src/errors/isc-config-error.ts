import { hasErrorBrand } from './error-brand.js';
import { IscError } from './isc-error.js';

/**
 * Thrown by `createIscClient` (and for per-call options) when a setting is missing or malformed.
 * `field` names the option, e.g. `"tenant"`, `"baseUrl"`, `"auth.clientSecret"`, `"retry.maxAttempts"`.
 */
export class IscConfigError extends IscError {
  override readonly name: 'IscConfigError' = 'IscConfigError';

  /** The option that was wrong, as a dotted path (`"auth.clientId"`). */
  declare readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** True when `value` is an `IscConfigError` (from this or another copy of the package). */
export function isIscConfigError(value: unknown): value is IscConfigError {
  return hasErrorBrand(value, ['IscConfigError']);
}
