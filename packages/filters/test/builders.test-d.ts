// What must and must not compile. Checked by `vitest` (typecheck mode) and by `pnpm typecheck`.

import type { paths } from '@isc-sdk/types';
import createClient from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import {
  filterFor,
  sortersFor,
  type Filter,
  type FilterableOperationId,
  type SortableOperationId,
  type Sorters,
} from '../src/index.js';

const items = filterFor('listIdentityAccessReviewItems');
const campaigns = filterFor('getActiveCampaigns');
const tasks = filterFor('getPendingCertificationTasks');
const permissions = filterFor('getIdentityCertificationItemPermissions');

describe('filterFor: fields and operators come from the operation', () => {
  it('accepts the operation’s fields with their operators', () => {
    expectTypeOf(items.eq('completed', false)).toEqualTypeOf<
      Filter<'listIdentityAccessReviewItems'>
    >();
    expectTypeOf(items.ne('completed', true)).toBeString();
    expectTypeOf(items.sw('access.name', 'Admin')).toBeString();
    expectTypeOf(items.in('identitySummary.id', ['a', 'b'])).toBeString();
    expectTypeOf(permissions.ca('rights', ['CREATE'])).toBeString();
  });

  it('refuses a field the operation cannot filter on', () => {
    // @ts-expect-error -- `status` is a campaign field, not a review-item field
    items.eq('status', 'ACTIVE');
    // @ts-expect-error -- no such field anywhere
    campaigns.eq('nmae', 'x');
  });

  it('refuses an operator the field does not support', () => {
    // @ts-expect-error -- identitySummary.id supports eq and in only
    items.sw('identitySummary.id', 'x');
    // @ts-expect-error -- completed supports eq and ne only
    items.in('completed', [true]);
    // @ts-expect-error -- rights supports ca only
    permissions.eq('rights', 'CREATE');
  });

  it('offers only the operators some field supports', () => {
    expectTypeOf(campaigns).not.toHaveProperty('ne');
    expectTypeOf(campaigns).not.toHaveProperty('co');
    expectTypeOf(campaigns).not.toHaveProperty('gt');
    expectTypeOf(campaigns).not.toHaveProperty('pr');
    expectTypeOf(campaigns).toHaveProperty('sw');
    expectTypeOf(filterFor('getCampaignTemplates')).toHaveProperty('gt');
  });

  it('offers only the composites the operation allows', () => {
    expectTypeOf(campaigns).toHaveProperty('not');
    expectTypeOf(permissions).toHaveProperty('and');
    expectTypeOf(permissions).toHaveProperty('or');
    expectTypeOf(permissions).not.toHaveProperty('not');
  });

  it('refuses an operation that takes no filters', () => {
    // @ts-expect-error -- createCampaign has no filters parameter
    filterFor('createCampaign');
    expectTypeOf<'getActiveCampaigns'>().toExtend<FilterableOperationId>();
    expectTypeOf<'getCampaign'>().not.toExtend<FilterableOperationId>();
  });
});

describe('filterFor: values are typed where the spec knows the type', () => {
  it('takes booleans for boolean fields', () => {
    // @ts-expect-error -- completed is a boolean
    items.eq('completed', 'false');
  });

  it('takes only enum members for enumerations', () => {
    expectTypeOf(campaigns.in('status', ['ACTIVE', 'STAGED'])).toBeString();
    expectTypeOf(tasks.eq('type', 'REASSIGN')).toBeString();
    // @ts-expect-error -- not a campaign status
    campaigns.eq('status', 'RUNNING');
    // @ts-expect-error -- statuses are upper case
    campaigns.in('status', ['active']);
    expectTypeOf(campaigns.eq<'status'>)
      .parameter(1)
      .toEqualTypeOf<
        | 'PENDING'
        | 'STAGED'
        | 'CANCELING'
        | 'ACTIVATING'
        | 'ACTIVE'
        | 'COMPLETING'
        | 'COMPLETED'
        | 'ERROR'
        | 'ARCHIVED'
      >();
  });

  it('takes any string for sw and co, also on enumerations', () => {
    const f = filterFor({
      filters: { kind: { operators: ['eq', 'sw'], type: 'string', enum: ['A', 'B'] } },
    });
    expectTypeOf(f.sw('kind', 'anything')).toBeString();
    // @ts-expect-error -- eq takes members only
    f.eq('kind', 'C');
  });

  it('takes numbers and dates for fields of those types', () => {
    const f = filterFor({
      filters: {
        size: { operators: ['gt'], type: 'number' },
        created: { operators: ['lt', 'in'], type: 'date-time' },
        any: { operators: ['eq'] },
      },
    });
    expectTypeOf(f.gt('size', 7)).toBeString();
    expectTypeOf(f.gt('size', 7n)).toBeString();
    // @ts-expect-error -- a number field
    f.gt('size', '7');
    expectTypeOf(f.lt('created', new Date())).toBeString();
    expectTypeOf(f.lt('created', '2018-12-18T23:05:55Z')).toBeString();
    expectTypeOf(f.in('created', [new Date(), '2018-12-18T23:05:55Z'])).toBeString();
    // @ts-expect-error -- not date-time text
    f.lt('created', 'yesterday');
    expectTypeOf(f.eq('any', true)).toBeString();
    // @ts-expect-error -- null is never a value: use isnull
    f.eq('any', null);
  });
});

