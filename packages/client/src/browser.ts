// The browser entry: no environment variables (there are none to read, and a bundler must not inline
// them), no User-Agent (browsers forbid setting it), and redirects followed by the browser itself.

import type { IscClient } from './client.js';
import { createClientCore } from './create-client.js';
import type { Platform } from './internal/platform.js';
import type { IscClientOptions } from './options.js';

export * from './shared-exports.js';

const BROWSER_PLATFORM: Platform = {
  environment: undefined,
  userAgent: undefined,
  followRedirects: undefined,
  inspectFailure: undefined,
  abortsFetchOnTimeout: true,
};

/**
 * Creates a client for the ISC V3 API. Every option is checked here; a missing or malformed one throws
 * `IscConfigError` naming it. In browsers `tenant` or `baseUrl`, and `auth`, are required.
 * @example
 * const isc = createIscClient({ tenant: 'acme', auth: { accessToken: () => session.token() } });
 */
export function createIscClient(options: IscClientOptions): IscClient {
  return createClientCore(options, BROWSER_PLATFORM);
}
