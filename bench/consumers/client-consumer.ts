// A consumer of @isc-sdk/client: one createCampaign call and one page of access review items. Bundled,
// imported and type-checked by the benchmark, next to raw-consumer.ts, which does the same with fetch.
import { createIscClient } from '@isc-sdk/client';

export async function run(baseUrl: string, accessToken: string): Promise<number> {
  const isc = createIscClient({ baseUrl, auth: { accessToken } });
  const created = await isc.POST('/campaigns', {
    body: {
      name: 'Manager Campaign',
      description: 'Managers review their reports',
      type: 'MANAGER',
    },
  });
  if (!created.data) throw new Error(`createCampaign failed: ${created.response.status}`);
  const items = await isc.GET('/certifications/{id}/access-review-items', {
    params: { path: { id: 'cert-1' }, query: { limit: 250, offset: 0 } },
  });
  if (!items.data)
    throw new Error(`listIdentityAccessReviewItems failed: ${items.response.status}`);
  return items.data.length;
}
