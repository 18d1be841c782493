// The client is an openapi-fetch Client<paths>: the openapi-fetch ecosystem takes it without a cast.
import { QueryClient } from '@tanstack/react-query';
import type { components, paths, Readable } from '@isc-sdk/types';
import type { Client, Middleware as OpenapiFetchMiddleware } from 'openapi-fetch';
import createQueryApi from 'openapi-react-query';
import { createQueryHook } from 'swr-openapi';
import { describe, expectTypeOf, it } from 'vitest';
import { createIscClient, type IscClient, type Middleware } from '../src/index.js';

const isc = createIscClient({ tenant: 'acme', auth: { accessToken: 't' } });

describe('an openapi-fetch client', () => {
  it('is a Client<paths>, every member included', () => {
    expectTypeOf(isc).toExtend<Client<paths>>();
    expectTypeOf<IscClient>().toHaveProperty('request');
    expectTypeOf<IscClient>().toHaveProperty('OPTIONS');
    expectTypeOf<IscClient>().toHaveProperty('HEAD');
    expectTypeOf<IscClient>().toHaveProperty('TRACE');
    expectTypeOf<Middleware>().toEqualTypeOf<OpenapiFetchMiddleware>();
  });

  it('is taken by openapi-react-query, with data typed from the spec', async () => {
    const api = createQueryApi(isc);
    const options = api.queryOptions('get', '/campaigns/{id}', { params: { path: { id: 'c1' } } });
    const campaign = await new QueryClient().fetchQuery(options);
    expectTypeOf(campaign).toEqualTypeOf<
      Readable<components['schemas']['Campaign']> | Readable<components['schemas']['SlimCampaign']>
    >();
    // @ts-expect-error the path parameter is id
    api.queryOptions('get', '/campaigns/{id}', { params: { path: { campaignId: 'c1' } } });
  });

  it('is taken by swr-openapi', () => {
    const useQuery = createQueryHook(isc, 'isc');
    expectTypeOf(useQuery).toBeFunction();
  });
});
