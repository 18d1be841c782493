import { describe, expect, test } from 'vitest';
import {
  isDeadlineInFuture,
  isInvalidArgumentError,
  isInvalidInstantError,
  isInvalidTimeZoneError,
  type IsDeadlineInFutureOptions,
} from '../../src/index.js';

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

  test('refuses a bad deadline, now, zone or granularity with typed errors', () => {
    const errors: unknown[] = [];
    const attempts: (() => unknown)[] = [
      () => isDeadlineInFuture(null as unknown as string),
      () => isDeadlineInFuture('2020-01-01T00:00:00Z', { now: 'soon' }),
      () => isDeadlineInFuture('2020-01-01T00:00:00Z', { timeZone: 'Nowhere/Land' }),
      () => isDeadlineInFuture('2020-01-01T00:00:00Z', { granularity: 'hour' as 'day' }),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
      } catch (error) {
        errors.push(error);
      }
    }
    expect(errors).toHaveLength(4);
    expect(isInvalidInstantError(errors[0])).toBe(true);
    expect(errors[1]).toMatchObject({ name: 'InvalidInstantError', value: 'soon' });
    expect(isInvalidTimeZoneError(errors[2])).toBe(true);
    expect(isInvalidArgumentError(errors[3])).toBe(true);
    expect(errors[3]).toMatchObject({ argument: 'options.granularity', value: 'hour' });
  });
});
