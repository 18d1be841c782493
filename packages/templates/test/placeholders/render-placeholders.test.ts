import { describe, expect, test } from 'vitest';
import {
  isInvalidArgumentError,
  isInvalidInstantError,
  isInvalidLocaleError,
  isInvalidTimeZoneError,
  isPlaceholderError,
  isTemplatesError,
  renderPlaceholders,
  type RenderPlaceholdersOptions,
} from '../../src/index.js';
import { thrown } from '../support/thrown.js';

const AT = '2020-03-16T09:05:07.089Z'; // a Monday

describe('renderPlaceholders: the text around placeholders', () => {
  test.each<[string, { given: string; options?: RenderPlaceholdersOptions; want: string }]>([
    [
      'the documented example',
      { given: '%Y-%m-%d Manager Review', want: '2020-03-16 Manager Review' },
    ],
    ['%y is two digits, as in Java', { given: 'Campaign for %y', want: 'Campaign for 20' }],
    ['%Y is four digits', { given: 'Campaign for %Y', want: 'Campaign for 2020' }],
    ['%% is a literal percent sign', { given: '100%% reviewed', want: '100% reviewed' }],
    ['%%Y is a percent sign and a Y', { given: '%%Y', want: '%Y' }],
    ['%%%Y is a percent sign and the year', { given: '%%%Y', want: '%2020' }],
    ['no placeholders', { given: 'Quarterly review', want: 'Quarterly review' }],
    ['empty text', { given: '', want: '' }],
    ['adjacent placeholders', { given: '%H%M%S', want: '090507' }],
    ['unknown letter left as written', { given: 'Q%q %Y', want: 'Q%q 2020' }],
    ['%n and %t are not date letters', { given: '%n%t', want: '%n%t' }],
    ['a digit after % is left as written', { given: '50%5', want: '50%5' }],
    ['a space after % is left as written', { given: '50 % done', want: '50 % done' }],
    ['a trailing % is left as written', { given: 'Done 100%', want: 'Done 100%' }],
    ['a non-BMP character after %', { given: '%\u{1F600}%Y', want: '%\u{1F600}2020' }],
    ['the same placeholder twice', { given: '%d/%d', want: '16/16' }],
    [
      'the zone decides the date',
      { given: '%F %R', options: { timeZone: 'Pacific/Kiritimati' }, want: '2020-03-16 23:05' },
    ],
    [
      'a fixed offset zone',
      {
        given: '%F %R %Z %z',
        options: { timeZone: '-08:00' },
        want: '2020-03-16 01:05 -08:00 -0800',
      },
    ],
    [
      "'Z' is the zero offset",
      { given: '%R %Z %z', options: { timeZone: 'Z' }, want: '09:05 Z +0000' },
    ],
    ['default zone is UTC', { given: '%R %Z', want: '09:05 UTC' }],
    ['milliseconds and nanoseconds', { given: '%L %N', want: '089 089000000' }],
    [
      'German names',
      { given: '%A, %e. %B', options: { locale: 'de-DE' }, want: 'Montag, 16. März' },
    ],
    [
      'month names in the form used inside a date (Russian, as Java)',
      { given: '%B %b %A', options: { locale: 'ru-RU' }, want: 'марта мар. понедельник' },
    ],
    [
      'a month Japanese writes as a number is named on its own (as Java)',
      { given: '%B %b', options: { locale: 'ja-JP' }, want: '3月 3月' },
    ],
    [
      'a tag in odd case is canonicalised',
      { given: '%A', options: { locale: 'DE-de' }, want: 'Montag' },
    ],
    [
      'a well-formed tag without data falls back to en-US',
      { given: '%A %B', options: { locale: 'tlh' }, want: 'Monday March' },
    ],
  ])('%s', (_name, { given, options, want }) => {
    expect(renderPlaceholders(given, AT, options)).toBe(want);
  });

  test('accepts a Date, a Temporal-like instant and an offset date-time string alike', () => {
    const want = renderPlaceholders('%F %T.%L', AT);
    expect(renderPlaceholders('%F %T.%L', new Date(AT))).toBe(want);
    expect(
      renderPlaceholders('%F %T.%L', { epochNanoseconds: BigInt(Date.parse(AT)) * 1_000_000n }),
    ).toBe(want);
    expect(renderPlaceholders('%F %T.%L', '2020-03-16T10:05:07.089+01:00')).toBe(want);
  });

  test('%N keeps nanoseconds from a string or a Temporal instant', () => {
    expect(renderPlaceholders('%L %N', '2024-02-29T13:05:09.123456789Z')).toBe('123 123456789');
    expect(renderPlaceholders('%s %Q', '1969-12-31T23:59:59.5Z')).toBe('-1 -500');
  });
});

