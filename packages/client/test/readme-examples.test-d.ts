// The README's examples, type-checked so that they keep compiling.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createIscClient,
  isIscNotFoundError,
  isIscRateLimitError,
  unwrap,
  type IscLogEvent,
} from '../src/index.js';

describe('README examples', () => {
  it('compile', async () => {
    const isc = createIscClient({
      tenant: 'acme',
      auth: { clientId: 'id', clientSecret: 'secret' },
      userAgentSuffix: 'campaign-bot/1.4.0',
      logger: { warn: (event: IscLogEvent) => void event },
    });

    // Campaigns
    const campaign = await unwrap(
      isc.POST('/campaigns', {
        body: { name: 'Q3 manager review', description: 'Quarterly', type: 'MANAGER' },
      }),
    );
    if (campaign.id)
      await unwrap(
        isc.POST('/campaigns/{id}/activate', { params: { path: { id: campaign.id } }, body: {} }),
      );

    // Campaign templates
    const generated = await unwrap(
      isc.POST('/campaign-templates/{id}/generate', { params: { path: { id: 't1' } } }),
    );
    expectTypeOf(generated).toHaveProperty('id');

    // Certifications
    for await (const item of isc.paginate('/certifications/{id}/access-review-items', {
      params: { path: { id: 'cert-1' }, query: { filters: 'type eq "ENTITLEMENT"' } },
      concurrency: 4,
    })) {
      void item.id;
    }
    await unwrap(
      isc.POST('/certifications/{id}/decide', {
        params: { path: { id: 'cert-1' } },
        body: [{ id: 'item-1', decision: 'APPROVE', bulk: true, comments: 'Still needed' }],
      }),
    );

    // Search
    for await (const identity of isc.searchAll(
      {
        indices: ['identities'],
        query: { query: 'attributes.department:Finance' },
        sort: ['name'],
      },
      { maxItems: 50_000 },
    )) {
      void identity.displayName;
    }
    const total = await isc.searchCount({ indices: ['identities'], query: { query: '*' } });
    expectTypeOf(total).toEqualTypeOf<number>();

    // Errors
    try {
      await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id: 'missing' } } }));
    } catch (error) {
      if (isIscNotFoundError(error)) void error.trackingId;
      if (isIscRateLimitError(error)) void error.retryAfter;
    }
  });
});
