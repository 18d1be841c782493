// Checks every option of `createIscClient` once, at construction, and resolves the defaults into one
// object that the transport, the token source and the paging helpers share.

import { IscConfigError } from '../errors/request-errors.js';
import type { IscClientOptions, IscFetch, IscLogger } from '../options.js';
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkObject,
  describeValue,
  mustBe,
} from './checks.js';
import type { NetworkFailure } from './network-failure.js';
import { redactUrl } from './redact.js';
import type { FollowRedirects } from './redirect.js';
import { DEFAULT_RETRY_POLICY, resolveRetry, type RetryPolicy } from './retry.js';

/** What differs between the Node entry and the browser entry. Nothing here imports a Node built-in. */
export interface Platform {
  /** Fills in a missing base URL or auth from `SAIL_*` variables (Node entry); undefined in browsers. */
  readonly environment: EnvironmentDefaults | undefined;
  /** The SDK's own `User-Agent` product tokens, or undefined where scripts may not set the header. */
  readonly userAgent: string | undefined;
  /**
   * Follows redirects in the client (fetch with `redirect: "manual"`), so the Authorization header
   * provably never reaches another origin. Browsers hide redirect responses from scripts and drop
   * Authorization on a cross-origin hop themselves, so the browser entry leaves this out.
   */
  readonly followRedirects: FollowRedirects | undefined;
  /** Reads the error codes of a failed fetch (undici's `cause` chain); undefined in browsers. */
  readonly inspectFailure: ((error: unknown) => NetworkFailure) | undefined;
  /**
   * True to abort the connection itself when a call times out. Browsers need it (a hung request holds
   * one of a handful of connections per host); in Node a timed-out call rejects at once and a late
   * response is released unread, which saves handing every request an AbortSignal.
   */
  readonly abortsFetchOnTimeout: boolean;
}

/** Supplies what the options leave out; each throws `IscConfigError` naming the missing variable. */
export interface EnvironmentDefaults {
  /** The base URL's variable name and value. */
  baseUrl(): [field: string, value: string];
  /** Client credentials (at least one of the two set), and their variable names. */
  auth(): [
    auth: { clientId?: string | undefined; clientSecret?: string | undefined },
    fields: string[],
  ];
}

/** The checked `auth` option. */
export type ResolvedAuth =
  | {
      readonly kind: 'client-credentials';
      clientId: string;
      clientSecret: string;
      tokenUrl: string;
    }
  | { readonly kind: 'static-token'; readonly token: string }
  | { readonly kind: 'token-provider'; readonly provide: () => string | Promise<string> };

/** A request budget: at most `requests` requests in any `windowMs` milliseconds. */
export interface RateLimit {
  readonly requests: number;
  readonly windowMs: number;
}

/** Every option, checked and defaulted. */
export interface ClientConfig {
  /** The API base without a trailing slash, e.g. `https://acme.api.identitynow.com/v3`. */
  readonly baseUrl: string;
  /** The only origin that receives the token, e.g. `https://acme.api.identitynow.com`. */
  readonly origin: string;
  readonly auth: ResolvedAuth;
  readonly timeout: number;
  readonly retry: RetryPolicy | undefined;
  readonly rateLimit: RateLimit | undefined;
  readonly tokenRefreshMargin: number;
  readonly allowInsecureHttp: boolean;
  readonly fetch: IscFetch;
  readonly logger: IscLogger | undefined;
  /** Headers set on every request (User-Agent and Accept included), lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly maxResponseBytes: number;
  readonly platform: Platform;
}

/** SailPoint's documented gateway limit: 100 requests per 10 seconds for each client id. */
export const TENANT_RATE_LIMIT: RateLimit = { requests: 100, windowMs: 10_000 };

const KNOWN_OPTIONS = new Set(
  'tenant baseUrl auth timeout retry rateLimit tokenRefreshMargin allowInsecureHttp fetch logger userAgentSuffix headers maxResponseBytes'.split(
    ' ',
  ),
);

const globalFetch: IscFetch = (url, init) => globalThis.fetch(url, init);
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_HEADER_VALUE = /[\r\n\0]/;
const WHITESPACE = /\s/;
/** A DNS label: letters, digits and inner hyphens, at most 63 characters. */
const TENANT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** The hosts of SailPoint's tenants, where the documented gateway limit applies. */
const TENANT_HOST = /\.(?:identitynow|identitynow-demo|sailpoint)\.com$/i;

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
  const { tenant, logger, userAgentSuffix: suffix, headers } = given;
  const allowInsecureHttp = checkBoolean('allowInsecureHttp', given['allowInsecureHttp'], false);
  const { environment, userAgent } = platform;
  if (tenant !== undefined && given['baseUrl'] !== undefined) {
    throw new IscConfigError('tenant', 'give tenant or baseUrl, not both');
  }
  let baseUrl: string;
  let origin: string;
  if (tenant !== undefined) {
    if (typeof tenant !== 'string' || !TENANT.test(tenant)) {
      throw new IscConfigError(
        'tenant',
        `must be letters, digits and hyphens, got ${tenant ? JSON.stringify(tenant).slice(0, 80) : describeValue(tenant)}${
          typeof tenant === 'string' && tenant.includes('.')
            ? '; give only the tenant name, or the URL as baseUrl'
            : ''
        }`,
      );
    }
    origin = `https://${tenant.toLowerCase()}.api.identitynow.com`;
    baseUrl = `${origin}/v3`;
  } else {
    let field = 'baseUrl';
    let value = given['baseUrl'];
    if (value === undefined) {
      if (!environment) {
        throw new IscConfigError('baseUrl', 'is required: give tenant or baseUrl');
      }
      [field, value] = environment.baseUrl();
    }
    const url = parseServiceUrl(field, value, allowInsecureHttp);
    origin = url.origin;
    // A URL without a path (`https://acme.api.identitynow.com`) gets `/v3`.
    baseUrl = origin + (url.pathname.replace(/\/+$/, '') || '/v3');
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
      if (!HEADER_NAME.test(name) || BAD_HEADER_VALUE.test(value)) {
        throw new IscConfigError(`headers.${name}`, 'is not a valid HTTP header name or value');
      }
      out[name.toLowerCase()] = value;
    }
  }
  let auth = given['auth'];
  let authFields = ['auth.clientId', 'auth.clientSecret'];
  if (auth === undefined && environment) [auth, authFields] = environment.auth();
  return {
    baseUrl,
    origin,
    auth: resolveAuth(auth, origin, allowInsecureHttp, authFields),
    timeout: checkNumber('timeout', given['timeout'], 60_000),
    retry: resolveRetry(given['retry'], DEFAULT_RETRY_POLICY),
    rateLimit: resolveRateLimit(given['rateLimit'], origin),
    tokenRefreshMargin: checkNumber('tokenRefreshMargin', given['tokenRefreshMargin'], 60_000),
    allowInsecureHttp,
    fetch: fetch as IscFetch,
    logger: logger as IscLogger | undefined,
    headers: out,
    maxResponseBytes: checkInteger('maxResponseBytes', given['maxResponseBytes'], 2 ** 27, 1),
    platform,
  };
}

