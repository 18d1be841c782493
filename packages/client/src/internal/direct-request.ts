// Calls without middleware skip openapi-fetch's request pipeline (which builds a `Request` and two
// `Headers` per call, about 10% of a small call's time against a loopback server) and build the
// request here with openapi-fetch's own URL, query and body serialisers, then read the response the
// way openapi-fetch does. Calls with middleware, or with options only openapi-fetch knows, take
// openapi-fetch's pipeline, so both give the same request and the same `{ data, error, response }`.

import { createFinalURL, createQuerySerializer, defaultBodySerializer } from 'openapi-fetch';
import { IscConfigError } from '../errors/isc-config-error.js';
import type { CallResult } from './call-function.js';
import { isBufferedResponse } from './buffered-body-response.js';
import { decodeText } from './decode-text.js';
import { outgoing, type OutgoingRequest } from './outgoing-request.js';
import type { Delivery } from './transport.js';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_HEADER_VALUE = /[\r\n\0]/;

/** The per-call options this path handles; any other option goes through openapi-fetch. */
const DIRECT_OPTIONS = new Set(['params', 'body', 'headers', 'redirect']);

type HeaderValue = string | number | boolean | (string | number | boolean)[] | null | undefined;
type HeaderSource = Headers | [string, string][] | Record<string, HeaderValue> | undefined;

/** True when `init` uses only options this path handles. */
export function isDirectCall(init: Record<string, unknown>): boolean {
  for (const key in init) if (!DIRECT_OPTIONS.has(key)) return false;
  return true;
}

/** Builds requests for one client: its base URL, default headers and path encoder. */
export function createDirectRequests(
  baseUrl: string,
  defaults: Readonly<Record<string, string>>,
  encodePath: (url: string, params: Record<string, unknown>) => string,
) {
  const querySerializer = createQuerySerializer();
  return function directRequest(
    method: string,
    path: string,
    init: Record<string, unknown>,
  ): OutgoingRequest {
    const params = (init['params'] ?? {}) as {
      path?: Record<string, unknown>;
      header?: HeaderSource;
    };
    const url = createFinalURL(path, {
      baseUrl,
      params: params as never,
      querySerializer,
      pathSerializer: encodePath,
    });
    const body = init['body'];
    const headers: Record<string, string> = { ...defaults };
    // openapi-fetch's order: the JSON content type first, so that the caller's headers override it.
    if (body !== undefined && !(body instanceof FormData))
      headers['content-type'] = 'application/json';
    mergeInto(headers, init['headers'] as HeaderSource);
    mergeInto(headers, params.header);
    const serialized = body === undefined ? undefined : serializeBody(body, headers);
    if (serialized instanceof FormData) delete headers['content-type'];
    return outgoing(
      url,
      method,
      headers,
      serialized,
      (init['redirect'] as RequestRedirect) ?? 'follow',
    );
  };
}

/** openapi-fetch's default body serialiser (JSON, form-urlencoded by content type, FormData as is). */
const serializeBody = defaultBodySerializer as unknown as (
  body: unknown,
  headers: Record<string, string>,
) => BodyInit;

/** Reads a delivery into openapi-fetch's result shape; JSON is returned as text for the caller to parse. */
export function readResult(delivery: Delivery, method: string, parseAs: string): CallResult {
  const { response, bytes } = delivery;
  const length = response.headers.get('content-length');
  if (
    response.status === 204 ||
    method === 'HEAD' ||
    (length === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'))
  ) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) {
    if (bytes === undefined) return { data: response.body, response };
    if (parseAs === 'arrayBuffer') return { data: bytes.slice().buffer, response };
    if (parseAs === 'blob') {
      return {
        data: new Blob([bytes as BlobPart], { type: response.headers.get('content-type') ?? '' }),
        response,
      };
    }
    return { data: decodeText(bytes), response };
  }
  // Error responses come back buffered (see the transport), readable at once; an opaque redirect has
  // no body at all.
  let error: unknown = isBufferedResponse(response) ? response.textNow() : '';
  try {
    error = JSON.parse(error as string);
  } catch {
    // Not JSON: the text stays the error, as openapi-fetch does.
  }
  return { error, response };
}

/** openapi-fetch's header merge: later sources win, `null` removes, arrays are joined. */
function mergeInto(target: Record<string, string>, source: HeaderSource): void {
  if (source === undefined || source === null || typeof source !== 'object') return;
  const entries: Iterable<[string, HeaderValue]> =
    source instanceof Headers || Array.isArray(source) ? source : Object.entries(source);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (value === null) {
      delete target[key];
      continue;
    }
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    if (!HEADER_NAME.test(name) || BAD_HEADER_VALUE.test(text)) {
      throw new IscConfigError(`headers.${name}`, 'is not a valid HTTP header name or value');
    }
    target[key] = text;
  }
}
