import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatDuration, parseDuration, type Duration } from '../../src/index.js';
import { assertProperty } from '../support/property.js';

const MAX_DATE_COUNT = 2_147_483_647;
const dateCount = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: MAX_DATE_COUNT }),
);
/** Hours, minutes and seconds small enough that their total stays within Java's 2^63 − 1 seconds. */
const timeCount = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 2 ** 50 }),
);

const duration: fc.Arbitrary<Duration> = fc
  .record({
    negative: fc.boolean(),
    years: dateCount,
    months: dateCount,
    weeks: fc.integer({ min: 0, max: Math.floor(MAX_DATE_COUNT / 14) }),
    days: fc.integer({ min: 0, max: Math.floor(MAX_DATE_COUNT / 2) }),
    hours: timeCount,
    minutes: timeCount,
    seconds: fc.oneof(timeCount, fc.maxSafeNat()),
    nanoseconds: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999_999_999 })),
  })
  .map(({ negative, ...fields }) => {
    const zero = Object.values(fields).every((value) => value === 0);
    return { sign: zero ? 0 : negative ? -1 : 1, ...fields };
  });

/** ISO-8601 text as a person might write it: optional sign, leading zeros, comma, zero components. */
const writtenText = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    date: fc.array(fc.option(fc.nat({ max: 9999 }), { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
    }),
    time: fc.array(fc.option(fc.nat({ max: 9999 }), { nil: undefined }), {
      minLength: 3,
      maxLength: 3,
    }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    comma: fc.boolean(),
    zeros: fc.nat({ max: 2 }),
  })
  .filter(({ date, time }) => [...date, ...time].some((value) => value !== undefined))
  .map(({ sign, date, time, fraction, comma, zeros }) => {
    const num = (value: number): string => '0'.repeat(zeros) + String(value);
    const datePart = date.map((v, i) => (v === undefined ? '' : num(v) + 'YMWD'[i])).join('');
    const timePart = time
      .map((v, i) => {
        if (v === undefined) return '';
        const withFraction =
          i === 2 && fraction !== undefined ? `${comma ? ',' : '.'}${fraction}` : '';
        return num(v) + withFraction + 'HMS'[i];
      })
      .join('');
    return `${sign}P${datePart}${timePart === '' ? '' : `T${timePart}`}`;
  });

/** The value a text stands for, read digit by digit (independent of the parser): seconds as a fraction. */
function secondsValue(text: string): string {
  const match = /(\d+)(?:[.,](\d+))?S$/.exec(text);
  if (match === null) return '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const whole = String(BigInt(match[1]!));
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

describe('duration round trips', () => {
  test('parseDuration(formatDuration(d)) gives d back', () => {
    assertProperty(
      fc.property(duration, (d) => {
        expect(parseDuration(formatDuration(d))).toEqual(d);
      }),
      2000,
    );
  });

  test('formatDuration(parseDuration(text)) is canonical: formatting again changes nothing', () => {
    assertProperty(
      fc.property(writtenText, (text) => {
        const canonical = formatDuration(parseDuration(text));
        expect(formatDuration(parseDuration(canonical))).toBe(canonical);
        expect(parseDuration(canonical)).toEqual(parseDuration(text));
      }),
      2000,
    );
  });

  test('the seconds of the canonical form are exactly the seconds written', () => {
    assertProperty(
      fc.property(writtenText, (text) => {
        const canonical = formatDuration(parseDuration(text));
        expect(secondsValue(canonical)).toBe(secondsValue(text.replace(/^[-+]/, '')));
      }),
      2000,
    );
  });

  test('the canonical form has no leading zeros, no zero components, no plus and no comma', () => {
    assertProperty(
      fc.property(writtenText, (text) => {
        const canonical = formatDuration(parseDuration(text));
        expect(canonical).toMatch(
          /^-?P(?:[1-9]\d*[YMWD])*(?:T(?:[1-9]\d*[HM])*(?:(?:[1-9]\d*|0)(?:\.\d*[1-9])?S)?)?$|^PT0S$/,
        );
        expect(canonical).not.toMatch(/T$/);
      }),
      2000,
    );
  });

  test('parseDuration never throws anything but a DurationSyntaxError', () => {
    assertProperty(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'PT-+0123456789.,YMWDHSpt xZ') }),
        (text) => {
          try {
            parseDuration(text);
          } catch (error) {
            expect(error).toMatchObject({ name: 'DurationSyntaxError', input: text });
            const position = (error as { position: number }).position;
            expect(position).toBeGreaterThanOrEqual(0);
            expect(position).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      3000,
    );
  });
});
