// Who reviews what, for every campaign type. Each campaign is created, activated and reviewed
// through @isc-sdk/client, and its certifications are compared with an expectation this file
// computes from the seeded directory as search shows it (each identity's manager and access, who
// owns which source and role), not from the tenant's own assignment code.
import { unwrap } from '@isc-sdk/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { campaignBody, type CampaignBody } from './support/bodies.js';
import { errorText, startTestTenant, type TenantClient } from './support/tenant-client.js';

/** One access an identity holds, as its identity document lists it. */
interface HeldAccess {
  readonly type: 'ENTITLEMENT' | 'ACCESS_PROFILE' | 'ROLE';
  readonly id: string;
  /** The source of an entitlement or access profile; roles have none. */
  readonly sourceId: string | undefined;
}

interface DirectoryIdentity {
  readonly id: string;
  readonly managerId: string | undefined;
  readonly department: string;
  readonly access: readonly HeldAccess[];
}

interface DirectoryRole {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
}

/** The seeded directory, read through search. */
interface DirectoryView {
  /** In directory order (the order of `seed().identityIds`). */
  readonly identities: readonly DirectoryIdentity[];
  readonly roles: readonly DirectoryRole[];
  readonly sourceOwner: ReadonlyMap<string, string>;
  readonly position: ReadonlyMap<string, number>;
}

/** What one certification should be: its reviewer and its identity-access pairs. */
interface ExpectedCertification {
  readonly reviewerId: string;
  readonly pairs: readonly string[];
}

let tenant: MockTenant;
let isc: TenantClient;
let directory: DirectoryView;

const pair = (identityId: string, accessId: string) => `${identityId} ${accessId}`;

async function readDirectory(): Promise<DirectoryView> {
  const seed = tenant.seed();
  const documents = new Map<string, DirectoryIdentity>();
  const sourceOwner = new Map<string, string>();
  const roleOwner = new Map<string, string>();
  for await (const d of isc.searchAll({ indices: ['identities'], query: { query: '*' } })) {
    documents.set(d.id, {
      id: d.id,
      managerId: d.manager?.id,
      department: String(d.attributes?.department),
      access: (d.access ?? []).map((a) => ({
        type: a.type as HeldAccess['type'],
        id: a.id!,
        sourceId: 'source' in a ? (a.source?.id ?? undefined) : undefined,
      })),
    });
    for (const source of d.owns?.sources ?? []) sourceOwner.set(source.id!, d.id);
    for (const role of d.owns?.roles ?? []) roleOwner.set(role.id!, d.id);
  }
  const roles: DirectoryRole[] = [];
  for await (const r of isc.searchAll({ indices: ['roles'], query: { query: '*' } })) {
    roles.push({ id: r.id, name: r.name, ownerId: r.owner!.id! });
  }
  // The owner on the role document and the identity that lists the role as owned agree.
  expect(roles).toHaveLength(seed.roleIds.length);
  for (const role of roles) expect(roleOwner.get(role.id)).toBe(role.ownerId);
  roles.sort((a, b) => seed.roleIds.indexOf(a.id) - seed.roleIds.indexOf(b.id));
  expect(documents.size).toBe(seed.identityIds.length);
  expect(sourceOwner.size).toBe(seed.sourceIds.length);
  return {
    identities: seed.identityIds.map((id) => documents.get(id)!),
    roles,
    sourceOwner,
    position: new Map(seed.identityIds.map((id, n) => [id, n])),
  };
}

beforeAll(async () => {
  ({ tenant, isc } = await startTestTenant({ size: { identities: 80 } }));
  directory = await readDirectory();
});
afterAll(() => tenant.stop());

/**
 * Groups pairs by reviewer, one expected certification per reviewer, ordered by the reviewer's
 * place in the directory (the order the tenant lists a campaign's certifications in).
 */
