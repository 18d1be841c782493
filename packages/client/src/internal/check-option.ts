// Validation of numeric and boolean options. Each failure is an `IscConfigError` naming the option.

import { IscConfigError } from '../errors/isc-config-error.js';

/** The longest delay `setTimeout` honours (larger values fire at once), in milliseconds. */
const MAX_TIMER_MS = 2_147_483_647;

/** A duration in milliseconds: a finite number from 0 to about 24.8 days. */
export function checkDuration(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new IscConfigError(
      field,
      `must be a number of milliseconds from 0 to ${MAX_TIMER_MS}, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** An integer from `min` to `max`. */
export function checkInteger(
  field: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new IscConfigError(
      field,
      `must be an integer from ${min} to ${max}, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** A boolean. */
export function checkBoolean(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new IscConfigError(field, `must be true or false, got ${describeValue(value)}`);
  }
  return value;
}

/** A short, safe description of a bad value for an error message (never the value of a string). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return typeof value;
}

/** A plain object (not null, not an array); `what` says what it should be. */
export function checkObject(field: string, value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IscConfigError(field, `must be ${what}, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}
