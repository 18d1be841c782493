// The API answered with an error status: `IscApiError`, its subclasses for the common cases, and how
// one is built from a response and the body openapi-fetch parsed.

import { redactText, redactUrl } from '../internal/redact.js';
import { responseInfo } from '../internal/responses.js';
import { parseRetryAfter } from '../internal/retry.js';
import { hasErrorBrand, IscError } from './isc-error.js';

/** What an `IscApiError` is built from (see `unwrap`, which does this for you). */
export interface IscApiErrorDetails {
  /** HTTP status code of the response. */
  status: number;
  /** HTTP status text, when the server sent one. */
  statusText?: string | undefined;
  /** HTTP method of the request (`"GET"`, ...). */
  method: string;
  /** URL of the request; query parameters that look like credentials are redacted. */
  url: string;
  /** `detailCode` from a SailPoint `ErrorResponseDto`, or `error` from an OAuth error body. */
  detailCode?: string | undefined;
  /** `trackingId` from a SailPoint `ErrorResponseDto` (quote it to SailPoint support). */
  trackingId?: string | undefined;
  /** Human-readable messages from the body (`messages[].text`, `error`, `message`, `error_description`). */
  messages?: readonly string[] | undefined;
  /** The parsed JSON body, the body text when it was not JSON, or `undefined` when it was empty. */
  body?: unknown;
  /** True when the connection ended before the whole body arrived. */
  truncated?: boolean | undefined;
  /** The response itself (kept as a non-enumerable property). */
  response?: Response | undefined;
}

/**
 * The API answered with an error status. Subclasses narrow the common cases: `IscAuthError` (401/403 and
 * token endpoint failures), `IscRateLimitError` (429), `IscNotFoundError` (404), `IscValidationError` (400).
 */
export class IscApiError extends IscError {
  override readonly name: string = 'IscApiError';
  /** HTTP status code. */
  declare readonly status: number;
  /** HTTP status text (may be empty: HTTP/2 has none). */
  declare readonly statusText: string;
  /** HTTP method of the failed request. */
  declare readonly method: string;
  /** URL of the failed request, with credential-looking query parameters redacted. */
  declare readonly url: string;
  /** SailPoint `detailCode` (e.g. `"404 Not found"`), or the OAuth `error` code. */
  declare readonly detailCode: string | undefined;
  /** SailPoint `trackingId`, to quote to SailPoint support. */
  declare readonly trackingId: string | undefined;
  /** Human-readable messages taken from the body. */
  declare readonly messages: readonly string[];
  /** Parsed JSON body, body text when not JSON, or `undefined` when empty. */
  declare readonly body: unknown;
  /** True when the body was cut off by the connection closing early. */
  declare readonly truncated: boolean;
  /** The HTTP response (non-enumerable, so it stays out of logs and `JSON.stringify`). */
  declare readonly response: Response | undefined;

  constructor(details: IscApiErrorDetails, lead = '', tail = '') {
    const url = redactUrl(details.url);
    super(lead + describe(details, url) + tail);
    this.status = details.status;
    this.statusText = details.statusText ?? '';
    this.method = details.method;
    this.url = url;
    this.detailCode = details.detailCode;
    this.trackingId = details.trackingId;
    this.messages = details.messages ?? [];
    this.body = details.body;
    this.truncated = details.truncated === true;
    Object.defineProperty(this, 'response', { value: details.response, configurable: true });
  }
}

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

/** The API answered 404 Not Found: the resource does not exist or the caller may not see it. */
export class IscNotFoundError extends IscApiError {
  override readonly name: 'IscNotFoundError' = 'IscNotFoundError';
}

/** The API answered 400 Bad Request: the body, a filter or a parameter was rejected (see `messages`). */
export class IscValidationError extends IscApiError {
  override readonly name: 'IscValidationError' = 'IscValidationError';
}

/** True when `value` is an `IscApiError` or one of its subclasses (from any copy of the package). */
export const isIscApiError = (value: unknown): value is IscApiError =>
  hasErrorBrand(value, [
    'IscApiError',
    'IscAuthError',
    'IscRateLimitError',
    'IscNotFoundError',
    'IscValidationError',
  ]);
