// The bulk helpers against the mock tenant: batch sizes, a batch that fails and is retried exactly,
// and no item sent twice.
import {
  createIscClient,
  decideAll,
  isIscApiError,
  isIscConfigError,
  reassignAll,
  reassignAllAsync,
  unwrap,
  type IscClient,
  type IscReviewDecision,
  type Middleware,
} from '@isc-sdk/client';
import { startMockTenant, type MockTenant } from '@isc-sdk/mock-tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ITEMS = 600;
let tenant: MockTenant;
let isc: IscClient;
let certificationId: string;
let itemIds: string[];

/** Records, per request that reached the transport, the item ids of each decide body. */
function recordDecisions(sent: string[][]): Middleware {
  return {
    async onRequest({ request }) {
      if (request.url.endsWith('/decide')) {
        const body = (await request.clone().json()) as IscReviewDecision[];
        sent.push(body.map((decision) => decision.id));
      }
    },
  };
}

beforeAll(async () => {
  tenant = await startMockTenant({
    preloadActiveCampaign: true,
    size: { reviewItemsPerCertification: ITEMS },
  });
  isc = createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
  });
  const certifications = await unwrap(isc.GET('/certifications'));
  expect(certifications).toHaveLength(1);
  certificationId = certifications[0]!.id!;
  itemIds = [];
  for await (const item of isc.paginate('/certifications/{id}/access-review-items', {
    params: { path: { id: certificationId } },
  })) {
    itemIds.push(item.id!);
  }
  expect(itemIds).toHaveLength(ITEMS);
});

afterAll(async () => {
  await tenant?.stop();
});

describe('decideAll', () => {
  it('sends at most 250 decisions a call, retries exactly the failed batch, and repeats nothing', async () => {
    const sent: string[][] = [];
    const recorder = recordDecisions(sent);
    // The second decide call fails as a gateway error would, before reaching the tenant.
    let calls = 0;
    const failSecond: Middleware = {
      onRequest({ request }) {
        if (request.url.endsWith('/decide') && ++calls === 2) {
          return new Response(JSON.stringify({ detailCode: '503', messages: [] }), {
            status: 503,
            headers: { 'content-type': 'application/json' },
          });
        }
      },
    };
    isc.use(failSecond, recorder);
    const decisions = itemIds.map((id, index): IscReviewDecision => ({
      id,
      decision: index % 7 === 0 ? 'REVOKE' : 'APPROVE',
      bulk: true,
    }));
    const progress: number[] = [];
    const first = await decideAll(isc, certificationId, decisions, {
      concurrency: 1,
      onProgress: ({ done, failed, total }) => progress.push(done + failed === total ? -1 : done),
    });
    isc.eject(failSecond);
    expect(first.batches.map((batch) => [batch.status, batch.items.length])).toEqual([
      ['done', 250],
      ['failed', 250],
      ['done', 100],
    ]);
    expect(first.ok).toBe(false);
    expect(first.done).toBe(350);
    const failedBatch = first.batches[1]!;
    expect(failedBatch.status === 'failed' && isIscApiError(failedBatch.error)).toBe(true);
    expect(first.failedItems.map((decision) => decision.id)).toEqual(itemIds.slice(250, 500));
    expect(progress).toEqual([250, 250, -1]);

    const retry = await decideAll(isc, certificationId, first.failedItems);
    isc.eject(recorder);
    expect(retry.ok).toBe(true);
    expect(retry.batches).toHaveLength(1);

    // What reached the tenant: every item exactly once.
    const delivered = sent.flat();
    expect(sent.map((batch) => batch.length)).toEqual([250, 100, 250]);
    expect(delivered).toHaveLength(ITEMS);
    expect(new Set(delivered).size).toBe(ITEMS);
    const certification = await unwrap(
      isc.GET('/certifications/{id}', { params: { path: { id: certificationId } } }),
    );
    expect(certification.decisionsMade).toBe(ITEMS);
    const signed = await unwrap(
      isc.POST('/certifications/{id}/sign-off', { params: { path: { id: certificationId } } }),
    );
    expect(signed.phase).toBe('SIGNED');
  });

  it('refuses an item given twice, and a batch size over the operation’s maximum', async () => {
    const twice = [
      { id: 'a', decision: 'APPROVE', bulk: true },
      { id: 'b', decision: 'APPROVE', bulk: true },
      { id: 'a', decision: 'REVOKE', bulk: true },
    ] as const satisfies IscReviewDecision[];
    const duplicate = await decideAll(isc, certificationId, twice).catch(
      (caught: unknown) => caught,
    );
    expect(isIscConfigError(duplicate) && duplicate.field).toBe('decisions[2]');
    expect((duplicate as Error).message).toContain('repeats decisions[0] (a)');
    await expect(decideAll(isc, certificationId, [twice[0]], { batchSize: 251 })).rejects.toThrow(
      /batchSize: must be an integer from 1 to 250/,
    );
    await expect(decideAll(isc, '', [twice[0]])).rejects.toThrow(/certificationId/);
  });
});

describe('reassignAll and reassignAllAsync', () => {
  it('split items by 50 and by 500, with the same reviewer and reason', async () => {
    const other = tenant.seed().identityIds[1]!;
    const campaign = await unwrap(
      isc.POST('/campaigns', {
        body: {
          name: 'Bulk reassign',
          description: 'reassign in batches',
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          type: 'SEARCH',
          searchCampaignInfo: {
            type: 'IDENTITY',
            identityIds: tenant.seed().identityIds.slice(0, 120),
            reviewer: { type: 'IDENTITY', id: tenant.seed().adminIdentityId },
          },
        },
      }),
    );
    await unwrap(
      isc.POST('/campaigns/{id}/activate', { params: { path: { id: campaign.id! } }, body: {} }),
    );
    const certifications = await unwrap(
      isc.GET('/certifications', {
        params: { query: { filters: `campaign.id eq "${campaign.id}"` } },
      }),
    );
    expect(certifications.length).toBeGreaterThan(0);
    const id = certifications[0]!.id!;
    const summaries: { id: string; type: 'IDENTITY_SUMMARY' }[] = [];
    for await (const summary of isc.paginate('/certifications/{id}/identity-summaries', {
      params: { path: { id } },
    })) {
      summaries.push({ id: summary.id!, type: 'IDENTITY_SUMMARY' });
    }
    expect(summaries.length).toBeGreaterThan(50);
    const half = Math.ceil(summaries.length / 2);
    const sync = await reassignAll(isc, id, {
      reassign: summaries.slice(0, half),
      reassignTo: other,
      reason: 'moving team',
    });
    expect(sync.ok).toBe(true);
    expect(sync.batches.map((batch) => batch.items.length)).toEqual(
      half > 50 ? [50, half - 50] : [half],
    );
    const background = await reassignAllAsync(isc, id, {
      reassign: summaries.slice(half),
      reassignTo: other,
      reason: 'moving team',
    });
    expect(background.ok).toBe(true);
    expect(background.batches).toHaveLength(1);
    const task = background.batches[0]!;
    expect(task.status === 'done' && task.data.type).toBe('REASSIGN');
  });
});
