// Moving review work between reviewers: items keep their decisions, and both certifications' counters
// (decisions made, identities completed, identities total) follow every move, step by step. Also the
// refusals of the reassign operations and of the campaign-level admin reassign (`move`).
import { unwrap } from '@isc-sdk/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { campaignBody } from './support/bodies.js';
import {
  errorText,
  startTestTenant,
  testClock,
  type TenantClient,
} from './support/tenant-client.js';

let tenant: MockTenant;
let isc: TenantClient;

beforeAll(async () => {
  ({ tenant, isc } = await startTestTenant({ size: { identities: 40 } }));
});
afterAll(() => tenant.stop());

/** An ACTIVE SEARCH campaign reviewed by the admin over `count` identities; its one certification. */
async function adminCertification(first: number, count = 3) {
  const seed = tenant.seed();
  const campaign = await unwrap(
    isc.POST('/campaigns', {
      body: campaignBody({
        name: `Reassign ${first}`,
        type: 'SEARCH',
        searchCampaignInfo: {
          type: 'IDENTITY',
          identityIds: seed.identityIds.slice(first, first + count),
          reviewer: { type: 'IDENTITY', id: seed.adminIdentityId },
        },
      }),
    }),
  );
  await unwrap(
    isc.POST('/campaigns/{id}/activate', { params: { path: { id: campaign.id! } }, body: {} }),
  );
  const listed = await unwrap(
    isc.GET('/certifications', {
      params: { query: { filters: `campaign.id eq "${campaign.id}"` } },
    }),
  );
  expect(listed).toHaveLength(1);
  return {
    campaignId: campaign.id!,
    certificationId: listed[0]!.id!,
    identityIds: seed.identityIds.slice(first, first + count),
  };
}

async function itemsOf(certificationId: string) {
  return unwrap(
    isc.GET('/certifications/{id}/access-review-items', {
      params: { path: { id: certificationId } },
    }),
  );
}

/** Review item IDs of one identity in a certification, in listed order. */
async function itemIdsOf(certificationId: string, identityId: string): Promise<string[]> {
  const ids = (await itemsOf(certificationId))
    .filter((i) => i.identitySummary!.identityId === identityId)
    .map((i) => i.id!);
  expect(ids.length).toBeGreaterThan(2);
  return ids;
}

async function decide(certificationId: string, itemIds: readonly string[]) {
  await unwrap(
    isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certificationId } },
      body: itemIds.map((id) => ({ id, decision: 'APPROVE' as const, bulk: true })),
    }),
  );
}

function reassign(
  certificationId: string,
  references: ReadonlyArray<
    readonly [id: string, type: 'ITEM' | 'IDENTITY_SUMMARY' | 'TARGET_SUMMARY']
  >,
  reassignTo: string,
) {
  return isc.POST('/certifications/{id}/reassign', {
    params: { path: { id: certificationId } },
    body: {
      reassign: references.map(([id, type]) => ({ id, type })),
      reassignTo,
      reason: 'Knows the team',
    },
  });
}

/** The counters of a certification that follow items around. */
async function counters(certificationId: string) {
  const c = await unwrap(
    isc.GET('/certifications/{id}', { params: { path: { id: certificationId } } }),
  );
  return {
    decisionsMade: c.decisionsMade,
    decisionsTotal: c.decisionsTotal,
    identitiesCompleted: c.identitiesCompleted,
    identitiesTotal: c.identitiesTotal,
  };
}

/** The certifications of `reviewerId` in a campaign. */
async function certificationsOf(campaignId: string, reviewerId: string) {
  return unwrap(
    isc.GET('/certifications', {
      params: {
        query: { filters: `campaign.id eq "${campaignId}"`, 'reviewer-identity': reviewerId },
      },
    }),
  );
}

