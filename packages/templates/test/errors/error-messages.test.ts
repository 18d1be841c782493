// Every error says what was wrong, in words a user can act on: the value given (described safely, even
// when it is not JSON: a bigint, a symbol, a function) and what would have been accepted.
import { describe, expect, test } from 'vitest';
import {
  addDuration,
  deadlineForTemplate,
  durationBetween,
  formatDuration,
  isDeadlineInFuture,
  parseDuration,
  previewCampaign,
  renderPlaceholders,
  type Duration,
} from '../../src/index.js';
import { thrown } from '../support/thrown.js';

const AT = '2020-01-01T00:00:00Z';
const ZERO: Duration = {
  sign: 0,
  years: 0,
  months: 0,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
  nanoseconds: 0,
};

describe('error messages', () => {
  test.each<[string, () => unknown, { name: string; message: string }]>([
    [
      'duration text that is a number',
      () => parseDuration(14 as unknown as string),
      {
        name: 'InvalidArgumentError',
        message: 'Invalid duration text: expected an ISO-8601 duration string, got number 14.',
      },
    ],
    [
      'duration text that is null',
      () => parseDuration(null as unknown as string),
      {
        name: 'InvalidArgumentError',
        message: 'Invalid duration text: expected an ISO-8601 duration string, got null.',
      },
    ],
    [
      'a Duration that is a string',
      () => formatDuration('P1D' as unknown as Duration),
      {
        name: 'InvalidArgumentError',
        message: 'Invalid duration: expected a Duration object or an ISO-8601 string, got "P1D".',
      },
    ],
    [
      'a Duration that is undefined',
      () => formatDuration(undefined as unknown as Duration),
      {
        name: 'InvalidArgumentError',
        message:
          'Invalid duration: expected a Duration object or an ISO-8601 string, got undefined.',
      },
    ],
    [
      'a fraction in seconds',
      () => formatDuration({ ...ZERO, sign: 1, seconds: 0.5 }),
      {
        name: 'InvalidDurationError',
        message:
          "Invalid duration: field 'seconds' must be a whole number from 0 to 9007199254740991 (a fraction of a second goes in 'nanoseconds').",
      },
    ],
    [
      'a fraction in minutes',
      () => formatDuration({ ...ZERO, sign: 1, minutes: 0.5 }),
      {
        name: 'InvalidDurationError',
        message:
          "Invalid duration: field 'minutes' must be a whole number from 0 to 9007199254740991.",
      },
    ],
    [
      'too many days',
      () => formatDuration({ ...ZERO, sign: 1, days: 2 ** 31 }),
      {
        name: 'InvalidDurationError',
        message: "Invalid duration: field 'days' must be a whole number from 0 to 2147483647.",
      },
    ],
    [
      'weeks and days beyond a Java Period',
      () => formatDuration({ ...ZERO, sign: 1, weeks: 306_783_378, days: 2 }),
      {
        name: 'InvalidDurationError',
        message:
          "Invalid duration: field 'weeks' must be small enough that weeks × 7 + days is at most 2147483647.",
      },
    ],
    [
      'a time part beyond a Java Duration',
      () => formatDuration({ ...ZERO, sign: 1, hours: 2_562_047_788_015_216 }),
      {
        name: 'InvalidDurationError',
        message:
          "Invalid duration: field 'hours' must be small enough that hours, minutes and seconds together are at most 9223372036854775807 seconds.",
      },
    ],
    [
      'a sign for all-zero fields',
      () => formatDuration({ ...ZERO, sign: -1 }),
      {
        name: 'InvalidDurationError',
        message: "Invalid duration: field 'sign' must be 0 for these field values.",
      },
    ],
    [
      'no sign for non-zero fields',
      () => formatDuration({ ...ZERO, sign: 0, days: 1 }),
      {
        name: 'InvalidDurationError',
        message: "Invalid duration: field 'sign' must be 1 or -1 for these field values.",
      },
    ],
    [
      'an Invalid Date',
      () => addDuration(new Date(Number.NaN), 'P1D'),
      { name: 'InvalidInstantError', message: 'Invalid date: got an Invalid Date.' },
    ],
    [
      'a date without an offset',
      () => addDuration('2020-01-01T00:00:00', 'P1D'),
      {
        name: 'InvalidInstantError',
        message:
          "Invalid date \"2020-01-01T00:00:00\": expected an ISO-8601 date-time with 'Z' or an offset, such as '2020-01-01T00:00:00Z'.",
      },
    ],
    [
      'epoch nanoseconds out of range',
      () => addDuration({ epochNanoseconds: 10n ** 30n }, 'P1D'),
      {
        name: 'InvalidInstantError',
        message: 'Invalid date: epochNanoseconds is outside the supported range.',
      },
    ],
    [
      'epoch nanoseconds that are not a bigint',
      () => addDuration({ epochNanoseconds: 5 } as unknown as Date, 'P1D'),
      {
        name: 'InvalidInstantError',
        message:
          'Invalid date: expected a Date, an ISO-8601 date-time string or a Temporal Instant, got an object.',
      },
    ],
    [
      'a number as a date',
      () => addDuration(1_577_836_800_000 as unknown as Date, 'P1D'),
      {
        name: 'InvalidInstantError',
        message:
          'Invalid date: expected a Date, an ISO-8601 date-time string or a Temporal Instant, got number 1577836800000.',
      },
    ],
    [
      'an array as a date',
      () => addDuration([] as unknown as Date, 'P1D'),
      {
        name: 'InvalidInstantError',
        message:
          'Invalid date: expected a Date, an ISO-8601 date-time string or a Temporal Instant, got an array.',
      },
    ],
    [
      'a result beyond the range of dates',
      () => addDuration(AT, 'P300000Y'),
      {
        name: 'InvalidInstantError',
        message:
          'Adding P300000Y to 2020-01-01T00:00:00.000Z gives a date outside the supported range.',
      },
    ],
    [
      'a bigint as a time zone',
      () => addDuration(AT, 'P1D', { timeZone: 10n as unknown as string }),
      {
        name: 'InvalidTimeZoneError',
        message:
          "Unknown time zone bigint 10: expected an IANA name such as 'UTC', 'America/New_York' or 'Europe/Berlin', 'Z', or an offset such as '+05:30'.",
      },
    ],
    [
      'an object that prints as a zone',
      () => addDuration(AT, 'P1D', { timeZone: { toString: () => 'UTC' } as unknown as string }),
      {
        name: 'InvalidTimeZoneError',
        message:
          "Unknown time zone an object: expected an IANA name such as 'UTC', 'America/New_York' or 'Europe/Berlin', 'Z', or an offset such as '+05:30'.",
      },
    ],
    [
      'a symbol as a locale',
      () => renderPlaceholders('%B', AT, { locale: Symbol('en') as unknown as string }),
      {
        name: 'InvalidLocaleError',
        message:
          "Invalid locale symbol Symbol(en): expected a BCP 47 language tag such as 'en-US' or 'de-DE'.",
      },
    ],
    [
      'an object that prints as a locale',
      () => renderPlaceholders('%B', AT, { locale: { toString: () => 'en-US' } as never }),
      {
        name: 'InvalidLocaleError',
        message:
          "Invalid locale an object: expected a BCP 47 language tag such as 'en-US' or 'de-DE'.",
      },
    ],
    [
      'an empty locale',
      () => renderPlaceholders('%B', AT, { locale: '' }),
      {
        name: 'InvalidLocaleError',
        message: `Invalid locale "": expected a BCP 47 language tag such as 'en-US' or 'de-DE'.`,
      },
    ],
    [
      'text that is not a string',
      () => renderPlaceholders(undefined as unknown as string, AT),
      { name: 'InvalidArgumentError', message: 'Invalid text: expected a string, got undefined.' },
    ],
    [
      'a strict option that is a string',
      () => renderPlaceholders('%Y', AT, { strict: 'yes' as unknown as boolean }),
      {
        name: 'InvalidArgumentError',
        message: 'Invalid options.strict: expected true, false or undefined, got "yes".',
      },
    ],
    [
      'an unknown placeholder in strict mode',
      () => renderPlaceholders('Review %q', AT, { strict: true }),
      {
        name: 'PlaceholderError',
        message:
          'Cannot render "Review %q": unknown placeholder %q (not a java.util.Formatter date/time letter) at position 7; write %% for a literal percent sign.',
      },
    ],
    [
      'a lone % in strict mode',
      () => renderPlaceholders('100%', AT, { strict: true }),
      {
        name: 'PlaceholderError',
        message:
          'Cannot render "100%": a lone % at the end of the text at position 3; write %% for a literal percent sign.',
      },
    ],
    [
      'a template that is not an object',
      () => deadlineForTemplate('P1D' as never, AT),
      {
        name: 'InvalidArgumentError',
        message: 'Invalid template: expected a campaign template object, got "P1D".',
      },
    ],
    [
      'a deadlineDuration that is a number',
      () => deadlineForTemplate({ deadlineDuration: 14 as unknown as string }, AT),
      {
        name: 'InvalidArgumentError',
        message:
          'Invalid template.deadlineDuration: expected an ISO-8601 duration string, null or absent, got number 14.',
      },
    ],
    [
      'a template whose campaign is null',
      () => previewCampaign({ campaign: null as never }, AT),
      {
        name: 'InvalidArgumentError',
        message: 'Invalid template.campaign: expected a campaign object, got null.',
      },
    ],
    [
      'a campaign name that is missing',
      () => previewCampaign({ campaign: { description: null } as never }, AT),
      {
        name: 'InvalidArgumentError',
        message: 'Invalid template.campaign.name: expected a string, got undefined.',
      },
    ],
    [
      'a campaign description that is a number',
      () => previewCampaign({ campaign: { name: 'N', description: 5 as never } }, AT),
      {
        name: 'InvalidArgumentError',
        message: 'Invalid template.campaign.description: expected a string or null, got number 5.',
      },
    ],
    [
      'an unknown largestUnit',
      () => durationBetween(AT, AT, { largestUnit: 'decades' as 'days' }),
      {
        name: 'InvalidArgumentError',
        message:
          "Invalid options.largestUnit: expected 'years', 'months', 'weeks', 'days' or 'hours', got \"decades\".",
      },
    ],
    [
      'an unknown granularity',
      () => isDeadlineInFuture(AT, { granularity: 'hour' as 'day' }),
      {
        name: 'InvalidArgumentError',
        message: "Invalid options.granularity: expected 'day' or 'instant', got \"hour\".",
      },
    ],
    [
      'a duration syntax error at the end of the text',
      () => parseDuration('PT'),
      {
        name: 'DurationSyntaxError',
        message:
          'Invalid ISO-8601 duration "PT": at position 2 found the end of the text, expected a number followed by H, M or S after \'T\'.',
      },
    ],
  ])('%s', (_name, run, want) => {
    const caught = thrown(run);
    expect(caught).toBeInstanceOf(Error);
    expect({ name: (caught as Error).name, message: (caught as Error).message }).toEqual(want);
  });
});
