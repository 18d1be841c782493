// Redirects, followed by the client itself (Node entry) so that the Authorization header is dropped as
// soon as a hop leaves the API's origin, and a hop to plain http: is refused. Browsers follow redirects
// themselves (and hide them from scripts), so the browser entry does not carry this module.

import { IscNetworkError } from '../errors/request-errors.js';
import { isLoopbackHost, isSameOrigin } from './config.js';
import type { Log } from './log.js';
import { redactUrl } from './redact.js';
import type { Outgoing } from './request.js';
import { discardBody } from './responses.js';

/** At most this many hops per attempt (the Fetch standard's limit is 20; APIs need far fewer). */
const MAX_REDIRECTS = 10;

/** What following redirects needs from the transport. */
export interface RedirectContext {
  /** The API's origin: the only one that gets the Authorization header. */
  readonly origin: string;
  readonly allowInsecureHttp: boolean;
  readonly log: Log;
  /** Fetches one hop of the current attempt. */
  readonly fetchHop: (hop: Outgoing) => Promise<Response>;
}

/** Follows the redirects of `response` to `first`; resolves to the final response. */
export type FollowRedirects = (
  response: Response,
  first: Outgoing,
  context: RedirectContext,
) => Promise<Response>;

/**
 * Follows the redirects of `response` (unless `first.redirect` is `manual`), dropping Authorization
 * across origins, and rewriting the method to GET where the Fetch standard does.
 */
export const followRedirects: FollowRedirects = async (response, first, context) => {
  let hop = first;
  for (let hops = 0; hop.redirect !== 'manual' && isRedirectStatus(response.status); hops++) {
    const location = response.headers.get('location');
    if (location === null) return response;
    discardBody(response);
    const refuse = (problem: string): never => {
      throw new IscNetworkError(hop.method, hop.url, problem);
    };
    if (hop.redirect === 'error') {
      refuse(
        `the server redirected (${response.status}), and this request does not follow redirects`,
      );
    }
    if (hops >= MAX_REDIRECTS) refuse(`more than ${MAX_REDIRECTS} redirects`);
    let target: URL;
    try {
      target = new URL(location, hop.url);
    } catch {
      return refuse('the server redirected to a Location that is not a URL');
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      refuse(`the server redirected to a ${target.protocol} URL`);
    }
    if (
      target.protocol === 'http:' &&
      !context.allowInsecureHttp &&
      !isLoopbackHost(target.hostname)
    ) {
      refuse(`refused a redirect to plain http: (${redactUrl(target.href)})`);
    }
    const { status } = response;
    const headers = { ...hop.headers };
    let { method, body } = hop;
    if (
      (status === 303 && method !== 'HEAD') ||
      ((status === 301 || status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = null;
      delete headers['content-type'];
      delete headers['content-length'];
    } else if (body !== null && !hop.replayable) {
      refuse('the server redirected a request whose streamed body cannot be sent again');
    }
    if (!isSameOrigin(target.href, context.origin)) delete headers['authorization'];
    context.log.debug?.({
      type: 'redirect',
      message: `${hop.url} redirected to ${target.href}`,
      method: hop.method,
      url: hop.url,
      location: target.href,
    });
    hop = { ...hop, url: target.href, method, headers, body };
    response = await context.fetchHop(hop);
  }
  return response;
};

/** True for the statuses that carry a `Location` to follow. */
function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
