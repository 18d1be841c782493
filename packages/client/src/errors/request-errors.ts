// Errors raised by the client itself rather than by an API error status: bad options or path
// parameters, timeouts, network failures, and success responses it cannot use.

import { redactText, redactUrl } from '../internal/redact.js';
import { hasErrorBrand, IscError } from './isc-error.js';

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

/**
 * Thrown before anything is sent when a path parameter cannot be placed safely in the URL: it is
 * missing, empty, `.` or `..` (which a URL parser would resolve to another resource), or not
 * well-formed Unicode.
 */
export class IscPathParamError extends IscError {
  override readonly name: 'IscPathParamError' = 'IscPathParamError';
  /** The parameter's name in the path template, e.g. `"id"`. */
  declare readonly param: string;
  /** The path template the parameter belongs to, e.g. `"/campaigns/{id}"`. */
  declare readonly path: string;

  constructor(param: string, path: string, problem: string) {
    super(`Path parameter "${param}" of ${path} ${problem}`);
    this.param = param;
    this.path = path;
  }
}

/**
 * The call did not finish within its `timeout` (token request, pacing, retries, waits and reading the
 * body included). A caller's own `AbortSignal` never produces this error: its reason is rethrown.
 */
export class IscTimeoutError extends IscError {
  override readonly name: 'IscTimeoutError' = 'IscTimeoutError';
  /** The timeout that elapsed, in milliseconds. */
  declare readonly timeout: number;
  /** HTTP method of the call. */
  declare readonly method: string;
  /** URL of the last attempt, redacted. */
  declare readonly url: string;

  constructor(timeout: number, method: string, url: string) {
    const shown = redactUrl(url);
    super(`${method} ${shown} timed out after ${timeout} ms`);
    this.timeout = timeout;
    this.method = method;
    this.url = shown;
  }
}

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

/** Why a success response could not be used. */
export type IscInvalidResponseReason =
  /** The body is not JSON by its `Content-Type` (an HTML login page from a proxy, say). */
  | 'content-type'
  /** The body claims to be JSON but does not parse. */
  | 'invalid-json'
  /** The body is larger than `maxResponseBytes`. */
  | 'too-large'
  /** The JSON parses but has the wrong shape (a list operation that did not return an array). */
  | 'unexpected-shape'
  /** Paging made no progress: a later page repeats the last one (the server ignores `offset` or
   * `searchAfter`), so iterating on would never end. */
  | 'no-progress';

/** What an `IscInvalidResponseError` is built from. */
export interface IscInvalidResponseDetails {
  readonly reason: IscInvalidResponseReason;
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** The response's `Content-Type`, when it had one. */
  readonly contentType?: string | undefined;
  /** What exactly was wrong, one sentence. */
  readonly problem: string;
  /** The first characters of the body, already redacted. */
  readonly excerpt?: string | undefined;
}

/**
 * The API answered with a success status, but the body cannot be what the operation returns (not
 * JSON, invalid JSON, too large, the wrong shape), or paging stopped making progress. Nothing is
 * returned half-parsed.
 */
export class IscInvalidResponseError extends IscError {
  override readonly name: 'IscInvalidResponseError' = 'IscInvalidResponseError';
  /** Which check failed. */
  declare readonly reason: IscInvalidResponseReason;
  /** HTTP status of the response. */
  declare readonly status: number;
  /** HTTP method of the request. */
  declare readonly method: string;
  /** URL of the request, redacted. */
  declare readonly url: string;
  /** `Content-Type` of the response. */
  declare readonly contentType: string | undefined;
  /** The first characters of the body (redacted), to see what came back instead. */
  declare readonly excerpt: string | undefined;

  constructor(details: IscInvalidResponseDetails) {
    const url = redactUrl(details.url);
    const excerpt = details.excerpt ? `; the body starts with: ${details.excerpt}` : '';
    super(
      `${details.method} ${url} answered ${details.status} with a body the client cannot use: ` +
        `${details.problem}${excerpt}`,
    );
    this.reason = details.reason;
    this.status = details.status;
    this.method = details.method;
    this.url = url;
    this.contentType = details.contentType;
    this.excerpt = details.excerpt;
  }
}

/** True when `value` is an `IscConfigError` (from any copy of the package). */
export const isIscConfigError = (value: unknown): value is IscConfigError =>
  hasErrorBrand(value, ['IscConfigError']);
/** True when `value` is an `IscPathParamError` (from any copy of the package). */
export const isIscPathParamError = (value: unknown): value is IscPathParamError =>
  hasErrorBrand(value, ['IscPathParamError']);
/** True when `value` is an `IscTimeoutError` (from any copy of the package). */
export const isIscTimeoutError = (value: unknown): value is IscTimeoutError =>
  hasErrorBrand(value, ['IscTimeoutError']);
/** True when `value` is an `IscNetworkError` (from any copy of the package). */
export const isIscNetworkError = (value: unknown): value is IscNetworkError =>
  hasErrorBrand(value, ['IscNetworkError']);
/** True when `value` is an `IscInvalidResponseError` (from any copy of the package). */
export const isIscInvalidResponseError = (value: unknown): value is IscInvalidResponseError =>
  hasErrorBrand(value, ['IscInvalidResponseError']);
