import { addToZoned } from '../deadline/add-to-zoned.js';
import { readDeadlineDuration } from '../deadline/read-deadline-duration.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { InstantInput } from '../instant-input.js';
import { toInstantRecord } from '../internal/instant-input.js';
import { createConversionContext } from '../placeholders/conversion-context.js';
import { fillPlaceholders } from '../placeholders/fill-placeholders.js';
import {
  readStrict,
  type renderPlaceholders,
  type RenderPlaceholdersOptions,
} from '../placeholders/render-placeholders.js';
import type { PreviewableTemplate } from './previewable-template.js';

/** Options for {@link previewCampaign}: the same as for {@link renderPlaceholders}. */
export interface PreviewCampaignOptions extends RenderPlaceholdersOptions {}

/** What generating a campaign from a template would produce. */
export interface CampaignPreview {
  /** `campaign.name` with its placeholders filled in. */
  readonly name: string;
  /** `campaign.description` with its placeholders filled in, or null when the template has none. */
  readonly description: string | null;
  /**
   * The deadline as an ISO-8601 UTC date-time with milliseconds, the form of the API's date-times
   * (`'2020-01-15T00:00:00.000Z'`), or null when the template has no `deadlineDuration`.
   */
  readonly deadline: string | null;
}

/**
 * Previews the campaign that `template` would generate at `generatedAt`: the name and description of
 * `template.campaign` with placeholders filled in ({@link renderPlaceholders}), and the deadline
 * `generatedAt + deadlineDuration` ({@link addDuration}), all in one time zone. The template's own
 * top-level `name` and `description` play no part, as in the API.
 *
 * @param template A `CampaignTemplate` in any of its generated forms (fetched, or about to be created).
 * @param generatedAt The generation time.
 * @throws {DurationSyntaxError} for a bad `deadlineDuration`.
 * @throws {PlaceholderError} in strict mode, for a `%` that is not a placeholder.
 * @throws {InvalidArgumentError} for a template without `campaign.name` or with fields of the wrong type.
 * @throws {InvalidTimeZoneError} / {InvalidLocaleError} / {InvalidInstantError} for bad options or date.
 * @example
 * previewCampaign(
 *   { deadlineDuration: 'P2W', campaign: { name: '%Y-%m-%d Manager Review', description: null } },
 *   '2020-01-01T00:00:00Z',
 * );
 * // { name: '2020-01-01 Manager Review', description: null, deadline: '2020-01-15T00:00:00.000Z' }
 */
export function previewCampaign(
  template: PreviewableTemplate,
  generatedAt: InstantInput,
  options: PreviewCampaignOptions = {},
): CampaignPreview {
  const duration = readDeadlineDuration(template);
  const { name, description } = readCampaignTexts(template);
  const strict = readStrict(options.strict);
  const context = createConversionContext(toInstantRecord(generatedAt), options);
  return {
    name: fillPlaceholders(name, context, strict),
    description: description === null ? null : fillPlaceholders(description, context, strict),
    deadline:
      duration === null
        ? null
        : new Date(addToZoned(context.at, duration).epochMilliseconds).toISOString(),
  };
}

/** The campaign name and description of a template, checked. */
function readCampaignTexts(template: PreviewableTemplate): {
  name: string;
  description: string | null;
} {
  const campaign: unknown = template.campaign;
  if (typeof campaign !== 'object' || campaign === null) {
    throw new InvalidArgumentError('template.campaign', campaign, 'a campaign object');
  }
  const { name, description } = campaign as { name?: unknown; description?: unknown };
  if (typeof name !== 'string') {
    throw new InvalidArgumentError('template.campaign.name', name, 'a string');
  }
  if (description !== undefined && description !== null && typeof description !== 'string') {
    throw new InvalidArgumentError(
      'template.campaign.description',
      description,
      'a string or null',
    );
  }
  return { name, description: description ?? null };
}
