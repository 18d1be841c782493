// Everything both entry points export besides `createIscClient`.

export { unwrap, type IscData } from './unwrap.js';
export type { IscClient, IscClientMethod, IscInitArgument } from './client.js';
export type {
  IscCallInit,
  IscErrorBody,
  IscHttpMethod,
  IscOperation,
  IscParseAs,
  IscPathsWithMethod,
  IscQuerySerializerOptions,
  IscRequestOptions,
  IscResult,
  IscSuccessData,
} from './operation-types.js';
export type {
  Middleware,
  MiddlewareCallbackParams,
  MiddlewareCallOptions,
  MiddlewareOnError,
  MiddlewareOnRequest,
  MiddlewareOnResponse,
  MiddlewareRequestParams,
} from './middleware-types.js';
export type {
  IscAccessTokenAuth,
  IscAuth,
  IscCallOptions,
  IscClientCredentials,
  IscClientOptions,
  IscFetch,
  IscLogEvent,
  IscLogger,
  IscRetryOptions,
} from './options.js';
export type {
  IscPage,
  IscPagedMethod,
  IscPagedPath,
  IscPageItem,
  IscPaginateOptions,
  IscPaginator,
} from './pagination/paginate-types.js';
export type {
  IscSearchAllBody,
  IscSearchAllOptions,
  IscSearchBody,
  IscSearchCallOptions,
  IscSearchDocument,
  IscSearchIndex,
} from './pagination/search-types.js';
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
