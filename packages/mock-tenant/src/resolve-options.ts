import { operationMetadata } from '@isc-sdk/types';
import { toClock, type Clock } from './core/clock.js';
import { MockTenantOptionsError } from './errors/mock-tenant-options-error.js';
import { DEFAULT_MAX_BODY_BYTES } from './http/body-limit.js';
import {
  type CorsOptions,
  type FaultOptions,
  type HttpMethod,
  type LatencyOption,
  type MockTenantOptions,
  type RateLimitOptions,
} from './mock-tenant-options.js';
import type { RateLimit } from './http/rate-limiter.js';

/** Directory sizes with every default filled in. */
export interface ResolvedSize {
  readonly identities: number;
  readonly sources: number;
  readonly entitlementsPerSource: number;
  readonly accessProfiles: number;
  readonly roles: number;
  readonly accessPerIdentity: number;
  readonly reviewItemsPerCertification: number | undefined;
}

/** Fault settings with every default filled in. */
export interface ResolvedFaults {
  readonly seed: number;
  readonly serverErrorRate: number;
  readonly serverErrorStatuses: readonly number[];
  readonly rateLimitRate: number;
  readonly retryAfterSeconds: number;
  readonly connectionResetRate: number;
  readonly truncatedBodyRate: number;
  readonly truncateMethods: ReadonlySet<string>;
  readonly latency: { readonly min: number; readonly max: number };
  readonly onlyOperations: ReadonlySet<string> | undefined;
  readonly excludeOperations: ReadonlySet<string>;
  readonly tokenEndpoint: boolean;
}

/** Everything `startMockTenant` needs, validated. */
export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenLifetimeSeconds: number;
  readonly seed: number;
  readonly size: ResolvedSize;
  readonly preloadActiveCampaign: boolean;
  readonly faults: ResolvedFaults;
  readonly clock: Clock;
  readonly backgroundDelayMs: number;
  readonly cors:
    | { readonly origin: string | readonly string[]; readonly allowHeaders: readonly string[] }
    | undefined;
  readonly validateResponses: boolean;
  readonly maxBodyBytes: number;
  readonly rateLimit: RateLimit | undefined;
}

/** The default client ID: deterministic and obviously fake. */
export const DEFAULT_CLIENT_ID = 'mock-client-id-0000-0000-000000000000';
/** The default client secret: deterministic and obviously fake. */
export const DEFAULT_CLIENT_SECRET = 'mock-client-secret-not-a-real-secret';

const ALL_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function integer(
  option: string,
  value: unknown,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new MockTenantOptionsError(option, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

function positive(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new MockTenantOptionsError(option, value, 'a positive number');
  }
  return value;
}

function rate(option: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new MockTenantOptionsError(option, value, 'a probability from 0 to 1');
  }
  return value;
}

function text(option: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.length === 0) {
    throw new MockTenantOptionsError(option, value, 'a non-empty string');
  }
  return value;
}

function flag(option: string, value: unknown, fallback = false): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new MockTenantOptionsError(option, value, 'true or false');
  return value;
}

function operationSet(option: string, value: unknown): Set<string> | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw new MockTenantOptionsError(option, value, 'a list of operationIds');
  const unknown = value.filter(
    (entry) => typeof entry !== 'string' || !Object.hasOwn(operationMetadata, entry),
  );
  if (unknown.length > 0) {
    throw new MockTenantOptionsError(
      option,
      unknown.length === 1 ? unknown[0] : unknown,
      'operationIds of the spec',
    );
  }
  return new Set(value as string[]);
}

function resolveLatency(
  option: string,
  value: LatencyOption | undefined,
): { min: number; max: number } {
  if (value === undefined) return { min: 0, max: 0 };
  if (typeof value === 'number') {
    if (!(value >= 0) || !Number.isFinite(value))
      throw new MockTenantOptionsError(option, value, 'milliseconds >= 0');
    return { min: value, max: value };
  }
  const { min, max } = value;
  if (!(min >= 0) || !(max >= min) || !Number.isFinite(max)) {
    throw new MockTenantOptionsError(option, value, '{ min, max } with 0 <= min <= max');
  }
  return { min, max };
}

/**
 * Validates fault settings and fills in defaults.
 * @param fallbackSeed used when `faults.seed` is absent
 * @param latencyFallback the top-level `latencyMs` option
 */
