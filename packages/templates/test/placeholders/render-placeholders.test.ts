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
