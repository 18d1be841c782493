import { describe, expect, test } from 'vitest';
import {
  formatDuration,
  isInvalidArgumentError,
  isInvalidDurationError,
  parseDuration,
  type Duration,
} from '../../src/index.js';
import { thrown } from '../support/thrown.js';

const ZERO = {
  years: 0,
  months: 0,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
  nanoseconds: 0,
};

describe('formatDuration(parseDuration(text)): canonical form', () => {
  test.each<[string, { given: string; want: string }]>([
    ['weeks stay weeks', { given: 'P2W', want: 'P2W' }],
    ['days stay days', { given: 'P14D', want: 'P14D' }],
    ['months', { given: 'P1M', want: 'P1M' }],
    ['hours are not carried into days', { given: 'PT36H', want: 'PT36H' }],
    ['full form', { given: 'P1Y2M3DT4H5M6.5S', want: 'P1Y2M3DT4H5M6.5S' }],
    ['mixed weeks', { given: 'P1W2D', want: 'P1W2D' }],
    ['zero', { given: 'PT0S', want: 'PT0S' }],
    ['zero written as days', { given: 'P0D', want: 'PT0S' }],
    ['negative zero', { given: '-P0D', want: 'PT0S' }],
    ['negative', { given: '-P1D', want: '-P1D' }],
    ['plus sign dropped', { given: '+P1D', want: 'P1D' }],
    ['leading zeros dropped', { given: 'P002W', want: 'P2W' }],
    ['zero components dropped', { given: 'P0Y1M0DT0H', want: 'P1M' }],
    ['empty time part dropped', { given: 'P1DT0S', want: 'P1D' }],
    ['comma becomes point', { given: 'PT6,5S', want: 'PT6.5S' }],
    ['trailing fraction zeros dropped', { given: 'PT6.500S', want: 'PT6.5S' }],
    ['whole fraction dropped', { given: 'PT1.0S', want: 'PT1S' }],
    ['zero with fraction', { given: 'PT0.000S', want: 'PT0S' }],
    ['nanoseconds kept', { given: 'PT0.000000001S', want: 'PT0.000000001S' }],
    [
      'sixteen significant digits kept exactly',
      { given: '-P33MT1000000000.074281S', want: '-P33MT1000000000.074281S' },
    ],
    [
      'the largest second count with nine fraction digits',
      { given: 'PT9007199254740991.999999999S', want: 'PT9007199254740991.999999999S' },
    ],
    ['a fraction alone', { given: 'PT0.5S', want: 'PT0.5S' }],
    ['every unit, nothing dropped', { given: 'P1Y2M3W4DT5H6M7.8S', want: 'P1Y2M3W4DT5H6M7.8S' }],
    ['minutes after T', { given: 'PT90M', want: 'PT90M' }],
  ])('%s', (_name, { given, want }) => {
    expect(formatDuration(parseDuration(given))).toBe(want);
  });
});

describe('formatDuration: hand-built values', () => {
  test('writes a Duration built by hand', () => {
    expect(formatDuration({ ...ZERO, sign: -1, months: 1, nanoseconds: 250_000_000 })).toBe(
      '-P1MT0.25S',
    );
    expect(formatDuration({ ...ZERO, sign: 1, hours: 1, seconds: 5 })).toBe('PT1H5S');
    expect(formatDuration({ ...ZERO, sign: 1, nanoseconds: 1 })).toBe('PT0.000000001S');
    expect(formatDuration({ ...ZERO, sign: 0 })).toBe('PT0S');
  });

  test('accepts the largest values parseDuration reads', () => {
    const most = { ...ZERO, sign: 1 as const, years: 2_147_483_647, months: 2_147_483_647 };
    expect(formatDuration({ ...most, weeks: 306_783_378, days: 1 })).toBe(
      'P2147483647Y2147483647M306783378W1D',
    );
    expect(formatDuration({ ...ZERO, sign: -1, hours: 2_562_047_788_015_215, seconds: 1807 })).toBe(
      '-PT2562047788015215H1807S',
    );
  });

  test.each<[string, { given: Duration; field: string }]>([
    ['negative field', { given: { ...ZERO, sign: 1, days: -1 }, field: 'days' }],
    ['fractional days', { given: { ...ZERO, sign: 1, days: 1.5 }, field: 'days' }],
    [
      'fractional seconds (the fraction belongs in nanoseconds)',
      { given: { ...ZERO, sign: 1, seconds: 0.5 }, field: 'seconds' },
    ],
    ['a sub-nanosecond value', { given: { ...ZERO, sign: 1, seconds: 1e-10 }, field: 'seconds' }],
    ['NaN', { given: { ...ZERO, sign: 1, hours: Number.NaN }, field: 'hours' }],
    ['infinite seconds', { given: { ...ZERO, sign: 1, seconds: Infinity }, field: 'seconds' }],
    ['an unsafe number', { given: { ...ZERO, sign: 1, minutes: 2 ** 53 }, field: 'minutes' }],
    ['years beyond Java', { given: { ...ZERO, sign: 1, years: 2 ** 31 }, field: 'years' }],
    [
      'a billion nanoseconds',
      { given: { ...ZERO, sign: 1, nanoseconds: 1e9 }, field: 'nanoseconds' },
    ],
    [
      'negative nanoseconds',
      { given: { ...ZERO, sign: 1, nanoseconds: -1 }, field: 'nanoseconds' },
    ],
    [
      'weeks and days beyond a Java Period',
      { given: { ...ZERO, sign: 1, weeks: 306_783_378, days: 2 }, field: 'weeks' },
    ],
    [
      'a time part beyond a Java Duration',
      { given: { ...ZERO, sign: 1, hours: 2_562_047_788_015_215, seconds: 1808 }, field: 'hours' },
    ],
    [
      'string field',
      { given: { ...ZERO, sign: 1, days: '1' as unknown as number }, field: 'days' },
    ],
    [
      'missing nanoseconds',
      {
        given: { ...ZERO, sign: 1, days: 1, nanoseconds: undefined as unknown as number },
        field: 'nanoseconds',
      },
    ],
    ['sign 0 with a non-zero field', { given: { ...ZERO, sign: 0, days: 1 }, field: 'sign' }],
    [
      'sign 0 with only nanoseconds',
      { given: { ...ZERO, sign: 0, nanoseconds: 1 }, field: 'sign' },
    ],
    ['sign 1 with all zero', { given: { ...ZERO, sign: 1 }, field: 'sign' }],
    ['sign -1 with all zero', { given: { ...ZERO, sign: -1 }, field: 'sign' }],
    ['sign 2', { given: { ...ZERO, sign: 2 as 1, days: 1 }, field: 'sign' }],
  ])('refuses %s with InvalidDurationError', (_name, { given, field }) => {
    const caught = thrown(() => formatDuration(given));
    expect(isInvalidDurationError(caught)).toBe(true);
    expect(caught).toMatchObject({ name: 'InvalidDurationError', field, duration: given });
    expect((caught as Error).message).toContain(`field '${field}' must be`);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a string', 'P1D'],
    ['a number', 1],
  ])('refuses %s (not a Duration object) with InvalidArgumentError', (_name, given) => {
    const caught = thrown(() => formatDuration(given as Duration));
    expect(isInvalidArgumentError(caught)).toBe(true);
    expect(caught).toMatchObject({ argument: 'duration', value: given });
  });
});
