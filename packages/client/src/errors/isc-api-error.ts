import { redactText, redactUrl } from '../internal/redact.js';
import { hasErrorBrand } from './error-brand.js';
import { IscError } from './isc-error.js';

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

/** The names of every class that extends `IscApiError`, for the cross-copy guard. */
const API_ERROR_NAMES = [
  'IscApiError',
  'IscAuthError',
  'IscRateLimitError',
  'IscNotFoundError',
  'IscValidationError',
] as const;

const EXCERPT_LENGTH = 300;

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

/** True when `value` is an `IscApiError` or one of its subclasses (from any copy of the package). */
export function isIscApiError(value: unknown): value is IscApiError {
  return hasErrorBrand(value, API_ERROR_NAMES);
}