function byReviewer(
  entries: Iterable<{ reviewerId: string; identityId: string; accessId: string }>,
): ExpectedCertification[] {
  const groups = new Map<string, string[]>();
  for (const { reviewerId, identityId, accessId } of entries) {
    const list = groups.get(reviewerId) ?? [];
    list.push(pair(identityId, accessId));
    groups.set(reviewerId, list);
  }
  return [...groups.entries()]
    .sort((a, b) => directory.position.get(a[0])! - directory.position.get(b[0])!)
    .map(([reviewerId, pairs]) => ({ reviewerId, pairs: [...pairs].sort() }));
}

function* accessOf(identities: readonly DirectoryIdentity[]) {
  for (const identity of identities)
    for (const access of identity.access) yield { identity, access };
}

const admin = () => directory.identities[0]!;

/** A SEARCH campaign reviews each identity's access by its manager when no reviewer is set. */
function managerOrAdmin(identity: DirectoryIdentity): string {
  return identity.managerId ?? admin().id;
}

interface ActualCertification extends ExpectedCertification {
  readonly id: string;
  readonly identitiesTotal: number;
  readonly decisionsTotal: number;
  readonly itemIds: readonly string[];
}

/** Creates and activates a campaign; answers its id once it is ACTIVE. */
async function activate(overrides: Partial<CampaignBody>): Promise<string> {
  const created = await isc.POST('/campaigns', {
    body: campaignBody({ name: `Campaign ${Math.random()}`, ...overrides }),
  });
  expect(created.response.status).toBe(202);
  expect(created.data?.status).toBe('PENDING');
  const id = created.data!.id!;
  expect(created.data?.alerts).toEqual([]);
  const started = await isc.POST('/campaigns/{id}/activate', {
    params: { path: { id } },
    body: {},
  });
  expect(started.response.status).toBe(202);
  const campaign = await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }));
  expect(campaign.status).toBe('ACTIVE');
  if (overrides.type !== 'MACHINE_ACCOUNT') expect(campaign.alerts).toEqual([]);
  return id;
}

/** The campaign's certifications, in the order the tenant lists them, with their items. */
async function certificationsOf(campaignId: string): Promise<ActualCertification[]> {
  const listed = await unwrap(
    isc.GET('/certifications', {
      params: { query: { filters: `campaign.id eq "${campaignId}"` } },
    }),
  );
  const campaign = await unwrap(
    isc.GET('/campaigns/{id}', { params: { path: { id: campaignId } } }),
  );
  const result: ActualCertification[] = [];
  for (const certification of listed) {
    expect(certification.name).toBe(`${campaign.name} - ${certification.reviewer!.name}`);
    expect(certification).toMatchObject({
      due: campaignBody().deadline,
      phase: 'ACTIVE',
      completed: false,
      signed: null,
      decisionsMade: 0,
      identitiesCompleted: 0,
      hasErrors: false,
      errorMessage: null,
      reassignment: null,
      campaign: { id: campaignId, type: 'CAMPAIGN', campaignType: campaign.type },
    });
    const pairs: string[] = [];
    const itemIds: string[] = [];
    for await (const item of isc.paginate('/certifications/{id}/access-review-items', {
      params: { path: { id: certification.id! } },
    })) {
      pairs.push(pair(item.identitySummary!.identityId!, item.accessSummary!.access!.id!));
      itemIds.push(item.id!);
    }
    result.push({
      id: certification.id!,
      reviewerId: certification.reviewer!.id!,
      pairs: pairs.sort(),
      identitiesTotal: certification.identitiesTotal!,
      decisionsTotal: certification.decisionsTotal!,
      itemIds,
    });
  }
  return result;
}

/**
 * Checks the certifications against the expectation: the same reviewers in the same order, each
 * with exactly the expected pairs, and counters that match them.
 */
function expectCertifications(
  actual: readonly ActualCertification[],
  expected: readonly ExpectedCertification[],
): void {
  expect(expected.length).toBeGreaterThan(0);
  for (const certification of expected) expect(certification.pairs.length).toBeGreaterThan(0);
  expect(actual.map(({ reviewerId, pairs }) => ({ reviewerId, pairs }))).toEqual(expected);
  for (const certification of actual) {
    expect(certification.decisionsTotal).toBe(certification.pairs.length);
    const identities = new Set(certification.pairs.map((p) => p.split(' ')[0]));
    expect(certification.identitiesTotal).toBe(identities.size);
  }
}

