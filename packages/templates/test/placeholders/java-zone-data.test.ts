// The reader of the generated zone table, on small tables written by hand in its format (see
// scripts/zone-data/generate-zone-data.mjs), and the offset form for zones the JDK does not know.
import { describe, expect, test } from 'vitest';
import {
  isDaylightTime,
  readLocaleNames,
  readZoneTable,
  type JavaZone,
} from '../../src/placeholders/java-zone-data.js';
import { gmtOffset } from '../../src/placeholders/zone-abbreviation.js';

describe('readZoneTable', () => {
  const table = readZoneTable(
    'America:New_York=EST/*|-r0ev8:-8c,Sao_Paulo=BRT/%|-jylag:-3c0,Phoenix=MST;' +
      ':UTC=UTC,GB=GMT/BST|!-rzcns0:0 -m6840:1o,XSTST=XSTST/*|0:0;' +
      'Australia:Lord_Howe=LHST/|65y32:t6',
  );

  test('reads every zone, with and without an area', () => {
    expect([...table.keys()]).toEqual([
      'America/New_York',
      'America/Sao_Paulo',
      'America/Phoenix',
      'UTC',
      'GB',
      'XSTST',
      'Australia/Lord_Howe',
    ]);
  });

  test.each<[string, { standard: string; daylight: string }]>([
    ['America/New_York', { standard: 'EST', daylight: 'EDT' }], // "*": the last S made a D
    ['America/Sao_Paulo', { standard: 'BRT', daylight: 'BRST' }], // "%": an S before the last T
    ['America/Phoenix', { standard: 'MST', daylight: 'MST' }], // no daylight name: the same
    ['GB', { standard: 'GMT', daylight: 'BST' }], // written out
    ['XSTST', { standard: 'XSTST', daylight: 'XSTDT' }], // "*" changes only the last S
    ['Australia/Lord_Howe', { standard: 'LHST', daylight: 'LHST' }], // "": the same
  ])('names of %s', (id, names) => {
    expect(table.get(id)).toMatchObject(names);
  });

  test('pieces in base-36 minutes, or seconds after "!"', () => {
    expect(table.get('America/New_York')!.pieces).toEqual([[parseInt('-r0ev8', 36) * 60, -18_000]]);
    expect(table.get('GB')!.pieces).toEqual([
      [parseInt('-rzcns0', 36), 0],
      [parseInt('-m6840', 36) * 60, 3600],
    ]);
    expect(table.get('America/Phoenix')!.pieces).toEqual([]);
    expect(table.get('UTC')!.pieces).toEqual([]);
  });
});

describe('isDaylightTime', () => {
  const zone: JavaZone = {
    standard: 'S',
    daylight: 'D',
    pieces: [
      [1000, 3600],
      [2000, 7200],
    ],
  };

  test.each<[string, { epochSeconds: number; offsetSeconds: number; want: boolean }]>([
    ['before the first piece, never', { epochSeconds: 999, offsetSeconds: 99_999, want: false }],
    ['at the start of a piece, above it', { epochSeconds: 1000, offsetSeconds: 3601, want: true }],
    ['at the threshold itself, no', { epochSeconds: 1500, offsetSeconds: 3600, want: false }],
    ['the later piece applies', { epochSeconds: 2000, offsetSeconds: 3601, want: false }],
    ['above the later threshold', { epochSeconds: 9000, offsetSeconds: 7201, want: true }],
  ])('%s', (_name, { epochSeconds, offsetSeconds, want }) => {
    expect(isDaylightTime(zone, epochSeconds, offsetSeconds)).toBe(want);
  });

  test('a zone without pieces never keeps daylight time', () => {
    expect(isDaylightTime({ standard: 'S', daylight: 'D', pieces: [] }, 0, 50_000)).toBe(false);
  });
});

describe('readLocaleNames', () => {
  const names = readLocaleNames(
    'en-GB en-AU\tAmerica:New_York=GMT-05:00/GMT-04:00,Phoenix=GMT-07:00\nde\t:CET=MEZ/MESZ',
  );

  test('gives each tag of a line the same names', () => {
    expect([...names.keys()]).toEqual(['en-GB', 'en-AU', 'de']);
    expect(names.get('en-AU')).toBe(names.get('en-GB'));
  });

  test('reads the names as the zone table does', () => {
    expect(names.get('en-GB')!.get('America/New_York')).toEqual({
      standard: 'GMT-05:00',
      daylight: 'GMT-04:00',
    });
    expect(names.get('en-GB')!.get('America/Phoenix')).toEqual({
      standard: 'GMT-07:00',
      daylight: 'GMT-07:00',
    });
    expect(names.get('de')!.get('CET')).toEqual({ standard: 'MEZ', daylight: 'MESZ' });
  });
});

describe('gmtOffset: what Java writes for a zone without a name', () => {
  test.each<[number, string]>([
    [0, 'GMT+00:00'],
    [19_800, 'GMT+05:30'],
    [-16_200, 'GMT-04:30'],
    [-18_000, 'GMT-05:00'],
    [-17_762, 'GMT-04:56'], // seconds dropped
    [50_400, 'GMT+14:00'],
  ])('%i seconds: %s', (offsetSeconds, want) => {
    expect(gmtOffset(offsetSeconds)).toBe(want);
  });
});
