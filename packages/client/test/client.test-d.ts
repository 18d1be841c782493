import type { components, Readable } from '@isc-sdk/types';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createIscClient,
  unwrap,
  type IscCallOptions,
  type IscPage,
  type IscPageItem,
  type IscSearchDocument,
  type AccessReviewItem,
  type Campaign,
  type CreateCampaignBody,
} from '../src/index.js';

const isc = createIscClient({ tenant: 'acme', auth: { accessToken: 't' } });
type Schemas = components['schemas'];

describe('typed calls', () => {
  it('types data from the spec and keeps openapi-fetch’s result shape', async () => {
    const result = await isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } });
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    if (result.data) expectTypeOf(result.data.name).toEqualTypeOf<string>();
    const campaign = await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } }));
    expectTypeOf(campaign).toHaveProperty('id');
  });

  it('rejects a path that does not exist', () => {
    // @ts-expect-error not a V3 path
    void isc.GET('/campaign/{id}', { params: { path: { id: 'c1' } } });
    // @ts-expect-error /campaigns/{id} has no PUT
    void isc.PUT('/campaigns/{id}', { params: { path: { id: 'c1' } } });
  });

  it('rejects a missing path parameter', () => {
    // @ts-expect-error params.path.id is required
    void isc.GET('/campaigns/{id}', { params: { path: {} } });
    // @ts-expect-error init is required for a path with parameters
    void isc.GET('/campaigns/{id}');
    // @ts-expect-error the parameter is id, not campaignId
    void isc.GET('/campaigns/{id}', { params: { path: { campaignId: 'c1' } } });
  });

  it('rejects a wrong body field', () => {
    // @ts-expect-error type must be one of the campaign types
    void isc.POST('/campaigns', { body: { name: 'Q3', description: 'd', type: 'WEEKLY' } });
    // @ts-expect-error name is required
    void isc.POST('/campaigns', { body: { description: 'd', type: 'MANAGER' } });
    // @ts-expect-error the body of a JSON Patch is an array of operations
    void isc.PATCH('/campaigns/{id}', { params: { path: { id: 'c1' } }, body: { name: 'x' } });
    void isc.POST('/campaigns', {
      // @ts-expect-error not a field of the campaign body (a typo of name)
      body: { nmae: 'Q3', name: 'Q3', description: 'd', type: 'MANAGER' },
    });
  });

  it('types the options contextually and refuses unknown ones', async () => {
    void isc.GET('/campaigns', {
      params: { query: { limit: 10 } },
      middleware: [
        {
          onRequest: ({ request, schemaPath }) => {
            expectTypeOf(request).toEqualTypeOf<Request>();
            expectTypeOf(schemaPath).toEqualTypeOf<string>();
          },
        },
      ],
    });
    // @ts-expect-error limit is a number
    void isc.GET('/campaigns', { params: { query: { limit: '10' } } });
    // @ts-expect-error the parse mode must be one openapi-fetch knows
    void isc.GET('/campaigns', { parseAs: 'xml' });
    const text = await isc.GET('/campaigns', { parseAs: 'text' });
    if (text.data !== undefined) expectTypeOf(text.data).toEqualTypeOf<string>();
    const json = await isc.POST('/search', { body: { indices: ['identities'] } });
    if (json.data !== undefined)
      expectTypeOf(json.data).toEqualTypeOf<Readable<Schemas['SearchDocument']>[]>();
    const blob = await isc.GET('/campaigns', { parseAs: 'blob' });
    if (blob.data !== undefined) expectTypeOf(blob.data).toEqualTypeOf<Blob>();
  });

  it('takes the client’s own per-call options, which openapi-fetch hands through', () => {
    // openapi-fetch's Client accepts any extra key in init (so the client can be one); the client
    // checks these at run time, and `satisfies IscCallOptions` checks them while typing.
    void isc.GET('/campaigns', { timeout: 5000, retry: { maxAttempts: 5 }, idempotent: true });
    void isc.GET('/campaigns', { ...({ timeout: 5000 } satisfies IscCallOptions) });
    // @ts-expect-error timeout is a number of milliseconds
    void isc.GET('/campaigns', { ...({ timeout: '5s' } satisfies IscCallOptions) });
  });
});

