// Final responses are read to the end inside the transport, where the request is still known: a body
// cut off mid-way can be retried or reported, secrets can be scrubbed from error bodies, and `unwrap`
// later knows which method and URL failed (the response carries them).

import { IscNetworkError } from '../errors/isc-network-error.js';
import type { CallContext } from './call-context.js';
import { decodeText } from './decode-text.js';
import { readBody } from './read-body.js';
import { markResponse, RESPONSE_INFO, responseInfo, type ResponseInfo } from './response-info.js';
import { redactSecrets } from './redact.js';
import { invalidResponse } from './shape-error.js';

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
  const { bytes, end, error } = await readBody(response, limit, call.signal);
  const { method, url } = call;
  const type = response.headers.get('content-type');
  if (end === 'cut') {
    throw new IscNetworkError(
      method,
      url,
      'the connection closed before the whole body arrived',
      error,
      'BODY_TRUNCATED',
    );
  }
  if (end === 'over-limit') {
    throw invalidResponse(
      response,
      method,
      url,
      'too-large',
      `the body is over maxResponseBytes (${limit})`,
    );
  }
  if (!call.expectsJson || !bytes.byteLength || !type || JSON_TYPE.test(type)) return bytes;
  throw invalidResponse(
    response,
    method,
    url,
    'content-type',
    `expected JSON, got Content-Type ${type}`,
    excerptOf(bytes, secrets),
  );
}

/** A Response with `bytes` as its readable body and the facts of `response`, for middleware. */
export function readableResponse(response: Response, bytes: Uint8Array): Response {
  let headers = response.headers;
  if (headers.has('content-encoding')) {
    // The body is already decoded: its original length and encoding no longer describe it.
    headers = new Headers(headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  const copy = new Response(
    [204, 205, 304].includes(response.status) ? null : (bytes as BodyInit),
    {
      status: response.status,
      statusText: response.statusText,
      headers,
    },
  );
  (copy as { [RESPONSE_INFO]?: ResponseInfo })[RESPONSE_INFO] = responseInfo(response);
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
