// The Node entry's fallback to the SailPoint CLI's environment variables. Only the Node entry imports
// this module, so browser bundles carry neither the variable names nor the code that reads them.

import { IscConfigError } from '../errors/isc-config-error.js';
import { resolveAuth, type ResolvedAuth } from './resolve-auth.js';
import { baseUrlLocation, type ApiLocation } from './resolve-base-url.js';

/** Supplies what the options leave out; each throws `IscConfigError` naming the missing variable. */
export interface EnvironmentDefaults {
  location(allowInsecureHttp: boolean): ApiLocation;
  auth(origin: string, allowInsecureHttp: boolean): ResolvedAuth;
}

/** Defaults from `SAIL_BASE_URL`, `SAIL_CLIENT_ID` and `SAIL_CLIENT_SECRET`, read through `read`. */
export function environmentDefaults(
  read: (name: string) => string | undefined,
): EnvironmentDefaults {
  return {
    location(allowInsecureHttp) {
      const baseUrl = read('SAIL_BASE_URL');
      if (!baseUrl) {
        throw new IscConfigError(
          'baseUrl',
          'is required: give tenant or baseUrl, or set SAIL_BASE_URL',
        );
      }
      return baseUrlLocation('SAIL_BASE_URL', baseUrl, allowInsecureHttp);
    },
    auth(origin, allowInsecureHttp) {
      const clientId = read('SAIL_CLIENT_ID') || undefined;
      const clientSecret = read('SAIL_CLIENT_SECRET') || undefined;
      if (clientId === undefined && clientSecret === undefined) {
        throw new IscConfigError(
          'auth',
          'is required: { clientId, clientSecret } or { accessToken }, or set SAIL_CLIENT_ID and SAIL_CLIENT_SECRET',
        );
      }
      return resolveAuth({ clientId, clientSecret }, origin, allowInsecureHttp, {
        clientId: 'SAIL_CLIENT_ID',
        clientSecret: 'SAIL_CLIENT_SECRET',
      });
    },
  };
}