describe('paginate', () => {
  it('yields the item type of the paged operation', () => {
    type Item = Readable<Schemas['AccessReviewItem']>;
    expectTypeOf<IscPageItem<'/certifications/{id}/access-review-items'>>().toEqualTypeOf<Item>();
    const items = isc.paginate('/certifications/{id}/access-review-items', {
      params: { path: { id: 'c1' } },
    });
    expectTypeOf(items[Symbol.asyncIterator]().next()).resolves.toEqualTypeOf<
      IteratorResult<Item>
    >();
    expectTypeOf(items.pages()[Symbol.asyncIterator]().next()).resolves.toEqualTypeOf<
      IteratorResult<IscPage<Item>>
    >();
    expectTypeOf<IscPageItem<'/search'>>().toEqualTypeOf<Readable<Schemas['SearchDocument']>>();
  });

  it('accepts only paged operations', () => {
    // @ts-expect-error GET /campaigns/{id} is not a list
    void isc.paginate('/campaigns/{id}', { params: { path: { id: 'c1' } } });
    // @ts-expect-error /search/count is not paged
    void isc.paginate('/search/count', { body: {} });
    void isc.paginate('/campaigns', { maxItems: 10, concurrency: 4 });
  });
});

describe('searchAll', () => {
  it('narrows results by the requested indices', () => {
    expectTypeOf(isc.searchAll({ indices: ['identities'], query: { query: '*' } })).toMatchTypeOf<
      AsyncIterable<{ _type: 'identity' }>
    >();
    expectTypeOf(isc.searchAll({ indices: ['roles', 'accessprofiles'] })).toMatchTypeOf<
      AsyncIterable<{ _type: 'role' | 'accessprofile' }>
    >();
    // @ts-expect-error not an index
    void isc.searchAll({ indices: ['identity'] });
  });

  it('types each index’s documents as the members of SearchDocument with its _type', () => {
    type Of<Type> = Readable<Extract<Schemas['SearchDocument'], { _type: Type }>>;
    expectTypeOf<IscSearchDocument<'accessprofiles'>>().toEqualTypeOf<Of<'accessprofile'>>();
    expectTypeOf<IscSearchDocument<'accountactivities'>>().toEqualTypeOf<Of<'accountactivity'>>();
    expectTypeOf<IscSearchDocument<'entitlements'>>().toEqualTypeOf<Of<'entitlement'>>();
    expectTypeOf<IscSearchDocument<'events'>>().toEqualTypeOf<Of<'event'>>();
    expectTypeOf<IscSearchDocument<'identities'>>().toEqualTypeOf<Of<'identity'>>();
    expectTypeOf<IscSearchDocument<'roles'>>().toEqualTypeOf<Of<'role'>>();
    expectTypeOf<IscSearchDocument<'roles' | 'events'>>().toEqualTypeOf<Of<'role' | 'event'>>();
    expectTypeOf<IscSearchDocument<'*'>>().toEqualTypeOf<Readable<Schemas['SearchDocument']>>();
    expectTypeOf<IscSearchDocument<'*' | 'roles'>>().toEqualTypeOf<
      Readable<Schemas['SearchDocument']>
    >();
  });

  it('counts', () => {
    expectTypeOf(isc.searchCount({ indices: ['identities'] })).toEqualTypeOf<Promise<number>>();
  });
});

describe('the named types, re-exported from @isc-sdk/types', () => {
  it('hold what the client returns, and type what it sends', async () => {
    const body: CreateCampaignBody = {
      name: 'Q3',
      description: 'Quarterly',
      type: 'SEARCH',
      searchCampaignInfo: { type: 'IDENTITY', identityIds: ['i1'] },
    };
    const created = await unwrap(isc.POST('/campaigns', { body }));
    const campaign: Campaign = created;
    expectTypeOf(campaign.name).toEqualTypeOf<string>();
    const items = await unwrap(
      isc.GET('/certifications/{id}/access-review-items', { params: { path: { id: 'c1' } } }),
    );
    const first: AccessReviewItem | undefined = items[0];
    void first;
    // @ts-expect-error a MANAGER campaign takes no sourceOwnerCampaignInfo
    const mixed: CreateCampaignBody = {
      name: 'x',
      description: 'y',
      type: 'MANAGER',
      sourceOwnerCampaignInfo: { sourceIds: ['s'] },
    };
    void mixed;
  });
});
