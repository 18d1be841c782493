import { hasErrorBrand } from './error-brand.js';
import { IscApiError, type IscApiErrorDetails } from './isc-api-error.js';

/** Where an authentication failure came from. */
export type IscAuthErrorSource = 'api' | 'token-endpoint';

/**
 * Authentication or authorisation failed: the API answered 401 (even after one token refresh) or 403
 * (the token is valid but lacks the scope or user level), or the token endpoint refused the client
 * credentials or answered with something that is not a token.
 */
export class IscAuthError extends IscApiError {
  override readonly name: 'IscAuthError' = 'IscAuthError';

  /** `"api"` for a 401/403 from the API, `"token-endpoint"` for a failure at `/oauth/token`. */
  declare readonly source: IscAuthErrorSource;

  constructor(details: IscApiErrorDetails, source: IscAuthErrorSource) {
    super(details, source === 'token-endpoint' ? 'Could not obtain an access token: ' : '');
    this.source = source;
  }
}

/** True when `value` is an `IscAuthError` (from this or another copy of the package). */
export function isIscAuthError(value: unknown): value is IscAuthError {
  return hasErrorBrand(value, ['IscAuthError']);
}
