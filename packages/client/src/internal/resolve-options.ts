// Checks every option of `createIscClient` once, at construction, and resolves the defaults.

import { IscConfigError } from '../errors/isc-config-error.js';
import type { IscClientOptions, IscFetch, IscLogger } from '../options.js';
import { checkBoolean, checkInteger, checkNumber, checkObject, mustBe } from './check-option.js';
import { checkHeader } from './check-header.js';
import type { Platform } from './platform.js';
import { resolveAuth, type ResolvedAuth } from './resolve-auth.js';
import { baseUrlLocation, tenantLocation, type ApiLocation } from './resolve-base-url.js';
import { resolveRetry } from './resolve-retry.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

/** Every option, checked and defaulted. */
export interface ClientConfig extends ApiLocation {
  readonly auth: ResolvedAuth;
  readonly timeout: number;
  readonly retry: RetryPolicy | undefined;
  readonly tokenRefreshMargin: number;
  readonly allowInsecureHttp: boolean;
  readonly fetch: IscFetch;
  readonly logger: IscLogger | undefined;
  /** Headers set on every request (User-Agent and Accept included), lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly maxResponseBytes: number;
  readonly platform: Platform;
}

const KNOWN_OPTIONS = new Set(
  'tenant baseUrl auth timeout retry tokenRefreshMargin allowInsecureHttp fetch logger userAgentSuffix headers maxResponseBytes'.split(
    ' ',
  ),
);

const globalFetch: IscFetch = (url, init) => globalThis.fetch(url, init);

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** Validates `options` (reading `SAIL_*` variables where the platform has an environment). */
export function resolveOptions(
  options: IscClientOptions | undefined,
  platform: Platform,
): ClientConfig {
  const given = checkObject('options', options ?? {}, 'an object');
  for (const key in given) {
    if (!KNOWN_OPTIONS.has(key))
      throw new IscConfigError(key, 'is not an option of createIscClient');
  }
  const { tenant, baseUrl, auth, logger, userAgentSuffix: suffix, headers } = given;
  const allowInsecureHttp = checkBoolean('allowInsecureHttp', given['allowInsecureHttp'], false);
  const { environment, userAgent } = platform;
  if (tenant !== undefined && baseUrl !== undefined) {
    throw new IscConfigError('tenant', 'give tenant or baseUrl, not both');
  }
  let location: ApiLocation;
  if (tenant !== undefined) location = tenantLocation(tenant);
  else if (baseUrl !== undefined) location = baseUrlLocation('baseUrl', baseUrl, allowInsecureHttp);
  else if (environment) location = environment.location(allowInsecureHttp);
  else {
    throw new IscConfigError(
      'baseUrl',
      'is required: give tenant or baseUrl (the browser entry reads no environment variables)',
    );
  }
  // The global fetch is looked up per call: reading it here would load Node's fetch implementation
  // (about 20 ms) before the first request.
  const fetch = given['fetch'] ?? ('fetch' in globalThis ? globalFetch : undefined);
  if (typeof fetch !== 'function') {
    throw new IscConfigError('fetch', 'must be a function (this runtime has no global fetch)');
  }
  if (logger !== undefined) checkObject('logger', logger, 'an object with debug/info/warn methods');
  if (
    suffix !== undefined &&
    (typeof suffix !== 'string' || !PRINTABLE_ASCII.test(suffix.trim()))
  ) {
    throw new IscConfigError('userAgentSuffix', 'must be printable ASCII');
  }
  const out: Record<string, string> = { accept: 'application/json' };
  if (userAgent !== undefined)
    out['user-agent'] = suffix ? `${userAgent} ${suffix.trim()}` : userAgent;
  if (headers !== undefined) {
    for (const [name, value] of Object.entries(checkObject('headers', headers, 'an object'))) {
      if (name.toLowerCase() === 'authorization') {
        throw new IscConfigError(`headers.${name}`, 'is managed by the client');
      }
      if (typeof value !== 'string') throw mustBe(`headers.${name}`, 'a string', value);
      checkHeader(name, value);
      out[name.toLowerCase()] = value;
    }
  }
  return {
    ...location,
    auth:
      auth === undefined && environment
        ? environment.auth(location.origin, allowInsecureHttp)
        : resolveAuth(auth, location.origin, allowInsecureHttp),
    timeout: checkNumber('timeout', given['timeout'], 60_000),
    retry: resolveRetry(given['retry'], DEFAULT_RETRY_POLICY),
    tokenRefreshMargin: checkNumber('tokenRefreshMargin', given['tokenRefreshMargin'], 60_000),
    allowInsecureHttp,
    fetch: fetch as IscFetch,
    logger: logger as IscLogger | undefined,
    headers: out,
    maxResponseBytes: checkInteger('maxResponseBytes', given['maxResponseBytes'], 2 ** 27, 1),
    platform,
  };
}
