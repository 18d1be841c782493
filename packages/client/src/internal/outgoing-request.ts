// What the transport sends: a URL and a fetch init whose body can be sent again for every attempt
// (retries, a refreshed token, redirects). Calls without middleware build it directly; calls with
// middleware go through openapi-fetch, whose `Request` is converted here.

const BODY_SOURCE = Symbol('isc-sdk.body-source');

/**
 * The `Request` class openapi-fetch builds requests with: a normal Request that also remembers the body
 * it was built from (for JSON, the string openapi-fetch serialised), since a Request's own body is a
 * one-shot stream. Defined when first needed, so that importing the client does not load Node's fetch.
 */
export function replayableRequestClass(): typeof Request {
  return class ReplayableRequest extends Request {
    readonly [BODY_SOURCE]: BodyInit | null | undefined;

    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      this[BODY_SOURCE] = init?.body;
    }
  };
}

/** The fetch init of an outgoing request; header names are lower case. */
export type OutgoingInit = RequestInit & { method: string; headers: Record<string, string> };

/** Everything needed to send one logical request any number of times. */
export interface OutgoingRequest {
  readonly url: string;
  /** The init handed to `fetch`; the transport adds `signal` and `redirect` per attempt. */
  readonly init: OutgoingInit;
  /** False for a streamed body, which can be sent only once. */
  readonly replayable: boolean;
  /** What the caller asked for: follow redirects (the default), return them, or fail. */
  readonly redirect: RequestRedirect;
}

/** An outgoing request from its parts (labels a PATCH body as JSON Patch, marks streams). */
export function outgoing(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: BodyInit | null | undefined,
  redirect: RequestRedirect,
): OutgoingRequest {
  // Every V3 PATCH takes RFC 6902 JSON Patch; openapi-fetch labels all JSON bodies application/json.
  if (method === 'PATCH' && headers['content-type'] === 'application/json') {
    headers['content-type'] = 'application/json-patch+json';
  }
  const init: OutgoingInit = { method, headers, body };
  const replayable = !(typeof ReadableStream !== 'undefined' && body instanceof ReadableStream);
  if (!replayable) (init as { duplex?: string }).duplex = 'half';
  return { url, init, replayable, redirect };
}

/** Copies what the client needs out of a Request built by openapi-fetch or by a middleware. */
export async function fromRequest(request: Request): Promise<OutgoingRequest> {
  let body: BodyInit | null = null;
  if (request.body !== null) {
    body =
      (request as { [BODY_SOURCE]?: BodyInit | null })[BODY_SOURCE] ??
      (await request.arrayBuffer());
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return outgoing(request.url, request.method, headers, body, request.redirect);
}
