// renderPlaceholders against java.util.Formatter. The expectations were computed by a real JVM
// (test/oracle/JavaOracle.java) and committed; these tests read the JSON and never run Java.
import { describe, expect, test } from 'vitest';
import oracle from '../oracle/java-expectations.json' with { type: 'json' };
import { renderPlaceholders } from '../../src/index.js';

describe(`every Formatter letter matches Java ${oracle.java} (8 instants × 4 zones × 4 locales)`, () => {
  test.each(
    oracle.placeholders.map(
      (row) => [`%${row.letter} at ${row.instant} in ${row.timeZone}, ${row.locale}`, row] as const,
    ),
  )('%s', (_name, { letter, instant, timeZone, locale, want }) => {
    expect(renderPlaceholders(`%${letter}`, instant, { timeZone, locale })).toBe(want);
  });

  test('the table covers every letter in at least two zones', () => {
    const zonesByLetter = new Map<string, Set<string>>();
    for (const row of oracle.placeholders) {
      const zones = zonesByLetter.get(row.letter) ?? new Set<string>();
      zones.add(row.timeZone);
      zonesByLetter.set(row.letter, zones);
    }
    expect([...zonesByLetter.keys()].sort().join('')).toBe(
      [...'YyCmdeBbhAajHIklMSLNpzZsQRTrDFc'].sort().join(''),
    );
    for (const zones of zonesByLetter.values()) expect(zones.size).toBeGreaterThanOrEqual(2);
  });
});

describe('whole texts match Java: month ends, leap days, DST changes in New York and Berlin', () => {
  test.each(
    oracle.texts.map(
      (row) => [`${JSON.stringify(row.text)} at ${row.instant} in ${row.timeZone}`, row] as const,
    ),
  )('%s', (_name, { text, instant, timeZone, locale, want }) => {
    expect(renderPlaceholders(text, instant, { timeZone, locale })).toBe(want);
  });
});

describe('zone names (%Z) and offsets (%z) match Java in en-US for major zones', () => {
  test.each(oracle.zoneNames.map((row) => [`${row.timeZone} at ${row.instant}`, row] as const))(
    '%s',
    (_name, { instant, timeZone, Z, z }) => {
      expect(renderPlaceholders('%Z %z', instant, { timeZone })).toBe(`${Z} ${z}`);
    },
  );
});
