// Everything both entry points export besides `createIscClient`.

// The generated types, so one import serves: `Campaign`, `CreateCampaignBody`, `paths`, ...
export type * from '@isc-sdk/types';

export type { IscClient } from './client.js';
export { unwrap, type IscData } from './unwrap.js';
export {
  decideAll,
  reassignAll,
  reassignAllAsync,
  type IscBatch,
  type IscBulkOptions,
  type IscBulkProgress,
  type IscBulkReport,
  type IscReassignItem,
  type IscReassignRequest,
  type IscReviewDecision,
} from './bulk.js';
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
export {
  IscApiError,
  IscAuthError,
  IscNotFoundError,
  IscRateLimitError,
  IscValidationError,
  isIscApiError,
  isIscAuthError,
  isIscNotFoundError,
  isIscRateLimitError,
  isIscValidationError,
  type IscApiErrorDetails,
  type IscAuthErrorSource,
} from './errors/api-errors.js';
export {
  IscConfigError,
  IscInvalidResponseError,
  IscNetworkError,
  IscPathParamError,
  IscTimeoutError,
  isIscConfigError,
  isIscInvalidResponseError,
  isIscNetworkError,
  isIscPathParamError,
  isIscTimeoutError,
  type IscInvalidResponseDetails,
  type IscInvalidResponseReason,
} from './errors/request-errors.js';
export { SDK_VERSION } from './internal/version.js';
