import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatDuration, parseDuration, type Duration } from '../../src/index.js';

const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.maxSafeNat());
/** Seconds with up to 9 fraction digits and at most 15 significant digits, so a double holds them exactly. */
const seconds = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([whole, nanos]) => Number(`${whole}.${String(nanos).padStart(9, '0')}`));

const duration: fc.Arbitrary<Duration> = fc
  .record({
    negative: fc.boolean(),
    years: count,
    months: count,
    weeks: count,
    days: count,
    hours: count,
    minutes: count,
    seconds: fc.oneof(fc.constant(0), seconds),
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

describe('duration round trips', () => {
  test('parseDuration(formatDuration(d)) gives d back', () => {
    fc.assert(
      fc.property(duration, (d) => {
        expect(parseDuration(formatDuration(d))).toEqual(d);
      }),
      { numRuns: 2000 },
    );
  });

  test('formatDuration(parseDuration(text)) is canonical: formatting again changes nothing', () => {
    fc.assert(
      fc.property(writtenText, (text) => {
        const canonical = formatDuration(parseDuration(text));
        expect(formatDuration(parseDuration(canonical))).toBe(canonical);
        expect(parseDuration(canonical)).toEqual(parseDuration(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('the canonical form has no leading zeros, no zero components, no plus and no comma', () => {
    fc.assert(
      fc.property(writtenText, (text) => {
        const canonical = formatDuration(parseDuration(text));
        expect(canonical).toMatch(
          /^-?P(?:[1-9]\d*[YMWD])*(?:T(?:[1-9]\d*[HM])*(?:(?:[1-9]\d*|0)(?:\.\d*[1-9])?S)?)?$|^PT0S$/,
        );
        expect(canonical).not.toMatch(/T$/);
      }),
      { numRuns: 2000 },
    );
  });

  test('parseDuration never throws anything but a DurationSyntaxError', () => {
    fc.assert(
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
      { numRuns: 3000 },
    );
  });
});
