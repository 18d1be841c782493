// Turns `tenant` or `baseUrl` into a normalised API base and its origin, refusing anything unsafe.

import { IscConfigError } from '../errors/isc-config-error.js';
import { describeValue } from './check-option.js';
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
    const hint =
      typeof tenant === 'string' && tenant.includes('.')
        ? '; give only the tenant name (e.g. "acme"), or the whole URL as baseUrl'
        : '';
    throw new IscConfigError(
      'tenant',
      `must be a tenant name made of letters, digits and hyphens, got ${
        typeof tenant === 'string' && tenant !== ''
          ? JSON.stringify(tenant.slice(0, 80))
          : describeValue(tenant)
      }${hint}`,
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
  if (typeof value !== 'string' || value.trim() === '') {
    throw new IscConfigError(field, `must be an absolute https: URL, got ${describeValue(value)}`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new IscConfigError(
      field,
      `is not an absolute URL: ${JSON.stringify(redactUrl(value.trim()).slice(0, 120))}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new IscConfigError(field, `must use https:, got ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new IscConfigError(
      field,
      'must not contain a user name or password; use the auth option',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new IscConfigError(field, 'must not have a query string or fragment');
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    throw new IscConfigError(
      field,
      `uses plain http: for ${url.hostname}, which is not a loopback host; tokens and secrets would travel ` +
        'unencrypted. Use https:, or set allowInsecureHttp: true on a network you trust',
    );
  }
  return url;
}

/** The API base from `baseUrl`; a URL without a path (`https://acme.api.identitynow.com`) gets `/v3`. */
export function baseUrlLocation(
  field: string,
  value: unknown,
  allowInsecureHttp: boolean,
): ApiLocation {
  const url = parseServiceUrl(field, value, allowInsecureHttp);
  const path = url.pathname.replace(/\/+$/, '');
  return { baseUrl: url.origin + (path === '' ? '/v3' : path), origin: url.origin };
}
