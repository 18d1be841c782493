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
  ({ tenant, isc } = await startTestTenant());
});
afterAll(() => tenant.stop());

/** An ACTIVE SEARCH campaign over a few identities, reviewed by the admin; returns its certification. */
async function searchCertification(
  identityCount = 3,
  extra: Parameters<typeof campaignBody>[0] = {},
) {
  const seed = tenant.seed();
  const { data: campaign } = await isc.POST('/campaigns', {
    body: campaignBody({
      name: `Search review ${Math.random()}`,
      type: 'SEARCH',
      searchCampaignInfo: {
        type: 'IDENTITY',
        identityIds: seed.identityIds.slice(10, 10 + identityCount),
        reviewer: { type: 'IDENTITY', id: seed.adminIdentityId },
      },
      ...extra,
    }),
  });
  await isc.POST('/campaigns/{id}/activate', { params: { path: { id: campaign!.id! } }, body: {} });
  const { data } = await isc.GET('/certifications', {
    params: { query: { filters: `campaign.id eq "${campaign!.id!}"` } },
  });
  expect(data).toHaveLength(1);
  return { campaignId: campaign!.id!, certification: data![0]! };
}

async function allItems(certificationId: string) {
  const { data } = await isc.GET('/certifications/{id}/access-review-items', {
    params: { path: { id: certificationId } },
  });
  return data!;
}

describe('listIdentityCertifications and getIdentityCertification', () => {
  it('lists the caller’s certifications with reviewer-identity=me', async () => {
    const { certification } = await searchCertification();
    const { data } = await isc.GET('/certifications', {
      params: { query: { 'reviewer-identity': 'me' } },
    });
    expect(data!.length).toBeGreaterThan(0);
    expect(data!.map((c) => c.id)).toContain(certification.id);
    expect(data!.every((c) => c.reviewer?.id === tenant.seed().adminIdentityId)).toBe(true);
  });

  it('gets one certification with its counters', async () => {
    const { certification, campaignId } = await searchCertification(2);
    const { data } = await isc.GET('/certifications/{id}', {
      params: { path: { id: certification.id! } },
    });
    expect(data).toMatchObject({
      id: certification.id,
      phase: 'ACTIVE',
      completed: false,
      decisionsMade: 0,
      identitiesTotal: 2,
      identitiesCompleted: 0,
      campaign: { id: campaignId, type: 'CAMPAIGN', campaignType: 'SEARCH' },
    });
    expect(data!.decisionsTotal).toBeGreaterThan(0);
  });

  it('filters by phase and completed, and sorts by name', async () => {
    const { data } = await isc.GET('/certifications', {
      params: {
        query: {
          filters: 'phase eq "ACTIVE" and completed eq false',
          sorters: 'name',
          count: true,
        },
      },
    });
    expect(data!.length).toBeGreaterThan(0);
    expect(data!.every((c) => c.phase === 'ACTIVE')).toBe(true);
  });
});

