import createClient from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AccessReviewItem,
  Campaign,
  CampaignTemplate,
  CreateCampaignBody,
  CreateCampaignTemplateBody,
  IdentityDocument,
  MakeIdentityDecisionBody,
  NotAllowedHere,
  RequestBodies,
  Schemas,
  SearchDocument,
  SearchPostBody,
  SlimCampaign,
  UpdateCampaignBody,
  components,
  operations,
  paths,
  Readable,
} from '../src/index.js';

/** Whether each of A and B is assignable to the other. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The JSON body of an operation's request (its only content type). */
type BodyOf<Id extends keyof operations> =
  NonNullable<operations[Id]['requestBody']> extends { content: infer C } ? C[keyof C] : never;

const client = createClient<paths>({ baseUrl: 'https://acme.api.identitynow.com/v3' });

describe('named schema types', () => {
  it('has one per schema, each what openapi-fetch returns for it', () => {
    expectTypeOf<keyof Schemas>().toEqualTypeOf<keyof components['schemas']>();
    type Checks = {
      [K in keyof Schemas]: Mutual<Readable<components['schemas'][K]>, Schemas[K]>;
    };
    expectTypeOf<Checks[keyof Checks]>().toEqualTypeOf<true>();
    expectTypeOf<Schemas['Campaign']>().toEqualTypeOf<Campaign>();
  });

  it('holds what a call returns: const c: Campaign = data', async () => {
    const body: CreateCampaignBody = { name: 'Q3', description: null, type: 'MANAGER' };
    const created = await client.POST('/campaigns', { body });
    if (created.data) {
      const campaign: Campaign = created.data;
      expectTypeOf(campaign.id).toEqualTypeOf<string | null | undefined>();
    }
    const one = await client.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } });
    if (one.data) {
      const either: Campaign | SlimCampaign = one.data;
      expectTypeOf(either.name).toEqualTypeOf<string>();
    }
    const template = await client.GET('/campaign-templates/{id}', {
      params: { path: { id: 't1' } },
    });
    if (template.data) {
      const held: CampaignTemplate = template.data;
      // Server-set fields are ordinary, required where the spec requires them.
      expectTypeOf(held.created).toEqualTypeOf<string>();
    }
    const items = await client.GET('/certifications/{id}/access-review-items', {
      params: { path: { id: 'x' } },
    });
    if (items.data) {
      const list: AccessReviewItem[] = items.data;
      expectTypeOf(list[0]?.accessSummary?.entitlement?.account?.governanceGroupId).toEqualTypeOf<
        string | null | undefined
      >();
    }
    const found = await client.GET('/search/{index}/{id}', {
      params: { path: { index: 'identities', id: 'i1' } },
    });
    if (found.data) {
      const document: SearchDocument = found.data;
      if (document._type === 'identity') {
        expectTypeOf(document).toExtend<IdentityDocument>();
      }
    }
  });
});

describe('<OperationId>Body types', () => {
  it('are exactly the request bodies of paths and operations', () => {
    type Checks = {
      [K in keyof RequestBodies]: Mutual<RequestBodies[K], BodyOf<K>>;
    };
    expectTypeOf<Checks[keyof Checks]>().toEqualTypeOf<true>();
    expectTypeOf<RequestBodies['createCampaign']>().toEqualTypeOf<CreateCampaignBody>();
    expectTypeOf<UpdateCampaignBody>().toEqualTypeOf<RequestBodies['patchCampaignTemplate']>();
    expectTypeOf<MakeIdentityDecisionBody[number]['decision']>().toEqualTypeOf<
      'APPROVE' | 'REVOKE'
    >();
  });

  it('accept server-set fields as optional, so a response can be sent back as it is', () => {
    const minimal: CreateCampaignBody = { name: 'Q3', description: null, type: 'MANAGER' };
    const echoed: CreateCampaignBody = {
      ...minimal,
      id: '2c9180835d2e5168015d32f890ca1581',
      status: 'STAGED',
      created: '2030-01-01T00:00:00Z',
      totalCertifications: 3,
      alerts: null,
    };
    expectTypeOf(echoed.id).toEqualTypeOf<string | null | undefined>();
    const template: CreateCampaignTemplateBody = {
      name: 'Quarterly',
      description: 'Every quarter',
      // required in responses, optional in requests
      campaign: minimal,
    };
    expectTypeOf(template.created).toEqualTypeOf<string | undefined>();
  });

  it('let openapi-fetch send what they hold', async () => {
    const body: CreateCampaignBody = {
      name: 'Q3',
      description: null,
      type: 'SEARCH',
      id: null,
      status: 'PENDING',
      sourceOwnerCampaignInfo: null,
      searchCampaignInfo: { type: 'IDENTITY', query: 'department:Finance' },
    };
    await client.POST('/campaigns', { body });
    const search: SearchPostBody = { indices: ['identities'], query: { query: '*' }, sort: ['id'] };
    await client.POST('/search', { body: search });
  });
});