// What Java 17 prints for these (java.util.Formatter, `%tZ`); the oracle in test/oracle has thousands more.
describe('renderPlaceholders: zone names through history, as Java writes them', () => {
  test.each<[string, { at: string; timeZone: string; locale?: string; want: string }]>([
    [
      'São Paulo kept summer time in January 2018',
      { at: '2018-01-15T12:00:00Z', timeZone: 'America/Sao_Paulo', want: 'BRST' },
    ],
    [
      'São Paulo in July 2018: standard time',
      { at: '2018-07-15T12:00:00Z', timeZone: 'America/Sao_Paulo', want: 'BRT' },
    ],
    [
      'New York war time, all year 1944',
      { at: '1944-01-15T12:00:00Z', timeZone: 'America/New_York', want: 'EDT' },
    ],
    [
      'London, double summer time of 1947',
      { at: '1947-06-15T12:00:00Z', timeZone: 'Europe/London', want: 'BST' },
    ],
    [
      'London, British Standard Time of 1969 is standard time',
      { at: '1969-12-15T12:00:00Z', timeZone: 'Europe/London', want: 'GMT' },
    ],
    ['Tokyo, summer 1949', { at: '1949-07-15T12:00:00Z', timeZone: 'Asia/Tokyo', want: 'JDT' }],
    ['Tokyo today', { at: '2024-07-15T12:00:00Z', timeZone: 'Asia/Tokyo', want: 'JST' }],
    ['Kolkata, 1943', { at: '1943-07-15T12:00:00Z', timeZone: 'Asia/Kolkata', want: 'IDT' }],
    [
      'Lord Howe, July 1981: a new standard offset, not daylight time',
      { at: '1981-07-15T12:00:00Z', timeZone: 'Australia/Lord_Howe', want: 'LHST' },
    ],
    [
      'Lord Howe, December 1981: daylight time',
      { at: '1981-12-15T12:00:00Z', timeZone: 'Australia/Lord_Howe', want: 'LHDT' },
    ],
    [
      'Dublin in winter (standard time for Java)',
      { at: '2024-01-15T12:00:00Z', timeZone: 'Europe/Dublin', want: 'GMT' },
    ],
    ['Dublin in summer', { at: '2024-07-15T12:00:00Z', timeZone: 'Europe/Dublin', want: 'IST' }],
    [
      'en-GB writes an offset where en-US writes EDT',
      {
        at: '2024-07-15T12:00:00Z',
        timeZone: 'America/New_York',
        locale: 'en-GB',
        want: 'GMT-04:00',
      },
    ],
    [
      'en-AU shares en-GB names',
      {
        at: '2024-01-15T12:00:00Z',
        timeZone: 'America/Chicago',
        locale: 'en-AU',
        want: 'GMT-06:00',
      },
    ],
    [
      'en-GB still writes BST for London',
      { at: '2024-07-15T12:00:00Z', timeZone: 'Europe/London', locale: 'en-GB', want: 'BST' },
    ],
    [
      'Arabic, with ASCII digits',
      { at: '2024-07-15T12:00:00Z', timeZone: 'Etc/GMT+5', locale: 'ar-EG', want: 'غرينتش-05:00' },
    ],
    [
      'Arabic for a named zone: the English name, as Java',
      { at: '2024-07-15T12:00:00Z', timeZone: 'America/New_York', locale: 'ar-EG', want: 'EDT' },
    ],
    [
      'German',
      { at: '2024-07-15T12:00:00Z', timeZone: 'Europe/Berlin', locale: 'de-AT', want: 'MESZ' },
    ],
    [
      'Canadian French',
      { at: '2024-07-15T12:00:00Z', timeZone: 'America/Toronto', locale: 'fr-CA', want: 'HAE' },
    ],
    [
      'a tag with a script finds its region (en-Latn-GB as en-GB)',
      {
        at: '2024-07-15T12:00:00Z',
        timeZone: 'America/New_York',
        locale: 'en-Latn-GB',
        want: 'GMT-04:00',
      },
    ],
    [
      'a numeric region (en-Latn-150 as en-150)',
      {
        at: '2024-07-15T12:00:00Z',
        timeZone: 'America/New_York',
        locale: 'en-Latn-150',
        want: 'GMT-04:00',
      },
    ],
    [
      'a region without names of its own takes its language (de-Latn-AT as de)',
      { at: '2024-01-15T12:00:00Z', timeZone: 'Europe/Berlin', locale: 'de-Latn-AT', want: 'MEZ' },
    ],
    [
      'a locale the runtime has no data for falls back to en-US',
      { at: '2024-07-15T12:00:00Z', timeZone: 'Europe/Berlin', locale: 'tlh', want: 'CEST' },
    ],
    [
      'Newfoundland summer time (a first daylight period in local mean time)',
      { at: '1918-07-15T12:00:00Z', timeZone: 'America/St_Johns', want: 'NDT' },
    ],
    [
      'a language without its own table: the en-US names',
      { at: '2024-07-15T12:00:00Z', timeZone: 'Europe/Berlin', locale: 'nl-NL', want: 'CEST' },
    ],
    [
      'a link ID keeps its own names (Johnston: HAST, Honolulu: HST)',
      { at: '2024-07-15T12:00:00Z', timeZone: 'Pacific/Johnston', want: 'HAST' },
    ],
    [
      'a zone ID written in another case',
      { at: '2024-07-15T12:00:00Z', timeZone: 'america/new_york', want: 'EDT' },
    ],
    [
      'an ID the JDK does not know is written as its offset',
      { at: '2024-07-15T12:00:00Z', timeZone: 'EST', want: 'GMT-05:00' },
    ],
  ])('%s', (_name, { at, timeZone, locale, want }) => {
    expect(renderPlaceholders('%Z', at, { timeZone, locale })).toBe(want);
  });
});

