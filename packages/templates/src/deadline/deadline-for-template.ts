import type { InstantInput } from '../instant-input.js';
import type { TimeZoneOptions } from '../options.js';
import type { PreviewableTemplate } from '../preview/previewable-template.js';
import { addDuration } from './add-duration.js';
import { readDeadlineDuration } from './read-deadline-duration.js';

/**
 * The part of a campaign template that decides a generated campaign's deadline; any form of the generated
 * `CampaignTemplate` type fits.
 */
export type TemplateWithDeadline = Pick<PreviewableTemplate, 'deadlineDuration'>;

/** Options for {@link deadlineForTemplate}. */
export interface DeadlineForTemplateOptions extends TimeZoneOptions {}

/**
 * The deadline a campaign generated from `template` at `generatedAt` will have: the generation time plus
 * the template's `deadlineDuration` (with {@link addDuration}'s calendar rules), or `null` when the
 * template has none.
 *
 * @throws {DurationSyntaxError} when `deadlineDuration` is not an ISO-8601 duration.
 * @throws {InvalidArgumentError} when `deadlineDuration` is neither a string nor null/absent.
 * @throws {InvalidInstantError} / {InvalidTimeZoneError} for a bad date or time zone.
 * @example
 * deadlineForTemplate({ deadlineDuration: 'P2W' }, '2020-01-01T00:00:00Z')?.toISOString();
 * // '2020-01-15T00:00:00.000Z' (the example in the API documentation)
 */
export function deadlineForTemplate(
  template: TemplateWithDeadline,
  generatedAt: InstantInput,
  options: DeadlineForTemplateOptions = {},
): Date | null {
  const duration = readDeadlineDuration(template);
  return duration === null ? null : addDuration(generatedAt, duration, options);
}
