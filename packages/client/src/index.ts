// The Node entry (also used by Deno, Bun and edge runtimes): reads SAIL_* environment variables and sends
// a User-Agent. It imports no Node built-in.

import type { IscClient } from './client.js';
import { createClientCore } from './create-client.js';
import { environmentDefaults } from './internal/environment-defaults.js';
import type { Platform } from './internal/platform.js';
import { inspectNetworkFailure } from './internal/network-failure.js';
import { followRedirects } from './internal/redirect.js';
import { SDK_VERSION } from './internal/version.js';
import type { IscClientOptions } from './options.js';

export * from './shared-exports.js';

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
 * Creates a client for the ISC V3 API. Every option is checked here; a missing or malformed one throws
 * `IscConfigError` naming it. With no `tenant`/`baseUrl` or `auth`, `SAIL_BASE_URL`, `SAIL_CLIENT_ID`
 * and `SAIL_CLIENT_SECRET` are read from the environment.
 * @example
 * const isc = createIscClient({ tenant: 'acme', auth: { clientId, clientSecret } });
 * const { data, error } = await isc.GET('/campaigns/{id}', { params: { path: { id } } });
 */
export function createIscClient(options?: IscClientOptions): IscClient {
  return createClientCore(options, NODE_PLATFORM);
}
