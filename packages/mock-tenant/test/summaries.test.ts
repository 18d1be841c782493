import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { errorText, startTestTenant, type TenantClient } from './support/tenant-client.js';

let tenant: MockTenant;
let isc: TenantClient;
let certificationId: string;

beforeAll(async () => {
  // The preloaded campaign: one ACTIVE certification in which the admin reviews everyone.
  ({ tenant, isc } = await startTestTenant({
    preloadActiveCampaign: true,
    size: { identities: 40 },
  }));
  certificationId = tenant.preloaded!.certificationIds[0]!;
});
afterAll(() => tenant.stop());

const path = () => ({ path: { id: certificationId } });

async function items(filters?: string) {
  const { data } = await isc.GET('/certifications/{id}/access-review-items', {
    params: { ...path(), query: filters ? { filters } : {} },
  });
  return data!;
}

describe('getIdentityDecisionSummary', () => {
  it('counts decisions per access type, overall and for one identity', async () => {
    const all = await items();
    const summaryId = all[0]!.identitySummary!.id!;
    const ofOne = all.filter((i) => i.identitySummary!.id === summaryId);
    await isc.POST('/certifications/{id}/decide', {
      params: path(),
      body: ofOne.map((i, n) => ({
        id: i.id!,
        decision: n === 0 ? ('REVOKE' as const) : ('APPROVE' as const),
        bulk: true,
      })),
    });
    const count = (kind: string) =>
      ofOne.filter((i) => i.accessSummary!.access!.type === kind).length;
    const { data } = await isc.GET('/certifications/{id}/decision-summary', {
      params: { ...path(), query: { filters: `identitySummary.id eq "${summaryId}"` } },
    });
    expect(data).toMatchObject({
      entitlementDecisionsTotal: count('ENTITLEMENT'),
      accessProfileDecisionsTotal: count('ACCESS_PROFILE'),
      roleDecisionsTotal: count('ROLE'),
      accountDecisionsTotal: 0,
    });
    const made =
      data!.entitlementDecisionsMade! +
      data!.accessProfileDecisionsMade! +
      data!.roleDecisionsMade!;
    expect(made).toBe(ofOne.length);
    const revoked = data!.entitlementsRevoked! + data!.accessProfilesRevoked! + data!.rolesRevoked!;
    expect(revoked).toBe(1);
    const overall = await isc.GET('/certifications/{id}/decision-summary', { params: path() });
    const total =
      overall.data!.entitlementDecisionsTotal! +
      overall.data!.accessProfileDecisionsTotal! +
      overall.data!.roleDecisionsTotal!;
    expect(total).toBe(all.length);
  });

  it('refuses a filter field the operation does not support', async () => {
    const { response, error } = await isc.GET('/certifications/{id}/decision-summary', {
      params: { ...path(), query: { filters: 'completed eq true' } },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain('completed');
  });
});

describe('getIdentitySummaries and getIdentitySummary', () => {
  it('lists one summary per identity under review, filtered by name and sorted', async () => {
    const { data, response } = await isc.GET('/certifications/{id}/identity-summaries', {
      params: { ...path(), query: { sorters: 'name', count: true } },
    });
    expect(Number(response.headers.get('X-Total-Count'))).toBe(39);
    const names = data!.map((s) => s.name!.toLowerCase());
    expect(names).toEqual([...names].sort());
    const first = data![0]!;
    const byName = await isc.GET('/certifications/{id}/identity-summaries', {
      params: { ...path(), query: { filters: `name sw "${first.name!.slice(0, 3)}"` } },
    });
    const prefix = first.name!.slice(0, 3).toLowerCase();
    const expected = data!.filter((s) => s.name!.toLowerCase().startsWith(prefix));
    expect(expected.length).toBeGreaterThan(0);
    expect(byName.data).toHaveLength(expected.length);
    expect(byName.data!.every((s) => s.name!.startsWith(first.name!.slice(0, 3)))).toBe(true);
  });

  it('reports completed identities', async () => {
    const all = await items();
    const summaryId = all.at(-1)!.identitySummary!.id!;
    await isc.POST('/certifications/{id}/decide', {
      params: path(),
      body: all
        .filter((i) => i.identitySummary!.id === summaryId)
        .map((i) => ({ id: i.id!, decision: 'APPROVE' as const, bulk: true })),
    });
    const { data } = await isc.GET('/certifications/{id}/identity-summaries', {
      params: { ...path(), query: { filters: 'completed eq true' } },
    });
    expect(data!.length).toBeGreaterThan(0);
    expect(data!.map((s) => s.id)).toContain(summaryId);
    expect(data!.every((s) => s.completed === true)).toBe(true);
  });

  it('gets one summary by id, and 404 for an unknown one', async () => {
    const [item] = await items();
    const id = item!.identitySummary!.id!;
    const { data } = await isc.GET('/certifications/{id}/identity-summaries/{identitySummaryId}', {
      params: { path: { id: certificationId, identitySummaryId: id } },
    });
    expect(data).toMatchObject({
      id,
      identityId: item!.identitySummary!.identityId,
      name: item!.identitySummary!.name,
    });
    const missing = await isc.GET('/certifications/{id}/identity-summaries/{identitySummaryId}', {
      params: { path: { id: certificationId, identitySummaryId: 'nope' } },
    });
    expect(missing.response.status).toBe(404);
  });
});

describe('getIdentityAccessSummaries', () => {
  it.each(['ENTITLEMENT', 'ACCESS_PROFILE', 'ROLE'] as const)(
    'lists each distinct %s under review once',
    async (type) => {
      const all = await items(`access.type eq "${type}"`);
      const distinct = new Set(all.map((i) => i.accessSummary!.access!.id));
      const { data, response } = await isc.GET('/certifications/{id}/access-summaries/{type}', {
        params: {
          path: { id: certificationId, type },
          query: { count: true, sorters: 'access.name' },
        },
      });
      expect(distinct.size).toBeGreaterThan(0);
      expect(response.headers.get('X-Total-Count')).toBe(String(distinct.size));
      expect(data).toHaveLength(distinct.size);
      expect(data!.every((s) => s.access?.type === type)).toBe(true);
      const names = data!.map((s) => s.access!.name!.toLowerCase());
      expect(names).toEqual([...names].sort());
    },
  );

  it('filters entitlements by source name', async () => {
    const [first] = (
      await isc.GET('/certifications/{id}/access-summaries/{type}', {
        params: { path: { id: certificationId, type: 'ENTITLEMENT' } },
      })
    ).data!;
    const source = first!.entitlement!.sourceName!;
    const { data } = await isc.GET('/certifications/{id}/access-summaries/{type}', {
      params: {
        path: { id: certificationId, type: 'ENTITLEMENT' },
        query: { filters: `entitlement.sourceName eq "${source}"` },
      },
    });
    expect(data!.length).toBeGreaterThan(0);
    expect(data!.every((s) => s.entitlement?.sourceName === source)).toBe(true);
  });

  it('refuses an unknown access type naming the path parameter', async () => {
    const { response, error } = await isc.GET('/certifications/{id}/access-summaries/{type}', {
      params: { path: { id: certificationId, type: 'ACCOUNT' as 'ROLE' } },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain("Path parameter 'type' must be one of");
  });
});

describe('getIdentityCertificationItemPermissions', () => {
  async function itemWithPermissions() {
    for (const item of await items('access.type eq "ENTITLEMENT"')) {
      if (!item.accessSummary!.entitlement!.hasPermissions) continue;
      return item;
    }
    throw new Error('the seed has no entitlement with permissions under review');
  }

  const permissionsPath = (itemId: string) => ({ path: { certificationId, itemId } });

  it('lists the permissions of an entitlement under review', async () => {
    const item = await itemWithPermissions();
    const { data, response } = await isc.GET(
      '/certifications/{certificationId}/access-review-items/{itemId}/permissions',
      {
        params: { ...permissionsPath(item.id!), query: { count: true } },
      },
    );
    expect(response.status).toBe(200);
    expect(data!.length).toBeGreaterThan(0);
    expect(response.headers.get('X-Total-Count')).toBe(String(data!.length));
    expect(data![0]).toEqual({ rights: expect.any(Array), target: expect.any(String) });
  });

  it.each(['ROLE', 'ACCESS_PROFILE'])(
    'lists no permissions for a %s under review',
    async (type) => {
      const [item] = await items(`access.type eq "${type}"`);
      expect(item).toBeDefined();
      const { data, response } = await isc.GET(
        '/certifications/{certificationId}/access-review-items/{itemId}/permissions',
        { params: permissionsPath(item!.id!) },
      );
      expect(response.status).toBe(200);
      expect(data).toEqual([]);
    },
  );

  it('filters with one and joining target and rights, case-insensitively', async () => {
    const item = await itemWithPermissions();
    const all = (
      await isc.GET('/certifications/{certificationId}/access-review-items/{itemId}/permissions', {
        params: permissionsPath(item.id!),
      })
    ).data!;
    const wanted = all[0]!;
    const filters = `rights ca ("${wanted.rights![0]!.toLowerCase()}") and target eq "${wanted.target!.toLowerCase()}"`;
    const { data } = await isc.GET(
      '/certifications/{certificationId}/access-review-items/{itemId}/permissions',
      {
        params: { ...permissionsPath(item.id!), query: { filters } },
      },
    );
    expect(data!.length).toBeGreaterThan(0);
    expect(data).toContainEqual(wanted);
    expect(
      data!.every((p) => p.target === wanted.target && p.rights!.includes(wanted.rights![0]!)),
    ).toBe(true);
  });

  it.each([
    [
      'two filters on the same field',
      'target eq "A" and target eq "B"',
      'needs "and" to join terms on different fields',
    ],
    [
      'a second composite',
      'target eq "A" and rights ca ("READ") or target sw "B"',
      'allows one "and" or "or" per filter',
    ],
    ['a not composite', 'not target eq "A"', 'not'],
    ['an operator the field lacks', 'target co "A"', 'co'],
  ])('refuses %s with 400', async (_name, filters, text) => {
    const item = await itemWithPermissions();
    const { response, error } = await isc.GET(
      '/certifications/{certificationId}/access-review-items/{itemId}/permissions',
      {
        params: { ...permissionsPath(item.id!), query: { filters } },
      },
    );
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(text);
  });

  it('answers 404 for an item that is not in the certification', async () => {
    const { response } = await isc.GET(
      '/certifications/{certificationId}/access-review-items/{itemId}/permissions',
      {
        params: permissionsPath('nope'),
      },
    );
    expect(response.status).toBe(404);
  });
});

describe('listCertificationReviewers', () => {
  it('lists the reviewer with name and email, filtered by email', async () => {
    const { data } = await isc.GET('/certifications/{id}/reviewers', { params: path() });
    expect(data).toEqual([
      expect.objectContaining({
        type: 'IDENTITY',
        id: tenant.seed().adminIdentityId,
        name: 'Mock Admin',
      }),
    ]);
    const email = data![0]!.email!;
    const matched = await isc.GET('/certifications/{id}/reviewers', {
      params: {
        ...path(),
        query: { filters: `email sw "${email.slice(0, 4).toUpperCase()}"`, sorters: '-email' },
      },
    });
    expect(matched.data).toHaveLength(1);
    const none = await isc.GET('/certifications/{id}/reviewers', {
      params: { ...path(), query: { filters: 'name eq "Nobody"' } },
    });
    expect(none.data).toEqual([]);
  });

  it('answers 404 for an unknown certification', async () => {
    const { response } = await isc.GET('/certifications/{id}/reviewers', {
      params: { path: { id: 'nope' } },
    });
    expect(response.status).toBe(404);
  });
});

describe('summary counters and filters, computed from the items themselves', () => {
  it('counts made, total, approved and revoked per access type, all sixteen fields', async () => {
    const all = await items();
    const identities = [...new Set(all.map((i) => i.identitySummary!.id!))].slice(3, 9);
    const chosen = all.filter((i) => identities.includes(i.identitySummary!.id!));
    await isc.POST('/certifications/{id}/decide', {
      params: path(),
      body: chosen.map((i, n) => ({
        id: i.id!,
        decision: n % 3 === 0 ? ('REVOKE' as const) : ('APPROVE' as const),
        bulk: true,
      })),
    });
    const now = await items();
    const count = (type: string, decision?: string) =>
      now.filter(
        (i) =>
          i.accessSummary!.access!.type === type &&
          (decision === undefined ||
            (decision === 'ANY' ? i.decision !== undefined : i.decision === decision)),
      ).length;
    const expected = {
      entitlementDecisionsMade: count('ENTITLEMENT', 'ANY'),
      accessProfileDecisionsMade: count('ACCESS_PROFILE', 'ANY'),
      roleDecisionsMade: count('ROLE', 'ANY'),
      accountDecisionsMade: 0,
      entitlementDecisionsTotal: count('ENTITLEMENT'),
      accessProfileDecisionsTotal: count('ACCESS_PROFILE'),
      roleDecisionsTotal: count('ROLE'),
      accountDecisionsTotal: 0,
      entitlementsApproved: count('ENTITLEMENT', 'APPROVE'),
      entitlementsRevoked: count('ENTITLEMENT', 'REVOKE'),
      accessProfilesApproved: count('ACCESS_PROFILE', 'APPROVE'),
      accessProfilesRevoked: count('ACCESS_PROFILE', 'REVOKE'),
      rolesApproved: count('ROLE', 'APPROVE'),
      rolesRevoked: count('ROLE', 'REVOKE'),
      accountsApproved: 0,
      accountsRevoked: 0,
    };
    // The mix is real: each type has approvals, and revokes and open items exist.
    expect(expected.entitlementsApproved).toBeGreaterThan(0);
    expect(expected.accessProfilesApproved).toBeGreaterThan(0);
    expect(expected.rolesApproved + expected.rolesRevoked).toBeGreaterThan(0);
    expect(expected.entitlementsRevoked + expected.accessProfilesRevoked).toBeGreaterThan(0);
    expect(expected.entitlementDecisionsMade).toBeLessThan(expected.entitlementDecisionsTotal);
    const { data } = await isc.GET('/certifications/{id}/decision-summary', { params: path() });
    expect(data).toEqual(expected);
  });

  it('filters access summaries by completed and by access profile source', async () => {
    const type = 'ACCESS_PROFILE' as const;
    const all = await items(`access.type eq "${type}"`);
    const byAccess = new Map<string, typeof all>();
    for (const item of all) {
      const id = item.accessSummary!.access!.id!;
      byAccess.set(id, [...(byAccess.get(id) ?? []), item]);
    }
    const completed = [...byAccess.entries()]
      .filter(([, list]) => list.every((i) => i.completed))
      .map(([id]) => id);
    const open = [...byAccess.keys()].filter((id) => !completed.includes(id));
    expect(completed.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    const summaries = (filters: string) =>
      isc
        .GET('/certifications/{id}/access-summaries/{type}', {
          params: { path: { id: certificationId, type }, query: { filters } },
        })
        .then((r) => r.data!.map((s) => s.access!.id!));
    expect((await summaries('completed eq true')).sort()).toEqual([...completed].sort());
    expect((await summaries('completed eq false')).sort()).toEqual([...open].sort());
    const profiles = await isc.GET('/certifications/{id}/access-summaries/{type}', {
      params: { path: { id: certificationId, type } },
    });
    const sourceName = (id: string) => {
      const document = profiles.data!.find((s) => s.access!.id === id)!;
      return document.accessProfile!.entitlements![0]!.sourceName!;
    };
    const wanted = sourceName(all[0]!.accessSummary!.access!.id!);
    const expected = [...byAccess.keys()].filter((id) => sourceName(id) === wanted).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(byAccess.size);
    expect((await summaries(`accessProfile.sourceName eq "${wanted}"`)).sort()).toEqual(expected);
    expect(await summaries(`entitlement.sourceName eq "${wanted}"`)).toEqual([]);
  });

  it('filters identity summaries by id and reviewers by id and name', async () => {
    const { data: summaries } = await isc.GET('/certifications/{id}/identity-summaries', {
      params: path(),
    });
    expect(summaries!.length).toBeGreaterThan(2);
    const picked = [summaries![1]!.id!, summaries![2]!.id!];
    const { data: byId } = await isc.GET('/certifications/{id}/identity-summaries', {
      params: { ...path(), query: { filters: `id in ("${picked[0]}","${picked[1]}")` } },
    });
    expect(byId!.map((s) => s.id)).toEqual(picked);
    const admin = tenant.seed().adminIdentityId;
    for (const filters of [`id eq "${admin}"`, 'name eq "mock admin"']) {
      const { data } = await isc.GET('/certifications/{id}/reviewers', {
        params: { ...path(), query: { filters } },
      });
      expect(data!.map((r) => r.id)).toEqual([admin]);
    }
    const { data: nobody } = await isc.GET('/certifications/{id}/reviewers', {
      params: { ...path(), query: { filters: `id eq "${'9'.repeat(32)}"` } },
    });
    expect(nobody).toEqual([]);
  });

  it('names what was not found', async () => {
    const summary = await isc.GET('/certifications/{id}/identity-summaries/{identitySummaryId}', {
      params: { path: { id: certificationId, identitySummaryId: 'nope' } },
    });
    expect(errorText(summary.error)).toBe('The identity summary with ID nope was not found.');
    const item = await isc.GET(
      '/certifications/{certificationId}/access-review-items/{itemId}/permissions',
      { params: { path: { certificationId, itemId: 'nope' } } },
    );
    expect(errorText(item.error)).toBe('The access review item with ID nope was not found.');
  });
});