describe('reassigning review items', () => {
  it('moves items with their decisions and keeps both certifications’ counters right at every step', async () => {
    const { campaignId, certificationId: source, identityIds } = await adminCertification(12);
    const [p, q, t] = identityIds as [string, string, string];
    const reviewer = tenant.seed().identityIds[30]!;
    const pItems = await itemIdsOf(source, p);
    const qItems = await itemIdsOf(source, q);
    const tItems = await itemIdsOf(source, t);
    const total = pItems.length + qItems.length + tItems.length;
    // P fully decided; Q decided except its last item.
    await decide(source, [...pItems, ...qItems.slice(0, -1)]);
    const decided = pItems.length + qItems.length - 1;
    expect(await counters(source)).toEqual({
      decisionsMade: decided,
      decisionsTotal: total,
      identitiesCompleted: 1,
      identitiesTotal: 3,
    });

    // 1. Q's one open item moves: Q is complete in the source now; a new certification takes it.
    const moved = await unwrap(reassign(source, [[qItems.at(-1)!, 'ITEM']], reviewer));
    expect(moved).toMatchObject({
      id: source,
      decisionsMade: decided,
      decisionsTotal: total - 1,
      identitiesCompleted: 2,
      identitiesTotal: 3,
    });
    const [target] = await certificationsOf(campaignId, reviewer);
    expect(target).toMatchObject({
      reassignment: { from: { id: source, type: 'CERTIFICATION' }, comment: 'Knows the team' },
    });
    const targetId = target!.id!;
    expect(await counters(targetId)).toEqual({
      decisionsMade: 0,
      decisionsTotal: 1,
      identitiesCompleted: 0,
      identitiesTotal: 1,
    });

    // 2. A decided Q item follows into the same certification, with its decision.
    await unwrap(reassign(source, [[qItems[0]!, 'ITEM']], reviewer));
    expect(await certificationsOf(campaignId, reviewer)).toHaveLength(1);
    expect(await counters(source)).toEqual({
      decisionsMade: decided - 1,
      decisionsTotal: total - 2,
      identitiesCompleted: 2,
      identitiesTotal: 3,
    });
    expect(await counters(targetId)).toEqual({
      decisionsMade: 1,
      decisionsTotal: 2,
      identitiesCompleted: 0,
      identitiesTotal: 1,
    });
    const carried = (await itemsOf(targetId)).find((i) => i.id === qItems[0]);
    expect(carried).toMatchObject({ completed: true, decision: 'APPROVE' });

    // 3. Deciding the open one completes Q in the target.
    await decide(targetId, [qItems.at(-1)!]);
    expect(await counters(targetId)).toEqual({
      decisionsMade: 2,
      decisionsTotal: 2,
      identitiesCompleted: 1,
      identitiesTotal: 1,
    });

    // 4. P's whole summary moves: the source loses a completed identity, the target gains one.
    const summaries = await unwrap(
      isc.GET('/certifications/{id}/identity-summaries', { params: { path: { id: source } } }),
    );
    const pSummary = summaries.find((s) => s.identityId === p)!;
    await unwrap(reassign(source, [[pSummary.id!, 'IDENTITY_SUMMARY']], reviewer));
    expect(await counters(source)).toEqual({
      decisionsMade: decided - 1 - pItems.length,
      decisionsTotal: total - 2 - pItems.length,
      identitiesCompleted: 1,
      identitiesTotal: 2,
    });
    expect(await counters(targetId)).toEqual({
      decisionsMade: 2 + pItems.length,
      decisionsTotal: 2 + pItems.length,
      identitiesCompleted: 2,
      identitiesTotal: 2,
    });

    // 5. A decided T item arrives alone: T is complete in the target ...
    await decide(source, [tItems[0]!]);
    await unwrap(reassign(source, [[tItems[0]!, 'ITEM']], reviewer));
    expect((await counters(targetId)).identitiesCompleted).toBe(3);
    // 6. ... until an open T item joins it.
    await unwrap(reassign(source, [[tItems[1]!, 'ITEM']], reviewer));
    expect(await counters(targetId)).toEqual({
      decisionsMade: 3 + pItems.length,
      decisionsTotal: 4 + pItems.length,
      identitiesCompleted: 2,
      identitiesTotal: 3,
    });
    expect(await counters(source)).toEqual({
      decisionsMade: qItems.length - 2,
      decisionsTotal: qItems.length - 2 + tItems.length - 2,
      identitiesCompleted: 1,
      identitiesTotal: 2,
    });
  });

  it('treats a TARGET_SUMMARY reference like an identity summary and moves every item of it once', async () => {
    const { campaignId, certificationId, identityIds } = await adminCertification(20, 2);
    const reviewer = tenant.seed().identityIds[31]!;
    const all = await unwrap(
      isc.GET('/certifications/{id}/identity-summaries', {
        params: { path: { id: certificationId } },
      }),
    );
    expect(all).toHaveLength(2);
    const first = all.find((s) => s.identityId === identityIds[0])!;
    const items = await itemIdsOf(certificationId, identityIds[0]!);
    await unwrap(
      reassign(
        certificationId,
        [
          [first.id!, 'TARGET_SUMMARY'],
          [items[0]!, 'ITEM'],
        ],
        reviewer,
      ),
    );
    const [target] = await certificationsOf(campaignId, reviewer);
    expect(target).toMatchObject({ decisionsTotal: items.length, identitiesTotal: 1 });
    expect((await counters(certificationId)).identitiesTotal).toBe(1);
  });

  it.each([
    [
      'an empty list',
      () => [],
      () => tenant.seed().identityIds[5]!,
      "'reassign' must name at least one item or identity.",
    ],
    [
      'an unknown new reviewer',
      (item: string) => [[item, 'ITEM'] as const],
      () => '5'.repeat(32),
      `reassignTo: no identity has the ID ${'5'.repeat(32)}.`,
    ],
    [
      'an item of another certification',
      () => [['nope', 'ITEM'] as const],
      () => tenant.seed().identityIds[5]!,
      'reassign[0]: review item nope is not in this certification.',
    ],
    [
      'an unknown identity summary',
      (item: string) => [[item, 'ITEM'] as const, ['nope', 'IDENTITY_SUMMARY'] as const],
      () => tenant.seed().identityIds[5]!,
      'reassign[1]: identity summary nope is not in this certification.',
    ],
  ])('refuses %s with 400 and moves nothing', async (_name, references, to, text) => {
    const { certificationId } = await adminCertification(25, 1);
    const before = await counters(certificationId);
    const [item] = await itemsOf(certificationId);
    const { response, error } = await reassign(certificationId, references(item!.id!), to());
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(text);
    expect(await counters(certificationId)).toEqual(before);
  });

  it('refuses to reassign the work of a signed certification', async () => {
    const { certificationId } = await adminCertification(26, 1);
    const items = await itemsOf(certificationId);
    await decide(
      certificationId,
      items.map((i) => i.id!),
    );
    await unwrap(
      isc.POST('/certifications/{id}/sign-off', { params: { path: { id: certificationId } } }),
    );
    const { response, error } = await reassign(
      certificationId,
      [[items[0]!.id!, 'ITEM']],
      tenant.seed().identityIds[5]!,
    );
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `Certification ${certificationId} is already signed off; it cannot be reassigned.`,
    );
  });

  it('takes up to 500 references asynchronously and refuses more', async () => {
    const { certificationId } = await adminCertification(27, 1);
    const many = (n: number) =>
      Array.from({ length: n }, (_, k) => ({ id: `x${k}`, type: 'ITEM' as const }));
    const refused = await isc.POST('/certifications/{id}/reassign-async', {
      params: { path: { id: certificationId } },
      body: { reassign: many(501), reassignTo: tenant.seed().identityIds[5]!, reason: 'x' },
    });
    expect(refused.response.status).toBe(400);
    expect(errorText(refused.error)).toBe(
      'At most 500 items or identities can be reassigned per call; got 501.',
    );
    // 500 is within the limit; the unknown references are what is wrong with it.
    const counted = await isc.POST('/certifications/{id}/reassign-async', {
      params: { path: { id: certificationId } },
      body: { reassign: many(500), reassignTo: tenant.seed().identityIds[5]!, reason: 'x' },
    });
    expect(errorText(counted.error)).toBe(
      'reassign[0]: review item x0 is not in this certification.',
    );
  });
});