describe('listIdentityAccessReviewItems', () => {
  it('pages the undecided items with completed eq false', async () => {
    const { certification } = await searchCertification(4);
    const items = await allItems(certification.id!);
    await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certification.id! } },
      body: [{ id: items[0]!.id!, decision: 'APPROVE', bulk: false }],
    });
    const { data, response } = await isc.GET('/certifications/{id}/access-review-items', {
      params: {
        path: { id: certification.id! },
        query: { filters: 'completed eq false', limit: 2, count: true },
      },
    });
    expect(response.headers.get('X-Total-Count')).toBe(String(items.length - 1));
    expect(data).toHaveLength(2);
    expect(data!.every((i) => i.completed === false)).toBe(true);
  });

  it('maps API field names onto items: access.type, entitlement.sourceName, identitySummary.name', async () => {
    const { certification } = await searchCertification(5);
    const items = await allItems(certification.id!);
    const entitlement = items.find((i) => i.accessSummary?.access?.type === 'ENTITLEMENT')!;
    const source = entitlement.accessSummary!.entitlement!.sourceName!;
    const byType = await isc.GET('/certifications/{id}/access-review-items', {
      params: {
        path: { id: certification.id! },
        query: { filters: 'access.type eq "ENTITLEMENT"' },
      },
    });
    const entitlements = items.filter((i) => i.accessSummary?.access?.type === 'ENTITLEMENT');
    expect(entitlements.length).toBeGreaterThan(0);
    expect(byType.data).toHaveLength(entitlements.length);
    expect(byType.data!.every((i) => i.accessSummary?.access?.type === 'ENTITLEMENT')).toBe(true);
    const bySource = await isc.GET('/certifications/{id}/access-review-items', {
      params: {
        path: { id: certification.id! },
        query: { filters: `entitlement.sourceName sw "${source.slice(0, 4).toLowerCase()}"` },
      },
    });
    expect(bySource.data!.length).toBeGreaterThan(0);
    expect(
      bySource.data!.every((i) =>
        i.accessSummary?.entitlement?.sourceName?.startsWith(source.slice(0, 4)),
      ),
    ).toBe(true);
    const name = items[0]!.identitySummary!.name!;
    const byName = await isc.GET('/certifications/{id}/access-review-items', {
      params: {
        path: { id: certification.id! },
        query: { filters: `identitySummary.name eq "${name.toUpperCase()}"` },
      },
    });
    expect(byName.data).toHaveLength(items.filter((i) => i.identitySummary!.name === name).length);
    expect(byName.data!.every((i) => i.identitySummary?.name === name)).toBe(true);
  });

  it('sorts by access.name descending', async () => {
    const { certification } = await searchCertification(3);
    const { data } = await isc.GET('/certifications/{id}/access-review-items', {
      params: { path: { id: certification.id! }, query: { sorters: '-access.name' } },
    });
    const names = data!.map((i) => i.accessSummary!.access!.name!.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
  });

  it('keeps each requested order apart when one certification is sorted several ways', async () => {
    const { certification } = await searchCertification(4);
    const sorted = async (sorters: string) => {
      const { data } = await isc.GET('/certifications/{id}/access-review-items', {
        params: { path: { id: certification.id! }, query: { sorters } },
      });
      expect(data!.length).toBeGreaterThan(3);
      return data!;
    };
    const lower = (s: string) => s.toLowerCase();
    for (const round of [1, 2]) {
      const up = (await sorted('access.name')).map((i) => lower(i.accessSummary!.access!.name!));
      expect(up, `round ${round}`).toEqual([...up].sort());
      const down = (await sorted('-access.name')).map((i) => lower(i.accessSummary!.access!.name!));
      expect(down, `round ${round}`).toEqual([...down].sort().reverse());
      const downByIdentity = (await sorted('-identitySummary.name')).map((i) =>
        lower(i.identitySummary!.name!),
      );
      expect(new Set(downByIdentity).size, 'several identities').toBeGreaterThan(1);
      expect(downByIdentity, `round ${round}`).toEqual([...downByIdentity].sort().reverse());
      const byIdentity = (await sorted('identitySummary.name,access.name')).map(
        (i) => `${lower(i.identitySummary!.name!)} ${lower(i.accessSummary!.access!.name!)}`,
      );
      expect(byIdentity, `round ${round}`).toEqual([...byIdentity].sort());
    }
  });

  it('narrows to entitlement IDs, and refuses two of entitlements/access-profiles/roles', async () => {
    const { certification } = await searchCertification(3);
    const items = await allItems(certification.id!);
    const entitlement = items.find((i) => i.accessSummary?.access?.type === 'ENTITLEMENT')!;
    const id = entitlement.accessSummary!.access!.id!;
    const { data } = await isc.GET('/certifications/{id}/access-review-items', {
      params: { path: { id: certification.id! }, query: { entitlements: id } },
    });
    expect(data!.length).toBeGreaterThan(0);
    expect(data).toHaveLength(items.filter((i) => i.accessSummary?.access?.id === id).length);
    expect(data!.every((i) => i.accessSummary?.access?.id === id)).toBe(true);
    const both = await isc.GET('/certifications/{id}/access-review-items', {
      params: { path: { id: certification.id! }, query: { entitlements: id, roles: 'x' } },
    });
    expect(both.response.status).toBe(400);
    expect(errorText(both.error)).toContain('Only one of entitlements, access-profiles and roles');
  });
});