describe('renderPlaceholders: years around 1 BC and instants around 1970, as Java writes them', () => {
  test('year 0 is 1 BC: Java prints the year of the era', () => {
    expect(renderPlaceholders('%Y %y %C %B %A %s %Q', '0000-06-15T12:00:00Z')).toBe(
      '0001 01 00 June Thursday -62152833600 -62152833600000',
    );
  });

  test('seconds and milliseconds since 1970 round down, also just before it', () => {
    expect(renderPlaceholders('%s %Q', '1969-12-31T23:59:59.999Z')).toBe('-1 -1');
    expect(renderPlaceholders('%s %Q', '1970-01-01T00:00:00Z')).toBe('0 0');
  });
});

describe('renderPlaceholders: the first and last instants a date can hold', () => {
  test('every letter renders at +275760-09-13T00:00Z, as Java writes it', () => {
    expect(renderPlaceholders('%c | %B %b %h %A %a %p %j', '+275760-09-13T00:00:00Z')).toBe(
      'Sat Sep 13 00:00:00 UTC 275760 | September Sep Sep Saturday Sat am 257',
    );
  });

  test('every letter renders at -271821-04-20T00:00Z in New York (local mean time), as Java writes it', () => {
    expect(
      renderPlaceholders('%c | %B %A %Z %z', '-271821-04-20T00:00:00Z', {
        timeZone: 'America/New_York',
      }),
    ).toBe('Mon Apr 19 19:03:58 EST 271822 | April Monday EST -0456');
  });

  test('names in another locale at the ends of the range', () => {
    expect(renderPlaceholders('%A %B', '+275760-09-13T00:00:00Z', { locale: 'de-DE' })).toBe(
      'Samstag September',
    );
  });
});

