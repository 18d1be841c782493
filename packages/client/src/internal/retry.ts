// Which responses and failures are retried, how long to wait, and the `retry` option that says so.

import { IscConfigError } from '../errors/request-errors.js';
import { checkInteger, checkNumber, mustBe } from './checks.js';

/** A complete retry policy (every field resolved; durations in milliseconds). */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly maxRetryAfter: number;
  readonly maxTotalWait: number;
  readonly baseDelay: number;
  readonly maxDelay: number;
  /** Server-error statuses retried for idempotent calls. */
  readonly statuses: readonly number[];
}

/** The policy used when the caller does not configure one. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxRetryAfter: 60_000,
  maxTotalWait: 60_000,
  baseDelay: 500,
  maxDelay: 10_000,
  statuses: [500, 502, 503, 504],
};

const DURATIONS = ['maxRetryAfter', 'maxTotalWait', 'baseDelay', 'maxDelay'] as const;

/**
 * Resolves a `retry` option (client-wide or per call) over `base`: `false` disables retrying, an object
 * overrides the fields it sets, `undefined` keeps `base`.
 */
export function resolveRetry(
  value: unknown,
  base: RetryPolicy | undefined,
): RetryPolicy | undefined {
  if (value === undefined) return base;
  if (value === false) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw mustBe('retry', 'false or an object', value);
  }
  const from = base ?? DEFAULT_RETRY_POLICY;
  const options = value as Record<string, unknown>;
  const policy = { ...from } as { -readonly [K in keyof RetryPolicy]: RetryPolicy[K] };
  policy.maxAttempts = checkInteger(
    'retry.maxAttempts',
    options['maxAttempts'],
    from.maxAttempts,
    1,
    100,
  );
  for (const key of DURATIONS) policy[key] = checkNumber(`retry.${key}`, options[key], from[key]);
  const statuses = options['statuses'];
  if (statuses !== undefined) {
    if (
      !Array.isArray(statuses) ||
      !statuses.every((status) => Number.isInteger(status) && status >= 500 && status <= 599)
    ) {
      throw new IscConfigError('retry.statuses', 'must be an array of 5xx status codes');
    }
    policy.statuses = [...(statuses as number[])];
  }
  return policy;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);

/** True for methods that RFC 9110 defines as idempotent. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method);
}

/**
 * 429 is retried for every method (the gateway refused the request before any work was done); the
 * policy's server-error statuses only when the call is idempotent.
 */
export function isRetryableStatus(
  status: number,
  idempotent: boolean,
  policy: RetryPolicy,
): boolean {
  return status === 429 || (idempotent && policy.statuses.includes(status));
}

/**
 * "Full jitter" exponential backoff: a random wait in [0, min(maxDelay, baseDelay * 2^(n-1))) before
 * retry number `retry` (1 for the first retry).
 */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** (retry - 1));
  return Math.floor(Math.random() * ceiling);
}

/** Delta-seconds: digits only (RFC 9110 allows no sign, list or fraction; a fraction is tolerated). */
const DELTA_SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;

/** IMF-fixdate, the one HTTP-date form servers must send: `Wed, 21 Oct 2026 07:28:00 GMT`. */
const IMF_FIXDATE = /^\s*[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT\s*$/;

/**
 * Parses a `Retry-After` header into milliseconds from `now`: delta-seconds (`"120"`) or an IMF-fixdate
 * (a date in the past gives 0). Undefined when absent or not one of those two forms (`-5`, `5, 6`, a
 * bare year), so the caller falls back to its own backoff instead of retrying at once.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const delta = DELTA_SECONDS.exec(value);
  if (delta !== null) return Math.round(Number(delta[1]) * 1000);
  if (!IMF_FIXDATE.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
