// The Node entry's fallback to the SailPoint CLI's environment variables. Only the Node entry imports
// this module, so browser bundles carry neither the variable names nor the code that reads them.

import type { EnvironmentDefaults } from './config.js';

/** Defaults from `SAIL_BASE_URL`, `SAIL_CLIENT_ID` and `SAIL_CLIENT_SECRET`, read through `read`. */
export function environmentDefaults(
  read: (name: string) => string | undefined,
): EnvironmentDefaults {
  return {
    baseUrl: () => read('SAIL_BASE_URL') || undefined,
    auth() {
      const clientId = read('SAIL_CLIENT_ID') || undefined;
      const clientSecret = read('SAIL_CLIENT_SECRET') || undefined;
      return clientId === undefined && clientSecret === undefined
        ? undefined
        : { clientId, clientSecret };
    },
  };
}
