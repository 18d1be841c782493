// Validation of option values. Each failure is an `IscConfigError` naming the option and saying what
// it got (never the value of a string, which may be a secret).

import { IscConfigError } from '../errors/request-errors.js';

/** The longest delay `setTimeout` honours (larger values fire at once), in milliseconds. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * A number from `min` to `max`: an integer when `integer`, otherwise any finite number (milliseconds).
 * `fallback` when undefined.
 */
export function checkNumber(
  field: string,
  value: unknown,
  fallback: number,
  min = 0,
  max = MAX_TIMER_MS,
  integer = false,
): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !(integer ? Number.isInteger(value) : Number.isFinite(value)) ||
    value < min ||
    value > max
  ) {
    throw new IscConfigError(
      field,
      `must be ${integer ? 'an integer' : 'milliseconds'} from ${min} to ${max}, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** A count: an integer from `min` to `max` (`Number.MAX_SAFE_INTEGER` by default). */
export const checkInteger = (
  field: string,
  value: unknown,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number => checkNumber(field, value, fallback, min, max, true);

/** A boolean. */
export function checkBoolean(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw mustBe(field, 'true or false', value);
  return value;
}

/** A plain object (not null, not an array); `what` says what it should be. */
export function checkObject(field: string, value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw mustBe(field, what, value);
  }
  return value as Record<string, unknown>;
}

/** A function, or undefined. */
export function checkFunction<F>(field: string, value: unknown): F | undefined {
  if (value !== undefined && typeof value !== 'function') throw mustBe(field, 'a function', value);
  return value as F | undefined;
}

/** `<field>: must be <what>, got <a description of value>`. */
export function mustBe(field: string, what: string, value: unknown): IscConfigError {
  return new IscConfigError(field, `must be ${what}, got ${describeValue(value)}`);
}

/** A short, safe description of a bad value for an error message (never the value of a string). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return `${value}`;
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return typeof value;
}
