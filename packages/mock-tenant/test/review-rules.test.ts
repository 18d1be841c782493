// The rules of reviewing that users' integration tests lean on: a campaign completes only when every
// certification is signed, deciding an item again replaces its decision without counting it twice,
// and a signed certification or one in a campaign that is no longer ACTIVE refuses decisions and
// sign-off with the API's 400 (an ErrorResponseDto, as the spec declares for these operations).
import { unwrap } from '@isc-sdk/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { campaignBody } from './support/bodies.js';
import {
  days,
  errorText,
  startTestTenant,
  testClock,
  type TenantClient,
} from './support/tenant-client.js';

/** Settings a test lays over the default body, of any campaign type (the tenant checks the rules). */
type Overrides = Parameters<typeof campaignBody>[0];

let tenant: MockTenant;
let isc: TenantClient;
const clock = testClock();

beforeAll(async () => {
  ({ tenant, isc } = await startTestTenant({
    now: clock.now,
    tokenLifetimeSeconds: 365 * 86_400,
    size: { identities: 40 },
  }));
});
afterAll(() => tenant.stop());

/** Creates and activates a campaign; answers its ID and its certifications, in listed order. */
async function activeCampaign(overrides: Overrides = {}) {
  const created = await unwrap(
    isc.POST('/campaigns', {
      body: campaignBody({ name: `Rules ${Math.random()}`, ...overrides }),
    }),
  );
  const id = created.id!;
  await unwrap(isc.POST('/campaigns/{id}/activate', { params: { path: { id } }, body: {} }));
  const certifications = await unwrap(
    isc.GET('/certifications', { params: { query: { filters: `campaign.id eq "${id}"` } } }),
  );
  expect(certifications.length).toBeGreaterThan(0);
  return { id, certificationIds: certifications.map((c) => c.id!) };
}

/** A SEARCH campaign with one certification, reviewed by the admin, over a few identities. */
async function oneCertification(identities = 3, overrides: Overrides = {}) {
  const seed = tenant.seed();
  const { id, certificationIds } = await activeCampaign({
    ...overrides,
    type: 'SEARCH',
    searchCampaignInfo: {
      type: 'IDENTITY',
      identityIds: seed.identityIds.slice(11, 11 + identities),
      reviewer: { type: 'IDENTITY', id: seed.adminIdentityId },
    },
  });
  expect(certificationIds).toHaveLength(1);
  return { campaignId: id, certificationId: certificationIds[0]! };
}

const oneCertificationWith = (overrides: Overrides) => oneCertification(2, overrides);

async function itemsOf(certificationId: string) {
  const items = await unwrap(
    isc.GET('/certifications/{id}/access-review-items', {
      params: { path: { id: certificationId } },
    }),
  );
  expect(items.length).toBeGreaterThan(1);
  return items;
}

const certification = (id: string) =>
  unwrap(isc.GET('/certifications/{id}', { params: { path: { id } } }));

const campaign = (id: string) => unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }));

function decide(
  certificationId: string,
  decisions: ReadonlyArray<readonly [itemId: string, decision: 'APPROVE' | 'REVOKE']>,
) {
  return isc.POST('/certifications/{id}/decide', {
    params: { path: { id: certificationId } },
    body: decisions.map(([id, decision]) => ({ id, decision, bulk: decisions.length > 1 })),
  });
}

const signOff = (certificationId: string) =>
  isc.POST('/certifications/{id}/sign-off', { params: { path: { id: certificationId } } });

async function decideAll(certificationId: string, decision: 'APPROVE' | 'REVOKE' = 'APPROVE') {
  const items = await itemsOf(certificationId);
  const { response } = await decide(
    certificationId,
    items.map((i) => [i.id!, decision] as const),
  );
  expect(response.status).toBe(200);
}