/**
 * True when `hostname` (as `URL.hostname` gives it, IPv4 normalised) is a loopback literal: `localhost`,
 * an address in 127.0.0.0/8, or `[::1]`. Names under `.localhost` are not: they go to DNS resolvers
 * that may not honour RFC 6761.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^(?:localhost|\[::1\]|127(?:\.\d{1,3}){3})$/.test(hostname);
}

/**
 * True when the absolute, normalised `url` belongs to `origin`. A plain prefix test is not enough:
 * `https://acme.example.com.evil.test` starts with `https://acme.example.com`, so the next character
 * must end the authority.
 */
export function isSameOrigin(url: string, origin: string): boolean {
  if (!url.startsWith(origin)) return false;
  const next = url.charCodeAt(origin.length);
  return Number.isNaN(next) || next === 47 /* / */ || next === 63 /* ? */ || next === 35; /* # */
}

/**
 * Parses and checks an absolute URL option (`baseUrl`, `auth.tokenUrl`, `SAIL_BASE_URL`): http(s) only,
 * no credentials, query or fragment, and `http:` only for loopback hosts unless `allowInsecureHttp`.
 */
function parseServiceUrl(field: string, value: unknown, allowInsecureHttp: boolean): URL {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw mustBe(field, 'an absolute https: URL', value);
  let url: URL | undefined;
  let problem: string | undefined;
  try {
    url = new URL(text);
    const { protocol } = url;
    if (protocol !== 'https:' && protocol !== 'http:') problem = `must use https:, got ${protocol}`;
    else if (url.username || url.password) problem = 'must not hold a user name or password';
    else if (url.search || url.hash) problem = 'must not have a query string or fragment';
    else if (protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
      problem = `uses plain http: to ${url.hostname}, not a loopback address (see allowInsecureHttp)`;
    }
  } catch {
    problem = `is not an absolute URL: ${JSON.stringify(redactUrl(text).slice(0, 120))}`;
  }
  if (problem) throw new IscConfigError(field, problem);
  return url as URL;
}

/** Validates `auth`; `origin` is the API's origin, whose `/oauth/token` is the default token endpoint. */
function resolveAuth(
  auth: unknown,
  origin: string,
  allowInsecureHttp: boolean,
  [idField, secretField]: string[],
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
  checkCredential(idField as string, clientId);
  checkCredential(secretField as string, clientSecret);
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

/**
 * The `rateLimit` option: `false` for none, `{ requests, windowMs }`, or by default the documented
 * gateway limit for SailPoint tenant hosts and none elsewhere (proxies and mock tenants set their own).
 */
function resolveRateLimit(value: unknown, origin: string): RateLimit | undefined {
  if (value === false) return undefined;
  if (value === undefined) {
    return TENANT_HOST.test(new URL(origin).hostname) ? TENANT_RATE_LIMIT : undefined;
  }
  const limit = checkObject('rateLimit', value, 'false or { requests, windowMs }');
  for (const key of ['requests', 'windowMs']) {
    if (limit[key] === undefined) throw new IscConfigError(`rateLimit.${key}`, 'is missing');
  }
  return {
    requests: checkInteger('rateLimit.requests', limit['requests'], 0, 1, 1_000_000),
    windowMs: checkNumber('rateLimit.windowMs', limit['windowMs'], 0, 1),
  };
}
