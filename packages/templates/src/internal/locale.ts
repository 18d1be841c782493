import { InvalidLocaleError } from '../errors/invalid-locale-error.js';
import { remember } from './remember.js';

/** The locale used when an option leaves it out, and for tags the runtime has no data for. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * Canonicalises a BCP 47 tag (`'EN-us'` becomes `'en-US'`). A well-formed tag that the runtime's `Intl`
 * has no data for (`'tlh'`) gives `'en-US'`, so the output never depends on the machine's own locale.
 *
 * @throws {InvalidLocaleError} for a value that is not a well-formed tag.
 */
export function resolveLocale(locale: string = DEFAULT_LOCALE): string {
  if (typeof locale !== 'string') throw new InvalidLocaleError(locale);
  return remember(resolvedTags, MAX_REMEMBERED, locale, () => resolveUncached(locale));
}

/** How many tags {@link resolveLocale} remembers. */
const MAX_REMEMBERED = 256;
const resolvedTags = new Map<string, string>();

function resolveUncached(locale: string): string {
  let canonical: string;
  try {
    // One tag in, one tag out; '' and malformed tags throw.
    canonical = Intl.getCanonicalLocales(locale)[0]!;
  } catch {
    throw new InvalidLocaleError(locale);
  }
  return Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0 ? canonical : DEFAULT_LOCALE;
}
