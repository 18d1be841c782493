// Type-checked by check-tarballs under moduleResolution node16 and bundler, strict, against the
// installed tarballs: typed calls must compile and wrong ones must not.
import { createIscClient } from '@isc-sdk/client';
import { previewCampaign } from '@isc-sdk/templates';
import type { components } from '@isc-sdk/types';

type CampaignTemplate = components['schemas']['CampaignTemplate'];

export async function consume(baseUrl: string, template: CampaignTemplate): Promise<string> {
  const isc = createIscClient({ baseUrl, auth: { accessToken: 'token' } });
  const campaign = await isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } });
  // @ts-expect-error a path the API does not have
  await isc.GET('/campaignz');
  // @ts-expect-error the path parameter is missing
  await isc.GET('/campaigns/{id}', { params: { path: {} } });
  const preview = previewCampaign(template, new Date());
  return `${campaign.data?.name ?? ''} ${preview.name}`;
}
