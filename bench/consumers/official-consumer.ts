// The same job as client-consumer.ts, written against the official SDK (sailpoint-api-client): the
// third column of the footprint table. `baseUrl` is the API origin; the SDK appends `/v3` itself.
import { CertificationCampaignsApi, CertificationsApi, Configuration } from 'sailpoint-api-client';

export async function run(baseUrl: string, accessToken: string): Promise<number> {
  const configuration = new Configuration({ baseurl: baseUrl, accessToken });
  const created = await new CertificationCampaignsApi(configuration).createCampaign({
    campaign: {
      name: 'Manager Campaign',
      description: 'Managers review their reports',
      type: 'MANAGER',
    },
  });
  if (created.status !== 202) throw new Error(`createCampaign failed: ${created.status}`);
  const items = await new CertificationsApi(configuration).listIdentityAccessReviewItems({
    id: 'cert-1',
    limit: 250,
    offset: 0,
  });
  return items.data.length;
}