describe('makeIdentityDecision', () => {
  it('records decisions and updates decisionsMade and identitiesCompleted', async () => {
    const { certification } = await searchCertification(2);
    const items = await allItems(certification.id!);
    const first = items[0]!.identitySummary!.id;
    const ofFirst = items.filter((i) => i.identitySummary!.id === first);
    const { data, response } = await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certification.id! } },
      body: ofFirst.map((i) => ({ id: i.id!, decision: 'APPROVE' as const, bulk: true })),
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ decisionsMade: ofFirst.length, identitiesCompleted: 1 });
    const item = await isc.GET('/certifications/{id}/access-review-items', {
      params: { path: { id: certification.id! }, query: { filters: `id eq "${ofFirst[0]!.id!}"` } },
    });
    expect(item.data![0]).toMatchObject({ completed: true, decision: 'APPROVE' });
  });

  it.each([
    [
      'an unknown item',
      (id: string) => [{ id: 'nope', decision: 'APPROVE' as const, bulk: false }],
      'is not part of certification',
    ],
    [
      'proposedEndDate on APPROVE',
      (id: string) => [
        { id, decision: 'APPROVE' as const, bulk: false, proposedEndDate: '2031-01-01T00:00:00Z' },
      ],
      'only allowed on REVOKE',
    ],
    [
      'an unknown decision',
      (id: string) => [{ id, decision: 'MAYBE' as 'APPROVE', bulk: false }],
      "'[0].decision' must be one of",
    ],
    ['an empty list', () => [], 'must hold at least 1 item'],
  ])('refuses %s with 400 and changes nothing', async (_name, body, text) => {
    const { certification } = await searchCertification(1);
    const items = await allItems(certification.id!);
    const { error, response } = await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certification.id! } },
      body: [...body(items[0]!.id!), ...(body.length ? [] : [])],
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(text);
    const after = await isc.GET('/certifications/{id}', {
      params: { path: { id: certification.id! } },
    });
    expect(after.data?.decisionsMade).toBe(0);
  });

  it('requires comments on revokes when the campaign says so', async () => {
    const { certification } = await searchCertification(1, {
      mandatoryCommentRequirement: 'REVOKE_ONLY_DECISIONS',
    });
    const [item] = await allItems(certification.id!);
    const refused = await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certification.id! } },
      body: [{ id: item!.id!, decision: 'REVOKE', bulk: false }],
    });
    expect(errorText(refused.error)).toContain('requires a comment on REVOKE decisions');
    const accepted = await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certification.id! } },
      body: [{ id: item!.id!, decision: 'REVOKE', bulk: false, comments: 'Left the team' }],
    });
    expect(accepted.response.status).toBe(200);
  });
});

describe('signOffIdentityCertification', () => {
  it('refuses while items are undecided, with a 400 that says how many', async () => {
    const { certification } = await searchCertification(2);
    const { error, response } = await isc.POST('/certifications/{id}/sign-off', {
      params: { path: { id: certification.id! } },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toMatch(
      /cannot be signed off: \d+ of \d+ review items are still undecided/,
    );
  });

  it('signs once every item is decided, and completes the campaign with its last certification', async () => {
    const { certification, campaignId } = await searchCertification(2);
    const items = await allItems(certification.id!);
    await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certification.id! } },
      body: items.map((i, n) => ({
        id: i.id!,
        decision: n % 2 ? ('REVOKE' as const) : ('APPROVE' as const),
        bulk: true,
      })),
    });
    const { data, response } = await isc.POST('/certifications/{id}/sign-off', {
      params: { path: { id: certification.id! } },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ phase: 'SIGNED', completed: true });
    expect(data!.signed).toEqual(expect.any(String));
    const campaign = await isc.GET('/campaigns/{id}', { params: { path: { id: campaignId } } });
    expect(campaign.data).toMatchObject({ status: 'COMPLETED', completedCertifications: 1 });
    const again = await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: certification.id! } },
      body: [{ id: items[0]!.id!, decision: 'REVOKE', bulk: false }],
    });
    expect(again.response.status).toBe(400);
  });
});

