import { describe, expect, test } from 'vitest';
import {
  isDeadlineInFuture,
  isTemplatesError,
  type IsDeadlineInFutureOptions,
} from '../../src/index.js';
import { thrown } from '../support/thrown.js';

describe('isDeadlineInFuture', () => {
  // Activation answers 400 for "a deadline of today or in the past": by default the calendar date of the
  // deadline must be after today's, in the activation time zone.
  test.each<[string, { deadline: string; options: IsDeadlineInFutureOptions; want: boolean }]>([
    [
      'tomorrow',
      { deadline: '2020-01-15T00:00:00Z', options: { now: '2020-01-14T23:00:00Z' }, want: true },
    ],
    [
      'later today is not enough',
      { deadline: '2020-01-15T23:00:00Z', options: { now: '2020-01-15T01:00:00Z' }, want: false },
    ],
    [
      'later today is enough when comparing instants',
      {
        deadline: '2020-01-15T23:00:00Z',
        options: { now: '2020-01-15T01:00:00Z', granularity: 'instant' },
        want: true,
      },
    ],
    [
      'yesterday',
      { deadline: '2020-01-14T12:00:00Z', options: { now: '2020-01-15T12:00:00Z' }, want: false },
    ],
    [
      'the same instant is not in the future',
      {
        deadline: '2020-01-15T12:00:00Z',
        options: { now: '2020-01-15T12:00:00Z', granularity: 'instant' },
        want: false,
      },
    ],
    [
      'one millisecond later is, for instants',
      {
        deadline: '2020-01-15T12:00:00.001Z',
        options: { now: '2020-01-15T12:00:00Z', granularity: 'instant' },
        want: true,
      },
    ],
    [
      'the zone decides the day: tomorrow in UTC',
      { deadline: '2020-01-16T02:00:00Z', options: { now: '2020-01-15T22:00:00Z' }, want: true },
    ],
    [
      'the zone decides the day: the same day in New York',
      {
        deadline: '2020-01-16T02:00:00Z',
        options: { now: '2020-01-15T22:00:00Z', timeZone: 'America/New_York' },
        want: false,
      },
    ],
    [
      "an activation offset such as '-05:00' works as a zone",
      {
        deadline: '2020-01-16T02:00:00Z',
        options: { now: '2020-01-15T22:00:00Z', timeZone: '-05:00' },
        want: false,
      },
    ],
    [
      "'Z', the activation default, is UTC",
      {
        deadline: '2020-01-16T02:00:00Z',
        options: { now: '2020-01-15T22:00:00Z', timeZone: 'Z' },
        want: true,
      },
    ],
  ])('%s', (_name, { deadline, options, want }) => {
    expect(isDeadlineInFuture(deadline, options)).toBe(want);
  });

  test('compares with the current time by default', () => {
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const aWeekAgo = new Date(Date.now() - 7 * 86_400_000);
    expect(isDeadlineInFuture(inAWeek)).toBe(true);
    expect(isDeadlineInFuture(aWeekAgo)).toBe(false);
  });

  test.each<[string, { run: () => unknown; want: Record<string, unknown> }]>([
    [
      'a deadline that is null',
      {
        run: () => isDeadlineInFuture(null as unknown as string),
        want: { name: 'InvalidInstantError', value: null },
      },
    ],
    [
      'a now that is not a date',
      {
        run: () => isDeadlineInFuture('2020-01-01T00:00:00Z', { now: 'soon' }),
        want: { name: 'InvalidInstantError', value: 'soon' },
      },
    ],
    [
      'an unknown zone',
      {
        run: () => isDeadlineInFuture('2020-01-01T00:00:00Z', { timeZone: 'Nowhere/Land' }),
        want: { name: 'InvalidTimeZoneError', timeZone: 'Nowhere/Land' },
      },
    ],
    [
      'an unknown granularity',
      {
        run: () => isDeadlineInFuture('2020-01-01T00:00:00Z', { granularity: 'hour' as 'day' }),
        want: { name: 'InvalidArgumentError', argument: 'options.granularity', value: 'hour' },
      },
    ],
  ])('refuses %s with a typed error', (_name, { run, want }) => {
    const caught = thrown(run);
    expect(isTemplatesError(caught)).toBe(true);
    expect(caught).toMatchObject(want);
  });
});
