// Checks the `auth` option and says which of the three ways of authenticating it selects.

import { IscConfigError } from '../errors/isc-config-error.js';
import { describeValue } from './check-option.js';
import { parseServiceUrl } from './resolve-base-url.js';

/** The checked `auth` option. */
export type ResolvedAuth =
  | {
      readonly kind: 'client-credentials';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly tokenUrl: string;
    }
  | { readonly kind: 'static-token'; readonly token: string }
  | { readonly kind: 'token-provider'; readonly provide: () => string | Promise<string> };

/** The option names to use in errors (they differ when the values came from environment variables). */
export interface AuthFieldNames {
  readonly auth: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

const OPTION_FIELDS: AuthFieldNames = {
  auth: 'auth',
  clientId: 'auth.clientId',
  clientSecret: 'auth.clientSecret',
};

const WHITESPACE = /\s/;

/** Validates `auth`; `origin` is the API's origin, whose `/oauth/token` is the default token endpoint. */
export function resolveAuth(
  auth: unknown,
  origin: string,
  allowInsecureHttp: boolean,
  fields: AuthFieldNames = OPTION_FIELDS,
): ResolvedAuth {
  if (typeof auth !== 'object' || auth === null) {
    throw new IscConfigError(
      fields.auth,
      `is required: give { clientId, clientSecret } or { accessToken }, got ${describeValue(auth)}`,
    );
  }
  const { clientId, clientSecret, tokenUrl, accessToken } = auth as Record<string, unknown>;
  if (accessToken !== undefined) {
    if (clientId !== undefined || clientSecret !== undefined) {
      throw new IscConfigError(
        fields.auth,
        'give either clientId and clientSecret or accessToken, not both',
      );
    }
    return resolveAccessToken(accessToken);
  }
  checkCredential(fields.clientId, clientId);
  checkCredential(fields.clientSecret, clientSecret);
  const endpoint =
    tokenUrl === undefined
      ? `${origin}/oauth/token`
      : parseServiceUrl('auth.tokenUrl', tokenUrl, allowInsecureHttp).href;
  return {
    kind: 'client-credentials',
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    tokenUrl: endpoint,
  };
}

function resolveAccessToken(accessToken: unknown): ResolvedAuth {
  if (typeof accessToken === 'function') {
    return { kind: 'token-provider', provide: accessToken as () => string | Promise<string> };
  }
  if (typeof accessToken !== 'string' || accessToken === '' || WHITESPACE.test(accessToken)) {
    throw new IscConfigError(
      'auth.accessToken',
      `must be a token string without the "Bearer " prefix or spaces, or a function returning one; got ${
        typeof accessToken === 'string' && accessToken !== ''
          ? 'a string with spaces'
          : describeValue(accessToken)
      }`,
    );
  }
  return { kind: 'static-token', token: accessToken };
}

/** A client ID or secret: a non-empty string without spaces (the value itself is never echoed). */
function checkCredential(field: string, value: unknown): void {
  if (value === undefined || value === '') {
    throw new IscConfigError(field, 'is missing');
  }
  if (typeof value !== 'string' || WHITESPACE.test(value)) {
    throw new IscConfigError(
      field,
      `must be a string without spaces, got ${typeof value === 'string' ? 'a string with spaces' : describeValue(value)}`,
    );
  }
}
