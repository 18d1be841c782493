import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDuration,
  durationBetween,
  formatDuration,
  isInvalidArgumentError,
  isInvalidInstantError,
  type DurationBetweenOptions,
} from '../../src/index.js';
import { assertProperty } from '../support/property.js';
import { thrown } from '../support/thrown.js';

describe('durationBetween: the deadlineDuration for a wanted deadline', () => {
  test.each<[string, { from: string; to: string; options?: DurationBetweenOptions; want: string }]>(
    [
      [
        'the documented example, in days by default',
        { from: '2020-01-01T00:00:00Z', to: '2020-01-15T00:00:00Z', want: 'P14D' },
      ],
      [
        'the documented example in weeks',
        {
          from: '2020-01-01T00:00:00Z',
          to: '2020-01-15T00:00:00Z',
          options: { largestUnit: 'weeks' },
          want: 'P2W',
        },
      ],
      [
        'exact hours',
        {
          from: '2020-01-01T00:00:00Z',
          to: '2020-01-15T00:00:00Z',
          options: { largestUnit: 'hours' },
          want: 'PT336H',
        },
      ],
      [
        'calendar months',
        {
          from: '2020-01-15T00:00:00Z',
          to: '2020-03-15T12:00:00Z',
          options: { largestUnit: 'months' },
          want: 'P2MT12H',
        },
      ],
      [
        'years',
        {
          from: '2020-02-29T00:00:00Z',
          to: '2021-03-01T00:00:00Z',
          options: { largestUnit: 'years' },
          want: 'P1Y1D',
        },
      ],
      [
        'a day across spring-forward in New York is P1D, not PT23H',
        {
          from: '2024-03-09T17:00:00Z',
          to: '2024-03-10T16:00:00Z',
          options: { timeZone: 'America/New_York' },
          want: 'P1D',
        },
      ],
      [
        'the same instants in UTC are 23 hours',
        { from: '2024-03-09T17:00:00Z', to: '2024-03-10T16:00:00Z', want: 'PT23H' },
      ],
      [
        'a day across fall-back in Berlin is P1D',
        {
          from: '2024-10-26T10:00:00Z',
          to: '2024-10-27T11:00:00Z',
          options: { timeZone: 'Europe/Berlin' },
          want: 'P1D',
        },
      ],
      [
        'milliseconds',
        { from: '2020-01-01T00:00:00Z', to: '2020-01-01T00:00:01.25Z', want: 'PT1.25S' },
      ],
      [
        'backwards is negative',
        { from: '2020-01-15T00:00:00Z', to: '2020-01-01T00:00:00Z', want: '-P14D' },
      ],
      [
        'the same instant',
        { from: '2020-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z', want: 'PT0S' },
      ],
      [
        'from a winter date into the New York overlap: exact hours, because Java keeps EST there',
        {
          from: '2024-01-03T06:30:00Z',
          to: '2024-11-03T06:30:00Z',
          options: { timeZone: 'America/New_York', largestUnit: 'months' },
          want: 'PT7320H',
        },
      ],
    ],
  )('%s', (_name, { from, to, options, want }) => {
    const got = durationBetween(from, to, options);
    expect(formatDuration(got)).toBe(want);
    expect(addDuration(from, got, options).toISOString()).toBe(new Date(to).toISOString());
  });

  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe'];
  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });

  test('adding the result back gives the wanted deadline (any zone, any largest unit)', () => {
    assertProperty(
      fc.property(
        instant,
        instant,
        fc.constantFrom(...zones),
        fc.constantFrom('years', 'months', 'weeks', 'days', 'hours' as const),
        (from, to, timeZone, largestUnit) => {
          const options = { timeZone, largestUnit };
          const duration = durationBetween(new Date(from), new Date(to), options);
          expect(addDuration(new Date(from), duration, { timeZone }).getTime()).toBe(to);
        },
      ),
      1500,
    );
  });

  test('keeps nanoseconds exactly when the instants have them', () => {
    const from = { epochNanoseconds: 1_577_836_800_000_000_000n };
    const to = { epochNanoseconds: 1_577_836_801_123_456_789n };
    const got = durationBetween(from, to, { largestUnit: 'hours' });
    expect(got).toMatchObject({ sign: 1, seconds: 1, nanoseconds: 123_456_789 });
    expect(formatDuration(got)).toBe('PT1.123456789S');
    expect(formatDuration(durationBetween(to, from))).toBe('-PT1.123456789S');
  });

  test('refuses an unknown largestUnit with InvalidArgumentError', () => {
    const caught = thrown(() =>
      durationBetween('2020-01-01T00:00:00Z', '2020-01-02T00:00:00Z', {
        largestUnit: 'decades' as 'days',
      }),
    );
    expect(isInvalidArgumentError(caught)).toBe(true);
    expect(caught).toMatchObject({ argument: 'options.largestUnit', value: 'decades' });
  });

  test('refuses a bad instant with InvalidInstantError', () => {
    const caught = thrown(() => durationBetween('2020-01-01', '2020-01-02T00:00:00Z'));
    expect(isInvalidInstantError(caught)).toBe(true);
  });
});