describe('campaign type rules in request bodies', () => {
  it('refuse another type’s settings, naming the rule', () => {
    type Manager = Extract<CreateCampaignBody, { type: 'MANAGER' }>;
    expectTypeOf<NonNullable<Manager['sourceOwnerCampaignInfo']>>().toExtend<
      NotAllowedHere<'sourceOwnerCampaignInfo is only for SOURCE_OWNER campaigns'>
    >();
    // @ts-expect-error sourceOwnerCampaignInfo is only for SOURCE_OWNER campaigns
    const manager: CreateCampaignBody = {
      name: 'Q3',
      description: null,
      type: 'MANAGER',
      sourceOwnerCampaignInfo: { sourceIds: ['s1'] },
    };
    void manager;
    // Null, or leaving it out, is fine: that is how responses show it.
    const managerWithNull: CreateCampaignBody = {
      name: 'Q3',
      description: null,
      type: 'MANAGER',
      sourceOwnerCampaignInfo: null,
      searchCampaignInfo: null,
    };
    void managerWithNull;
  });

  it('require the settings a type needs', () => {
    type Search = Extract<CreateCampaignBody, { type: 'SEARCH' }>;
    expectTypeOf<Search['searchCampaignInfo']>().toExtend<object>();
    // @ts-expect-error a SEARCH campaign needs searchCampaignInfo
    const search: CreateCampaignBody = { name: 'Q3', description: null, type: 'SEARCH' };
    // @ts-expect-error a ROLE_COMPOSITION campaign needs roleCompositionCampaignInfo
    const roles: CreateCampaignBody = { name: 'Q3', description: null, type: 'ROLE_COMPOSITION' };
    void [search, roles];
    const sourceOwner: CreateCampaignBody = {
      name: 'Q3',
      description: null,
      type: 'SOURCE_OWNER',
    };
    void sourceOwner;
  });

  it('apply to a template’s campaign and to openapi-fetch calls too', async () => {
    const template: CreateCampaignTemplateBody = {
      name: 'Quarterly',
      description: 'Every quarter',
      // @ts-expect-error a SEARCH campaign needs searchCampaignInfo
      campaign: { name: '%Y Q', description: null, type: 'SEARCH' },
    };
    void template;
    await client.POST('/campaigns', {
      // @ts-expect-error roleCompositionCampaignInfo is only for ROLE_COMPOSITION campaigns
      body: {
        name: 'Q3',
        description: null,
        type: 'MANAGER',
        roleCompositionCampaignInfo: { remediatorRef: { type: 'IDENTITY', id: 'r1' } },
      },
    });
  });

  it('leave responses flat: every type’s settings present, null where they do not apply', () => {
    expectTypeOf<Campaign['sourceOwnerCampaignInfo']>().toEqualTypeOf<
      { sourceIds?: string[] } | null | undefined
    >();
    expectTypeOf<Campaign['type']>().toEqualTypeOf<
      'MANAGER' | 'SOURCE_OWNER' | 'SEARCH' | 'ROLE_COMPOSITION' | 'MACHINE_ACCOUNT'
    >();
  });
});
