import { hasErrorBrand } from './error-brand.js';
import { FiltersError } from './filters-error.js';

/** What went wrong while reading `filters` or `sorters` text. */
export interface FilterSyntaxErrorDetails {
  /** The whole text that was being read. */
  readonly input: string;
  /** Offset (UTF-16 code units) where the problem starts. */
  readonly position: number;
  /** What could have been accepted at `position`, e.g. `["eq", "ne", …]` or `["a field name"]`. */
  readonly expected: readonly string[];
  /** What was found instead, e.g. `"EQ"` or `end of input`. */
  readonly found: string;
  /** An extra sentence of advice, e.g. that operators are lowercase. */
  readonly hint?: string;
  /**
   * Which query parameter the text was meant for.
   * @default 'filters'
   */
  readonly parameter?: 'filters' | 'sorters';
}

/** Thrown by `parseFilter` and `parseSorters` when the text is not well-formed. */
export class FilterSyntaxError extends FiltersError {
  override readonly name = 'FilterSyntaxError' as const;
  /** The whole text that was being read. */
  readonly input: string;
  /** Offset (UTF-16 code units) where the problem starts. */
  readonly position: number;
  /** What could have been accepted at `position`. */
  readonly expected: readonly string[];
  /** What was found instead. */
  readonly found: string;
  /** An extra sentence of advice, when there is one (no property otherwise). */
  declare readonly hint?: string;
  /** Which query parameter the text was meant for. */
  readonly parameter: 'filters' | 'sorters';

  constructor(details: FilterSyntaxErrorDetails) {
    super(describeSyntaxError(details));
    this.input = details.input;
    this.position = details.position;
    this.expected = details.expected;
    this.found = details.found;
    if (details.hint !== undefined) this.hint = details.hint;
    this.parameter = details.parameter ?? 'filters';
  }

  /** The first line of the message: what was expected where, and what was found. */
  get summary(): string {
    return this.message.split('\n', 1)[0] ?? this.message;
  }
}

/** True when `value` is a {@link FilterSyntaxError}, also one thrown by another copy of this package. */
export function isFilterSyntaxError(value: unknown): value is FilterSyntaxError {
  return hasErrorBrand(value, 'FilterSyntaxError');
}

/** One line saying what was expected where, then the text around it with a caret under the spot. */
function describeSyntaxError(details: FilterSyntaxErrorDetails): string {
  const { input, position, expected, found, hint } = details;
  const wanted = expected.length === 1 ? expected[0] : `one of ${expected.join(', ')}`;
  const headline = `Expected ${wanted} at position ${position}, found ${found}.`;
  const from = Math.max(0, position - 40);
  const visible = input.slice(from, position + 40).replace(/[\u0000-\u001f\u007f]/g, ' ');
  const prefix = from > 0 ? '…' : '';
  const caret = ' '.repeat(prefix.length + position - from) + '^';
  return `${headline}${hint === undefined ? '' : ` ${hint}`}\n  ${prefix}${visible}\n  ${caret}`;
}
