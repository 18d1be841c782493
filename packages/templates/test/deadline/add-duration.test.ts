import { describe, expect, test } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  addDuration,
  isDurationSyntaxError,
  isInvalidInstantError,
  isInvalidTimeZoneError,
  parseDuration,
} from '../../src/index.js';
import { thrown } from '../support/thrown.js';

// Readable cases for the rules the README promises (test/oracle compares the same ground, and more,
// with Java).
describe('addDuration: calendar rules', () => {
  test.each<[string, { start: string; duration: string; timeZone?: string; want: string }]>([
    [
      'documented example: 2020-01-01 + P2W',
      { start: '2020-01-01T00:00:00Z', duration: 'P2W', want: '2020-01-15T00:00:00.000Z' },
    ],
    [
      'P14D is the same as P2W',
      { start: '2020-01-01T00:00:00Z', duration: 'P14D', want: '2020-01-15T00:00:00.000Z' },
    ],
    [
      '31 Jan + P1M in a leap year: 29 Feb',
      { start: '2020-01-31T09:00:00Z', duration: 'P1M', want: '2020-02-29T09:00:00.000Z' },
    ],
    [
      '31 Jan + P1M in a common year: 28 Feb',
      { start: '2021-01-31T09:00:00Z', duration: 'P1M', want: '2021-02-28T09:00:00.000Z' },
    ],
    [
      '31 Mar + P1M: 30 Apr',
      { start: '2021-03-31T09:00:00Z', duration: 'P1M', want: '2021-04-30T09:00:00.000Z' },
    ],
    [
      '31 Jan + P2M: 31 Mar (clamped once, at the end)',
      { start: '2021-01-31T09:00:00Z', duration: 'P2M', want: '2021-03-31T09:00:00.000Z' },
    ],
    [
      '31 Jan + P1M1D: months first, then days',
      { start: '2021-01-31T09:00:00Z', duration: 'P1M1D', want: '2021-03-01T09:00:00.000Z' },
    ],
    [
      '29 Feb + P1Y: 28 Feb',
      { start: '2024-02-29T09:00:00Z', duration: 'P1Y', want: '2025-02-28T09:00:00.000Z' },
    ],
    [
      '29 Feb + P4Y: 29 Feb',
      { start: '2024-02-29T09:00:00Z', duration: 'P4Y', want: '2028-02-29T09:00:00.000Z' },
    ],
    [
      '28 Feb + P1D in a leap year: 29 Feb',
      { start: '2024-02-28T09:00:00Z', duration: 'P1D', want: '2024-02-29T09:00:00.000Z' },
    ],
    [
      '1900 is not a leap year',
      { start: '1900-02-28T00:00:00Z', duration: 'P1D', want: '1900-03-01T00:00:00.000Z' },
    ],
    [
      '2000 is a leap year',
      { start: '2000-02-28T00:00:00Z', duration: 'P1D', want: '2000-02-29T00:00:00.000Z' },
    ],
    [
      '31 Mar - P1M: 29 Feb',
      { start: '2024-03-31T09:00:00Z', duration: '-P1M', want: '2024-02-29T09:00:00.000Z' },
    ],
    [
      'zero',
      { start: '2024-03-31T09:00:00.123Z', duration: 'PT0S', want: '2024-03-31T09:00:00.123Z' },
    ],
    [
      'fractional seconds',
      { start: '2024-01-01T00:00:00Z', duration: 'PT0.001S', want: '2024-01-01T00:00:00.001Z' },
    ],
    [
      'a second count beyond a double keeps its last millisecond (Java: 2001-09-09T01:46:40.999Z)',
      {
        start: '1970-01-01T00:00:00Z',
        duration: 'PT1000000000.999999999S',
        want: '2001-09-09T01:46:40.999Z',
      },
    ],
    [
      'the same, negative: the result is floored to the millisecond, as Java does',
      {
        start: '1970-01-01T00:00:00Z',
        duration: '-PT1000000000.999999999S',
        want: '1938-04-24T22:13:19.000Z',
      },
    ],
    // America/New_York springs forward on 2024-03-10 at 02:00 and falls back on 2024-11-03 at 02:00.
    [
      'NY: P1D across spring-forward keeps noon',
      {
        start: '2024-03-09T12:00:00-05:00',
        duration: 'P1D',
        timeZone: 'America/New_York',
        want: '2024-03-10T16:00:00.000Z',
      },
    ],
    [
      'NY: PT24H across spring-forward is 13:00',
      {
        start: '2024-03-09T12:00:00-05:00',
        duration: 'PT24H',
        timeZone: 'America/New_York',
        want: '2024-03-10T17:00:00.000Z',
      },
    ],
    [
      'NY: P1D into the gap moves 02:30 to 03:30',
      {
        start: '2024-03-09T02:30:00-05:00',
        duration: 'P1D',
        timeZone: 'America/New_York',
        want: '2024-03-10T07:30:00.000Z',
      },
    ],
    [
      'NY: P1D across fall-back keeps noon',
      {
        start: '2024-11-02T12:00:00-04:00',
        duration: 'P1D',
        timeZone: 'America/New_York',
        want: '2024-11-03T17:00:00.000Z',
      },
    ],
    [
      'NY: PT24H across fall-back is 11:00',
      {
        start: '2024-11-02T12:00:00-04:00',
        duration: 'PT24H',
        timeZone: 'America/New_York',
        want: '2024-11-03T16:00:00.000Z',
      },
    ],
    [
      'NY: into the overlap from summer time keeps EDT',
      {
        start: '2024-11-02T01:30:00-04:00',
        duration: 'P1D',
        timeZone: 'America/New_York',
        want: '2024-11-03T05:30:00.000Z',
      },
    ],
    [
      'NY: into the overlap from winter time keeps EST (Java, not Temporal)',
      {
        start: '2024-01-03T01:30:00-05:00',
        duration: 'P10M',
        timeZone: 'America/New_York',
        want: '2024-11-03T06:30:00.000Z',
      },
    ],
    // Europe/Berlin springs forward on 2024-03-31 at 02:00 and falls back on 2024-10-27 at 03:00.
    [
      'Berlin: P1D across spring-forward keeps noon',
      {
        start: '2024-03-30T12:00:00+01:00',
        duration: 'P1D',
        timeZone: 'Europe/Berlin',
        want: '2024-03-31T10:00:00.000Z',
      },
    ],
    [
      'Berlin: PT24H across spring-forward is 13:00',
      {
        start: '2024-03-30T12:00:00+01:00',
        duration: 'PT24H',
        timeZone: 'Europe/Berlin',
        want: '2024-03-31T11:00:00.000Z',
      },
    ],
    [
      'Berlin: P1D into the gap moves 02:30 to 03:30',
      {
        start: '2024-03-30T02:30:00+01:00',
        duration: 'P1D',
        timeZone: 'Europe/Berlin',
        want: '2024-03-31T01:30:00.000Z',
      },
    ],
    [
      'Berlin: P1D across fall-back keeps noon',
      {
        start: '2024-10-26T12:00:00+02:00',
        duration: 'P1D',
        timeZone: 'Europe/Berlin',
        want: '2024-10-27T11:00:00.000Z',
      },
    ],
    [
      'Berlin: into the overlap from winter time keeps CET',
      {
        start: '2024-01-27T02:30:00+01:00',
        duration: 'P9M',
        timeZone: 'Europe/Berlin',
        want: '2024-10-27T01:30:00.000Z',
      },
    ],
    [
      'the zone decides the calendar day: 31 Jan in Berlin',
      {
        start: '2024-01-30T23:30:00Z',
        duration: 'P1M',
        timeZone: 'Europe/Berlin',
        want: '2024-02-28T23:30:00.000Z',
      },
    ],
    [
      'the zone decides the calendar day: 30 Jan in UTC',
      { start: '2024-01-30T23:30:00Z', duration: 'P1M', want: '2024-02-29T23:30:00.000Z' },
    ],
    [
      'fixed-offset zone',
      {
        start: '2024-01-31T00:00:00+05:30',
        duration: 'P1M',
        timeZone: '+05:30',
        want: '2024-02-28T18:30:00.000Z',
      },
    ],
  ])('%s', (_name, { start, duration, timeZone, want }) => {
    expect(addDuration(start, duration, { timeZone }).toISOString()).toBe(want);
  });
});

