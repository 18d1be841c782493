// The browser entry: no environment variables (there are none to read, and a bundler must not inline
// them), no User-Agent (browsers forbid setting it), and redirects followed by the browser itself.

import { createClientFor, type IscClient } from './client.js';
import type { Platform } from './internal/config.js';
import type { IscClientOptions } from './options.js';

export * from './exports.js';

const BROWSER_PLATFORM: Platform = {
  environment: undefined,
  userAgent: undefined,
  followRedirects: undefined,
  inspectFailure: undefined,
  abortsFetchOnTimeout: true,
};

/**
 * Creates a client for the ISC V3 API: an openapi-fetch `Client<paths>` with auth, retries, timeouts,
 * pacing and typed errors. Every option is checked here; a missing or malformed one throws
 * `IscConfigError` naming it. In browsers `tenant` or `baseUrl`, and `auth`, are required.
 * @example
 * const isc = createIscClient({ tenant: 'acme', auth: { accessToken: () => session.token() } });
 */
export function createIscClient(options: IscClientOptions): IscClient {
  return createClientFor(options, BROWSER_PLATFORM);
}
