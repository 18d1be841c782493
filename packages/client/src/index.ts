// The Node entry (also used by Deno, Bun and edge runtimes): reads SAIL_* environment variables, sends
// a User-Agent and follows redirects itself. It imports no Node built-in.

import { createClientFor, type IscClient } from './client.js';
import type { Platform } from './internal/config.js';
import { environmentDefaults } from './internal/environment.js';
import { inspectNetworkFailure } from './internal/network-failure.js';
import { followRedirects } from './internal/redirect.js';
import { SDK_VERSION } from './internal/version.js';
import type { IscClientOptions } from './options.js';

export * from './exports.js';

interface NodeLikeProcess {
  env?: Record<string, string | undefined>;
  versions?: { node?: string };
}

const runtime = (globalThis as { process?: NodeLikeProcess }).process;

const NODE_PLATFORM: Platform = {
  environment: environmentDefaults((name) => runtime?.env?.[name]),
  userAgent: `isc-sdk-client/${SDK_VERSION}${runtime?.versions?.node ? ` node/${runtime.versions.node}` : ''}`,
  followRedirects,
  inspectFailure: inspectNetworkFailure,
  abortsFetchOnTimeout: false,
};

/**
 * Creates a client for the ISC V3 API: an openapi-fetch `Client<paths>` with auth, retries, timeouts,
 * pacing and typed errors. Every option is checked here; a missing or malformed one throws
 * `IscConfigError` naming it. With no `tenant`/`baseUrl` or `auth`, `SAIL_BASE_URL`, `SAIL_CLIENT_ID`
 * and `SAIL_CLIENT_SECRET` are read from the environment.
 * @example
 * const isc = createIscClient({ tenant: 'acme', auth: { clientId, clientSecret } });
 * const { data, error } = await isc.GET('/campaigns/{id}', { params: { path: { id } } });
 */
export function createIscClient(options?: IscClientOptions): IscClient {
  return createClientFor(options, NODE_PLATFORM);
}