/** True when `value` is an `IscAuthError` (from any copy of the package). */
export const isIscAuthError = (value: unknown): value is IscAuthError =>
  hasErrorBrand(value, ['IscAuthError']);
/** True when `value` is an `IscRateLimitError` (from any copy of the package). */
export const isIscRateLimitError = (value: unknown): value is IscRateLimitError =>
  hasErrorBrand(value, ['IscRateLimitError']);
/** True when `value` is an `IscNotFoundError` (from any copy of the package). */
export const isIscNotFoundError = (value: unknown): value is IscNotFoundError =>
  hasErrorBrand(value, ['IscNotFoundError']);
/** True when `value` is an `IscValidationError` (from any copy of the package). */
export const isIscValidationError = (value: unknown): value is IscValidationError =>
  hasErrorBrand(value, ['IscValidationError']);

const EXCERPT_LENGTH = 300;

/** Builds the one-line message: request, status, what the server said, tracking id. */
function describe(details: IscApiErrorDetails, url: string): string {
  const { status, statusText, messages, detailCode, body, trackingId } = details;
  let text = `${details.method} ${url} failed with status ${status}${statusText ? ` ${statusText}` : ''}`;
  if (messages !== undefined && messages.length > 0) {
    text += `: ${detailCode ? `${detailCode}: ` : ''}${messages.join('; ')}`;
  } else if (detailCode) {
    text += `: ${detailCode}`;
  } else if (typeof body === 'string' && body.trim() !== '') {
    const trimmed = body.trim();
    const excerpt =
      trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH)}...` : trimmed;
    text += `; body (not JSON): ${redactText(excerpt)}`;
  } else if (body === undefined || body === '') {
    text += ' and an empty body';
  }
  if (details.truncated) text += ' (the connection closed before the whole body arrived)';
  if (trackingId) text += ` (trackingId ${trackingId})`;
  return text;
}

/**
 * The typed error for an error response. `body` is what openapi-fetch parsed (JSON value, text, or
 * undefined when empty). SailPoint bodies are `ErrorResponseDto` (`detailCode`, `trackingId`,
 * `messages[].text`), `{ error }` for 401, `{ message }` for 429, and OAuth `{ error, error_description }`
 * at the token endpoint.
 */
export function apiErrorFromResponse(
  response: Response,
  body: unknown,
  source: IscAuthErrorSource = 'api',
): IscApiError {
  const info = responseInfo(response);
  let parsed = body;
  // Text bodies that are JSON after all (served as text/plain, say) are parsed; others stay text.
  if (typeof body === 'string' && /^\s*[[{]/.test(body)) {
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      // Not JSON: the text stays the body.
    }
  }
  const record =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const oauthCode = 'error_description' in record ? text(record['error']) : undefined;
  const messages: string[] = [];
  for (const key of ['messages', 'causes']) {
    const list = record[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const message = text((item as { text?: unknown } | null)?.text);
      if (message !== undefined) messages.push(message);
    }
  }
  const single =
    text(record['error_description']) ??
    (oauthCode === undefined ? text(record['error']) : undefined) ??
    text(record['message']);
  if (single !== undefined) messages.push(single);
  const { status } = response;
  const details: IscApiErrorDetails = {
    status,
    statusText: response.statusText,
    method: info?.method ?? 'request',
    url: info?.url ?? response.url,
    detailCode: text(record['detailCode']) ?? text(record['error_code']) ?? oauthCode,
    trackingId: text(record['trackingId']),
    messages,
    body: parsed === '' ? undefined : parsed,
    truncated: info?.truncated,
    response,
  };
  if (source === 'token-endpoint' || status === 401 || status === 403) {
    return new IscAuthError(details, source);
  }
  if (status === 429) {
    const wait = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return new IscRateLimitError(details, wait === undefined ? undefined : Math.ceil(wait / 1000));
  }
  if (status === 404) return new IscNotFoundError(details);
  if (status === 400) return new IscValidationError(details);
  return new IscApiError(details);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
