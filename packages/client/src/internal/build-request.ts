// Builds the request of one call from its options, as openapi-fetch would: the URL from the base, the
// path parameters and the query; the headers merged from the client's, the call's and `params.header`;
// the body serialised, labelled JSON unless something else says otherwise.

import { checkHeader } from './check-header.js';
import { encodePath, withoutPathParams } from './encode-path.js';
import { outgoing, type OutgoingRequest } from './outgoing-request.js';
import type { QuerySerializer } from './serialize-query.js';
import { serializeBody } from './serialize-body.js';

type HeaderValue = string | number | boolean | (string | number | boolean)[] | null | undefined;
type HeaderSource = Headers | [string, string][] | Record<string, HeaderValue> | undefined;

/** The parts of a call's options that shape its request. */
export interface RequestParts {
  readonly baseUrl: string;
  readonly params: {
    readonly path?: Record<string, unknown>;
    readonly query?: Record<string, unknown>;
    readonly header?: HeaderSource;
  };
  readonly body: unknown;
  readonly headers: HeaderSource;
  readonly redirect: RequestRedirect | undefined;
  readonly querySerializer: QuerySerializer;
  readonly bodySerializer: ((body: unknown, headers: Headers) => unknown) | undefined;
  /** A caller's own path serialiser (given the whole URL, as in openapi-fetch); `encodePath` otherwise. */
  readonly pathSerializer: ((url: string, params: Record<string, unknown>) => string) | undefined;
  /** Other fetch options (`credentials`, `cache`, `keepalive`, ...), passed on to `fetch`. */
  readonly extras: Record<string, unknown>;
}

/** The request for `method` on `path` (a path template); header names come out lower case. */
export function buildRequest(
  method: string,
  path: string,
  defaults: Readonly<Record<string, string>>,
  parts: RequestParts,
): OutgoingRequest {
  const { params, body } = parts;
  let url = parts.baseUrl;
  if (!params.path) url += withoutPathParams(path);
  else if (parts.pathSerializer) url = parts.pathSerializer(url + path, params.path);
  else url += encodePath(path, params.path);
  let search = parts.querySerializer(params.query ?? {});
  if (search.startsWith('?')) search = search.slice(1);
  if (search) url += `?${search}`;

  const headers: Record<string, string | null> = { ...defaults };
  const removes = mergeHeaders(headers, parts.headers) | mergeHeaders(headers, params.header);
  let serialized: unknown;
  if (body !== undefined) {
    serialized = parts.bodySerializer
      ? parts.bodySerializer(body, new Headers(present(headers)))
      : serializeBody(body, headers);
    // The lowest-priority header, as in openapi-fetch: any other says otherwise, `null` removes it.
    if (
      serialized !== undefined &&
      !(serialized instanceof FormData) &&
      headers['content-type'] === undefined
    ) {
      headers['content-type'] = 'application/json';
    }
  }
  return outgoing(
    url,
    {
      ...parts.extras,
      method,
      headers: removes ? present(headers) : (headers as Record<string, string>),
      body: serialized as BodyInit | undefined,
    },
    parts.redirect ?? 'follow',
  );
}

/** openapi-fetch's header merge: later sources win, `null` removes (kept as null here), lists are joined. */
function mergeHeaders(target: Record<string, string | null>, source: HeaderSource): number {
  if (typeof source !== 'object' || source === null) return 0;
  let removes = 0;
  const entries: Iterable<[string, HeaderValue]> =
    source instanceof Headers || Array.isArray(source) ? source : Object.entries(source);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (value === undefined) continue;
    if (value === null) {
      target[key] = null;
      removes = 1;
      continue;
    }
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    checkHeader(name, text);
    target[key] = text;
  }
  return removes;
}

/** The headers without the ones a `null` removed. */
function present(headers: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) if (headers[name] !== null) out[name] = headers[name] as string;
  return out;
}
