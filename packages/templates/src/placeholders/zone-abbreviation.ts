import { offsetNanoseconds } from 'temporal-polyfill/fns/ZonedDateTime';
import type { ZonedRecord } from '../internal/zoned.js';
import { isDaylightTime, javaZone, zoneNamesIn } from './java-zone-data.js';

// The short zone name for `%Z`, as Java's Formatter writes it: for a zone ID, the locale's short name
// for standard or daylight time, `TimeZone.getDisplayName(daylight, SHORT, locale)`, where daylight time
// applies when the offset at the instant differs from the zone's standard offset at that instant
// (`ZoneRules.isDaylightSavings`); for a fixed offset, the offset itself.
//
// Java's names and the history of each zone's standard offset come from a table generated from the JDK
// (src/generated/java-zone-data.ts). They are not read from Intl: Java's names come from its own
// tables more often than from CLDR, and Intl has no notion of a standard offset, so the 1 January and
// 1 July offsets would have to stand in for it, which misnames war time, double summer time and zones
// whose standard offset changed mid-year (Lord Howe in 1981).

const NANOSECONDS_PER_SECOND = 1e9;

/** The abbreviation of the zone of `at` at that instant, in `locale` (`%Z`). */
export function zoneAbbreviation(at: ZonedRecord, locale: string): string {
  const id = at.timeZoneId;
  const offsetSeconds = offsetNanoseconds(at) / NANOSECONDS_PER_SECOND;
  if (id === '+00:00') return 'Z';
  if (id.startsWith('+') || id.startsWith('-')) return id;
  const zone = javaZone(id);
  // A zone the JDK does not know (newer than its data): Java has no name for it; write the offset.
  if (zone === undefined) return gmtOffset(offsetSeconds);
  const names = zoneNamesIn(locale, id, zone);
  const epochSeconds = Math.floor(at.epochMilliseconds / 1000);
  return isDaylightTime(zone, epochSeconds, offsetSeconds) ? names.daylight : names.standard;
}

/** "GMT+05:30": Java's form for a zone without a name (seconds of the offset are dropped). */
export function gmtOffset(offsetSeconds: number): string {
  const minutes = Math.trunc(Math.abs(offsetSeconds) / 60);
  const hh = String(Math.trunc(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `GMT${offsetSeconds < 0 ? '-' : '+'}${hh}:${mm}`;
}
