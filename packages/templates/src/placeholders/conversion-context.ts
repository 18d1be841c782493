import type { InstantRecord } from '../internal/instant-input.js';
import { resolveLocale } from '../internal/locale.js';
import { toZoned, type ZonedRecord } from '../internal/zoned.js';
import type { LocaleOptions, TimeZoneOptions } from '../options.js';

/**
 * What a conversion needs: the date-time in the generation zone and the locale for names, plus what each
 * letter gave so far. A letter gives the same text every time within one rendering, so it is worked out
 * once, however many times it appears (a long template costs one lookup per placeholder).
 */
export interface ConversionContext {
  readonly at: ZonedRecord;
  readonly locale: string;
  readonly done: Map<string, string>;
}

/**
 * Places `instant` in the options' zone and resolves their locale.
 * @throws {InvalidTimeZoneError} / {InvalidLocaleError} for bad options.
 */
export function createConversionContext(
  instant: InstantRecord,
  options: TimeZoneOptions & LocaleOptions,
): ConversionContext {
  return {
    at: toZoned(instant, options.timeZone),
    locale: resolveLocale(options.locale),
    done: new Map(),
  };
}
