import { describe, expect, test } from 'vitest';
import {
  deadlineForTemplate,
  isDurationSyntaxError,
  isInvalidArgumentError,
  type TemplateWithDeadline,
} from '../../src/index.js';
import { thrown } from '../support/thrown.js';

describe('deadlineForTemplate', () => {
  test.each<
    [string, { template: TemplateWithDeadline; at: string; timeZone?: string; want: string | null }]
  >([
    [
      'the documented example: P2W from 2020-01-01',
      {
        template: { deadlineDuration: 'P2W' },
        at: '2020-01-01T00:00:00Z',
        want: '2020-01-15T00:00:00.000Z',
      },
    ],
    [
      'P14D gives the same day',
      {
        template: { deadlineDuration: 'P14D' },
        at: '2020-01-01T00:00:00Z',
        want: '2020-01-15T00:00:00.000Z',
      },
    ],
    [
      'P1M from 31 January: the last day of February',
      {
        template: { deadlineDuration: 'P1M' },
        at: '2023-01-31T10:00:00Z',
        want: '2023-02-28T10:00:00.000Z',
      },
    ],
    [
      'P1D across spring-forward in Berlin keeps the wall-clock time',
      {
        template: { deadlineDuration: 'P1D' },
        at: '2024-03-30T11:00:00Z',
        timeZone: 'Europe/Berlin',
        want: '2024-03-31T10:00:00.000Z',
      },
    ],
    ['no deadlineDuration: no deadline', { template: {}, at: '2020-01-01T00:00:00Z', want: null }],
    [
      'a null deadlineDuration: no deadline',
      { template: { deadlineDuration: null }, at: '2020-01-01T00:00:00Z', want: null },
    ],
  ])('%s', (_name, { template, at, timeZone, want }) => {
    expect(deadlineForTemplate(template, at, { timeZone })?.toISOString() ?? null).toBe(want);
  });

  test('a bad deadlineDuration is a DurationSyntaxError naming the text and position', () => {
    const caught = thrown(() =>
      deadlineForTemplate({ deadlineDuration: 'P2w' }, '2020-01-01T00:00:00Z'),
    );
    expect(isDurationSyntaxError(caught)).toBe(true);
    expect(caught).toMatchObject({ input: 'P2w', position: 2 });
  });

  test.each<[string, unknown]>([
    ['a template that is null', null],
    ['a deadlineDuration that is a number', { deadlineDuration: 14 }],
  ])('%s is an InvalidArgumentError', (_name, template) => {
    const caught = thrown(() =>
      deadlineForTemplate(template as TemplateWithDeadline, '2020-01-01T00:00:00Z'),
    );
    expect(isInvalidArgumentError(caught)).toBe(true);
  });
});
