import type { components } from '@isc-sdk/types';

type Schemas = components['schemas'];

/**
 * The fields of a `CampaignTemplate` (the generated type from `@isc-sdk/types`) that
 * {@link previewCampaign} reads. Every form of the generated type fits: the raw schema type,
 * `Readable<CampaignTemplate>` (a template fetched from the API) and `Writable<CampaignTemplate>` (one
 * about to be created).
 */
export interface PreviewableTemplate {
  /** The ISO-8601 duration from generation to the campaign's deadline; null or absent for no deadline. */
  readonly deadlineDuration?: Schemas['CampaignTemplate']['deadlineDuration'];
  /** The campaign to generate; its `name` and `description` may hold `%` placeholders. */
  readonly campaign: Readonly<Pick<Schemas['Campaign'], 'name' | 'description'>>;
}