describe('completing a campaign by sign-off', () => {
  it('keeps a campaign with several certifications ACTIVE until every one of them is signed', async () => {
    const { id, certificationIds } = await activeCampaign({ type: 'MANAGER' });
    expect(certificationIds.length).toBeGreaterThan(2);
    const signedAt: string[] = [];
    for (const [n, certificationId] of certificationIds.entries()) {
      await decideAll(certificationId);
      clock.advance(60_000);
      signedAt.push(new Date(clock.now()).toISOString());
      expect((await signOff(certificationId)).response.status).toBe(200);
      const last = n === certificationIds.length - 1;
      expect(await campaign(id)).toMatchObject({
        status: last ? 'COMPLETED' : 'ACTIVE',
        completedCertifications: n + 1,
        totalCertifications: certificationIds.length,
      });
      if (!last) {
        // The others are still open for decisions.
        const next = await certification(certificationIds[n + 1]!);
        expect(next).toMatchObject({ phase: 'ACTIVE', completed: false, signed: null });
      }
    }
    // Completing the campaign leaves each certification signed when its reviewer signed it.
    expect(signedAt).toHaveLength(certificationIds.length);
    for (const [n, certificationId] of certificationIds.entries()) {
      expect((await certification(certificationId)).signed).toBe(signedAt[n]);
    }
  });

  it('completes the campaign when the certification signed last is not the one listed last', async () => {
    const { id, certificationIds } = await activeCampaign({ type: 'MANAGER' });
    const order = [...certificationIds.slice(1), certificationIds[0]!];
    for (const [n, certificationId] of order.entries()) {
      await decideAll(certificationId);
      await unwrap(signOff(certificationId));
      expect((await campaign(id)).status).toBe(n === order.length - 1 ? 'COMPLETED' : 'ACTIVE');
    }
  });
});

describe('deciding an item again', () => {
  it('replaces the decision and counts the item once, so sign-off still waits for the others', async () => {
    const { certificationId } = await oneCertification();
    const items = await itemsOf(certificationId);
    const [first] = items;
    await unwrap(decide(certificationId, [[first!.id!, 'APPROVE']]));
    const again = await unwrap(decide(certificationId, [[first!.id!, 'REVOKE']]));
    expect(again).toMatchObject({ decisionsMade: 1, decisionsTotal: items.length });
    // The same item twice in one request counts once as well.
    const twice = await unwrap(
      decide(certificationId, [
        [first!.id!, 'APPROVE'],
        [first!.id!, 'REVOKE'],
      ]),
    );
    expect(twice.decisionsMade).toBe(1);
    const [item] = await unwrap(
      isc.GET('/certifications/{id}/access-review-items', {
        params: { path: { id: certificationId }, query: { filters: `id eq "${first!.id!}"` } },
      }),
    );
    expect(item).toMatchObject({ completed: true, decision: 'REVOKE' });
    const summary = await unwrap(
      isc.GET('/certifications/{id}/decision-summary', {
        params: { path: { id: certificationId } },
      }),
    );
    const made =
      summary.entitlementDecisionsMade! +
      summary.accessProfileDecisionsMade! +
      summary.roleDecisionsMade!;
    const approved =
      summary.entitlementsApproved! + summary.accessProfilesApproved! + summary.rolesApproved!;
    const revoked =
      summary.entitlementsRevoked! + summary.accessProfilesRevoked! + summary.rolesRevoked!;
    expect({ made, approved, revoked }).toEqual({ made: 1, approved: 0, revoked: 1 });

    const refused = await signOff(certificationId);
    expect(refused.response.status).toBe(400);
    expect(errorText(refused.error)).toBe(
      `Certification ${certificationId} cannot be signed off: ${items.length - 1} of ${items.length} review items are still undecided. Decide every item first.`,
    );
  });

  it('counts an identity as completed once, however often its items are decided', async () => {
    const { certificationId } = await oneCertification();
    const items = await itemsOf(certificationId);
    const identity = items[0]!.identitySummary!.id!;
    const ofIdentity = items.filter((i) => i.identitySummary!.id === identity);
    expect(ofIdentity.length).toBeGreaterThan(0);
    const all = ofIdentity.map((i) => [i.id!, 'APPROVE'] as const);
    expect((await unwrap(decide(certificationId, all))).identitiesCompleted).toBe(1);
    const again = await unwrap(decide(certificationId, [[ofIdentity[0]!.id!, 'REVOKE']]));
    expect(again).toMatchObject({ identitiesCompleted: 1, decisionsMade: ofIdentity.length });
    const summaries = await unwrap(
      isc.GET('/certifications/{id}/identity-summaries', {
        params: { path: { id: certificationId }, query: { filters: 'completed eq true' } },
      }),
    );
    expect(summaries.map((s) => s.id)).toEqual([identity]);
  });

  it('lets every item be decided and then signed off, with decisionsMade equal to the item count', async () => {
    const { certificationId } = await oneCertification(2);
    const items = await itemsOf(certificationId);
    await unwrap(
      decide(
        certificationId,
        items.map((i) => [i.id!, 'REVOKE'] as const),
      ),
    );
    await unwrap(
      decide(
        certificationId,
        items.map((i) => [i.id!, 'APPROVE'] as const),
      ),
    );
    const signed = await unwrap(signOff(certificationId));
    expect(signed).toMatchObject({
      phase: 'SIGNED',
      decisionsMade: items.length,
      decisionsTotal: items.length,
      identitiesCompleted: 2,
      identitiesTotal: 2,
    });
  });
});

