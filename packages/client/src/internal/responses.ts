// Final responses are read to the end inside the transport, where the request is still known: a body
// cut off mid-way can be retried, an oversized body is refused before it fills memory, secrets are
// scrubbed from error bodies, and the Response handed back to openapi-fetch carries the request's
// method and URL for the typed errors built from it later.

import {
  IscInvalidResponseError,
  type IscInvalidResponseReason,
} from '../errors/request-errors.js';
import type { AbortWatch } from './call.js';
import { redactBody, redactSecrets } from './redact.js';

/** Registered key of the request facts stamped on the responses the client returns (shared across copies). */
const RESPONSE_INFO = Symbol.for('isc-sdk.response-info');

/** Request facts attached to a response the client read. */
export interface ResponseInfo {
  readonly method: string;
  readonly url: string;
  /** True when the connection closed before the body was complete. */
  readonly truncated: boolean;
}

/** How reading a body ended. */
export type BodyEnd = 'complete' | 'cut' | 'over-limit';

/** Error bodies are short JSON; anything beyond this is cut (and says so). */
export const ERROR_BODY_LIMIT = 1024 * 1024;
const EXCERPT_CHARS = 200;
const JSON_TYPE = /[/+]json\b/i;
const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** UTF-8 bytes to text. */
export function decodeText(bytes: Uint8Array): string {
  return bytes.byteLength === 0 ? '' : decoder.decode(bytes);
}

/** The request facts of a response this client read, if it did. */
export function responseInfo(response: Response): ResponseInfo | undefined {
  return (response as { [RESPONSE_INFO]?: ResponseInfo })[RESPONSE_INFO];
}

/**
 * Reads at most `limit` bytes of `response`'s body. Rejects with `signal.reason` when the signal aborts
 * (even when the fetch ignores its signal); any other read failure ends the read as `"cut"`.
 */
export async function readBody(
  response: Response,
  limit: number,
  signal: AbortWatch | undefined,
): Promise<{ bytes: Uint8Array; end: BodyEnd; error?: unknown }> {
  const body = response.body;
  if (body === null) return { bytes: EMPTY, end: 'complete' };
  if (Number(response.headers.get('content-length') ?? NaN) > limit) {
    body.cancel().catch(() => undefined);
    return { bytes: EMPTY, end: 'over-limit' };
  }
  const reader = body.getReader();
  // Stryker disable next-line OptionalChaining: the listener is only added when there is a signal
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: AbortSignal and CallAbort both fire 'abort' at most once
  signal?.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  let end: BodyEnd = 'complete';
  let error: unknown;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      if (size + chunk.value.byteLength > limit) {
        end = 'over-limit';
        reader.cancel().catch(() => undefined);
        break;
      }
      size += chunk.value.byteLength;
      chunks.push(chunk.value);
    }
  } catch (caught) {
    // Stryker disable next-line StringLiteral: nothing compares with 'cut'; any end other than complete and over-limit reads the same
    end = 'cut';
    error = caught;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw signal.reason;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, end, error };
}

/**
 * The Response handed back to openapi-fetch: `bytes` as its body (an error body with the secrets
 * scrubbed after decoding), the request's facts attached, and for a success a `json()` that turns a
 * body that is not JSON into `IscInvalidResponseError` with a redacted excerpt instead of a
 * `SyntaxError` quoting the body.
 */
export function bufferedResponse(
  response: Response,
  bytes: Uint8Array,
  info: ResponseInfo,
  secrets: readonly string[],
): Response {
  const { status } = response;
  let body: Uint8Array | null =
    status >= 300 && bytes.byteLength > 0
      ? new TextEncoder().encode(redactBody(decodeText(bytes), secrets))
      : bytes;
  const headers = new Headers(response.headers);
  // The body is decoded and whole: its original length and encoding no longer describe it.
  headers.delete('content-encoding');
  headers.delete('transfer-encoding');
  if (status === 204 || status === 205 || status === 304) body = null;
  else headers.set('content-length', String(body.byteLength));
  // A stream over the bytes, not the bytes: Response copies an array it is given (a 250-item page is
  // about 370 KB), and openapi-fetch reads a success body through json() below anyway.
  const copy = new Response(
    body &&
      new ReadableStream({
        start(controller) {
          controller.enqueue(body);
          controller.close();
        },
      }),
    {
      status,
      statusText: response.statusText,
      headers,
    },
  );
  Object.defineProperty(copy, 'url', { value: info.url });
  (copy as { [RESPONSE_INFO]?: ResponseInfo })[RESPONSE_INFO] = info;
  if (status < 300) {
    copy.json = async () => parseJson(copy, bytes, info, secrets);
  }
  return copy;
}

/** The success body as JSON, or `IscInvalidResponseError` when its type or its text is not JSON. */
function parseJson(
  response: Response,
  bytes: Uint8Array,
  info: ResponseInfo,
  secrets: readonly string[],
): unknown {
  const type = response.headers.get('content-type');
  if (type && !JSON_TYPE.test(type)) {
    throw invalidResponse(
      response,
      info,
      'content-type',
      `expected JSON, got Content-Type ${type}`,
      excerptOf(bytes, secrets),
    );
  }
  const text = decodeText(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8's SyntaxError message quotes the body, so only its position is kept.
    const position = /position \d+/.exec(String(error));
    throw invalidResponse(
      response,
      info,
      'invalid-json',
      `the body is not valid JSON (${position ? `at ${position[0]}` : 'it ends early or is not JSON'})`,
      excerptOf(text, secrets),
    );
  }
}

/** An `IscInvalidResponseError` for `response` (its method and URL taken from `info` or the response). */
export function invalidResponse(
  response: Response,
  info: Partial<ResponseInfo>,
  reason: IscInvalidResponseReason,
  problem: string,
  excerpt?: string,
): IscInvalidResponseError {
  const known = responseInfo(response) ?? info;
  return new IscInvalidResponseError({
    reason,
    status: response.status,
    // Stryker disable next-line StringLiteral: every caller passes a method, so the fallback is never used
    method: known.method ?? 'request',
    url: known.url ?? response.url,
    contentType: response.headers.get('content-type') ?? undefined,
    problem,
    excerpt,
  });
}

/** The first characters of a body, redacted, for an error message. */
// Stryker disable next-line ArrayDeclaration: every caller passes the secrets, so the default is never used
export function excerptOf(body: Uint8Array | string, secrets: readonly string[] = []): string {
  const text = typeof body === 'string' ? body : decodeText(body.subarray(0, EXCERPT_CHARS * 4));
  const trimmed = text.trim();
  const cut = trimmed.length > EXCERPT_CHARS ? `${trimmed.slice(0, EXCERPT_CHARS)}...` : trimmed;
  return redactSecrets(cut, secrets);
}

/** The `X-Total-Count` header as a non-negative integer, or undefined when absent or malformed. */
export function totalCount(response: Response): number | undefined {
  const header = response.headers.get('x-total-count');
  if (header === null || !/^\s*\d{1,15}\s*$/.test(header)) return undefined;
  return Number(header);
}

/** Releases a response whose body will not be read (before a retry or a redirect). */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
