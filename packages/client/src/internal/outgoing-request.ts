// What the transport sends: a URL and a fetch init whose body can be sent again for every attempt
// (retries, a refreshed token, redirects).

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
  init: OutgoingInit,
  redirect: RequestRedirect,
): OutgoingRequest {
  const { method, headers, body } = init;
  // Every V3 PATCH takes RFC 6902 JSON Patch; openapi-fetch labels all JSON bodies application/json.
  if (method === 'PATCH' && headers['content-type'] === 'application/json') {
    headers['content-type'] = 'application/json-patch+json';
  }
  const replayable = !(typeof ReadableStream !== 'undefined' && body instanceof ReadableStream);
  if (!replayable) (init as { duplex?: string }).duplex = 'half';
  return { url, init, replayable, redirect };
}