describe('addDuration: inputs', () => {
  const want = '2020-01-15T00:00:00.000Z';
  test.each<[string, Parameters<typeof addDuration>[0]]>([
    ['a Date', new Date('2020-01-01T00:00:00Z')],
    ['an ISO string with Z', '2020-01-01T00:00:00Z'],
    ['an ISO string with an offset', '2020-01-01T01:00:00+01:00'],
    ['a Temporal.Instant', Temporal.Instant.from('2020-01-01T00:00:00Z')],
    ['a Temporal.ZonedDateTime', Temporal.ZonedDateTime.from('2020-01-01T00:00:00[UTC]')],
    ['any object with epochNanoseconds', { epochNanoseconds: 1_577_836_800_000_000_000n }],
  ])('accepts %s', (_name, given) => {
    expect(addDuration(given, 'P2W').toISOString()).toBe(want);
  });

  test('accepts a Duration object', () => {
    expect(addDuration('2020-01-01T00:00:00Z', parseDuration('P2W')).toISOString()).toBe(want);
  });

  test('returns a new Date and leaves the input alone', () => {
    const start = new Date('2020-01-01T00:00:00Z');
    const result = addDuration(start, 'P1D');
    expect(result).not.toBe(start);
    expect(start.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  test('defaults to UTC', () => {
    expect(addDuration('2024-03-09T12:00:00-05:00', 'P1D').toISOString()).toBe(
      '2024-03-10T17:00:00.000Z',
    );
  });
});

describe('addDuration: errors', () => {
  test.each<[string, unknown]>([
    ['an Invalid Date', new Date('nope')],
    ['a date without a time', '2020-01-01'],
    ['a date-time without an offset', '2020-01-01T00:00:00'],
    ['garbage text', 'yesterday'],
    ['a number', 1_577_836_800_000],
    ['null', null],
    ['an object without epochNanoseconds', { epochMilliseconds: 0 }],
    ['epochNanoseconds out of range', { epochNanoseconds: 10n ** 30n }],
  ])('refuses %s with InvalidInstantError', (_name, given) => {
    const caught = thrown(() => addDuration(given as Date, 'P1D'));
    expect(isInvalidInstantError(caught)).toBe(true);
    expect(caught).toMatchObject({ name: 'InvalidInstantError', value: given });
  });

  test('a result outside the range of dates is an InvalidInstantError', () => {
    expect(() => addDuration('2020-01-01T00:00:00Z', 'P300000Y')).toThrow(
      expect.objectContaining({
        name: 'InvalidInstantError',
        message: expect.stringContaining('P300000Y'),
      }),
    );
  });

  test('an error that is not about the range of dates is not disguised as one', () => {
    // A hand-built Duration whose years read 0 while it is checked, fail once when added, then read
    // 0 again (so an error message built from it could be written).
    let reads = 0;
    const duration = {
      ...parseDuration('P1D'),
      get years(): number {
        reads += 1;
        if (reads === 2) throw new TypeError('years could not be read');
        return 0;
      },
    };
    const caught = thrown(() => addDuration('2020-01-01T00:00:00Z', duration));
    expect(caught).toBeInstanceOf(TypeError);
    expect(isInvalidInstantError(caught)).toBe(false);
  });

  test('bad duration text is a DurationSyntaxError', () => {
    const caught = thrown(() => addDuration('2020-01-01T00:00:00Z', 'P1H'));
    expect(isDurationSyntaxError(caught)).toBe(true);
  });

  test.each<[string, unknown]>([
    ['an unknown name', 'Mars/Olympus_Mons'],
    ['an abbreviation', 'EST5EDTX'],
    ['an empty string', ''],
    ['a number', 5],
  ])('refuses %s as a time zone with InvalidTimeZoneError', (_name, timeZone) => {
    const caught = thrown(() =>
      addDuration('2020-01-01T00:00:00Z', 'P1D', { timeZone: timeZone as string }),
    );
    expect(isInvalidTimeZoneError(caught)).toBe(true);
    expect(caught).toMatchObject({ name: 'InvalidTimeZoneError', timeZone });
  });
});