describe('where reassigned items land, and what the source forgets', () => {
  it('adds to the new reviewer’s open certification in the campaign, and never to a signed one', async () => {
    const campaign = await unwrap(
      isc.POST('/campaigns', { body: campaignBody({ name: 'Between managers', type: 'MANAGER' }) }),
    );
    const campaignId = campaign.id!;
    await unwrap(
      isc.POST('/campaigns/{id}/activate', { params: { path: { id: campaignId } }, body: {} }),
    );
    const listed = await unwrap(
      isc.GET('/certifications', {
        params: { query: { filters: `campaign.id eq "${campaignId}"` } },
      }),
    );
    expect(listed.length).toBeGreaterThan(2);
    const [from, open, signed] = listed as [
      (typeof listed)[0],
      (typeof listed)[0],
      (typeof listed)[0],
    ];
    const signedItems = await itemsOf(signed.id!);
    await decide(
      signed.id!,
      signedItems.map((i) => i.id!),
    );
    await unwrap(
      isc.POST('/certifications/{id}/sign-off', { params: { path: { id: signed.id! } } }),
    );

    const [first, second] = await itemsOf(from.id!);
    const before = await counters(open.id!);
    await unwrap(reassign(from.id!, [[first!.id!, 'ITEM']], open.reviewer!.id!));
    expect(await counters(open.id!)).toMatchObject({ decisionsTotal: before.decisionsTotal! + 1 });
    expect(await certificationsOf(campaignId, open.reviewer!.id!)).toHaveLength(1);

    await unwrap(reassign(from.id!, [[second!.id!, 'ITEM']], signed.reviewer!.id!));
    const theirs = await certificationsOf(campaignId, signed.reviewer!.id!);
    expect(theirs).toHaveLength(2);
    expect(await counters(signed.id!)).toMatchObject({ decisionsTotal: signedItems.length });
    const created = theirs.find((c) => c.id !== signed.id)!;
    expect(created).toMatchObject({
      phase: 'ACTIVE',
      decisionsTotal: 1,
      reassignment: { from: { id: from.id } },
    });
  });

  it('forgets moved items and emptied identities in the source, also in sorted lists', async () => {
    const { certificationId, identityIds } = await adminCertification(32, 2);
    const reviewer = tenant.seed().identityIds[35]!;
    const sorted = async (id: string) =>
      unwrap(
        isc.GET('/certifications/{id}/access-review-items', {
          params: { path: { id }, query: { sorters: 'access.name' } },
        }),
      );
    const beforeSorted = await sorted(certificationId);
    const summaries = await unwrap(
      isc.GET('/certifications/{id}/identity-summaries', {
        params: { path: { id: certificationId } },
      }),
    );
    const moved = summaries.find((s) => s.identityId === identityIds[0])!;
    const movedItems = beforeSorted.filter((i) => i.identitySummary!.id === moved.id);
    expect(movedItems.length).toBeGreaterThan(0);
    await unwrap(reassign(certificationId, [[moved.id!, 'IDENTITY_SUMMARY']], reviewer));

    const afterSorted = await sorted(certificationId);
    expect(afterSorted.map((i) => i.id)).toEqual(
      beforeSorted.filter((i) => i.identitySummary!.id !== moved.id).map((i) => i.id),
    );
    const gone = await isc.GET('/certifications/{id}/identity-summaries/{identitySummaryId}', {
      params: { path: { id: certificationId, identitySummaryId: moved.id! } },
    });
    expect(gone.response.status).toBe(404);
    const decided = await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certificationId } },
      body: [{ id: movedItems[0]!.id!, decision: 'APPROVE', bulk: false }],
    });
    expect(errorText(decided.error)).toBe(
      `Decision 0: review item ${movedItems[0]!.id!} is not part of certification ${certificationId}.`,
    );
    // The receiving certification's sorted list has them, sorted.
    const [target] = await unwrap(
      isc.GET('/certifications', { params: { query: { 'reviewer-identity': reviewer } } }),
    );
    await sorted(target!.id!);
    await unwrap(reassign(certificationId, [[afterSorted[0]!.id!, 'ITEM']], reviewer));
    const targetSorted = (await sorted(target!.id!)).map((i) =>
      i.accessSummary!.access!.name!.toLowerCase(),
    );
    expect(targetSorted).toHaveLength(movedItems.length + 1);
    expect(targetSorted).toEqual([...targetSorted].sort());
  });

  it('leaves an item moved elsewhere before an asynchronous reassignment ran where it went', async () => {
    const clock = testClock();
    const { tenant: slow, isc: api } = await startTestTenant({
      now: clock.now,
      backgroundDelayMs: 1000,
      size: { identities: 30 },
    });
    try {
      const seed = slow.seed();
      const campaign = await unwrap(
        api.POST('/campaigns', {
          body: campaignBody({
            type: 'SEARCH',
            searchCampaignInfo: {
              type: 'IDENTITY',
              identityIds: seed.identityIds.slice(3, 5),
              reviewer: { type: 'IDENTITY', id: seed.adminIdentityId },
            },
          }),
        }),
      );
      clock.advance(1000);
      await unwrap(
        api.POST('/campaigns/{id}/activate', { params: { path: { id: campaign.id! } }, body: {} }),
      );
      clock.advance(1000);
      const [source] = await unwrap(
        api.GET('/certifications', {
          params: { query: { filters: `campaign.id eq "${campaign.id!}"` } },
        }),
      );
      const path = { path: { id: source!.id! } };
      const [first, second] = await unwrap(
        api.GET('/certifications/{id}/access-review-items', { params: path }),
      );
      const [early, late] = [seed.identityIds[8]!, seed.identityIds[9]!];
      const task = await unwrap(
        api.POST('/certifications/{id}/reassign-async', {
          params: path,
          body: {
            reassign: [
              { id: first!.id!, type: 'ITEM' },
              { id: second!.id!, type: 'ITEM' },
            ],
            reassignTo: late,
            reason: 'Later',
          },
        }),
      );
      await unwrap(
        api.POST('/certifications/{id}/reassign', {
          params: path,
          body: { reassign: [{ id: first!.id!, type: 'ITEM' }], reassignTo: early, reason: 'Now' },
        }),
      );
      clock.advance(1000);
      expect(
        (await unwrap(api.GET('/certification-tasks/{id}', { params: { path: { id: task.id! } } })))
          .status,
      ).toBe('SUCCESS');
      const itemIdsOfReviewer = async (reviewer: string) => {
        const [certification] = await unwrap(
          api.GET('/certifications', { params: { query: { 'reviewer-identity': reviewer } } }),
        );
        const items = await unwrap(
          api.GET('/certifications/{id}/access-review-items', {
            params: { path: { id: certification!.id! } },
          }),
        );
        return items.map((i) => i.id);
      };
      expect(await itemIdsOfReviewer(early)).toEqual([first!.id]);
      expect(await itemIdsOfReviewer(late)).toEqual([second!.id]);
    } finally {
      await slow.stop();
    }
  });
});

