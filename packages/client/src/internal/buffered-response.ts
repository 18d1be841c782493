// Final responses are read to the end inside the transport, where the request is still known: a body
// cut off mid-way can be retried or reported, secrets can be scrubbed from error bodies, and `unwrap`
// later knows which method and URL failed (the response carries them).

import { IscInvalidResponseError } from '../errors/isc-invalid-response-error.js';
import { IscNetworkError } from '../errors/isc-network-error.js';
import type { CallContext } from './call-context.js';
import { decodeText } from './decode-text.js';
import { readBody } from './read-body.js';
import { redactSecrets } from './redact.js';

/** Registered key of the request facts stamped on buffered responses (shared across copies). */
export const RESPONSE_INFO = Symbol.for('isc-sdk.response-info');

/** Request facts attached to a buffered response. */
export interface ResponseInfo {
  readonly method: string;
  readonly url: string;
  /** True when the connection closed (or the size limit hit) before the body was complete. */
  readonly truncated: boolean;
}

/** The request facts of a response this client buffered, if it did. */
export function responseInfo(response: Response): ResponseInfo | undefined {
  return (response as { [RESPONSE_INFO]?: ResponseInfo })[RESPONSE_INFO];
}

/** Error bodies are short JSON; anything beyond this is cut (and says so). */
const ERROR_BODY_LIMIT = 1024 * 1024;
const EXCERPT_CHARS = 200;
const JSON_TYPE = /[/+]json\b/i;

/**
 * Reads an error response (status >= 300) whole, secrets scrubbed, and marks the response with the
 * request's method and URL. An opaque redirect (status 0, browsers) has nothing to read.
 */
export async function readErrorBody(
  response: Response,
  call: CallContext,
  secrets: readonly string[],
): Promise<Uint8Array | undefined> {
  if (response.status < 200) return undefined;
  const read = await readBody(response, ERROR_BODY_LIMIT, call.signal);
  markResponse(response, call, read.end !== 'complete');
  return new TextEncoder().encode(redactSecrets(decodeText(read.bytes), secrets));
}

/**
 * Reads a success response's body whole. Throws `IscInvalidResponseError` for a body over `limit` or,
 * when the call expects JSON, for a non-JSON `Content-Type`; throws `IscNetworkError` (code
 * `"BODY_TRUNCATED"`) when the connection closed before the body was complete.
 */
export async function readSuccessBody(
  response: Response,
  call: CallContext,
  limit: number,
  secrets: readonly string[],
): Promise<Uint8Array> {
  const read = await readBody(response, limit, call.signal);
  if (read.end === 'complete') {
    const contentType = response.headers.get('content-type');
    if (
      !call.expectsJson ||
      read.bytes.byteLength === 0 ||
      !contentType ||
      JSON_TYPE.test(contentType)
    ) {
      return read.bytes;
    }
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const facts = { status: response.status, method: call.method, url: call.url, contentType };
  if (read.end === 'over-limit') {
    throw new IscInvalidResponseError({
      ...facts,
      reason: 'too-large',
      problem: `the body is larger than maxResponseBytes (${limit} bytes)`,
    });
  }
  if (read.end === 'cut') {
    throw new IscNetworkError(
      call.method,
      call.url,
      'the connection closed before the whole response body arrived',
      read.error,
      'BODY_TRUNCATED',
    );
  }
  throw new IscInvalidResponseError({
    ...facts,
    reason: 'content-type',
    problem: `expected JSON, got Content-Type ${contentType}`,
    excerpt: excerptOf(read.bytes, secrets),
  });
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** A Response with `bytes` as its readable body and the facts of `response`, for middleware. */
export function readableResponse(response: Response, bytes: Uint8Array): Response {
  let headers = response.headers;
  if (headers.has('content-encoding')) {
    // The body is already decoded: its original length and encoding no longer describe it.
    headers = new Headers(headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : (bytes as BodyInit), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  const info = responseInfo(response);
  if (info) (copy as { [RESPONSE_INFO]?: ResponseInfo })[RESPONSE_INFO] = info;
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

/** The first characters of a body, redacted, for an error message. */
export function excerptOf(body: Uint8Array | string, secrets: readonly string[] = []): string {
  const text = typeof body === 'string' ? body : decodeText(body.subarray(0, EXCERPT_CHARS * 4));
  const trimmed = text.trim();
  const cut = trimmed.length > EXCERPT_CHARS ? `${trimmed.slice(0, EXCERPT_CHARS)}...` : trimmed;
  return redactSecrets(cut, secrets);
}

/** Releases a response whose body will not be read (before a retry or a redirect). */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** Records the request facts on `response` (and its URL, when the fetch left it empty). */
export function markResponse(response: Response, call: CallContext, truncated: boolean): void {
  const info: ResponseInfo = { method: call.method, url: response.url || call.url, truncated };
  (response as { [RESPONSE_INFO]?: ResponseInfo })[RESPONSE_INFO] = info;
  if (!response.url) Object.defineProperty(response, 'url', { value: info.url });
}
