// Shared helpers for building clients against a loopback server.

import { createClientFor, type IscClient } from '../../src/client.js';
import type { Platform } from '../../src/internal/config.js';
import { environmentDefaults } from '../../src/internal/environment.js';
import { inspectNetworkFailure } from '../../src/internal/network-failure.js';
import { followRedirects } from '../../src/internal/redirect.js';
import type { IscClientOptions } from '../../src/options.js';

/** A recognisable client secret: no test output may ever contain it. */
export const CLIENT_SECRET = 'sEcReT-7f3a9c1e-do-not-leak';
export const CLIENT_ID = 'a1b2c3d4-e5f6-4711-8000-000000000001';

/** The Node entry's platform, with an environment the test controls. */
export function nodePlatform(env: Record<string, string> = {}): Platform {
  return {
    environment: environmentDefaults((name) => env[name]),
    userAgent: 'isc-sdk-client/0.0.0-test node/test',
    followRedirects,
    inspectFailure: inspectNetworkFailure,
    abortsFetchOnTimeout: false,
  };
}

/** A client for `origin`, with client credentials and fast retries unless `options` say otherwise. */
export function clientFor(
  origin: string,
  options: IscClientOptions = {},
  platform = nodePlatform(),
): IscClient {
  return createClientFor(
    {
      baseUrl: `${origin}/v3`,
      auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      retry: { baseDelay: 1, maxDelay: 5 },
      ...options,
    },
    platform,
  );
}
