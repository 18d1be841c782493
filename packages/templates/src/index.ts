// The public surface of @isc-sdk/templates. Modules under ./internal are implementation details.
export type { Duration } from './duration/duration.js';
export { parseDuration } from './duration/parse-duration.js';
export { formatDuration } from './duration/format-duration.js';

export { addDuration, type AddDurationOptions } from './deadline/add-duration.js';
export {
  deadlineForTemplate,
  type DeadlineForTemplateOptions,
  type TemplateWithDeadline,
} from './deadline/deadline-for-template.js';
export {
  isDeadlineInFuture,
  type IsDeadlineInFutureOptions,
} from './deadline/is-deadline-in-future.js';
export { durationBetween, type DurationBetweenOptions } from './deadline/duration-between.js';

export {
  renderPlaceholders,
  type RenderPlaceholdersOptions,
} from './placeholders/render-placeholders.js';

export {
  previewCampaign,
  type CampaignPreview,
  type PreviewCampaignOptions,
} from './preview/preview-campaign.js';
export type { PreviewableTemplate } from './preview/previewable-template.js';

export type { InstantInput } from './instant-input.js';
export type { LocaleOptions, TimeZoneOptions } from './options.js';

export { TemplatesError, isTemplatesError } from './errors/templates-error.js';
export { DurationSyntaxError, isDurationSyntaxError } from './errors/duration-syntax-error.js';
export { InvalidArgumentError, isInvalidArgumentError } from './errors/invalid-argument-error.js';
export { InvalidDurationError, isInvalidDurationError } from './errors/invalid-duration-error.js';
export { InvalidInstantError, isInvalidInstantError } from './errors/invalid-instant-error.js';
export { InvalidLocaleError, isInvalidLocaleError } from './errors/invalid-locale-error.js';
export { InvalidTimeZoneError, isInvalidTimeZoneError } from './errors/invalid-time-zone-error.js';
export { PlaceholderError, isPlaceholderError } from './errors/placeholder-error.js';