/**
 * Reviews the campaign as reviewers do: decides every item of each certification and signs it
 * off, one certification after another. The campaign stays ACTIVE until the last sign-off.
 */
async function reviewAll(
  campaignId: string,
  certifications: readonly ActualCertification[],
): Promise<void> {
  expect(certifications.length).toBeGreaterThan(0);
  for (const [n, certification] of certifications.entries()) {
    for (let start = 0; start < certification.itemIds.length; start += 250) {
      const decided = await isc.POST('/certifications/{id}/decide', {
        params: { path: { id: certification.id } },
        body: certification.itemIds.slice(start, start + 250).map((id, k) => ({
          id,
          decision: (start + k) % 4 === 3 ? ('REVOKE' as const) : ('APPROVE' as const),
          bulk: true,
        })),
      });
      expect(decided.response.status).toBe(200);
    }
    const signed = await isc.POST('/certifications/{id}/sign-off', {
      params: { path: { id: certification.id } },
    });
    expect(signed.response.status).toBe(200);
    expect(signed.data).toMatchObject({
      phase: 'SIGNED',
      completed: true,
      decisionsMade: certification.itemIds.length,
    });
    const campaign = await unwrap(
      isc.GET('/campaigns/{id}', { params: { path: { id: campaignId } } }),
    );
    const last = n === certifications.length - 1;
    expect(campaign).toMatchObject({
      status: last ? 'COMPLETED' : 'ACTIVE',
      totalCertifications: certifications.length,
      completedCertifications: n + 1,
    });
  }
}

/** Creates, activates, checks and reviews one campaign. */
async function runCampaign(
  overrides: Partial<CampaignBody>,
  expected: readonly ExpectedCertification[],
): Promise<ActualCertification[]> {
  const id = await activate(overrides);
  const certifications = await certificationsOf(id);
  expectCertifications(certifications, expected);
  await reviewAll(id, certifications);
  return certifications;
}

describe('MANAGER campaigns', () => {
  it('give each manager one certification over the access of their direct reports, in directory order', async () => {
    const expected = byReviewer(
      [...accessOf(directory.identities)]
        .filter(({ identity }) => identity.managerId !== undefined)
        .map(({ identity, access }) => ({
          reviewerId: identity.managerId!,
          identityId: identity.id,
          accessId: access.id,
        })),
    );
    expect(expected.map((c) => c.reviewerId)).toEqual(tenant.seed().managerIds);
    expect(expected.length).toBeGreaterThan(2);
    await runCampaign({ type: 'MANAGER' }, expected);
  });
});

