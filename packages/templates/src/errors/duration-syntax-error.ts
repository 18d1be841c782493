import { hasErrorBrand } from './error-brand.js';
import { TemplatesError } from './templates-error.js';

/** Thrown by `parseDuration` (and everything that reads duration text) for text that is not a duration. */
export class DurationSyntaxError extends TemplatesError {
  override readonly name: 'DurationSyntaxError' = 'DurationSyntaxError';
  /** The text that was being parsed. */
  readonly input: string;
  /** 0-based index into `input` of the first character that could not be read (`input.length` at the end). */
  readonly position: number;
  /** What the parser expected at `position`, in words. */
  readonly expected: string;

  constructor(input: string, position: number, expected: string) {
    const found = position < input.length ? `'${input[position]}'` : 'the end of the text';
    super(
      `Invalid ISO-8601 duration ${JSON.stringify(input)}: at position ${position} found ${found}, expected ${expected}.`,
    );
    this.input = input;
    this.position = position;
    this.expected = expected;
  }
}

/** True when `value` is a {@link DurationSyntaxError}, also one thrown by another copy of this package. */
export function isDurationSyntaxError(value: unknown): value is DurationSyntaxError {
  return hasErrorBrand(value, 'DurationSyntaxError');
}
