// Type-checked by check-tarballs under moduleResolution node16 and bundler, strict, against the
// installed tarballs: typed calls must compile and wrong ones must not.
import { createIscClient } from '@isc-sdk/client';
import { previewCampaign } from '@isc-sdk/templates';
import type { Campaign, CampaignTemplate, SearchDocument } from '@isc-sdk/types';
// Copied next to this file by check-tarballs from packages/types/test.
import {
  createManagerCampaign,
  createSearchTemplate,
  searchExamples,
} from './documented-examples.js';

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

/** The named types hold what the client returns, and the documented examples go through it. */
export async function named(baseUrl: string): Promise<string[]> {
  const isc = createIscClient({ baseUrl, auth: { accessToken: 'token' } });
  const created = await isc.POST('/campaigns', { body: createManagerCampaign });
  const campaign: Campaign | undefined = created.data;
  const stored = await isc.POST('/campaign-templates', { body: createSearchTemplate });
  const template: CampaignTemplate | undefined = stored.data;
  const found = await isc.POST('/search', { body: searchExamples[0]! });
  const documents: SearchDocument[] = found.data ?? [];
  // @ts-expect-error a SEARCH campaign needs searchCampaignInfo
  await isc.POST('/campaigns', { body: { name: 'x', description: null, type: 'SEARCH' } });
  return [campaign?.name ?? '', template?.name ?? '', ...documents.map((d) => d.name)];
}
