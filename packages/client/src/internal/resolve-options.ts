// Checks every option of `createIscClient` once, at construction, and resolves the defaults.

import { IscConfigError } from '../errors/isc-config-error.js';
import type { IscClientOptions, IscFetch, IscLogger } from '../options.js';
import {
  checkBoolean,
  checkDuration,
  checkInteger,
  checkObject,
  describeValue,
} from './check-option.js';
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

const KNOWN_OPTIONS = new Set([
  'tenant',
  'baseUrl',
  'auth',
  'timeout',
  'retry',
  'tokenRefreshMargin',
  'allowInsecureHttp',
  'fetch',
  'logger',
  'userAgentSuffix',
  'headers',
  'maxResponseBytes',
]);

const globalFetch: IscFetch = (url, init) => globalThis.fetch(url, init);

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const DEFAULT_MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

/** Validates `options` (reading `SAIL_*` variables where the platform has an environment). */
export function resolveOptions(
  options: IscClientOptions | undefined,
  platform: Platform,
): ClientConfig {
  const given = checkObject('options', options ?? {}, 'an object');
  for (const key of Object.keys(given)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new IscConfigError(key, 'is not an option of createIscClient');
    }
  }
  const allowInsecureHttp = checkBoolean('allowInsecureHttp', given['allowInsecureHttp'], false);
  const location = locate(given, platform, allowInsecureHttp);
  // The global fetch is looked up per call: reading it here would load Node's fetch implementation
  // (about 20 ms) before the first request.
  const fetch = given['fetch'] ?? ('fetch' in globalThis ? globalFetch : undefined);
  if (typeof fetch !== 'function') {
    throw new IscConfigError(
      'fetch',
      'must be a function; this runtime has no global fetch to default to',
    );
  }
  const logger = given['logger'];
  if (logger !== undefined && (typeof logger !== 'object' || logger === null)) {
    throw new IscConfigError(
      'logger',
      `must be an object with debug/info/warn methods, got ${describeValue(logger)}`,
    );
  }
  return {
    ...location,
    auth: authenticate(given['auth'], location.origin, platform, allowInsecureHttp),
    timeout: checkDuration('timeout', given['timeout'], 60_000),
    retry: resolveRetry(given['retry'], DEFAULT_RETRY_POLICY),
    tokenRefreshMargin: checkDuration('tokenRefreshMargin', given['tokenRefreshMargin'], 60_000),
    allowInsecureHttp,
    fetch: fetch as IscFetch,
    logger: logger as IscLogger | undefined,
    headers: defaultHeaders(given, platform),
    maxResponseBytes: checkInteger(
      'maxResponseBytes',
      given['maxResponseBytes'],
      DEFAULT_MAX_RESPONSE_BYTES,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    platform,
  };
}

function locate(
  given: Record<string, unknown>,
  platform: Platform,
  allowInsecureHttp: boolean,
): ApiLocation {
  const { tenant, baseUrl } = given;
  if (tenant !== undefined && baseUrl !== undefined) {
    throw new IscConfigError('tenant', 'give either tenant or baseUrl, not both');
  }
  if (tenant !== undefined) return tenantLocation(tenant);
  if (baseUrl !== undefined) return baseUrlLocation('baseUrl', baseUrl, allowInsecureHttp);
  if (platform.environment) return platform.environment.location(allowInsecureHttp);
  throw new IscConfigError(
    'baseUrl',
    'is required: give tenant or baseUrl (the browser entry reads no environment variables)',
  );
}

function authenticate(
  auth: unknown,
  origin: string,
  platform: Platform,
  allowInsecureHttp: boolean,
): ResolvedAuth {
  return auth === undefined && platform.environment
    ? platform.environment.auth(origin, allowInsecureHttp)
    : resolveAuth(auth, origin, allowInsecureHttp);
}

/** Accept, User-Agent (where allowed) and the caller's `headers`, checked. */
function defaultHeaders(
  given: Record<string, unknown>,
  platform: Platform,
): Record<string, string> {
  const out: Record<string, string> = { accept: 'application/json' };
  const suffix = given['userAgentSuffix'];
  if (
    suffix !== undefined &&
    (typeof suffix !== 'string' || !PRINTABLE_ASCII.test(suffix.trim()))
  ) {
    throw new IscConfigError(
      'userAgentSuffix',
      'must be a non-empty string of printable ASCII characters',
    );
  }
  if (platform.userAgent !== undefined) {
    out['user-agent'] = suffix ? `${platform.userAgent} ${suffix.trim()}` : platform.userAgent;
  }
  const headers = given['headers'];
  if (headers === undefined) return out;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new IscConfigError(
      'headers',
      `must be an object of header names to strings, got ${describeValue(headers)}`,
    );
  }
  for (const [name, value] of Object.entries(headers)) {
    const field = `headers.${name}`;
    if (name.toLowerCase() === 'authorization') {
      throw new IscConfigError(field, 'is managed by the client; use the auth option');
    }
    if (typeof value !== 'string') {
      throw new IscConfigError(field, `must be a string, got ${describeValue(value)}`);
    }
    try {
      new Headers([[name, value]]);
    } catch {
      throw new IscConfigError(field, 'is not a valid HTTP header name or value');
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}