describe('reassignIdentityCertifications (synchronous)', () => {
  it('moves an identity’s items to a new certification of the new reviewer', async () => {
    const { certification, campaignId } = await searchCertification(3);
    const summaries = await isc.GET('/certifications/{id}/identity-summaries', {
      params: { path: { id: certification.id! } },
    });
    const summary = summaries.data![0]!;
    const newReviewer = tenant.seed().identityIds[50]!;
    const { data, response } = await isc.POST('/certifications/{id}/reassign', {
      params: { path: { id: certification.id! } },
      body: {
        reassign: [{ id: summary.id!, type: 'IDENTITY_SUMMARY' }],
        reassignTo: newReviewer,
        reason: 'Knows them better',
      },
    });
    expect(response.status).toBe(200);
    expect(data!.identitiesTotal).toBe(2);
    const certs = await isc.GET('/certifications', {
      params: {
        query: { filters: `campaign.id eq "${campaignId}"`, 'reviewer-identity': newReviewer },
      },
    });
    expect(certs.data).toHaveLength(1);
    expect(certs.data![0]).toMatchObject({
      identitiesTotal: 1,
      reassignment: {
        from: { id: certification.id, type: 'CERTIFICATION' },
        comment: 'Knows them better',
      },
    });
  });

  it('refuses more than 50 references and the current reviewer', async () => {
    const { certification } = await searchCertification(1);
    const many = Array.from({ length: 51 }, (_, n) => ({ id: String(n), type: 'ITEM' as const }));
    const tooMany = await isc.POST('/certifications/{id}/reassign', {
      params: { path: { id: certification.id! } },
      body: { reassign: many, reassignTo: tenant.seed().identityIds[5]!, reason: 'x' },
    });
    expect(errorText(tooMany.error)).toContain('At most 50');
    const self = await isc.POST('/certifications/{id}/reassign', {
      params: { path: { id: certification.id! } },
      body: {
        reassign: [{ id: 'x', type: 'ITEM' }],
        reassignTo: tenant.seed().adminIdentityId,
        reason: 'x',
      },
    });
    expect(errorText(self.error)).toContain('already reviews');
  });
});

describe('submitReassignCertsAsync, getCertificationTask and getPendingCertificationTasks', () => {
  it('queues a REASSIGN task, lists it while pending, and moves the item when it runs', async () => {
    const clock = testClock();
    const { tenant: slow, isc: api } = await startTestTenant({
      now: clock.now,
      backgroundDelayMs: 1000,
    });
    try {
      const seed = slow.seed();
      const { data: campaign } = await api.POST('/campaigns', {
        body: campaignBody({
          type: 'SEARCH',
          searchCampaignInfo: {
            type: 'IDENTITY',
            identityIds: seed.identityIds.slice(3, 5),
            reviewer: { type: 'IDENTITY', id: seed.adminIdentityId },
          },
        }),
      });
      clock.advance(1000);
      await api.POST('/campaigns/{id}/activate', {
        params: { path: { id: campaign!.id! } },
        body: {},
      });
      clock.advance(1000);
      const certs = await api.GET('/certifications', {
        params: { query: { filters: `campaign.id eq "${campaign!.id!}"` } },
      });
      const certificationId = certs.data![0]!.id!;
      const items = await api.GET('/certifications/{id}/access-review-items', {
        params: { path: { id: certificationId } },
      });
      const tasksBefore = slow.stats().tasksCreated;
      const { data: task, response } = await api.POST('/certifications/{id}/reassign-async', {
        params: { path: { id: certificationId } },
        body: {
          reassign: [{ id: items.data![0]!.id!, type: 'ITEM' }],
          reassignTo: seed.identityIds[7]!,
          reason: 'Async',
        },
      });
      expect(response.status).toBe(200);
      expect(slow.stats().tasksCreated).toBe(tasksBefore + 1);
      expect(task).toMatchObject({
        type: 'REASSIGN',
        targetType: 'CERTIFICATION',
        targetId: certificationId,
        status: 'QUEUED',
      });
      const pending = await api.GET('/certification-tasks', {
        params: { query: { filters: `targetId eq "${certificationId}"`, count: true } },
      });
      expect(pending.data!.map((t) => t.id)).toEqual([task!.id]);
      expect(pending.response.headers.get('X-Total-Count')).toBe('1');
      for (const filters of [`id eq "${task!.id!}"`, 'type eq "REASSIGN"']) {
        const listed = await api.GET('/certification-tasks', { params: { query: { filters } } });
        expect(
          listed.data!.map((t) => t.id),
          filters,
        ).toEqual([task!.id]);
      }
      clock.advance(1000);
      const done = await api.GET('/certification-tasks/{id}', {
        params: { path: { id: task!.id! } },
      });
      expect(done.data?.status).toBe('SUCCESS');
      const none = await api.GET('/certification-tasks', {
        params: { query: { filters: `type eq "REASSIGN"` } },
      });
      expect(none.data).toEqual([]);
      const source = await api.GET('/certifications/{id}', {
        params: { path: { id: certificationId } },
      });
      expect(source.data!.decisionsTotal).toBe(items.data!.length - 1);
    } finally {
      await slow.stop();
    }
  });

  it('answers 404 for an unknown task', async () => {
    const { response } = await isc.GET('/certification-tasks/{id}', {
      params: { path: { id: 'missing' } },
    });
    expect(response.status).toBe(404);
  });
});

