// Turns `tenant` or `baseUrl` into a normalised API base and its origin, refusing anything unsafe.

import { IscConfigError } from '../errors/isc-config-error.js';
import { describeValue, mustBe } from './check-option.js';
import { isLoopbackHost } from './loopback-host.js';
import { redactUrl } from './redact.js';

/** Where requests go: the API base (no trailing slash) and the origin that may receive the token. */
export interface ApiLocation {
  /** e.g. `https://acme.api.identitynow.com/v3` */
  readonly baseUrl: string;
  /** e.g. `https://acme.api.identitynow.com` */
  readonly origin: string;
}

/** A DNS label: letters, digits and inner hyphens, at most 63 characters. */
const TENANT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** `https://{tenant}.api.identitynow.com/v3`, after checking that `tenant` is a bare tenant name. */
export function tenantLocation(tenant: unknown): ApiLocation {
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
  const origin = `https://${tenant.toLowerCase()}.api.identitynow.com`;
  return { baseUrl: `${origin}/v3`, origin };
}

/**
 * Parses and checks an absolute URL option (`baseUrl`, `auth.tokenUrl`, `SAIL_BASE_URL`): http(s) only,
 * no credentials, query or fragment, and `http:` only for loopback hosts unless `allowInsecureHttp`.
 */
export function parseServiceUrl(field: string, value: unknown, allowInsecureHttp: boolean): URL {
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
      problem = `uses plain http: to ${url.hostname}, not a loopback host (see allowInsecureHttp)`;
    }
  } catch {
    problem = `is not an absolute URL: ${JSON.stringify(redactUrl(text).slice(0, 120))}`;
  }
  if (problem) throw new IscConfigError(field, problem);
  return url as URL;
}

/** The API base from `baseUrl`; a URL without a path (`https://acme.api.identitynow.com`) gets `/v3`. */
export function baseUrlLocation(
  field: string,
  value: unknown,
  allowInsecureHttp: boolean,
): ApiLocation {
  const { origin, pathname } = parseServiceUrl(field, value, allowInsecureHttp);
  const path = pathname.replace(/\/+$/, '');
  return { baseUrl: origin + (path || '/v3'), origin };
}
