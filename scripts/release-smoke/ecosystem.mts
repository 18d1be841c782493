// Type-checked by check-tarballs against the installed tarballs (an ES module: openapi-react-query
// ships CommonJS declarations that do not check): the client is an openapi-fetch
// Client<paths>, so openapi-react-query takes it without a cast and types data from the spec.
import { QueryClient } from '@tanstack/react-query';
import { createIscClient } from '@isc-sdk/client';
import createQueryApi from 'openapi-react-query';

export async function campaignName(baseUrl: string, id: string): Promise<string> {
  const api = createQueryApi(createIscClient({ baseUrl, auth: { accessToken: 'token' } }));
  const campaign = await new QueryClient().fetchQuery(
    api.queryOptions('get', '/campaigns/{id}', { params: { path: { id } } }),
  );
  // @ts-expect-error the path parameter is id
  api.queryOptions('get', '/campaigns/{id}', { params: { path: { campaignId: id } } });
  return campaign.name;
}
