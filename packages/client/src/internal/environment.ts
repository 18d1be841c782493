// The Node entry's fallback to the SailPoint CLI's environment variables. Only the Node entry imports
// this module, so browser bundles carry neither the variable names nor the code that reads them.

import { IscConfigError } from '../errors/request-errors.js';
import type { EnvironmentDefaults } from './config.js';

/** Defaults from `SAIL_BASE_URL`, `SAIL_CLIENT_ID` and `SAIL_CLIENT_SECRET`, read through `read`. */
export function environmentDefaults(
  read: (name: string) => string | undefined,
): EnvironmentDefaults {
  return {
    baseUrl() {
      const value = read('SAIL_BASE_URL');
      if (value) return ['SAIL_BASE_URL', value];
      throw new IscConfigError(
        'baseUrl',
        'is required: give tenant or baseUrl, or set SAIL_BASE_URL',
      );
    },
    auth() {
      const clientId = read('SAIL_CLIENT_ID') || undefined;
      const clientSecret = read('SAIL_CLIENT_SECRET') || undefined;
      if (clientId !== undefined || clientSecret !== undefined) {
        return [{ clientId, clientSecret }, ['SAIL_CLIENT_ID', 'SAIL_CLIENT_SECRET']];
      }
      throw new IscConfigError(
        'auth',
        'is required: { clientId, clientSecret } or { accessToken }, or set SAIL_CLIENT_ID and SAIL_CLIENT_SECRET',
      );
    },
  };
}
