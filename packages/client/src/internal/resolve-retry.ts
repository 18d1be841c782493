import { IscConfigError } from '../errors/isc-config-error.js';
import { checkDuration, checkInteger, describeValue } from './check-option.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

/**
 * Resolves a `retry` option (client-wide or per call) over `base`: `false` disables retrying, an object
 * overrides the fields it sets, `undefined` keeps `base`.
 */
export function resolveRetry(
  value: unknown,
  base: RetryPolicy | undefined,
  field = 'retry',
): RetryPolicy | undefined {
  if (value === undefined) return base;
  if (value === false) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IscConfigError(field, `must be false or an object, got ${describeValue(value)}`);
  }
  const from = base ?? DEFAULT_RETRY_POLICY;
  const options = value as Record<string, unknown>;
  return {
    maxAttempts: checkInteger(
      `${field}.maxAttempts`,
      options['maxAttempts'],
      from.maxAttempts,
      1,
      100,
    ),
    maxRetryAfter: checkDuration(
      `${field}.maxRetryAfter`,
      options['maxRetryAfter'],
      from.maxRetryAfter,
    ),
    maxTotalWait: checkDuration(
      `${field}.maxTotalWait`,
      options['maxTotalWait'],
      from.maxTotalWait,
    ),
    baseDelay: checkDuration(`${field}.baseDelay`, options['baseDelay'], from.baseDelay),
    maxDelay: checkDuration(`${field}.maxDelay`, options['maxDelay'], from.maxDelay),
    statuses: checkStatuses(`${field}.statuses`, options['statuses'], from.statuses),
  };
}

function checkStatuses(
  field: string,
  value: unknown,
  fallback: readonly number[],
): readonly number[] {
  if (value === undefined) return fallback;
  if (
    !Array.isArray(value) ||
    !value.every((status) => Number.isInteger(status) && status >= 500 && status <= 599)
  ) {
    throw new IscConfigError(field, 'must be an array of 5xx status codes');
  }
  return [...(value as number[])];
}