describe('move (the campaign-level admin reassign)', () => {
  async function move(campaignId: string, certificationIds: string[], reviewerId: string) {
    return isc.POST('/campaigns/{id}/reassign', {
      params: { path: { id: campaignId } },
      body: { certificationIds, reassignTo: { id: reviewerId, type: 'IDENTITY' }, reason: 'Leave' },
    });
  }

  it('hands open certifications over, and leaves a signed one and one the reviewer already has', async () => {
    const seed = tenant.seed();
    const campaign = await unwrap(
      isc.POST('/campaigns', { body: campaignBody({ name: 'Admin move', type: 'MANAGER' }) }),
    );
    const campaignId = campaign.id!;
    await unwrap(
      isc.POST('/campaigns/{id}/activate', { params: { path: { id: campaignId } }, body: {} }),
    );
    const listed = await unwrap(
      isc.GET('/certifications', {
        params: { query: { filters: `campaign.id eq "${campaignId}"` } },
      }),
    );
    expect(listed.length).toBeGreaterThan(2);
    const [signed, open, own] = listed as [
      (typeof listed)[0],
      (typeof listed)[0],
      (typeof listed)[0],
    ];
    const items = await itemsOf(signed.id!);
    await decide(
      signed.id!,
      items.map((i) => i.id!),
    );
    await unwrap(
      isc.POST('/certifications/{id}/sign-off', { params: { path: { id: signed.id! } } }),
    );

    const newReviewer = own.reviewer!.id!;
    const task = await unwrap(move(campaignId, [signed.id!, open.id!, own.id!], newReviewer));
    expect(task).toMatchObject({ type: 'ADMIN_REASSIGN', status: 'QUEUED' });
    const after = async (id: string) =>
      unwrap(isc.GET('/certifications/{id}', { params: { path: { id } } }));
    expect(await after(open.id!)).toMatchObject({
      reviewer: { id: newReviewer },
      reassignment: {
        from: { id: open.id, reviewer: { id: open.reviewer!.id } },
        comment: 'Leave',
      },
    });
    expect(await after(signed.id!)).toMatchObject({
      reviewer: { id: signed.reviewer!.id },
      reassignment: null,
    });
    expect(await after(own.id!)).toMatchObject({
      reviewer: { id: newReviewer },
      reassignment: null,
    });
    expect(seed.managerIds).toContain(newReviewer);
  });

  it('refuses a campaign that is not ACTIVE', async () => {
    const created = await unwrap(
      isc.POST('/campaigns', { body: campaignBody({ name: 'Not active' }) }),
    );
    const { response, error } = await move(created.id!, ['x'], tenant.seed().adminIdentityId);
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `Campaign ${created.id!} is STAGED; only an ACTIVE campaign's certifications can be reassigned.`,
    );
  });

  it('refuses an unknown new reviewer, naming the field', async () => {
    const open = await adminCertification(30, 1);
    const { response, error } = await move(open.campaignId, [open.certificationId], '6'.repeat(32));
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `Request body field 'reassignTo.id' must be the ID of an identity; got ${'6'.repeat(32)}.`,
    );
  });
});

