import { hasErrorBrand } from './error-brand.js';
import { TemplatesError } from './templates-error.js';

/** Thrown by `renderPlaceholders` in strict mode for a `%` it cannot fill in. */
export class PlaceholderError extends TemplatesError {
  override readonly name: 'PlaceholderError' = 'PlaceholderError';
  /** The text that was being rendered. */
  readonly input: string;
  /** 0-based index into `input` of the offending `%`. */
  readonly position: number;
  /** The character after the `%`, or `null` when the `%` ends the text. */
  readonly letter: string | null;

  constructor(input: string, position: number, letter: string | null) {
    const what =
      letter === null
        ? 'a lone % at the end of the text'
        : `unknown placeholder %${letter} (not a java.util.Formatter date/time letter)`;
    super(
      `Cannot render ${JSON.stringify(input)}: ${what} at position ${position}; write %% for a literal percent sign.`,
    );
    this.input = input;
    this.position = position;
    this.letter = letter;
  }
}

/** True when `value` is a {@link PlaceholderError}, also one thrown by another copy of this package. */
export function isPlaceholderError(value: unknown): value is PlaceholderError {
  return hasErrorBrand(value, 'PlaceholderError');
}
