import type { InstantRecord } from '../internal/instant-input.js';
import { resolveLocale } from '../internal/locale.js';
import { toZoned, type ZonedRecord } from '../internal/zoned.js';
import type { LocaleOptions, TimeZoneOptions } from '../options.js';

/** What a conversion needs: the date-time in the generation zone, and the locale for names. */
export interface ConversionContext {
  readonly at: ZonedRecord;
  readonly locale: string;
}

/**
 * Places `instant` in the options' zone and resolves their locale.
 * @throws {InvalidTimeZoneError} / {InvalidLocaleError} for bad options.
 */
export function createConversionContext(
  instant: InstantRecord,
  options: TimeZoneOptions & LocaleOptions,
): ConversionContext {
  return { at: toZoned(instant, options.timeZone), locale: resolveLocale(options.locale) };
}
