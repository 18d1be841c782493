// Month names, weekday names and the am/pm marker, taken from `Intl.DateTimeFormat` (CLDR data).
//
// Java's Formatter uses `DateFormatSymbols`, whose names are the *format* forms (those used inside a full
// date: German "Do." rather than the stand-alone "Do", Russian "февраля" rather than "февраль"). To get the
// same forms, names are read from a full formatted date. Where a locale writes the month of a full date as
// a number (Japanese, Chinese), the stand-alone name ("2月") is used, as Java does.

/** Formatters are costly to create, so each one is made once per locale and kind. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  key: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const cacheKey = `${locale}\u0000${key}`;
  let found = formatters.get(cacheKey);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(cacheKey, found);
  }
  return found;
}

/** A UTC `Date` at noon of the given wall-clock date (names depend only on the date). */
function dateAt(year: number, month: number, day: number, hour = 12): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour);
  return date;
}

/** A wall-clock calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

type Width = 'long' | 'short';

function partOf(
  parts: Intl.DateTimeFormatPart[],
  type: Intl.DateTimeFormatPartTypes,
): string | undefined {
  return parts.find((part) => part.type === type)?.value;
}

function fullDateParts(
  locale: string,
  width: Width,
  date: CalendarDate,
): Intl.DateTimeFormatPart[] {
  const options = { year: 'numeric', month: width, day: 'numeric', weekday: width } as const;
  return formatter(locale, `full-${width}`, options).formatToParts(
    dateAt(date.year, date.month, date.day),
  );
}

/** The month name of `date` (`%B` long, `%b`/`%h` short). */
export function monthName(locale: string, width: Width, date: CalendarDate): string {
  const inContext = partOf(fullDateParts(locale, width, date), 'month');
  if (inContext !== undefined && !/^\d+$/.test(inContext)) return inContext;
  return formatter(locale, `month-${width}`, { month: width }).format(
    dateAt(date.year, date.month, date.day),
  );
}

/** The weekday name of `date` (`%A` long, `%a` short). */
export function weekdayName(locale: string, width: Width, date: CalendarDate): string {
  const inContext = partOf(fullDateParts(locale, width, date), 'weekday');
  return (
    inContext ??
    formatter(locale, `weekday-${width}`, { weekday: width }).format(
      dateAt(date.year, date.month, date.day),
    )
  );
}

/** The locale's am/pm marker for `hour` (0-23), as Intl writes it (Java lower-cases it for `%p`). */
export function dayPeriod(locale: string, hour: number): string {
  const parts = formatter(locale, 'day-period', { hour: 'numeric', hour12: true }).formatToParts(
    dateAt(2000, 1, 1, hour),
  );
  return partOf(parts, 'dayPeriod') ?? (hour < 12 ? 'AM' : 'PM');
}
