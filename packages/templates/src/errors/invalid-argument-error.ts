import { hasErrorBrand } from './error-brand.js';
import { TemplatesError } from './templates-error.js';

/**
 * Thrown when an argument or option has the wrong type or an unsupported value, for example a non-string
 * `text`, a template without `campaign.name`, or `largestUnit: 'decades'`.
 */
export class InvalidArgumentError extends TemplatesError {
  override readonly name: 'InvalidArgumentError' = 'InvalidArgumentError';
  /** The argument or option path that was refused, such as `'options.largestUnit'`. */
  readonly argument: string;
  /** The value that was given. */
  readonly value: unknown;
  /** What would have been accepted, in words. */
  readonly expected: string;

  constructor(argument: string, value: unknown, expected: string) {
    super(`Invalid ${argument}: expected ${expected}, got ${describeValue(value)}.`);
    this.argument = argument;
    this.value = value;
    this.expected = expected;
  }
}

/** True when `value` is an {@link InvalidArgumentError}, also one thrown by another copy of this package. */
export function isInvalidArgumentError(value: unknown): value is InvalidArgumentError {
  return hasErrorBrand(value, 'InvalidArgumentError');
}

/** A short description of `value` for an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `${typeof value} ${String(value)}`;
}
