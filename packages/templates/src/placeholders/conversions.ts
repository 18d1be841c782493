import { dayOfWeek, dayOfYear, offsetNanoseconds } from 'temporal-polyfill/fns/ZonedDateTime';
import type { ConversionContext } from './conversion-context.js';
import { dayPeriod, monthName, weekdayName } from './locale-names.js';
import { zoneAbbreviation } from './zone-abbreviation.js';

type Conversion = (context: ConversionContext) => string;

const pad = (value: number | bigint, width: number): string => String(value).padStart(width, '0');

/** Java prints the year of the era: 1 BC is year 1, 2 BC is year 2. */
const yearOfEra = ({ at }: ConversionContext): number => (at.year > 0 ? at.year : 1 - at.year);
const hour12 = ({ at }: ConversionContext): number => at.hour % 12 || 12;
/** `value / divisor` rounded down (BigInt division rounds toward zero): Java's floorDiv. */
const floorDiv = (value: bigint, divisor: bigint): bigint =>
  (value - (((value % divisor) + divisor) % divisor)) / divisor;

/**
 * One entry per `java.util.Formatter` date/time suffix letter (the letter after `%t` in Java), with the
 * same output as Java for the locale-independent ones. Composites are built from the others exactly as
 * the Formatter source defines them.
 */
export const CONVERSIONS: Readonly<Record<string, Conversion>> = {
  Y: (c) => pad(yearOfEra(c), 4),
  y: (c) => pad(yearOfEra(c) % 100, 2),
  C: (c) => pad(Math.floor(yearOfEra(c) / 100), 2),
  m: ({ at }) => pad(at.month, 2),
  d: ({ at }) => pad(at.day, 2),
  e: ({ at }) => String(at.day),
  B: ({ at, locale }) => monthName(locale, 'long', at.month),
  b: ({ at, locale }) => monthName(locale, 'short', at.month),
  h: ({ at, locale }) => monthName(locale, 'short', at.month),
  A: ({ at, locale }) => weekdayName(locale, 'long', dayOfWeek(at)),
  a: ({ at, locale }) => weekdayName(locale, 'short', dayOfWeek(at)),
  j: ({ at }) => pad(dayOfYear(at), 3),
  H: ({ at }) => pad(at.hour, 2),
  I: (c) => pad(hour12(c), 2),
  k: ({ at }) => String(at.hour),
  l: (c) => String(hour12(c)),
  M: ({ at }) => pad(at.minute, 2),
  S: ({ at }) => pad(at.second, 2),
  L: ({ at }) => pad(at.millisecond, 3),
  N: ({ at }) => pad(at.millisecond * 1_000_000 + at.microsecond * 1000 + at.nanosecond, 9),
  p: ({ at, locale }) => dayPeriod(locale, at.hour).toLocaleLowerCase(locale),
  z: ({ at }) => {
    // Whole minutes only, as Java: +05:30 is "+0530"; the seconds of old local-mean-time offsets are dropped.
    const totalMinutes = Math.trunc(offsetNanoseconds(at) / 60e9);
    const minutes = Math.abs(totalMinutes);
    return `${totalMinutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60) * 100 + (minutes % 60), 4)}`;
  },
  Z: ({ at, locale }) => zoneAbbreviation(at, locale),
  s: ({ at }) => String(floorDiv(at.epochNanoseconds, 1_000_000_000n)),
  Q: ({ at }) => String(floorDiv(at.epochNanoseconds, 1_000_000n)),
  R: (c) => `${run('H', c)}:${run('M', c)}`,
  T: (c) => `${run('H', c)}:${run('M', c)}:${run('S', c)}`,
  r: (c) =>
    `${run('I', c)}:${run('M', c)}:${run('S', c)} ${run('p', c).toLocaleUpperCase(c.locale)}`,
  D: (c) => `${run('m', c)}/${run('d', c)}/${run('y', c)}`,
  F: (c) => `${run('Y', c)}-${run('m', c)}-${run('d', c)}`,
  c: (c) =>
    `${run('a', c)} ${run('b', c)} ${run('d', c)} ${run('T', c)} ${run('Z', c)} ${run('Y', c)}`,
};

/** The text of `letter` (a Formatter date/time letter) in `context`, worked out once per context. */
function run(letter: string, context: ConversionContext): string {
  let text = context.done.get(letter);
  if (text === undefined) {
    text = CONVERSIONS[letter]!(context);
    context.done.set(letter, text);
  }
  return text;
}

/** The text of `%letter` in `context`, or undefined when `letter` is not a Formatter date/time letter. */
export function convert(letter: string, context: ConversionContext): string | undefined {
  return Object.prototype.hasOwnProperty.call(CONVERSIONS, letter)
    ? run(letter, context)
    : undefined;
}
