import { compare as compareDates } from 'temporal-polyfill/fns/PlainDate';
import { toPlainDate } from 'temporal-polyfill/fns/ZonedDateTime';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { InstantInput } from '../instant-input.js';
import { toInstantRecord } from '../internal/instant-input.js';
import { toZoned } from '../internal/zoned.js';
import type { TimeZoneOptions } from '../options.js';

/** Options for {@link isDeadlineInFuture}. */
export interface IsDeadlineInFutureOptions extends TimeZoneOptions {
  /**
   * The moment to compare with.
   * @default new Date()
   */
  readonly now?: InstantInput;
  /**
   * How to compare. `'day'`: the deadline's calendar date (in `timeZone`) must be after today's, because
   * the API documents a 400 for "a deadline of today or in the past". `'instant'`: the deadline must
   * simply be later than `now`. `'day'` is the safe choice before activating a campaign.
   * @default 'day'
   */
  readonly granularity?: 'day' | 'instant';
}

/**
 * Whether a campaign's deadline is still in the future, the condition for activating it (the API answers
 * 400 otherwise). Give the `timeZone` you pass to activation (`ActivateCampaignOptions.timeZone`, whose
 * default `'Z'` is UTC, as here): it decides which calendar day "today" is.
 *
 * @throws {InvalidInstantError} for a bad date.
 * @throws {InvalidTimeZoneError} for an unknown time zone.
 * @throws {InvalidArgumentError} for an unsupported `granularity`.
 * @example
 * isDeadlineInFuture('2020-01-15T00:00:00Z', { now: '2020-01-14T23:00:00Z' }); // true
 * isDeadlineInFuture('2020-01-15T23:00:00Z', { now: '2020-01-15T01:00:00Z' }); // false: same day
 * isDeadlineInFuture('2020-01-15T23:00:00Z', { now: '2020-01-15T01:00:00Z', granularity: 'instant' }); // true
 */
export function isDeadlineInFuture(
  deadline: InstantInput,
  options: IsDeadlineInFutureOptions = {},
): boolean {
  const due = toInstantRecord(deadline);
  const now = toInstantRecord(options.now ?? new Date());
  const granularity = options.granularity ?? 'day';
  if (granularity === 'instant') return due.epochNanoseconds > now.epochNanoseconds;
  if (granularity !== 'day') {
    throw new InvalidArgumentError('options.granularity', granularity, "'day' or 'instant'");
  }
  const dueDate = toPlainDate(toZoned(due, options.timeZone));
  const today = toPlainDate(toZoned(now, options.timeZone));
  return compareDates(dueDate, today) > 0;
}
