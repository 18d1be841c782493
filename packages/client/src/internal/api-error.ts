import { IscApiError, type IscApiErrorDetails } from '../errors/isc-api-error.js';
import { IscAuthError, type IscAuthErrorSource } from '../errors/isc-auth-error.js';
import { IscNotFoundError } from '../errors/isc-not-found-error.js';
import { IscRateLimitError } from '../errors/isc-rate-limit-error.js';
import { IscValidationError } from '../errors/isc-validation-error.js';
import { responseInfo } from './responses.js';
import { parseRetryAfter } from './retry.js';

/**
 * Builds the typed error for an error response. `body` is what openapi-fetch parsed (JSON value, text,
 * or undefined when empty). SailPoint bodies are `ErrorResponseDto` (`detailCode`, `trackingId`,
 * `messages[].text`), `{ error }` for 401, `{ message }` for 429, and OAuth `{ error, error_description }`
 * at the token endpoint.
 */
export function apiErrorFromResponse(
  response: Response,
  body: unknown,
  source: IscAuthErrorSource = 'api',
): IscApiError {
  const info = responseInfo(response);
  const parsed = parseJsonText(body);
  const record =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const status = response.status;
  const details: IscApiErrorDetails = {
    status,
    statusText: response.statusText,
    method: info?.method ?? 'request',
    url: info?.url ?? response.url,
    detailCode: text(record['detailCode']) ?? text(record['error_code']) ?? oauthCode(record),
    trackingId: text(record['trackingId']),
    messages: collectMessages(record),
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

/** Text bodies that are JSON after all (e.g. served as text/plain) are parsed; others stay text. */
function parseJsonText(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return body;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The OAuth `error` code, when `error` is not SailPoint's 401 sentence (which goes to `messages`). */
function oauthCode(record: Record<string, unknown>): string | undefined {
  return 'error_description' in record ? text(record['error']) : undefined;
}

function collectMessages(record: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['messages', 'causes']) {
    const list = record[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const message = text((item as { text?: unknown } | null)?.text);
      if (message !== undefined) out.push(message);
    }
  }
  const single =
    text(record['error_description']) ??
    (oauthCode(record) === undefined ? text(record['error']) : undefined) ??
    text(record['message']);
  if (single !== undefined) out.push(single);
  return out;
}