describe('certification lists: reviewer-identity, filters and sorters', () => {
  it('reads reviewer-identity as me, an identity ID, an unknown ID (nothing) or empty (everyone)', async () => {
    const { certification } = await searchCertification(2);
    const seed = tenant.seed();
    const list = async (reviewer: string) =>
      (
        await isc.GET('/certifications', {
          params: { query: { 'reviewer-identity': reviewer, count: true } },
        })
      ).data!.map((c) => c.id);
    const everyone = await list('');
    const mine = await list('me');
    expect(everyone.length).toBeGreaterThan(0);
    expect(mine).toContain(certification.id);
    expect(await list(seed.adminIdentityId)).toEqual(mine);
    expect(await list('7'.repeat(32))).toEqual([]);
    const all = (await isc.GET('/certifications')).data!.map((c) => c.id);
    expect(everyone).toEqual(all);
  });

  it('filters by id and sorts by name, due and signed', async () => {
    const first = await searchCertification(1, { deadline: '2031-02-01T00:00:00Z' });
    const second = await searchCertification(1, { deadline: '2031-01-01T00:00:00Z' });
    const ids = [first.certification.id!, second.certification.id!];
    const sorted = async (sorters: string) =>
      (
        await isc.GET('/certifications', {
          params: { query: { filters: `id in ("${ids[0]}","${ids[1]}")`, sorters } },
        })
      ).data!.map((c) => c.id);
    expect(await sorted('due')).toEqual([ids[1], ids[0]]);
    expect(await sorted('-due')).toEqual([ids[0], ids[1]]);
    const names = [first.certification.name!, second.certification.name!];
    const byName = names[0]! < names[1]! ? ids : [ids[1], ids[0]];
    // Both directions, so one of them differs from the listed order whatever the random names.
    expect(await sorted('name')).toEqual(byName);
    expect(await sorted('-name')).toEqual([...byName].reverse());
    // Sign the one created second: it sorts first by signed either way, the unsigned one last.
    const items = await allItems(ids[1]!);
    await isc.POST('/certifications/{id}/decide', {
      params: { path: { id: ids[1]! } },
      body: items.map((i) => ({ id: i.id!, decision: 'APPROVE' as const, bulk: true })),
    });
    await isc.POST('/certifications/{id}/sign-off', { params: { path: { id: ids[1]! } } });
    expect(await sorted('signed')).toEqual([ids[1], ids[0]]);
    expect(await sorted('-signed')).toEqual([ids[1], ids[0]]);
  });

  it('answers 404 naming an unknown certification', async () => {
    const { response, error } = await isc.GET('/certifications/{id}', {
      params: { path: { id: 'nope' } },
    });
    expect(response.status).toBe(404);
    expect(errorText(error)).toBe('The certification with ID nope was not found.');
  });
});