describe('a signed certification', () => {
  it('refuses decisions and a second sign-off with 400, and keeps its decisions', async () => {
    const { certificationId } = await oneCertification();
    await decideAll(certificationId, 'APPROVE');
    const signed = await unwrap(signOff(certificationId));
    const signOffs = tenant.stats().signOffs;
    const [item] = await itemsOf(certificationId);

    const decided = await decide(certificationId, [[item!.id!, 'REVOKE']]);
    expect(decided.response.status).toBe(400);
    expect(decided.error).toMatchObject({ detailCode: '400.1 Bad Request Content' });
    expect(errorText(decided.error)).toBe(
      `Certification ${certificationId} is already signed off; it cannot be decided.`,
    );
    const again = await signOff(certificationId);
    expect(again.response.status).toBe(400);
    expect(errorText(again.error)).toBe(
      `Certification ${certificationId} is already signed off; it cannot be signed off.`,
    );

    expect(tenant.stats().signOffs).toBe(signOffs);
    expect(await certification(certificationId)).toMatchObject({
      phase: 'SIGNED',
      signed: signed.signed,
    });
    const [after] = await itemsOf(certificationId);
    expect(after).toMatchObject({ id: item!.id, decision: 'APPROVE' });
  });
});

describe('a campaign that is no longer ACTIVE', () => {
  it('refuses decisions, sign-off and reassignment while it completes, then signs every certification with the chosen action', async () => {
    const slowClock = testClock();
    const { tenant: slow, isc: api } = await startTestTenant({
      now: slowClock.now,
      backgroundDelayMs: 1000,
      size: { identities: 30 },
    });
    try {
      const seed = slow.seed();
      const created = await unwrap(
        api.POST('/campaigns', {
          body: campaignBody({
            type: 'SEARCH',
            deadline: new Date(slowClock.now() + days(2)).toISOString(),
            searchCampaignInfo: {
              type: 'IDENTITY',
              identityIds: seed.identityIds.slice(4, 7),
              reviewer: { type: 'IDENTITY', id: seed.adminIdentityId },
            },
          }),
        }),
      );
      const campaignId = created.id!;
      slowClock.advance(1000);
      await unwrap(
        api.POST('/campaigns/{id}/activate', { params: { path: { id: campaignId } }, body: {} }),
      );
      slowClock.advance(1000);
      const [listed] = await unwrap(
        api.GET('/certifications', {
          params: { query: { filters: `campaign.id eq "${campaignId}"` } },
        }),
      );
      const certificationId = listed!.id!;
      const items = await unwrap(
        api.GET('/certifications/{id}/access-review-items', {
          params: { path: { id: certificationId } },
        }),
      );
      expect(items.length).toBeGreaterThan(1);
      await unwrap(
        api.POST('/certifications/{id}/decide', {
          params: { path: { id: certificationId } },
          body: [{ id: items[0]!.id!, decision: 'APPROVE', bulk: false }],
        }),
      );

      slowClock.advance(days(3));
      await unwrap(
        api.POST('/campaigns/{id}/complete', {
          params: { path: { id: campaignId } },
          body: { autoCompleteAction: 'REVOKE' },
        }),
      );
      const completing = await unwrap(
        api.GET('/campaigns/{id}', { params: { path: { id: campaignId } } }),
      );
      expect(completing.status).toBe('COMPLETING');

      const decided = await api.POST('/certifications/{id}/decide', {
        params: { path: { id: certificationId } },
        body: [{ id: items[1]!.id!, decision: 'APPROVE', bulk: false }],
      });
      expect(decided.response.status).toBe(400);
      expect(decided.error).toMatchObject({ detailCode: '400.1 Bad Request Content' });
      expect(errorText(decided.error)).toBe(
        `Campaign ${campaignId} is COMPLETING; certifications can only be decided while it is ACTIVE.`,
      );
      const signed = await api.POST('/certifications/{id}/sign-off', {
        params: { path: { id: certificationId } },
      });
      expect(signed.response.status).toBe(400);
      expect(errorText(signed.error)).toBe(
        `Campaign ${campaignId} is COMPLETING; certifications can only be signed off while it is ACTIVE.`,
      );
      const reassigned = await api.POST('/certifications/{id}/reassign', {
        params: { path: { id: certificationId } },
        body: {
          reassign: [{ id: items[1]!.id!, type: 'ITEM' }],
          reassignTo: seed.identityIds[9]!,
          reason: 'Too late',
        },
      });
      expect(reassigned.response.status).toBe(400);
      expect(errorText(reassigned.error)).toBe(
        `Campaign ${campaignId} is COMPLETING; certifications can only be reassigned while it is ACTIVE.`,
      );
      const before = await unwrap(
        api.GET('/certifications/{id}', { params: { path: { id: certificationId } } }),
      );
      expect(before).toMatchObject({
        phase: 'ACTIVE',
        decisionsMade: 1,
        decisionsTotal: items.length,
      });

      slowClock.advance(1000);
      const done = await unwrap(
        api.GET('/campaigns/{id}', { params: { path: { id: campaignId } } }),
      );
      expect(done).toMatchObject({ status: 'COMPLETED', completedCertifications: 1 });
      const after = await unwrap(
        api.GET('/certifications/{id}', { params: { path: { id: certificationId } } }),
      );
      expect(after).toMatchObject({
        phase: 'SIGNED',
        completed: true,
        decisionsMade: items.length,
        identitiesCompleted: 3,
        signed: new Date(slowClock.now()).toISOString(),
      });
      const decisions = await unwrap(
        api.GET('/certifications/{id}/access-review-items', {
          params: { path: { id: certificationId } },
        }),
      );
      expect(decisions).toHaveLength(items.length);
      // The decision made before completion stands; the open ones took the chosen action.
      expect(decisions[0]).toMatchObject({ decision: 'APPROVE', comments: null });
      for (const item of decisions.slice(1)) {
        expect(item).toMatchObject({
          completed: true,
          decision: 'REVOKE',
          comments: 'Decided automatically when the campaign was completed.',
        });
      }
      const summaries = await unwrap(
        api.GET('/certifications/{id}/identity-summaries', {
          params: { path: { id: certificationId }, query: { filters: 'completed eq false' } },
        }),
      );
      expect(summaries).toEqual([]);
    } finally {
      await slow.stop();
    }
  });
});

