import { checkInteger, checkNumber, mustBe } from './check-option.js';
import { IscConfigError } from '../errors/isc-config-error.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

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
