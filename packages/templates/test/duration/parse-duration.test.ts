import { describe, expect, test } from 'vitest';
import {
  isDurationSyntaxError,
  isInvalidArgumentError,
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
const d = (fields: Partial<Duration>): Duration => ({ sign: 1, ...ZERO, ...fields });

describe('parseDuration: accepted forms', () => {
  test.each<[string, { given: string; want: Duration }]>([
    ['two weeks (the API example)', { given: 'P2W', want: d({ weeks: 2 }) }],
    ['fourteen days, kept as days', { given: 'P14D', want: d({ days: 14 }) }],
    ['one month', { given: 'P1M', want: d({ months: 1 }) }],
    ['hours only', { given: 'PT36H', want: d({ hours: 36 }) }],
    ['minutes, not months, after T', { given: 'PT1M', want: d({ minutes: 1 }) }],
    [
      'every unit with fractional seconds',
      {
        given: 'P1Y2M3DT4H5M6.5S',
        want: d({
          years: 1,
          months: 2,
          days: 3,
          hours: 4,
          minutes: 5,
          seconds: 6,
          nanoseconds: 500_000_000,
        }),
      },
    ],
    ['weeks with days (ISO 8601-2, Java)', { given: 'P1W2D', want: d({ weeks: 1, days: 2 }) }],
    ['weeks with everything', { given: 'P1Y1W', want: d({ years: 1, weeks: 1 }) }],
    ['zero as PT0S', { given: 'PT0S', want: { sign: 0, ...ZERO } }],
    ['zero as P0D', { given: 'P0D', want: { sign: 0, ...ZERO } }],
    ['negative zero is zero', { given: '-PT0S', want: { sign: 0, ...ZERO } }],
    ['negative', { given: '-P1D', want: d({ sign: -1, days: 1 }) }],
    ['negative mixed', { given: '-P1DT12H', want: d({ sign: -1, days: 1, hours: 12 }) }],
    ['explicit plus', { given: '+P1D', want: d({ days: 1 }) }],
    ['leading zeros', { given: 'P0014D', want: d({ days: 14 }) }],
    ['comma decimal sign', { given: 'PT0,5S', want: d({ nanoseconds: 500_000_000 }) }],
    ['nanoseconds', { given: 'PT0.000000001S', want: d({ nanoseconds: 1 }) }],
    [
      'one fraction digit is tenths',
      { given: 'PT1.5S', want: d({ seconds: 1, nanoseconds: 500_000_000 }) },
    ],
    [
      'seconds beyond a double, exactly',
      {
        given: '-P33MT1000000000.074281S',
        want: d({ sign: -1, months: 33, seconds: 1_000_000_000, nanoseconds: 74_281_000 }),
      },
    ],
    [
      'nine fraction digits on a large count',
      {
        given: 'PT1000000000.999999999S',
        want: d({ seconds: 1_000_000_000, nanoseconds: 999_999_999 }),
      },
    ],
    ['a fraction of zero is zero', { given: 'PT0.000S', want: { sign: 0, ...ZERO } }],
    [
      'only nanoseconds make it non-zero',
      { given: '-PT0.1S', want: d({ sign: -1, nanoseconds: 100_000_000 }) },
    ],
    [
      "the largest counts Java's Period holds",
      {
        given: 'P2147483647Y2147483647M306783378W1D',
        want: d({ years: 2_147_483_647, months: 2_147_483_647, weeks: 306_783_378, days: 1 }),
      },
    ],
    [
      "hours and minutes just within Java's Duration",
      {
        given: 'PT2562047788015215H30M7S',
        want: d({ hours: 2_562_047_788_015_215, minutes: 30, seconds: 7 }),
      },
    ],
    [
      "the longest time part Java's Duration holds",
      {
        given: 'PT2562047788015215H1807S',
        want: d({ hours: 2_562_047_788_015_215, seconds: 1807 }),
      },
    ],
    ['zero components kept out of the sign', { given: 'P0Y1D', want: d({ days: 1 }) }],
    [
      'largest safe number',
      { given: 'PT9007199254740991S', want: d({ seconds: 9007199254740991 }) },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(parseDuration(given)).toEqual(want);
  });

  test('returns a plain object', () => {
    expect(Object.getPrototypeOf(parseDuration('P1D'))).toBe(Object.prototype);
  });
});

describe('parseDuration: refused input, with the position and what was expected there', () => {
  test.each<[string, { given: string; position: number; expected: string }]>([
    ['empty text', { given: '', position: 0, expected: "'P' (optionally after '-' or '+')" }],
    ['only P', { given: 'P', position: 1, expected: "a number followed by Y, M, W or D, or 'T'" }],
    ['only PT', { given: 'PT', position: 2, expected: "a number followed by H, M or S after 'T'" }],
    [
      'T with nothing after it',
      { given: 'P1DT', position: 4, expected: "a number followed by H, M or S after 'T'" },
    ],
    [
      'T twice',
      { given: 'PTT1H', position: 2, expected: "a number followed by H, M or S after 'T'" },
    ],
    [
      'a second T after the time part',
      { given: 'P1DT1HT', position: 6, expected: 'a number or the end of the text' },
    ],
    ['missing P', { given: '1D', position: 0, expected: "'P' (optionally after '-' or '+')" }],
    ['a sign without P', { given: '+1D', position: 1, expected: "'P'" }],
    ['only a sign', { given: '-', position: 1, expected: "'P'" }],
    ['two signs', { given: '--P1D', position: 1, expected: "'P'" }],
    ['garbage', { given: 'two weeks', position: 0, expected: "'P' (optionally after '-' or '+')" }],
    [
      'leading space',
      { given: ' P1D', position: 0, expected: "'P' (optionally after '-' or '+')" },
    ],
    [
      'time unit before T',
      { given: 'P1H', position: 2, expected: "Y, M, W or D ('H' belongs after 'T')" },
    ],
    [
      'seconds before T',
      { given: 'P1S', position: 2, expected: "Y, M, W or D ('S' belongs after 'T')" },
    ],
    [
      'days after T',
      { given: 'PT1D', position: 3, expected: "H, M or S ('D' belongs before 'T')" },
    ],
    [
      'years after T',
      { given: 'PT1Y', position: 3, expected: "H, M or S ('Y' belongs before 'T')" },
    ],
    [
      'weeks after T',
      { given: 'PT1W', position: 3, expected: "H, M or S ('W' belongs before 'T')" },
    ],
    ['lower-case p', { given: 'p1d', position: 0, expected: "'P' (designators are upper-case)" }],
    [
      'lower-case p after a sign',
      { given: '-p1d', position: 1, expected: "'P' (designators are upper-case)" },
    ],
    [
      'lower-case designator',
      { given: 'P1d', position: 2, expected: 'Y, M, W or D (designators are upper-case)' },
    ],
    [
      'lower-case time designator before T',
      { given: 'P1h', position: 2, expected: 'Y, M, W or D (designators are upper-case)' },
    ],
    [
      'lower-case t',
      { given: 'P1Dt1H', position: 3, expected: "'T' (designators are upper-case)" },
    ],
    [
      'lower-case time designator',
      { given: 'PT1h', position: 3, expected: 'H, M or S (designators are upper-case)' },
    ],
    ['trailing garbage', { given: 'P1Dx', position: 3, expected: "'T' or the end of the text" }],
    [
      'trailing garbage after time',
      { given: 'PT1Hx', position: 4, expected: 'a number or the end of the text' },
    ],
    ['trailing space', { given: 'P1D ', position: 3, expected: "'T' or the end of the text" }],
    [
      'trailing space after seconds',
      { given: 'PT1S ', position: 4, expected: 'the end of the text' },
    ],
    [
      'a fraction after weeks',
      { given: 'P1W.5D', position: 3, expected: "a number, 'T' or the end of the text" },
    ],
    ['designator twice', { given: 'P1D2D', position: 3, expected: "'T' or the end of the text" }],
    [
      'a number after every date designator',
      { given: 'P1Y2M3W4D5', position: 9, expected: "'T' or the end of the text" },
    ],
    [
      'a number after every time designator',
      { given: 'P1Y2M3W4DT1H2M3S4', position: 16, expected: 'the end of the text' },
    ],
    [
      'designators out of order',
      {
        given: 'P1M2Y',
        position: 4,
        expected: 'W or D (each designator at most once, in the order Y, M, W, D)',
      },
    ],
    [
      'months after weeks',
      {
        given: 'P1W1M',
        position: 4,
        expected: 'D (each designator at most once, in the order Y, M, W, D)',
      },
    ],
    [
      'time designators out of order',
      { given: 'PT1S2M', position: 4, expected: 'the end of the text' },
    ],
    [
      'hours after minutes',
      {
        given: 'PT1M1H',
        position: 5,
        expected: 'S (each designator at most once, in the order H, M, S)',
      },
    ],
    [
      'number without designator',
      { given: 'P12', position: 3, expected: 'a designator: Y, M, W or D' },
    ],
    [
      'time number without designator',
      { given: 'PT12', position: 4, expected: 'a designator: H, M or S' },
    ],
    [
      'designator without number',
      { given: 'PD', position: 1, expected: "a number followed by Y, M, W or D, or 'T'" },
    ],
    [
      'sign on a field (Java only)',
      { given: 'P-1D', position: 1, expected: "a number followed by Y, M, W or D, or 'T'" },
    ],
    [
      'sign on a time field (Java only)',
      { given: 'PT-1H', position: 2, expected: "a number followed by H, M or S after 'T'" },
    ],
    [
      'fraction on days',
      { given: 'P1.5D', position: 2, expected: 'Y, M, W or D (only seconds may have a fraction)' },
    ],
    [
      'fraction on months, with a comma',
      { given: 'P1Y1,5M', position: 4, expected: 'M, W or D (only seconds may have a fraction)' },
    ],
    [
      'fraction on hours',
      { given: 'PT1.5H', position: 5, expected: "'S' (only seconds may have a fraction)" },
    ],
    [
      'fraction on minutes',
      { given: 'PT1,5M', position: 5, expected: "'S' (only seconds may have a fraction)" },
    ],
    ['fraction at the end', { given: 'PT0.5', position: 5, expected: "'S'" }],
    [
      'fraction without digits (Java reads it)',
      { given: 'PT1.S', position: 4, expected: 'a digit after the decimal sign' },
    ],
    [
      'comma without digits',
      { given: 'PT1,S', position: 4, expected: 'a digit after the decimal sign' },
    ],
    [
      'more than nine fraction digits',
      { given: 'PT0.1234567891S', position: 13, expected: "'S' (at most 9 fraction digits)" },
    ],
    ['exponent', { given: 'PT1e3S', position: 3, expected: 'H, M or S' }],
    [
      'non-ASCII digit',
      { given: 'P\u0661D', position: 1, expected: "a number followed by Y, M, W or D, or 'T'" },
    ],
    [
      'non-ASCII digit after T',
      { given: 'P1DT\u0661H', position: 4, expected: "a number followed by H, M or S after 'T'" },
    ],
  ])('%s', (_name, { given, position, expected }) => {
    const caught = thrown(() => parseDuration(given));
    expect(isDurationSyntaxError(caught)).toBe(true);
    expect(caught).toMatchObject({ name: 'DurationSyntaxError', input: given, position, expected });
    const found = position < given.length ? `'${given[position]!}'` : 'the end of the text';
    expect((caught as Error).message).toBe(
      `Invalid ISO-8601 duration ${JSON.stringify(given)}: at position ${position} found ${found}, expected ${expected}.`,
    );
  });

  test.each<[string, { given: string; position: number; expected: string }]>([
    [
      'a count beyond a 32-bit integer',
      {
        given: 'P1Y2147483648D',
        position: 3,
        expected: "a number no larger than 2147483647 (Java's Period holds 32-bit counts)",
      },
    ],
    [
      'a month count far beyond',
      {
        given: 'P99999999999M',
        position: 1,
        expected: "a number no larger than 2147483647 (Java's Period holds 32-bit counts)",
      },
    ],
    [
      'weeks that overflow as days',
      {
        given: 'P306783379W',
        position: 1,
        expected:
          "a smaller number: weeks × 7 + days must not exceed 2147483647 (Java's Period counts weeks as days)",
      },
    ],
    [
      'days that overflow with the weeks',
      {
        given: 'P306783378W2D',
        position: 11,
        expected:
          "a smaller number: weeks × 7 + days must not exceed 2147483647 (Java's Period counts weeks as days)",
      },
    ],
    [
      'seconds beyond an exact JavaScript integer',
      {
        given: 'PT9007199254740992S',
        position: 2,
        expected: 'a number no larger than 9007199254740991 (the largest exact JavaScript integer)',
      },
    ],
    [
      'a time part beyond a Java Duration',
      {
        given: 'PT2562047788015215H1808S',
        position: 19,
        expected:
          "a smaller number: the time part must not exceed 9223372036854775807 seconds (Java's Duration)",
      },
    ],
    [
      'minutes that take the time part beyond a Java Duration',
      {
        given: 'PT2562047788015215H31M',
        position: 19,
        expected:
          "a smaller number: the time part must not exceed 9223372036854775807 seconds (Java's Duration)",
      },
    ],
    [
      'hours alone beyond a Java Duration',
      {
        given: 'PT2562047788015216H',
        position: 2,
        expected:
          "a smaller number: the time part must not exceed 9223372036854775807 seconds (Java's Duration)",
      },
    ],
  ])("beyond Java's limits: %s", (_name, { given, position, expected }) => {
    const caught = thrown(() => parseDuration(given));
    expect(caught).toMatchObject({ name: 'DurationSyntaxError', input: given, position, expected });
  });

  test.each<[string, unknown]>([
    ['a number', 14],
    ['null', null],
    ['undefined', undefined],
  ])('a non-string (%s) is an InvalidArgumentError', (_name, given) => {
    const caught = thrown(() => parseDuration(given as string));
    expect(isInvalidArgumentError(caught)).toBe(true);
    expect(caught).toMatchObject({ argument: 'duration text', value: given });
  });
});
