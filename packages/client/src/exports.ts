// Everything both entry points export besides `createIscClient`.

export type { IscClient } from './client.js';
export { unwrap, type IscData } from './unwrap.js';
export type {
  IscAccessTokenAuth,
  IscAuth,
  IscCallOptions,
  IscClientCredentials,
  IscClientOptions,
  IscFetch,
  IscLogEvent,
  IscLogger,
  IscRateLimitOptions,
  IscRetryOptions,
} from './options.js';
export type {
  IscPage,
  IscPagedMethod,
  IscPagedPath,
  IscPageItem,
  IscPaginateInit,
  IscPaginateMethod,
  IscPaginateOptions,
  IscPaginator,
  IscProgress,
} from './pagination/paginate-types.js';
export type {
  IscSearchAllBody,
  IscSearchAllMethod,
  IscSearchAllOptions,
  IscSearchBody,
  IscSearchCallOptions,
  IscSearchCountMethod,
  IscSearchDocument,
  IscSearchIndex,
} from './pagination/search-types.js';
// openapi-fetch's own types, so middleware and helpers can be typed without a second import.
export type { Client, FetchResponse, Middleware, MiddlewareCallbackParams } from 'openapi-fetch';
export { IscError, isIscError } from './errors/isc-error.js';
export { IscConfigError, isIscConfigError } from './errors/isc-config-error.js';
export { IscPathParamError, isIscPathParamError } from './errors/isc-path-param-error.js';
export { IscApiError, isIscApiError, type IscApiErrorDetails } from './errors/isc-api-error.js';
export { IscAuthError, isIscAuthError, type IscAuthErrorSource } from './errors/isc-auth-error.js';
export { IscRateLimitError, isIscRateLimitError } from './errors/isc-rate-limit-error.js';
export { IscNotFoundError, isIscNotFoundError } from './errors/isc-not-found-error.js';
export { IscValidationError, isIscValidationError } from './errors/isc-validation-error.js';
export { IscTimeoutError, isIscTimeoutError } from './errors/isc-timeout-error.js';
export { IscNetworkError, isIscNetworkError } from './errors/isc-network-error.js';
export {
  IscInvalidResponseError,
  isIscInvalidResponseError,
  type IscInvalidResponseDetails,
  type IscInvalidResponseReason,
} from './errors/isc-invalid-response-error.js';
export { SDK_VERSION } from './internal/version.js';