describe('filterFor: results are strings tied to their operation', () => {
  it('combines filters of the same operation only', () => {
    expectTypeOf(campaigns.and(campaigns.eq('id', 'a'), campaigns.sw('name', 'Q'))).toEqualTypeOf<
      Filter<'getActiveCampaigns'>
    >();
    // @ts-expect-error -- a review-item filter inside a campaign filter
    campaigns.and(campaigns.eq('id', 'a'), items.eq('id', 'b'));
    // @ts-expect-error -- a plain string is not a built filter
    campaigns.or('id eq "a"');
    // @ts-expect-error -- and needs at least one filter
    campaigns.and();
  });

  it('is assignable to string and to the generated filters/sorters parameters', () => {
    expectTypeOf<Filter<'getActiveCampaigns'>>().toExtend<string>();
    expectTypeOf<Sorters<'getActiveCampaigns'>>().toExtend<string>();
    type Query = NonNullable<paths['/campaigns']['get']['parameters']['query']>;
    expectTypeOf<Filter<'getActiveCampaigns'>>().toExtend<NonNullable<Query['filters']>>();
    expectTypeOf<Sorters<'getActiveCampaigns'>>().toExtend<NonNullable<Query['sorters']>>();
  });

  it('goes straight into an openapi-fetch call', () => {
    const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:1/v3' });
    const call = () =>
      client.GET('/campaigns', {
        params: {
          query: {
            filters: campaigns.eq('status', 'ACTIVE'),
            sorters: sortersFor('getActiveCampaigns').by('-created'),
          },
        },
      });
    expectTypeOf(call).returns.toExtend<Promise<unknown>>();
  });

  it('from() takes text or a tree and returns the same brand', () => {
    expectTypeOf(campaigns.from('id eq "a"')).toEqualTypeOf<Filter<'getActiveCampaigns'>>();
  });
});

describe('sortersFor: sortable fields with an optional leading -', () => {
  const reviewItems = sortersFor('listIdentityAccessReviewItems');

  it('accepts sortable fields, ascending or descending', () => {
    expectTypeOf(reviewItems.by('access.name', '-identitySummary.name')).toEqualTypeOf<
      Sorters<'listIdentityAccessReviewItems'>
    >();
    expectTypeOf(sortersFor('getCampaignTemplates').by('-modified', 'name')).toBeString();
  });

  it('refuses fields the operation cannot sort by', () => {
    // @ts-expect-error -- access-review items cannot be sorted by id
    reviewItems.by('id');
    // @ts-expect-error -- the minus goes before the field, not after
    reviewItems.by('access.name-');
    // @ts-expect-error -- one key at least
    reviewItems.by();
  });

  it('refuses an operation that takes no sorters', () => {
    // @ts-expect-error -- certification tasks cannot be sorted
    sortersFor('getPendingCertificationTasks');
    expectTypeOf<'getPendingCertificationTasks'>().not.toExtend<SortableOperationId>();
  });

  it('works with plain capabilities', () => {
    expectTypeOf(sortersFor({ sorters: ['a', 'b'] }).by('-b')).toBeString();
    // @ts-expect-error -- not in the list
    sortersFor({ sorters: ['a', 'b'] }).by('c');
  });
});