describe('SOURCE_OWNER campaigns', () => {
  function expectedFor(sourceIds: ReadonlySet<string>): ExpectedCertification[] {
    return byReviewer(
      [...accessOf(directory.identities)]
        .filter(({ access }) => access.type !== 'ROLE' && sourceIds.has(access.sourceId!))
        .map(({ identity, access }) => ({
          reviewerId: directory.sourceOwner.get(access.sourceId!)!,
          identityId: identity.id,
          accessId: access.id,
        })),
    );
  }

  it('give the owners of the listed sources their entitlements and access profiles, never roles', async () => {
    const sourceIds = tenant.seed().sourceIds.slice(1, 3);
    const expected = expectedFor(new Set(sourceIds));
    expect(expected).toHaveLength(2);
    const certifications = await runCampaign(
      { type: 'SOURCE_OWNER', sourceOwnerCampaignInfo: { sourceIds } },
      expected,
    );
    const roles = new Set(tenant.seed().roleIds);
    expect(
      certifications.flatMap((c) => c.pairs).filter((p) => roles.has(p.split(' ')[1]!)),
    ).toEqual([]);
  });

  it('cover every source when none is listed', async () => {
    const expected = expectedFor(new Set(tenant.seed().sourceIds));
    expect(expected.length).toBeGreaterThan(1);
    await runCampaign(
      { type: 'SOURCE_OWNER', sourceOwnerCampaignInfo: { sourceIds: [] } },
      expected,
    );
  });

  it.each([
    ['left out', {}],
    ['null', { sourceOwnerCampaignInfo: null }],
  ])('cover every source when sourceOwnerCampaignInfo is %s', async (_name, info) => {
    const expected = expectedFor(new Set(tenant.seed().sourceIds));
    expect(expected.length).toBeGreaterThan(1);
    await runCampaign({ type: 'SOURCE_OWNER', ...info }, expected);
  });

  it('refuse an unknown source ID at creation, naming it', async () => {
    const { response, error } = await isc.POST('/campaigns', {
      body: campaignBody({
        type: 'SOURCE_OWNER',
        sourceOwnerCampaignInfo: { sourceIds: ['0'.repeat(32)] },
      }),
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `sourceOwnerCampaignInfo.sourceIds: no source has the ID ${'0'.repeat(32)}.`,
    );
  });
});

describe('ROLE_COMPOSITION campaigns', () => {
  const remediatorRef = () => ({ type: 'IDENTITY' as const, id: admin().id });

  function holders(roles: readonly DirectoryRole[], reviewerId?: string) {
    return byReviewer(
      roles.flatMap((role) =>
        directory.identities
          .filter((identity) => identity.access.some((a) => a.id === role.id))
          .map((identity) => ({
            reviewerId: reviewerId ?? role.ownerId,
            identityId: identity.id,
            accessId: role.id,
          })),
      ),
    );
  }

  it('give each role owner the holders of the listed roles when no reviewer is set', async () => {
    const roles = directory.roles.filter((r) => holders([r]).some((c) => c.pairs.length > 0));
    const chosen = [roles[0]!, roles.find((r) => r.ownerId !== roles[0]!.ownerId)!];
    const expected = holders(chosen);
    expect(expected).toHaveLength(2);
    await runCampaign(
      {
        type: 'ROLE_COMPOSITION',
        roleCompositionCampaignInfo: {
          roleIds: chosen.map((r) => r.id),
          remediatorRef: remediatorRef(),
        },
      },
      expected,
    );
  });

  it('review a role listed twice once', async () => {
    const role = directory.roles.find((r) => holders([r]).length > 0)!;
    await runCampaign(
      {
        type: 'ROLE_COMPOSITION',
        roleCompositionCampaignInfo: {
          roleIds: [role.id, role.id],
          reviewer: { type: 'IDENTITY', id: admin().id },
          remediatorRef: remediatorRef(),
        },
      },
      holders([role], admin().id),
    );
  });

  it('give the reviewer the holders of the roles a query matches', async () => {
    const reviewerId = directory.identities[7]!.id;
    const matched = directory.roles.filter((r) =>
      r.name.toLowerCase().split(' ').includes('finance'),
    );
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.length).toBeLessThan(directory.roles.length);
    const expected = holders(matched, reviewerId);
    expect(expected).toHaveLength(1);
    await runCampaign(
      {
        type: 'ROLE_COMPOSITION',
        roleCompositionCampaignInfo: {
          query: 'name:Finance',
          reviewer: { type: 'IDENTITY', id: reviewerId },
          remediatorRef: remediatorRef(),
        },
      },
      expected,
    );
  });

  it('cover every role when neither roleIds nor a query is set', async () => {
    const expected = holders(directory.roles);
    expect(expected.length).toBeGreaterThan(1);
    await runCampaign(
      { type: 'ROLE_COMPOSITION', roleCompositionCampaignInfo: { remediatorRef: remediatorRef() } },
      expected,
    );
  });

  it.each([
    [
      'a governance group reviewer',
      { type: 'GOVERNANCE_GROUP' as const, id: '2'.repeat(32) },
      'roleCompositionCampaignInfo.reviewer: governance group reviewers are not supported by the mock tenant.',
    ],
    [
      'a reviewer without an ID',
      { type: 'IDENTITY' as const },
      'roleCompositionCampaignInfo.reviewer.id is required when a reviewer is set.',
    ],
    [
      'an unknown reviewer',
      { type: 'IDENTITY' as const, id: '3'.repeat(32) },
      `roleCompositionCampaignInfo.reviewer.id: no identity has the ID ${'3'.repeat(32)}.`,
    ],
  ])('refuse %s at creation, naming it', async (_name, reviewer, text) => {
    const { response, error } = await isc.POST('/campaigns', {
      body: campaignBody({
        type: 'ROLE_COMPOSITION',
        roleCompositionCampaignInfo: { reviewer, remediatorRef: remediatorRef() },
      }),
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(text);
  });

  it.each([
    ['an unknown ID', () => '0'.repeat(32)],
    ['the ID of an entitlement', () => tenant.seed().entitlementIds[0]!],
  ])('refuse %s in roleIds at creation, naming it', async (_name, id) => {
    const { response, error } = await isc.POST('/campaigns', {
      body: campaignBody({
        type: 'ROLE_COMPOSITION',
        roleCompositionCampaignInfo: { roleIds: [id()], remediatorRef: remediatorRef() },
      }),
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `roleCompositionCampaignInfo.roleIds: no role has the ID ${id()}.`,
    );
  });
});

describe('SEARCH campaigns', () => {
  const searchInfo = (info: Partial<NonNullable<CampaignBody['searchCampaignInfo']>>) => ({
    type: 'SEARCH' as const,
    searchCampaignInfo: { type: 'IDENTITY' as const, ...info },
  });

  function expectedFor(
    identities: readonly DirectoryIdentity[],
    reviewerId?: string,
    keep: (access: HeldAccess) => boolean = () => true,
  ): ExpectedCertification[] {
    return byReviewer(
      [...accessOf(identities)]
        .filter(({ access }) => keep(access))
        .map(({ identity, access }) => ({
          reviewerId: reviewerId ?? managerOrAdmin(identity),
          identityId: identity.id,
          accessId: access.id,
        })),
    );
  }

  it('by identities with a reviewer: one certification of the reviewer over their access', async () => {
    const identities = directory.identities.slice(20, 26);
    const reviewerId = directory.identities[3]!.id;
    const expected = expectedFor(identities, reviewerId);
    expect(expected).toHaveLength(1);
    await runCampaign(
      searchInfo({
        identityIds: identities.map((i) => i.id),
        reviewer: { type: 'IDENTITY', id: reviewerId },
      }),
      expected,
    );
  });

  it('by identities without a reviewer: each identity’s manager reviews it, the admin when it has none', async () => {
    // The admin has no manager; it is listed last to show that order of the IDs does not matter.
    const identities = [
      ...directory.identities.slice(1, 4),
      ...directory.identities.slice(40, 46),
      admin(),
    ];
    expect(admin().managerId).toBeUndefined();
    const expected = expectedFor(identities);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected[0]!.reviewerId).toBe(admin().id);
    await runCampaign(searchInfo({ identityIds: identities.map((i) => i.id) }), expected);
  });

  it('by identities listed twice: each identity is reviewed once', async () => {
    const identities = directory.identities.slice(30, 33);
    const reviewerId = admin().id;
    const ids = identities.map((i) => i.id);
    await runCampaign(
      searchInfo({
        identityIds: [...ids, ids[0]!, ids[2]!],
        reviewer: { type: 'IDENTITY', id: reviewerId },
      }),
      expectedFor(identities, reviewerId),
    );
  });

  it('by query without a reviewer: the identities the query matches, by their managers', async () => {
    const matched = directory.identities.filter((i) => i.department === 'Finance');
    expect(matched.length).toBeGreaterThan(1);
    expect(matched.length).toBeLessThan(directory.identities.length);
    await runCampaign(searchInfo({ query: 'attributes.department:Finance' }), expectedFor(matched));
  });

  it('by query with a reviewer: one certification of the reviewer', async () => {
    const matched = directory.identities.filter((i) => i.department === 'Legal');
    expect(matched.length).toBeGreaterThan(1);
    const reviewerId = directory.identities[9]!.id;
    await runCampaign(
      searchInfo({
        query: 'attributes.department:Legal',
        reviewer: { type: 'IDENTITY', id: reviewerId },
      }),
      expectedFor(matched, reviewerId),
    );
  });

  it('by access constraints: only the constrained access, and no identity that holds none of it', async () => {
    const identities = directory.identities.slice(10, 40);
    const entitlements = [
      ...new Set(
        identities.flatMap((i) =>
          i.access.filter((a) => a.type === 'ENTITLEMENT').map((a) => a.id),
        ),
      ),
    ].slice(0, 3);
    expect(entitlements).toHaveLength(3);
    const selected = new Set(entitlements);
    const keep = (a: HeldAccess) =>
      a.type === 'ROLE' || (a.type === 'ENTITLEMENT' && selected.has(a.id));
    const expected = expectedFor(identities, admin().id, keep);
    expect(expected).toHaveLength(1);
    const reviewed = new Set(expected[0]!.pairs.map((p) => p.split(' ')[0]));
    // The constraints drop access and identities, so the test shows both.
    expect(expected[0]!.pairs.length).toBeLessThan([...accessOf(identities)].length);
    expect(reviewed.size).toBeGreaterThan(0);
    expect(reviewed.size).toBeLessThan(identities.length);
    await runCampaign(
      searchInfo({
        identityIds: identities.map((i) => i.id),
        reviewer: { type: 'IDENTITY', id: admin().id },
        accessConstraints: [
          { type: 'ENTITLEMENT', operator: 'SELECTED', ids: entitlements },
          { type: 'ROLE', operator: 'ALL' },
        ],
      }),
      expected,
    );
  });

  it.each([
    ['with a reviewer', () => ({ type: 'IDENTITY' as const, id: admin().id })],
    ['without a reviewer', () => undefined],
  ])(
    'by access constraints the identities hold none of, %s: ACTIVE with no certification',
    async (_name, reviewer) => {
      const identities = directory.identities.slice(10, 14);
      const held = new Set(identities.flatMap((i) => i.access.map((a) => a.id)));
      const unheld = tenant.seed().entitlementIds.find((id) => !held.has(id));
      expect(unheld).toBeDefined();
      const id = await activate(
        searchInfo({
          identityIds: identities.map((i) => i.id),
          reviewer: reviewer(),
          accessConstraints: [{ type: 'ENTITLEMENT', operator: 'SELECTED', ids: [unheld!] }],
        }),
      );
      const campaign = await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }));
      expect(campaign).toMatchObject({ status: 'ACTIVE', totalCertifications: 0 });
      expect(await certificationsOf(id)).toEqual([]);
    },
  );

  it('by access constraints without a reviewer: the constrained access, by managers', async () => {
    const identities = directory.identities.filter((i) => i.department === 'Sales');
    const keep = (a: HeldAccess) => a.type === 'ACCESS_PROFILE';
    const expected = expectedFor(identities, undefined, keep);
    expect(expected.length).toBeGreaterThan(1);
    await runCampaign(
      searchInfo({
        query: 'attributes.department:Sales',
        accessConstraints: [{ type: 'ACCESS_PROFILE', operator: 'ALL' }],
      }),
      expected,
    );
  });

  it.each([
    [
      'an unknown identity',
      () => ({ identityIds: ['0'.repeat(32)] }),
      `searchCampaignInfo.identityIds: no identity has the ID ${'0'.repeat(32)}.`,
    ],
    [
      'an unknown reviewer',
      () => ({
        identityIds: [admin().id],
        reviewer: { type: 'IDENTITY' as const, id: '1'.repeat(32) },
      }),
      `searchCampaignInfo.reviewer.id: no identity has the ID ${'1'.repeat(32)}.`,
    ],
    [
      'a governance group reviewer',
      () => ({
        identityIds: [admin().id],
        reviewer: { type: 'GOVERNANCE_GROUP' as const, id: admin().id },
      }),
      'searchCampaignInfo.reviewer: governance group reviewers are not supported by the mock tenant.',
    ],
    [
      'a reviewer without an ID',
      () => ({ identityIds: [admin().id], reviewer: { type: 'IDENTITY' as const } }),
      'searchCampaignInfo.reviewer.id is required when a reviewer is set.',
    ],
    [
      'IDs on an ALL access constraint',
      () => ({
        identityIds: [admin().id],
        accessConstraints: [
          { type: 'ROLE' as const, operator: 'ALL' as const },
          { type: 'ROLE' as const, operator: 'ALL' as const, ids: [tenant.seed().roleIds[0]!] },
        ],
      }),
      'searchCampaignInfo.accessConstraints[1].ids is only allowed with operator SELECTED; ALL takes no IDs.',
    ],
    [
      'a SELECTED access constraint without IDs',
      () => ({
        identityIds: [admin().id],
        accessConstraints: [
          { type: 'ENTITLEMENT' as const, operator: 'SELECTED' as const, ids: [] },
        ],
      }),
      'searchCampaignInfo.accessConstraints[0].ids must list at least one ID with operator SELECTED.',
    ],
    [
      'an access constraint ID of another type',
      () => ({
        identityIds: [admin().id],
        accessConstraints: [
          {
            type: 'ACCESS_PROFILE' as const,
            operator: 'SELECTED' as const,
            ids: [tenant.seed().accessProfileIds[0]!, tenant.seed().roleIds[0]!],
          },
        ],
      }),
      () =>
        `searchCampaignInfo.accessConstraints[0].ids: no access profile has the ID ${tenant.seed().roleIds[0]!}.`,
    ],
    [
      'an entitlement ID on a ROLE access constraint',
      () => ({
        identityIds: [admin().id],
        accessConstraints: [
          {
            type: 'ROLE' as const,
            operator: 'SELECTED' as const,
            ids: [tenant.seed().entitlementIds[0]!],
          },
        ],
      }),
      () =>
        `searchCampaignInfo.accessConstraints[0].ids: no role has the ID ${tenant.seed().entitlementIds[0]!}.`,
    ],
    [
      'an unknown access constraint ID',
      () => ({
        identityIds: [admin().id],
        accessConstraints: [
          { type: 'ENTITLEMENT' as const, operator: 'SELECTED' as const, ids: ['4'.repeat(32)] },
        ],
      }),
      `searchCampaignInfo.accessConstraints[0].ids: no entitlement has the ID ${'4'.repeat(32)}.`,
    ],
    [
      'a query the search cannot use',
      () => ({ query: 'name:jo~' }),
      "The campaign's search query is not usable:",
    ],
  ])('refuse %s at creation with 400', async (_name, info, text) => {
    const { response, error } = await isc.POST('/campaigns', {
      body: campaignBody(searchInfo(info())),
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(typeof text === 'function' ? text() : text);
  });

  it('refuse a template whose campaign has a SELECTED access constraint without IDs', async () => {
    const { response, error } = await isc.POST('/campaign-templates', {
      body: {
        name: 'Constrained',
        description: 'x',
        campaign: campaignBody(
          searchInfo({
            query: '*',
            accessConstraints: [{ type: 'ROLE', operator: 'SELECTED' }],
          }),
        ),
      },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      "In 'campaign': searchCampaignInfo.accessConstraints[0].ids must list at least one ID with operator SELECTED.",
    );
  });
});

describe('MACHINE_ACCOUNT campaigns', () => {
  it('activate with no certifications and an INFO alert, as the seed has no machine accounts', async () => {
    const id = await activate({ type: 'MACHINE_ACCOUNT' });
    const campaign = await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }));
    expect(campaign).toMatchObject({ status: 'ACTIVE', totalCertifications: 0 });
    expect(campaign.alerts).toEqual([
      {
        level: 'INFO',
        localizations: [
          {
            locale: 'en-US',
            localeOrigin: 'DEFAULT',
            text: 'The mock tenant seeds no machine accounts to review.',
          },
        ],
      },
    ]);
    expect(await certificationsOf(id)).toEqual([]);
  });
});