export function resolveFaults(
  faults: FaultOptions | undefined,
  fallbackSeed: number,
  latencyFallback?: LatencyOption,
): ResolvedFaults {
  const f = faults ?? {};
  const statuses = f.serverErrorStatuses ?? [500, 503];
  if (
    !Array.isArray(statuses) ||
    statuses.length === 0 ||
    statuses.some((s) => typeof s !== 'number' || !Number.isInteger(s) || s < 500 || s > 599)
  ) {
    throw new MockTenantOptionsError(
      'faults.serverErrorStatuses',
      statuses,
      'a non-empty list of 5xx statuses',
    );
  }
  const methods = f.truncateMethods ?? ALL_METHODS;
  if (!Array.isArray(methods) || methods.some((m) => !ALL_METHODS.includes(m))) {
    throw new MockTenantOptionsError(
      'faults.truncateMethods',
      methods,
      `a list of ${ALL_METHODS.join(', ')}`,
    );
  }
  return {
    seed: integer('faults.seed', f.seed, fallbackSeed, -2147483648, 4294967295),
    serverErrorRate: rate('faults.serverErrorRate', f.serverErrorRate),
    serverErrorStatuses: [...statuses],
    rateLimitRate: rate('faults.rateLimitRate', f.rateLimitRate),
    retryAfterSeconds: integer('faults.retryAfterSeconds', f.retryAfterSeconds, 1, 0, 86400),
    connectionResetRate: rate('faults.connectionResetRate', f.connectionResetRate),
    truncatedBodyRate: rate('faults.truncatedBodyRate', f.truncatedBodyRate),
    truncateMethods: new Set(methods),
    latency:
      f.latencyMs !== undefined
        ? resolveLatency('faults.latencyMs', f.latencyMs)
        : resolveLatency('latencyMs', latencyFallback),
    onlyOperations: operationSet('faults.onlyOperations', f.onlyOperations),
    excludeOperations: operationSet('faults.excludeOperations', f.excludeOperations) ?? new Set(),
    tokenEndpoint: flag('faults.tokenEndpoint', f.tokenEndpoint),
  };
}

function isExactOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

function resolveCors(value: unknown): ResolvedOptions['cors'] {
  if (value === false) return undefined;
  if (value === undefined || value === true) return { origin: 'loopback', allowHeaders: [] };
  if (typeof value !== 'object' || value === null) {
    throw new MockTenantOptionsError('cors', value, 'true, false or { origin, allowHeaders }');
  }
  const given = value as CorsOptions;
  const origin = given.origin ?? 'loopback';
  const allowHeaders = given.allowHeaders ?? [];
  const strings = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every((entry) => typeof entry === 'string');
  const list = typeof origin === 'string' ? [origin] : origin;
  const keyword = origin === 'loopback' || origin === '*';
  if (!keyword && !(strings(list) && list.length > 0 && list.every(isExactOrigin))) {
    throw new MockTenantOptionsError(
      'cors.origin',
      origin,
      "'loopback', '*', or origins like 'http://127.0.0.1:5173' (scheme, host and port, no path)",
    );
  }
  if (!strings(allowHeaders))
    throw new MockTenantOptionsError('cors.allowHeaders', allowHeaders, 'a list of header names');
  return { origin, allowHeaders };
}

/** The documented gateway limit: 100 requests per 10 seconds per client ID. */
export const DOCUMENTED_RATE_LIMIT: RateLimit = { requests: 100, windowMs: 10_000 };

function resolveRateLimit(value: unknown): RateLimit | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DOCUMENTED_RATE_LIMIT;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MockTenantOptionsError('rateLimit', value, 'true, false or { requests, windowMs }');
  }
  const given = value as RateLimitOptions;
  return {
    requests: integer(
      'rateLimit.requests',
      given.requests,
      DOCUMENTED_RATE_LIMIT.requests,
      1,
      100_000,
    ),
    windowMs: positive('rateLimit.windowMs', given.windowMs, DOCUMENTED_RATE_LIMIT.windowMs),
  };
}

/** Validates `startMockTenant` options and fills in defaults. */
export function resolveOptions(options: MockTenantOptions = {}): ResolvedOptions {
  const seed = integer('seed', options.seed, 1, -2147483648, 4294967295);
  const s = options.size ?? {};
  const identities = integer('size.identities', s.identities, 300, 2, 1_000_000);
  const size: ResolvedSize = {
    identities,
    sources: integer('size.sources', s.sources, 6, 1, 1000),
    entitlementsPerSource: integer(
      'size.entitlementsPerSource',
      s.entitlementsPerSource,
      25,
      1,
      100_000,
    ),
    accessProfiles: integer('size.accessProfiles', s.accessProfiles, 30, 0, 100_000),
    roles: integer('size.roles', s.roles, 12, 0, 100_000),
    accessPerIdentity: integer('size.accessPerIdentity', s.accessPerIdentity, 6, 1, 1000),
    reviewItemsPerCertification:
      s.reviewItemsPerCertification === undefined
        ? undefined
        : integer(
            'size.reviewItemsPerCertification',
            s.reviewItemsPerCertification,
            0,
            1,
            5_000_000,
          ),
  };
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new MockTenantOptionsError(
      'now',
      options.now,
      'a function returning a Date or epoch milliseconds',
    );
  }
  return {
    port: integer('port', options.port, 0, 0, 65535),
    host: text('host', options.host, '127.0.0.1'),
    clientId: text('clientId', options.clientId, DEFAULT_CLIENT_ID),
    clientSecret: text('clientSecret', options.clientSecret, DEFAULT_CLIENT_SECRET),
    tokenLifetimeSeconds: integer('tokenLifetimeSeconds', options.tokenLifetimeSeconds, 749, 1),
    seed,
    size,
    preloadActiveCampaign: flag('preloadActiveCampaign', options.preloadActiveCampaign),
    faults: resolveFaults(options.faults, seed, options.latencyMs),
    clock: toClock(options.now),
    backgroundDelayMs: integer('backgroundDelayMs', options.backgroundDelayMs, 0, 0),
    cors: resolveCors(options.cors),
    validateResponses: flag('validateResponses', options.validateResponses),
    maxBodyBytes: integer('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 1),
    rateLimit: resolveRateLimit(options.rateLimit),
  };
}
