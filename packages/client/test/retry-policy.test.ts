// The retry policy's pieces: which methods are idempotent, which statuses are retried, the backoff
// curve, Retry-After in both of its forms, and how a `retry` option layers over a base policy.

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isIdempotentMethod,
  isRetryableStatus,
  parseRetryAfter,
  resolveRetry,
} from '../src/internal/retry.js';

afterEach(() => vi.restoreAllMocks());

const NOW = Date.UTC(2026, 9, 21, 7, 28, 0);

describe('parseRetryAfter', () => {
  it.each<[string | null, number | undefined]>([
    ['120', 120_000],
    [' 7 ', 7_000],
    ['0', 0],
    ['1.5', 1_500],
    ['0.0004', 0],
    ['Wed, 21 Oct 2026 07:28:30 GMT', 30_000],
    ['Wed, 21 Oct 2026 07:27:00 GMT', 0],
    [' Wed, 21 Oct 2026 07:28:01 GMT ', 1_000],
    [null, undefined],
    ['', undefined],
    ['-5', undefined],
    ['+5', undefined],
    ['5, 6', undefined],
    ['1e3', undefined],
    ['.5', undefined],
    ['5.', undefined],
    ['wed, 21 oct 2026 07:28:30 gmt', undefined],
    ['Wed, 21 Oct 2026 07:28:30 UTC', undefined],
    ['Wed, 21 Oct 2026 07:28:30', undefined],
    ['2026-10-21T07:28:30Z', undefined],
    ['Wed, 41 Oct 2026 07:28:30 GMT', undefined],
    // Date.parse would read both of these; the header's grammar does not allow them.
    ['On Wed, 21 Oct 2026 07:28:30 GMT', undefined],
    ['Wed, 21 Oct 2026 07:28:30 GMT (UTC)', undefined],
  ])('%j -> %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('isIdempotentMethod and isRetryableStatus', () => {
  it.each([
    ['GET', true],
    ['HEAD', true],
    ['PUT', true],
    ['DELETE', true],
    ['OPTIONS', true],
    ['TRACE', true],
    ['POST', false],
    ['PATCH', false],
    ['get', false],
  ])('%s is idempotent: %s', (method, expected) => {
    expect(isIdempotentMethod(method)).toBe(expected);
  });

  it.each<[number, boolean, boolean]>([
    [429, false, true],
    [429, true, true],
    [503, true, true],
    [503, false, false],
    [500, true, true],
    [501, true, false],
    [408, true, false],
    [200, true, false],
  ])('%i (idempotent: %s) is retried: %s', (status, idempotent, expected) => {
    expect(isRetryableStatus(status, idempotent, DEFAULT_RETRY_POLICY)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelay: 100, maxDelay: 1_000 };

  it.each<[number, number, number]>([
    [1, 0.5, 50],
    [2, 0.5, 100],
    [3, 0.5, 200],
    [4, 0.5, 400],
    [5, 0.5, 500],
    [9, 0.5, 500],
    [3, 0, 0],
    [3, 0.99999, 399],
  ])('retry %i with Math.random() = %f waits %i ms', (retry, random, expected) => {
    vi.spyOn(Math, 'random').mockReturnValue(random);
    expect(backoffDelay(policy, retry)).toBe(expected);
  });
});

describe('resolveRetry', () => {
  const base = { ...DEFAULT_RETRY_POLICY, maxAttempts: 7, baseDelay: 9 };

  it('keeps the base for undefined, turns retrying off for false', () => {
    expect(resolveRetry(undefined, base)).toBe(base);
    expect(resolveRetry(undefined, undefined)).toBeUndefined();
    expect(resolveRetry(false, base)).toBeUndefined();
  });

  it('overrides only the fields it sets, over the base or else the defaults', () => {
    expect(resolveRetry({ maxDelay: 3 }, base)).toEqual({ ...base, maxDelay: 3 });
    expect(resolveRetry({ maxDelay: 3 }, undefined)).toEqual({
      ...DEFAULT_RETRY_POLICY,
      maxDelay: 3,
    });
    expect(resolveRetry({}, base)).toEqual(base);
  });

  it('copies the statuses it is given', () => {
    const statuses = [502];
    const policy = resolveRetry({ statuses }, base);
    statuses.push(500);
    expect(policy?.statuses).toEqual([502]);
    expect(resolveRetry({ statuses: [] }, base)?.statuses).toEqual([]);
  });
});
