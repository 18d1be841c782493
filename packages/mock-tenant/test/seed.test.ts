import { describe, expect, it } from 'vitest';
import { startMockTenant, type MockTenantOptions } from '../src/index.js';
import { connect } from './support/tenant-client.js';

async function withTenant<T>(
  options: MockTenantOptions,
  run: (tenant: Awaited<ReturnType<typeof startMockTenant>>) => Promise<T>,
) {
  const tenant = await startMockTenant(options);
  try {
    return await run(tenant);
  } finally {
    await tenant.stop();
  }
}

describe('the seeded directory', () => {
  it('holds 300 identities by default, the admin first, with managers, sources and access', async () => {
    const seed = await withTenant({}, async (tenant) => tenant.seed());
    expect(seed.identityIds).toHaveLength(300);
    expect(seed.identityIds[0]).toBe(seed.adminIdentityId);
    expect(seed.managerIds).toContain(seed.adminIdentityId);
    expect(seed.managerIds).toHaveLength(30);
    expect(seed.sourceIds).toHaveLength(6);
    expect(seed.entitlementIds).toHaveLength(150);
    expect(seed.accessProfileIds).toHaveLength(30);
    expect(seed.roleIds).toHaveLength(12);
    expect(new Set(seed.identityIds).size).toBe(300);
    expect(seed.identityIds.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });

  it('is the same for the same seed and different for another seed', async () => {
    const documents = (seed: number) =>
      withTenant({ seed, size: { identities: 25 } }, async (tenant) => {
        const isc = connect(tenant);
        const { data } = await isc.POST('/search', {
          body: { indices: ['identities'], query: { query: '*' } },
        });
        return data;
      });
    const [a, b, c] = [await documents(42), await documents(42), await documents(43)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toHaveLength(25);
  });

  it('takes its sizes from the size option', async () => {
    const seed = await withTenant(
      {
        size: {
          identities: 50,
          sources: 3,
          entitlementsPerSource: 10,
          accessProfiles: 4,
          roles: 2,
        },
      },
      async (tenant) => tenant.seed(),
    );
    expect(seed.identityIds).toHaveLength(50);
    expect(seed.sourceIds).toHaveLength(3);
    expect(seed.entitlementIds).toHaveLength(30);
    expect(seed.accessProfileIds).toHaveLength(4);
    expect(seed.roleIds).toHaveLength(2);
  });
});

describe('benchmark sizes', () => {
  // 4 identities and 7 access items: 28 distinct identity-access pairs in all.
  const tiny = { identities: 4, sources: 1, entitlementsPerSource: 5, accessProfiles: 1, roles: 1 };

  async function sizedItems(reviewItemsPerCertification: number) {
    return withTenant(
      { preloadActiveCampaign: true, size: { ...tiny, reviewItemsPerCertification } },
      async (tenant) => {
        const isc = connect(tenant);
        const id = tenant.preloaded!.certificationIds[0]!;
        const { data } = await isc.GET('/certifications/{id}/access-review-items', {
          params: { path: { id } },
        });
        return data!.map((i) => `${i.identitySummary!.identityId} ${i.accessSummary!.access!.id}`);
      },
    );
  }

  it('cuts a reviewer’s items to reviewItemsPerCertification, keeping the first', async () => {
    const all = await withTenant({ preloadActiveCampaign: true, size: tiny }, async (tenant) => {
      const isc = connect(tenant);
      const { data } = await isc.GET('/certifications/{id}/access-review-items', {
        params: { path: { id: tenant.preloaded!.certificationIds[0]! } },
      });
      return data!.map((i) => `${i.identitySummary!.identityId} ${i.accessSummary!.access!.id}`);
    });
    expect(all.length).toBeGreaterThan(3);
    const cut = await sizedItems(3);
    expect(cut).toHaveLength(3);
    expect(new Set(cut)).toEqual(new Set(all.slice(0, 3)));
    expect(await sizedItems(all.length)).toEqual(all);
    // One more than the reviewer has: every real pair stays, plus one padding pair.
    const more = await sizedItems(all.length + 1);
    expect(more).toHaveLength(all.length + 1);
    expect(new Set(more).size).toBe(all.length + 1);
    for (const pair of all) expect(more).toContain(pair);
  });

  it('pads with every other distinct pair first, and repeats pairs only beyond all of them', async () => {
    const padded = await sizedItems(28);
    expect(padded).toHaveLength(28);
    expect(new Set(padded).size).toBe(28);
    const beyond = await sizedItems(30);
    expect(beyond).toHaveLength(30);
    expect(new Set(beyond)).toEqual(new Set(padded));
  });

  it('preloads an ACTIVE campaign whose certification holds 50,000 review items, all distinct and pageable', async () => {
    await withTenant(
      { preloadActiveCampaign: true, size: { reviewItemsPerCertification: 50_000 } },
      async (tenant) => {
        const isc = connect(tenant);
        const id = tenant.preloaded!.certificationIds[0]!;
        const certification = await isc.GET('/certifications/{id}', { params: { path: { id } } });
        expect(certification.data).toMatchObject({
          decisionsTotal: 50_000,
          decisionsMade: 0,
          phase: 'ACTIVE',
        });
        const last = await isc.GET('/certifications/{id}/access-review-items', {
          params: { path: { id }, query: { offset: 49_990, limit: 250, count: true } },
        });
        expect(last.data).toHaveLength(10);
        expect(last.response.headers.get('X-Total-Count')).toBe('50000');
        const campaign = await isc.GET('/campaigns/{id}', {
          params: { path: { id: tenant.preloaded!.campaignId } },
        });
        expect(campaign.data).toMatchObject({ status: 'ACTIVE', totalCertifications: 1 });
        const pairs = await isc.GET('/certifications/{id}/access-review-items', {
          params: {
            path: { id },
            query: { filters: 'completed eq false', sorters: 'identitySummary.name', limit: 250 },
          },
        });
        const keys = pairs.data!.map(
          (item) => `${item.identitySummary!.identityId}/${item.accessSummary!.access!.id}`,
        );
        expect(new Set(keys).size).toBe(keys.length);
      },
    );
  });
});
