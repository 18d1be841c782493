import { fromEpochMilliseconds, toZonedDateTimeISO } from 'temporal-polyfill/fns/Instant';
import { offsetNanoseconds } from 'temporal-polyfill/fns/ZonedDateTime';
import type { ZonedRecord } from '../internal/zoned.js';
import { javaZoneNames } from './java-zone-names.js';

// The short zone name for `%Z`, as Java's Formatter writes it.
//
// Java names a region zone by two labels that do not change through history, one for standard time and
// one for daylight time, and picks one by whether daylight time applies at the instant. The labels come
// from the locale's CLDR data ("MEZ"/"MESZ" for Berlin in German) and otherwise from Java's own English
// tables ("CET"/"CEST", "IST", "JST", "BRT"). So:
// 1. fixed-offset zones print their ID ("+05:30"; the zero offset as "Z"), as Java does for a ZoneOffset;
// 2. for a non-English locale, the runtime's CLDR name in that locale, when it has a real abbreviation
//    rather than a GMT/UTC offset;
// 3. Java's English label from the generated table (the zones where it differs from Intl's en-US name);
// 4. Intl's en-US name;
// 5. the offset as Java writes a zone it has no name for: "GMT-03:00".
// Steps 2 and 4 read Intl at a present-day instant in the same state (standard or daylight), because
// CLDR names are historical (New York in 1969 has no "EDT" in Intl) while Java's are not.

const OFFSET_FORM = /^(?:GMT|UTC)[+\-\u2212]/;
/** Mid-January and mid-July of a recent year: one winter and one summer instant in either hemisphere. */
const PRESENT_DAY = [Date.UTC(2024, 0, 15, 12), Date.UTC(2024, 6, 15, 12)] as const;
const NANOSECONDS_PER_MINUTE = 60e9;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl's short name for `timeZone` at `epochMilliseconds` when it is an abbreviation, else undefined. */
function intlAbbreviation(
  locale: string,
  timeZone: string,
  epochMilliseconds: number,
): string | undefined {
  const key = `${locale}\u0000${timeZone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    formatters.set(key, format);
  }
  const name = format
    .formatToParts(new Date(epochMilliseconds))
    .find((part) => part.type === 'timeZoneName')?.value;
  return name === undefined || OFFSET_FORM.test(name) ? undefined : name;
}

function offsetAt(timeZone: string, epochMilliseconds: number): number {
  return offsetNanoseconds(toZonedDateTimeISO(fromEpochMilliseconds(epochMilliseconds), timeZone));
}

/**
 * Whether daylight time applies at `at`: its year has two offsets (1 January and 1 July) and `at` has the
 * larger one. (Java asks the zone's rules for the standard offset; Temporal does not expose it.)
 */
function isDaylightTime(at: ZonedRecord): boolean {
  const january = offsetAt(at.timeZoneId, Date.UTC(at.year, 0, 1));
  const july = offsetAt(at.timeZoneId, Date.UTC(at.year, 6, 1));
  return january !== july && offsetNanoseconds(at) === Math.max(january, july);
}

/** A present-day instant at which `timeZone` is in the given state (standard time when it has no DST). */
function presentDayInstant(timeZone: string, daylight: boolean): number {
  const [winter, summer] = PRESENT_DAY;
  const winterIsStandard = offsetAt(timeZone, winter) <= offsetAt(timeZone, summer);
  return daylight === winterIsStandard ? summer : winter;
}

/** "GMT+05:30": Java's form for a zone without a name. */
function gmtOffset(offset: number): string {
  const minutes = Math.trunc(Math.abs(offset) / NANOSECONDS_PER_MINUTE);
  const hh = String(Math.trunc(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `GMT${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** The abbreviation of the zone of `at` at that instant (`%Z`). */
export function zoneAbbreviation(at: ZonedRecord, locale: string): string {
  const timeZone = at.timeZoneId;
  if (timeZone.startsWith('+') || timeZone.startsWith('-')) {
    return timeZone === '+00:00' ? 'Z' : timeZone;
  }
  const daylight = isDaylightTime(at);
  const reference = presentDayInstant(timeZone, daylight);
  const isEnglish = locale === 'en' || locale.startsWith('en-');
  const localName = isEnglish ? undefined : intlAbbreviation(locale, timeZone, reference);
  if (localName !== undefined) return localName;
  const javaNames = javaZoneNames(timeZone);
  if (javaNames !== undefined) return daylight ? javaNames.daylight : javaNames.standard;
  return intlAbbreviation('en-US', timeZone, reference) ?? gmtOffset(offsetNanoseconds(at));
}
