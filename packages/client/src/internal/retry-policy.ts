// Which responses and failures are retried, and how long to wait. Pure functions, no I/O.

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
