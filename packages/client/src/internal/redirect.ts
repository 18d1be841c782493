// Redirects, followed by the client itself (Node entry) so that the Authorization header is dropped as
// soon as a hop leaves the API's origin, and a hop to plain http: is refused.

import { IscNetworkError } from '../errors/isc-network-error.js';
import { discardBody } from './buffered-response.js';
import type { Log } from './log.js';
import type { OutgoingRequest } from './outgoing-request.js';
import { isLoopbackHost } from './loopback-host.js';
import { redactUrl } from './redact.js';
import { isSameOrigin } from './same-origin.js';

/** At most this many hops per attempt (the Fetch standard's limit is 20; APIs need far fewer). */
const MAX_REDIRECTS = 10;

/** One hop: where to and with what init. */
export interface RedirectHop {
  readonly url: string;
  readonly init: RequestInit & { method: string; headers: Record<string, string> };
}

/** What following redirects needs from the transport. */
export interface RedirectContext {
  /** The API's origin: the only one that gets the Authorization header. */
  readonly origin: string;
  readonly allowInsecureHttp: boolean;
  readonly log: Log;
  /** Fetches one hop of the current attempt. */
  readonly fetchHop: (hop: RedirectHop) => Promise<Response>;
}

/**
 * Follows the redirects of `response` to `first` (unless `request` returns them as they are), dropping
 * Authorization across origins; the final response.
 */
export async function followRedirects(
  response: Response,
  first: RedirectHop,
  request: OutgoingRequest,
  context: RedirectContext,
): Promise<Response> {
  let hop = first;
  for (let hops = 0; request.redirect !== 'manual' && isRedirectStatus(response.status); hops++) {
    const { method } = hop.init;
    const fail = (problem: string): never => {
      discardBody(response);
      throw new IscNetworkError(method, hop.url, problem);
    };
    if (request.redirect === 'error') {
      fail(
        `the server redirected (${response.status}), and this request does not follow redirects`,
      );
    }
    const next = nextHop(
      response,
      hop,
      context.origin,
      context.allowInsecureHttp,
      request.replayable,
    );
    if (next === undefined) return response;
    if (hops >= MAX_REDIRECTS) fail(`more than ${MAX_REDIRECTS} redirects`);
    discardBody(response);
    context.log.debug?.({
      type: 'redirect',
      message: `${hop.url} redirected to ${next.url}`,
      method,
      url: hop.url,
      location: next.url,
    });
    hop = next;
    response = await context.fetchHop(hop);
  }
  return response;
}

/** True for the statuses that carry a `Location` to follow. */
function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/**
 * The next hop after `response`, or undefined when it has no `Location`. Throws `IscNetworkError` for an
 * unusable or insecure target, or a hop that would need to resend a body that cannot be replayed.
 */
function nextHop(
  response: Response,
  current: RedirectHop,
  apiOrigin: string,
  allowInsecureHttp: boolean,
  replayable: boolean,
): RedirectHop | undefined {
  const location = response.headers.get('location');
  if (location === null) return undefined;
  const { method } = current.init;
  const refuse = (problem: string): never => {
    throw new IscNetworkError(method, current.url, problem);
  };
  let target: URL;
  try {
    target = new URL(location, current.url);
  } catch {
    return refuse('the server redirected to a Location that is not a URL');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return refuse(`the server redirected to a ${target.protocol} URL`);
  }
  if (target.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(target.hostname)) {
    return refuse(`refused a redirect to plain http: (${redactUrl(target.href)})`);
  }
  const status = response.status;
  const toGet =
    (status === 303 && method !== 'HEAD') ||
    ((status === 301 || status === 302) && method === 'POST');
  const headers = { ...current.init.headers };
  const init = { ...current.init, headers };
  if (toGet) {
    init.method = 'GET';
    init.body = null;
    delete headers['content-type'];
    delete headers['content-length'];
  } else if (init.body != null && !replayable) {
    return refuse('the server redirected a request whose streamed body cannot be sent again');
  }
  if (!isSameOrigin(target.href, apiOrigin)) delete headers['authorization'];
  return { url: target.href, init };
}
