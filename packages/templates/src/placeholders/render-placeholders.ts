import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { InstantInput } from '../instant-input.js';
import { toInstantRecord } from '../internal/instant-input.js';
import type { LocaleOptions, TimeZoneOptions } from '../options.js';
import { createConversionContext } from './conversion-context.js';
import { fillPlaceholders } from './fill-placeholders.js';

/** Options for {@link renderPlaceholders}. */
export interface RenderPlaceholdersOptions extends TimeZoneOptions, LocaleOptions {
  /**
   * Refuse a `%` that is not followed by a known letter or `%` (including a `%` that ends the text) with
   * a {@link PlaceholderError}, instead of leaving it as written. Use it to check a template before
   * saving it; leave it off to see what generation would most likely print.
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * Fills in the `%` placeholders of a campaign template's `campaign.name` or `campaign.description` the
 * way campaign generation does: `%` followed by one of the `java.util.Formatter` date/time suffix letters
 * `Y y C m d e B b h A a j H I k l M S L N p z Z s Q R T r D F c` (the letter that follows `%t` in Java),
 * with Java's meaning. `%%` is a literal percent sign.
 *
 * Upstream inconsistency: the API documentation says `%Y` inserts the year, then shows `"Campaign for %y"`
 * giving `"Campaign for 2020"`. Java's `%ty` is the two-digit year, and this function follows Java:
 * `%y` gives `20`, `%Y` gives `2020`.
 *
 * Anything else after a `%` (another letter, `%n`, `%t`, a digit, a `%` at the very end) is left as
 * written, or refused when `strict` is set.
 *
 * @param text The text with placeholders.
 * @param date The generation time.
 * @throws {PlaceholderError} in strict mode, for a `%` that is not a placeholder.
 * @throws {InvalidTimeZoneError} / {InvalidLocaleError} / {InvalidInstantError} for bad options or date.
 * @throws {InvalidArgumentError} when `text` is not a string or `strict` is not a boolean.
 * @example
 * renderPlaceholders('%Y-%m-%d Manager Review', '2020-03-16T09:00:00Z'); // '2020-03-16 Manager Review'
 * renderPlaceholders('Review %B %y (100%%)', '2020-03-16T09:00:00Z'); // 'Review March 20 (100%)'
 * renderPlaceholders('%A %H:%M %Z', '2020-03-16T09:00:00Z', { timeZone: 'Europe/Berlin', locale: 'de-DE' });
 * // 'Montag 10:00 MEZ'
 */
export function renderPlaceholders(
  text: string,
  date: InstantInput,
  options: RenderPlaceholdersOptions = {},
): string {
  if (typeof text !== 'string') throw new InvalidArgumentError('text', text, 'a string');
  const strict = readStrict(options.strict);
  return fillPlaceholders(text, createConversionContext(toInstantRecord(date), options), strict);
}

/** Checks the `strict` option. */
export function readStrict(strict: unknown): boolean {
  if (strict === undefined) return false;
  if (typeof strict !== 'boolean') {
    throw new InvalidArgumentError('options.strict', strict, 'true, false or undefined');
  }
  return strict;
}
