// Request bodies used across tests, typed as the client sends them.
import type {
  CampaignInput,
  CampaignTemplateInput,
  CreateCampaignBody,
  CreateCampaignTemplateBody,
} from '@isc-sdk/types';

/** A campaign as a create request sends it. */
export type CampaignBody = CreateCampaignBody;
/** A campaign template as a create request sends it. */
export type TemplateBody = CreateCampaignTemplateBody;

/**
 * A MANAGER campaign body due in 2031 (after every test clock), with overrides. The overrides may
 * break the campaign-type rules on purpose (the 400 tests), so the result is asserted.
 */
export function campaignBody(overrides: Partial<CampaignInput> = {}): CampaignBody {
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
  } as CampaignBody;
}

/** A template body whose campaign name carries placeholders, with overrides. */
export function templateBody(overrides: Partial<CampaignTemplateInput> = {}): TemplateBody {
  return {
    name: 'Monthly manager review',
    description: 'Generates the manager review every month.',
    deadlineDuration: 'P2W',
    campaign: campaignBody({ name: '%Y-%m-%d Manager Review', deadline: null }),
    ...overrides,
  } as TemplateBody;
}
