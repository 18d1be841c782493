// Request bodies used across tests, typed as the client sends them (`Writable` drops read-only
// fields).
import type { Writable, components } from '@isc-sdk/types';

type Schemas = components['schemas'];
/** A campaign as a create request sends it. */
export type CampaignBody = Writable<Schemas['Campaign']>;
/** A campaign template as a create request sends it. */
export type TemplateBody = Writable<Schemas['CampaignTemplate']>;

/** A MANAGER campaign body due in 2031 (after every test clock), with overrides. */
export function campaignBody(overrides: Partial<CampaignBody> = {}): CampaignBody {
  return {
    name: 'Q3 Manager Review',
    description: 'Managers review the access of their reports.',
    type: 'MANAGER',
    deadline: '2031-06-30T17:00:00Z',
    emailNotificationEnabled: false,
    autoRevokeAllowed: false,
    recommendationsEnabled: false,
    sunsetCommentsRequired: true,
    ...overrides,
  };
}

/** A template body whose campaign name carries placeholders, with overrides. */
export function templateBody(overrides: Partial<TemplateBody> = {}): TemplateBody {
  return {
    name: 'Monthly manager review',
    description: 'Generates the manager review every month.',
    deadlineDuration: 'P2W',
    campaign: campaignBody({ name: '%Y-%m-%d Manager Review', deadline: null }),
    ...overrides,
  };
}
