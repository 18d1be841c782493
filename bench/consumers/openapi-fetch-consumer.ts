// The same job as client-consumer.ts, written against bare openapi-fetch over the generated paths: the
// baseline the client's type-check cost is judged against (the client is a layer over it).
import type { paths } from '@isc-sdk/types';
import createClient from 'openapi-fetch';

export async function run(baseUrl: string, accessToken: string): Promise<number> {
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${accessToken}` } });
  const created = await api.POST('/campaigns', {
    body: {
      name: 'Manager Campaign',
      description: 'Managers review their reports',
      type: 'MANAGER',
    },
  });
  if (!created.data) throw new Error(`createCampaign failed: ${created.response.status}`);
  const items = await api.GET('/certifications/{id}/access-review-items', {
    params: { path: { id: 'cert-1' }, query: { limit: 250, offset: 0 } },
  });
  if (!items.data)
    throw new Error(`listIdentityAccessReviewItems failed: ${items.response.status}`);
  return items.data.length;
}
