// The client in the openapi-fetch ecosystem, as a React app would use it (no DOM needed): openapi-react-
// query takes the client as it is, and its query options fetch through the client's transport (token,
// retries, typed errors) from the mock tenant.
import { QueryClient } from '@tanstack/react-query';
import { createIscClient, isIscNotFoundError, unwrap, type IscClient } from '@isc-sdk/client';
import { startMockTenant, type MockTenant } from '@isc-sdk/mock-tenant';
import createQueryApi from 'openapi-react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let tenant: MockTenant;
let isc: IscClient;

beforeAll(async () => {
  tenant = await startMockTenant();
  isc = createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
  });
});

afterAll(async () => {
  await tenant?.stop();
});

describe('openapi-react-query over the client', () => {
  it('fetches a campaign through queryOptions and QueryClient.fetchQuery', async () => {
    const created = await unwrap(
      isc.POST('/campaigns', {
        body: { name: 'Ecosystem check', description: 'via react-query', type: 'MANAGER' },
      }),
    );
    expect(created.id).toBeTypeOf('string');
    const api = createQueryApi(isc);
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = api.queryOptions('get', '/campaigns/{id}', {
      params: { path: { id: created.id! }, query: { detail: 'FULL' } },
    });
    const campaign = await queries.fetchQuery(options);
    expect(campaign).toMatchObject({ id: created.id, name: 'Ecosystem check', type: 'MANAGER' });
    // Cached by the query key: a second fetch within staleTime sends nothing.
    const gets = () => tenant.stats().requests['getCampaign'] ?? 0;
    const before = gets();
    expect(before).toBe(1);
    await queries.fetchQuery({ ...options, staleTime: 60_000 });
    expect(gets()).toBe(before);
  });

  it('surfaces the API’s error body for a campaign that does not exist', async () => {
    const api = createQueryApi(isc);
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const error = await queries
      .fetchQuery(api.queryOptions('get', '/campaigns/{id}', { params: { path: { id: 'nope' } } }))
      .catch((caught: unknown) => caught);
    // openapi-react-query throws the parsed error body; unwrap turns the same result into a typed error.
    expect(error).toMatchObject({ detailCode: expect.any(String) });
    const typed = await unwrap(
      isc.GET('/campaigns/{id}', { params: { path: { id: 'nope' } } }),
    ).catch((caught: unknown) => caught);
    expect(isIscNotFoundError(typed)).toBe(true);
  });
});
