// What differs between the Node entry and the browser entry. Nothing here imports a Node built-in.

import type { EnvironmentDefaults } from './environment-defaults.js';
import type { inspectNetworkFailure } from './network-failure.js';
import type { followRedirects } from './redirect.js';

/** Capabilities of the runtime an entry point is written for. */
export interface Platform {
  /** Fills in a missing base URL or auth from the environment (Node entry); undefined in browsers. */
  readonly environment: EnvironmentDefaults | undefined;
  /** The SDK's own `User-Agent` product tokens, or undefined where scripts may not set the header. */
  readonly userAgent: string | undefined;
  /**
   * Set to follow redirects in the client (fetch with `redirect: "manual"`), so the Authorization header
   * provably never reaches another origin. Browsers hide redirect responses from scripts; they follow
   * redirects themselves and drop Authorization on a cross-origin hop, as the Fetch standard requires,
   * so the browser entry leaves this out (and its bundle without the code).
   */
  readonly followRedirects: typeof followRedirects | undefined;
  /**
   * Reads the error codes of a failed fetch (undici's `cause` chain); undefined in browsers, whose
   * `TypeError: Failed to fetch` says nothing (so a POST is never taken as provably unsent there).
   */
  readonly inspectFailure: typeof inspectNetworkFailure | undefined;
  /**
   * True to abort the connection itself when a call times out, even without a caller signal. Browsers
   * need it (a hung request holds one of a handful of connections per host); in Node a timed-out call
   * rejects at once and a late response is released unread, while undici's own headers and body
   * timeouts bound the connection, which saves handing every request an AbortSignal.
   */
  readonly abortsFetchOnTimeout: boolean;
}
