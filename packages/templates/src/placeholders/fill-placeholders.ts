import { PlaceholderError } from '../errors/placeholder-error.js';
import type { ConversionContext } from './conversion-context.js';
import { convert } from './conversions.js';

/**
 * Replaces every `%` + letter of `text` with its conversion, `%%` with `%`, and leaves anything else as
 * written, unless `strict` is set, in which case anything else is a {@link PlaceholderError}.
 */
export function fillPlaceholders(
  text: string,
  context: ConversionContext,
  strict: boolean,
): string {
  let out = '';
  let i = 0;
  for (let percent = text.indexOf('%'); percent !== -1; percent = text.indexOf('%', i)) {
    out += text.slice(i, percent);
    const next = text.codePointAt(percent + 1);
    if (next === undefined) {
      if (strict) throw new PlaceholderError(text, percent, null);
      out += '%';
      i = percent + 1;
      continue;
    }
    const letter = String.fromCodePoint(next);
    const converted = letter === '%' ? '%' : convert(letter, context);
    if (converted !== undefined) {
      out += converted;
    } else if (strict) {
      throw new PlaceholderError(text, percent, letter);
    } else {
      out += `%${letter}`;
    }
    i = percent + 1 + letter.length;
  }
  return out + text.slice(i);
}
