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
  readonly clientId: string;
  readonly clientSecret: string;
}

const OPTION_FIELDS: AuthFieldNames = {
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
      'auth',
      `is required: { clientId, clientSecret } or { accessToken }, got ${describeValue(auth)}`,
    );
  }
  const { clientId, clientSecret, tokenUrl, accessToken } = auth as Record<string, unknown>;
  if (accessToken !== undefined) {
    if (clientId !== undefined || clientSecret !== undefined) {
      throw new IscConfigError('auth', 'give clientId and clientSecret or accessToken, not both');
    }
    if (typeof accessToken === 'function') {
      return { kind: 'token-provider', provide: accessToken as () => string | Promise<string> };
    }
    if (typeof accessToken !== 'string' || !accessToken || WHITESPACE.test(accessToken)) {
      throw new IscConfigError(
        'auth.accessToken',
        `must be a token without the "Bearer " prefix or spaces, or a function; got ${spaced(accessToken)}`,
      );
    }
    return { kind: 'static-token', token: accessToken };
  }
  checkCredential(fields.clientId, clientId);
  checkCredential(fields.clientSecret, clientSecret);
  return {
    kind: 'client-credentials',
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    tokenUrl:
      tokenUrl === undefined
        ? `${origin}/oauth/token`
        : parseServiceUrl('auth.tokenUrl', tokenUrl, allowInsecureHttp).href,
  };
}

/** A client ID or secret: a non-empty string without spaces (the value itself is never echoed). */
function checkCredential(field: string, value: unknown): void {
  if (value === undefined || value === '') throw new IscConfigError(field, 'is missing');
  if (typeof value !== 'string' || WHITESPACE.test(value)) {
    throw new IscConfigError(field, `must be a string without spaces, got ${spaced(value)}`);
  }
}

/** `describeValue`, saying "a string with spaces" for a non-empty string. */
function spaced(value: unknown): string {
  return typeof value === 'string' && value ? 'a string with spaces' : describeValue(value);
}
