// Run by check-tarballs: openapi-react-query (installed from the registry) takes the packed client as
// it is, and fetches a campaign from the mock tenant through it.
import { QueryClient } from '@tanstack/react-query';
import { createIscClient, unwrap } from '@isc-sdk/client';
import { startMockTenant } from '@isc-sdk/mock-tenant';
import createQueryApi from 'openapi-react-query';

const tenant = await startMockTenant();
try {
  const isc = createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
  });
  const created = await unwrap(
    isc.POST('/campaigns', {
      body: { name: 'From a packed client', description: 'smoke', type: 'MANAGER' },
    }),
  );
  const api = createQueryApi(isc);
  const campaign = await new QueryClient().fetchQuery(
    api.queryOptions('get', '/campaigns/{id}', { params: { path: { id: created.id } } }),
  );
  if (campaign?.id !== created.id)
    throw new Error('openapi-react-query did not fetch the campaign');
  console.log(`openapi-react-query: fetched campaign "${campaign.name}" through the packed client`);
} finally {
  await tenant.stop();
}