describe('an asynchronous reassignment that runs after sign-off', () => {
  it('fails as a task and leaves the signed certification whole, instead of moving its items', async () => {
    const clock = testClock();
    const { tenant: slow, isc: api } = await startTestTenant({
      now: clock.now,
      backgroundDelayMs: 1000,
      size: { identities: 30 },
    });
    try {
      const seed = slow.seed();
      const campaign = await unwrap(
        api.POST('/campaigns', {
          body: campaignBody({
            type: 'SEARCH',
            searchCampaignInfo: {
              type: 'IDENTITY',
              identityIds: seed.identityIds.slice(3, 5),
              reviewer: { type: 'IDENTITY', id: seed.adminIdentityId },
            },
          }),
        }),
      );
      clock.advance(1000);
      await unwrap(
        api.POST('/campaigns/{id}/activate', { params: { path: { id: campaign.id! } }, body: {} }),
      );
      clock.advance(1000);
      const [listed] = await unwrap(
        api.GET('/certifications', {
          params: { query: { filters: `campaign.id eq "${campaign.id!}"` } },
        }),
      );
      const certificationId = listed!.id!;
      const path = { path: { id: certificationId } };
      const items = await unwrap(
        api.GET('/certifications/{id}/access-review-items', { params: path }),
      );
      expect(items.length).toBeGreaterThan(1);
      const task = await unwrap(
        api.POST('/certifications/{id}/reassign-async', {
          params: path,
          body: {
            reassign: [{ id: items[0]!.id!, type: 'ITEM' }],
            reassignTo: seed.identityIds[9]!,
            reason: 'Later',
          },
        }),
      );
      await unwrap(
        api.POST('/certifications/{id}/decide', {
          params: path,
          body: items.map((i) => ({ id: i.id!, decision: 'APPROVE' as const, bulk: true })),
        }),
      );
      await unwrap(api.POST('/certifications/{id}/sign-off', { params: path }));

      clock.advance(1000);
      const done = await unwrap(
        api.GET('/certification-tasks/{id}', { params: { path: { id: task.id! } } }),
      );
      expect(done).toMatchObject({
        status: 'ERROR',
        errors: [
          {
            locale: 'en-US',
            localeOrigin: 'DEFAULT',
            text: `Certification ${certificationId} was signed off before the reassignment ran; nothing was moved.`,
          },
        ],
      });
      expect(await unwrap(api.GET('/certifications/{id}', { params: path }))).toMatchObject({
        phase: 'SIGNED',
        decisionsTotal: items.length,
      });
      const all = await unwrap(
        api.GET('/certifications', {
          params: { query: { filters: `campaign.id eq "${campaign.id!}"` } },
        }),
      );
      expect(all).toHaveLength(1);
      expect(
        (await unwrap(api.GET('/campaigns/{id}', { params: { path: { id: campaign.id! } } })))
          .status,
      ).toBe('COMPLETED');
    } finally {
      await slow.stop();
    }
  });
});