describe('renderPlaceholders: strict mode', () => {
  test.each<[string, { given: string; position: number; letter: string | null }]>([
    ['unknown letter', { given: 'Review %q', position: 7, letter: 'q' }],
    ['%n', { given: '%n', position: 0, letter: 'n' }],
    ['%t (Java would need a letter after it)', { given: 'A %tY', position: 2, letter: 't' }],
    ['a digit', { given: '50%5', position: 2, letter: '5' }],
    ['a space', { given: '50 % done', position: 3, letter: ' ' }],
    ['a trailing %', { given: 'Done 100%', position: 8, letter: null }],
    ['the first bad one is reported', { given: '%Y %x %q', position: 3, letter: 'x' }],
  ])('refuses %s with a PlaceholderError', (_name, { given, position, letter }) => {
    const error = thrown(() => renderPlaceholders(given, AT, { strict: true }));
    expect(isPlaceholderError(error)).toBe(true);
    expect(isTemplatesError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'PlaceholderError', input: given, position, letter });
    expect((error as Error).message).toContain(`position ${position}`);
    expect((error as Error).message).toContain('%%');
  });

  test('accepts every known letter and %%', () => {
    const all = [...'YyCmdeBbhAajHIklMSLNpzZsQRTrDFc'].map((letter) => `%${letter}`).join(' ');
    expect(() => renderPlaceholders(`${all} %%`, AT, { strict: true })).not.toThrow();
  });

  test('gives the same text as non-strict mode when it does not throw', () => {
    const text = '%F %T %Z (100%%)';
    expect(renderPlaceholders(text, AT, { strict: true })).toBe(renderPlaceholders(text, AT));
  });
});

describe('renderPlaceholders: bad input', () => {
  test.each<[string, unknown]>([
    ['null', null],
    ['a number', 2020],
    ['undefined', undefined],
  ])('text that is %s is an InvalidArgumentError', (_name, text) => {
    const error = thrown(() => renderPlaceholders(text as string, AT));
    expect(isInvalidArgumentError(error)).toBe(true);
    expect(error).toMatchObject({ argument: 'text', value: text });
  });

  test.each<[string, unknown]>([
    ['an Invalid Date', new Date(Number.NaN)],
    ['a date without an offset', '2020-03-16T09:05:07'],
    ['epoch milliseconds', 1_584_349_507_089],
    ['garbage', 'now'],
  ])('a date that is %s is an InvalidInstantError', (_name, date) => {
    const error = thrown(() => renderPlaceholders('%Y', date as Date));
    expect(isInvalidInstantError(error)).toBe(true);
    expect(error).toMatchObject({ value: date });
  });

  test.each<[string, unknown]>([
    ['an unknown zone', 'Mars/Olympus_Mons'],
    ['an abbreviation Temporal does not know', 'CST'],
    ['an offset with seconds', '+05:30:00'],
    ['a number', -5],
  ])('a time zone that is %s is an InvalidTimeZoneError', (_name, timeZone) => {
    const error = thrown(() => renderPlaceholders('%Y', AT, { timeZone: timeZone as string }));
    expect(isInvalidTimeZoneError(error)).toBe(true);
    expect(error).toMatchObject({ timeZone });
  });

  test.each<[string, unknown]>([
    ['an empty string', ''],
    ['not a tag', 'English please'],
    ['a number', 1],
  ])('a locale that is %s is an InvalidLocaleError', (_name, locale) => {
    const error = thrown(() => renderPlaceholders('%B', AT, { locale: locale as string }));
    expect(isInvalidLocaleError(error)).toBe(true);
    expect(error).toMatchObject({ locale });
  });

  test('a strict option that is not a boolean is an InvalidArgumentError', () => {
    const error = thrown(() =>
      renderPlaceholders('%Y', AT, { strict: 'yes' as unknown as boolean }),
    );
    expect(error).toMatchObject({ name: 'InvalidArgumentError', argument: 'options.strict' });
  });
});
