// Month names, weekday names and the am/pm marker, taken from `Intl.DateTimeFormat` (CLDR data).
//
// Java's Formatter uses `DateFormatSymbols`, whose names are the *format* forms (those used inside a full
// date: German "Do." rather than the stand-alone "Do", Russian "февраля" rather than "февраль"). To get the
// same forms, names are read from a full formatted date. Where a locale writes the month of a full date as
// a number (Japanese, Chinese), the stand-alone name ("2月") is used, as Java does.
//
// A name depends only on the locale and the month, weekday or hour, so each is worked out once and kept.
// Java names the months of the Gregorian calendar in every locale, so Intl is asked for the Gregorian
// calendar too (a Thai or Saudi locale would otherwise name Buddhist or Hijri months). The names are read
// from dates of 2001, whatever the year being rendered, so even the first and last days Temporal can hold
// (which a `Date` cannot) are named.

import { remember } from '../internal/remember.js';

type Width = 'long' | 'short';

/** How many formatters and names of each kind are kept (a few locales' worth). */
const MAX_REMEMBERED = 1024;
/** Formatters are costly to create, so each one is made once per locale and options. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const monthNames = new Map<string, string>();
const weekdayNames = new Map<string, string>();
const dayPeriods = new Map<string, string>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return remember(
    formatters,
    MAX_REMEMBERED,
    `${locale}\u0000${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, { ...options, calendar: 'gregory', timeZone: 'UTC' }),
  );
}

/** A UTC `Date` in 2001, a year that starts on a Monday. */
function dateIn2001(month: number, day: number, hour = 12): Date {
  return new Date(Date.UTC(2001, month - 1, day, hour));
}

/** The part of `type`: Intl gives every part asked for, in every locale it has data for. */
function partOf(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((part) => part.type === type)!.value;
}

function fullDateParts(locale: string, width: Width, date: Date): Intl.DateTimeFormatPart[] {
  const options = { year: 'numeric', month: width, day: 'numeric', weekday: width } as const;
  return formatter(locale, options).formatToParts(date);
}

/** The name of `month` (1-12): `%B` long, `%b`/`%h` short. */
export function monthName(locale: string, width: Width, month: number): string {
  return remember(monthNames, MAX_REMEMBERED, `${locale}\u0000${width}\u0000${month}`, () => {
    const date = dateIn2001(month, 15);
    const inContext = partOf(fullDateParts(locale, width, date), 'month');
    // A month written as a number inside a date ("2" in Japanese) is named on its own ("2月").
    return /\p{Nd}/u.test(inContext) ? formatter(locale, { month: width }).format(date) : inContext;
  });
}

/** The name of `weekday` (1 Monday to 7 Sunday, as ISO 8601 and Temporal count): `%A` long, `%a` short. */
export function weekdayName(locale: string, width: Width, weekday: number): string {
  return remember(weekdayNames, MAX_REMEMBERED, `${locale}\u0000${width}\u0000${weekday}`, () =>
    partOf(fullDateParts(locale, width, dateIn2001(1, weekday)), 'weekday'),
  );
}

/** The locale's am/pm marker for `hour` (0-23), as Intl writes it (Java lower-cases it for `%p`). */
export function dayPeriod(locale: string, hour: number): string {
  return remember(dayPeriods, MAX_REMEMBERED, `${locale}\u0000${hour}`, () =>
    partOf(
      formatter(locale, { hour: 'numeric', hour12: true }).formatToParts(dateIn2001(1, 1, hour)),
      'dayPeriod',
    ),
  );
}