describe('review item lists: access parameters, filters and sorters', () => {
  it('filters by type, identitySummary.id and access.id', async () => {
    const { certification } = await searchCertification(3);
    const items = await allItems(certification.id!);
    expect(items.length).toBeGreaterThan(3);
    const ids = (list: ReadonlyArray<{ id?: string }>) => list.map((i) => i.id).sort();
    const filtered = async (filters: string) =>
      ids(
        await unwrap(
          isc.GET('/certifications/{id}/access-review-items', {
            params: { path: { id: certification.id! }, query: { filters } },
          }),
        ),
      );
    const roles = items.filter((i) => i.accessSummary!.access!.type === 'ROLE');
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.length).toBeLessThan(items.length);
    expect(await filtered('type eq "ROLE"')).toEqual(ids(roles));
    const summaryId = items[0]!.identitySummary!.id!;
    const ofIdentity = items.filter((i) => i.identitySummary!.id === summaryId);
    expect(ofIdentity.length).toBeLessThan(items.length);
    expect(await filtered(`identitySummary.id eq "${summaryId}"`)).toEqual(ids(ofIdentity));
    const accessId = items[1]!.accessSummary!.access!.id!;
    const ofAccess = items.filter((i) => i.accessSummary!.access!.id === accessId);
    expect(ofAccess.length).toBeGreaterThan(0);
    expect(await filtered(`access.id eq "${accessId}"`)).toEqual(ids(ofAccess));
  });

  it('takes a comma-separated list with spaces, and only items of that kind', async () => {
    const { certification } = await searchCertification(5);
    const items = await allItems(certification.id!);
    const of = (type: string) => [
      ...new Set(
        items
          .filter((i) => i.accessSummary!.access!.type === type)
          .map((i) => i.accessSummary!.access!.id!),
      ),
    ];
    const entitlements = of('ENTITLEMENT').slice(0, 2);
    const roles = of('ROLE');
    expect(entitlements).toHaveLength(2);
    expect(roles.length).toBeGreaterThan(0);
    const list = async (query: Record<string, string>) =>
      (
        await isc.GET('/certifications/{id}/access-review-items', {
          params: { path: { id: certification.id! }, query },
        })
      ).data!.map((i) => i.id);
    const expected = items
      .filter((i) => entitlements.includes(i.accessSummary!.access!.id!))
      .map((i) => i.id);
    expect(await list({ entitlements: `${entitlements[0]}, ${entitlements[1]}` })).toEqual(
      expected,
    );
    // A role ID among entitlement IDs matches nothing: the parameter names the kind.
    expect(await list({ entitlements: roles[0]! })).toEqual([]);
    expect(await list({ roles: roles.join(',') })).toEqual(
      items.filter((i) => i.accessSummary!.access!.type === 'ROLE').map((i) => i.id),
    );
    const three = await isc.GET('/certifications/{id}/access-review-items', {
      params: {
        path: { id: certification.id! },
        query: { entitlements: 'a', 'access-profiles': 'b', roles: 'c' },
      },
    });
    expect(errorText(three.error)).toBe(
      'Only one of entitlements, access-profiles and roles can be used per request; got entitlements and access-profiles and roles.',
    );
  });

  it('filters by accessProfile.sourceName', async () => {
    const { certification } = await searchCertification(6);
    const items = await allItems(certification.id!);
    const profiles = items.filter((i) => i.accessSummary!.access!.type === 'ACCESS_PROFILE');
    expect(profiles.length).toBeGreaterThan(0);
    const source = profiles[0]!.accessSummary!.accessProfile!.entitlements![0]!.sourceName!;
    const { data } = await isc.GET('/certifications/{id}/access-review-items', {
      params: {
        path: { id: certification.id! },
        query: { filters: `accessProfile.sourceName eq "${source}"` },
      },
    });
    const expected = profiles.filter(
      (i) => i.accessSummary!.accessProfile!.entitlements![0]!.sourceName === source,
    );
    expect(data!.map((i) => i.id)).toEqual(expected.map((i) => i.id));
  });
});

describe('pending certification tasks by reviewer', () => {
  it('lists a queued task for its certification’s reviewer only, and names an unknown task', async () => {
    const clock = testClock();
    const { tenant: slow, isc: api } = await startTestTenant({
      now: clock.now,
      backgroundDelayMs: 1000,
      size: { identities: 20 },
    });
    try {
      const seed = slow.seed();
      const reviewer = seed.identityIds[2]!;
      const { data: campaign } = await api.POST('/campaigns', {
        body: campaignBody({
          type: 'SEARCH',
          searchCampaignInfo: {
            type: 'IDENTITY',
            identityIds: seed.identityIds.slice(5, 7),
            reviewer: { type: 'IDENTITY', id: reviewer },
          },
        }),
      });
      clock.advance(1000);
      await api.POST('/campaigns/{id}/activate', {
        params: { path: { id: campaign!.id! } },
        body: {},
      });
      clock.advance(1000);
      const [certification] = (
        await api.GET('/certifications', { params: { query: { 'reviewer-identity': reviewer } } })
      ).data!;
      const [item] = (
        await api.GET('/certifications/{id}/access-review-items', {
          params: { path: { id: certification!.id! } },
        })
      ).data!;
      const { data: task } = await api.POST('/certifications/{id}/reassign-async', {
        params: { path: { id: certification!.id! } },
        body: {
          reassign: [{ id: item!.id!, type: 'ITEM' }],
          reassignTo: seed.identityIds[9]!,
          reason: 'x',
        },
      });
      const pending = async (who?: string) =>
        (
          await api.GET('/certification-tasks', {
            params: { query: who === undefined ? {} : { 'reviewer-identity': who } },
          })
        ).data!.map((t) => t.id);
      expect(await pending()).toEqual([task!.id]);
      expect(await pending(reviewer)).toEqual([task!.id]);
      expect(await pending('me')).toEqual([]);
      const missing = await api.GET('/certification-tasks/{id}', {
        params: { path: { id: 'nope' } },
      });
      expect(errorText(missing.error)).toBe('The certification task with ID nope was not found.');
    } finally {
      await slow.stop();
    }
  });
});
