import type { components, Readable, Writable } from '@isc-sdk/types';
import { describe, expectTypeOf, test } from 'vitest';
import {
  previewCampaign,
  type CampaignPreview,
  type PreviewableTemplate,
} from '../../src/index.js';

type CampaignTemplate = components['schemas']['CampaignTemplate'];

describe('previewCampaign types', () => {
  test('takes every form of the generated CampaignTemplate', () => {
    expectTypeOf<Readable<CampaignTemplate>>().toExtend<PreviewableTemplate>();
    expectTypeOf<Writable<CampaignTemplate>>().toExtend<PreviewableTemplate>();
    expectTypeOf<CampaignTemplate>().toExtend<PreviewableTemplate>();
  });

  test('returns the name, description and deadline as the API writes them', () => {
    expectTypeOf(previewCampaign).returns.toEqualTypeOf<CampaignPreview>();
    expectTypeOf<CampaignPreview>().toEqualTypeOf<{
      readonly name: string;
      readonly description: string | null;
      readonly deadline: string | null;
    }>();
  });

  test('refuses what is not a template', () => {
    // @ts-expect-error campaign.name is required
    previewCampaign({ campaign: { description: null } }, new Date());
    // @ts-expect-error campaign.description is required (null for none), as in the generated type
    previewCampaign({ campaign: { name: 'N' } }, new Date());
    previewCampaign(
      // @ts-expect-error deadlineDuration is a string
      { deadlineDuration: 14, campaign: { name: 'N', description: null } },
      new Date(),
    );
    // @ts-expect-error a number is not accepted as an instant
    previewCampaign({ campaign: { name: 'N', description: null } }, 1_577_836_800_000);
  });
});