describe('what a decision carries', () => {
  it('requires a comment on every decision when the campaign says ALL_DECISIONS; blank text is no comment', async () => {
    const { certificationId } = await oneCertificationWith({
      mandatoryCommentRequirement: 'ALL_DECISIONS',
    });
    const [first, second] = await itemsOf(certificationId);
    for (const comments of [undefined, '   ']) {
      const refused = await isc.POST('/certifications/{id}/decide', {
        params: { path: { id: certificationId } },
        body: [
          { id: second!.id!, decision: 'REVOKE', bulk: true, comments: 'Gone' },
          {
            id: first!.id!,
            decision: 'APPROVE',
            bulk: true,
            ...(comments === undefined ? {} : { comments }),
          },
        ],
      });
      expect(refused.response.status).toBe(400);
      expect(errorText(refused.error)).toBe(
        'Decision 1: the campaign requires a comment on every decision.',
      );
    }
    expect((await certification(certificationId)).decisionsMade).toBe(0);
    await unwrap(
      isc.POST('/certifications/{id}/decide', {
        params: { path: { id: certificationId } },
        body: [{ id: first!.id!, decision: 'APPROVE', bulk: false, comments: 'Still needed' }],
      }),
    );
    const [decided] = await unwrap(
      isc.GET('/certifications/{id}/access-review-items', {
        params: { path: { id: certificationId }, query: { filters: `id eq "${first!.id!}"` } },
      }),
    );
    expect(decided).toMatchObject({ decision: 'APPROVE', comments: 'Still needed' });
  });

  it('takes approvals without a comment when only revokes need one, and clears a comment when decided again without one', async () => {
    const { certificationId } = await oneCertificationWith({
      mandatoryCommentRequirement: 'REVOKE_ONLY_DECISIONS',
    });
    const [item] = await itemsOf(certificationId);
    const path = { path: { id: certificationId } };
    await unwrap(
      isc.POST('/certifications/{id}/decide', {
        params: path,
        body: [{ id: item!.id!, decision: 'REVOKE', bulk: false, comments: 'Left' }],
      }),
    );
    await unwrap(
      isc.POST('/certifications/{id}/decide', {
        params: path,
        body: [{ id: item!.id!, decision: 'APPROVE', bulk: false }],
      }),
    );
    const [after] = await unwrap(
      isc.GET('/certifications/{id}/access-review-items', {
        params: { ...path, query: { filters: `id eq "${item!.id!}"` } },
      }),
    );
    expect(after).toMatchObject({ decision: 'APPROVE', comments: null });
  });

  it('accepts proposedEndDate on a REVOKE and refuses it on an APPROVE', async () => {
    const { certificationId } = await oneCertification();
    const [item] = await itemsOf(certificationId);
    const path = { path: { id: certificationId } };
    const revoke = await isc.POST('/certifications/{id}/decide', {
      params: path,
      body: [
        { id: item!.id!, decision: 'REVOKE', bulk: false, proposedEndDate: '2031-01-01T00:00:00Z' },
      ],
    });
    expect(revoke.response.status).toBe(200);
    const approve = await isc.POST('/certifications/{id}/decide', {
      params: path,
      body: [
        {
          id: item!.id!,
          decision: 'APPROVE',
          bulk: false,
          proposedEndDate: '2031-01-01T00:00:00Z',
        },
      ],
    });
    expect(errorText(approve.error)).toBe(
      'Decision 0: proposedEndDate is only allowed on REVOKE decisions.',
    );
  });

  it('counts every decision recorded and every sign-off in the stats', async () => {
    const { certificationId } = await oneCertification(1);
    const items = await itemsOf(certificationId);
    const before = tenant.stats();
    await decideAll(certificationId);
    await unwrap(decide(certificationId, [[items[0]!.id!, 'REVOKE']]));
    await unwrap(signOff(certificationId));
    const after = tenant.stats();
    expect(after.decisionsRecorded - before.decisionsRecorded).toBe(items.length + 1);
    expect(after.signOffs - before.signOffs).toBe(1);
  });
});
