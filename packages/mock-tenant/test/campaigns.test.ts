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

let tenant: MockTenant;
let isc: TenantClient;
const clock = testClock();

beforeAll(async () => {
  ({ tenant, isc } = await startTestTenant({ now: clock.now, tokenLifetimeSeconds: 90 * 86_400 }));
});
afterAll(() => tenant.stop());

async function createCampaign(overrides: Parameters<typeof campaignBody>[0] = {}): Promise<string> {
  const { data, response } = await isc.POST('/campaigns', { body: campaignBody(overrides) });
  expect(response.status).toBe(202);
  return data!.id!;
}

async function activeCampaign(overrides: Parameters<typeof campaignBody>[0] = {}): Promise<string> {
  const id = await createCampaign(overrides);
  const { response } = await isc.POST('/campaigns/{id}/activate', {
    params: { path: { id } },
    body: {},
  });
  expect(response.status).toBe(202);
  return id;
}

async function status(id: string): Promise<string | null | undefined> {
  const { data } = await isc.GET('/campaigns/{id}', { params: { path: { id } } });
  return data?.status;
}

describe('createCampaign and getCampaign', () => {
  it('creates a PENDING campaign that is STAGED from the next request on', async () => {
    const before = tenant.stats().campaignsCreated;
    const { data, response } = await isc.POST('/campaigns', {
      body: campaignBody({ name: 'Staging check' }),
    });
    expect(response.status).toBe(202);
    expect(tenant.stats().campaignsCreated).toBe(before + 1);
    expect(data).toMatchObject({
      name: 'Staging check',
      status: 'PENDING',
      type: 'MANAGER',
      correlatedStatus: 'CORRELATED',
    });
    expect(data!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await status(data!.id!)).toBe('STAGED');
  });

  it('returns the full form with detail=FULL and the slim form by default', async () => {
    const id = await createCampaign({ mandatoryCommentRequirement: 'REVOKE_ONLY_DECISIONS' });
    const slim = await isc.GET('/campaigns/{id}', { params: { path: { id } } });
    const full = await isc.GET('/campaigns/{id}', {
      params: { path: { id }, query: { detail: 'FULL' } },
    });
    expect(slim.data).not.toHaveProperty('mandatoryCommentRequirement');
    expect(full.data).toMatchObject({
      id,
      mandatoryCommentRequirement: 'REVOKE_ONLY_DECISIONS',
      sunsetCommentsRequired: true,
    });
  });

  it('answers 404 with an ErrorResponseDto for an unknown campaign', async () => {
    const { error, response } = await isc.GET('/campaigns/{id}', {
      params: { path: { id: 'f'.repeat(32) } },
    });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({
      detailCode: '404 Not found',
      messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT' }],
    });
  });

  it('receives a hostile ID as one path segment and names it exactly in the 404', async () => {
    const id = '../campaigns/x?detail=FULL#frag %2F é';
    const { error, response } = await isc.GET('/campaigns/{id}', { params: { path: { id } } });
    expect(response.status).toBe(404);
    expect(errorText(error)).toBe(`The campaign with ID ${id} was not found.`);
  });

  it.each([
    [
      'type info on the wrong type',
      { sourceOwnerCampaignInfo: { sourceIds: [] } },
      "'sourceOwnerCampaignInfo' must be null or left out: sourceOwnerCampaignInfo is only for SOURCE_OWNER campaigns",
    ],
    [
      'UNCORRELATED outside SOURCE_OWNER',
      { correlatedStatus: 'UNCORRELATED' as const },
      'Only SOURCE_OWNER campaigns can be UNCORRELATED',
    ],
    ['SEARCH without its info', { type: 'SEARCH' as const }, "'searchCampaignInfo' is required"],
  ])('rejects %s with 400', async (_name, overrides, text) => {
    const { error, response } = await isc.POST('/campaigns', { body: campaignBody(overrides) });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(text);
  });
});

describe('getActiveCampaigns', () => {
  it('lists slim campaigns and full ones with detail=FULL', async () => {
    await createCampaign({ name: 'Listed campaign' });
    const slim = await isc.GET('/campaigns', {
      params: { query: { filters: 'name eq "Listed campaign"' } },
    });
    expect(slim.data).toHaveLength(1);
    expect(slim.data![0]).not.toHaveProperty('modified');
    const full = await isc.GET('/campaigns', {
      params: { query: { filters: 'name eq "Listed campaign"', detail: 'FULL' } },
    });
    expect(full.data![0]).toHaveProperty('modified');
  });

  it('filters by id and sorts by created both ways', async () => {
    const older = await createCampaign({ name: 'Created first' });
    clock.advance(60_000);
    const newer = await createCampaign({ name: 'Created second' });
    const list = async (sorters: string) =>
      (
        await unwrap(
          isc.GET('/campaigns', {
            params: { query: { filters: `id in ("${newer}","${older}")`, sorters } },
          }),
        )
      ).map((c) => c.id);
    expect(await list('created')).toEqual([older, newer]);
    expect(await list('-created')).toEqual([newer, older]);
    const byId = await unwrap(
      isc.GET('/campaigns', { params: { query: { filters: `id eq "${newer}"` } } }),
    );
    expect(byId.map((c) => c.id)).toEqual([newer]);
  });

  it('filters by status and sorts by name', async () => {
    await createCampaign({ name: 'Sorted campaign' });
    const { data } = await isc.GET('/campaigns', {
      params: { query: { filters: 'status in ("STAGED","ACTIVE")', sorters: '-name' } },
    });
    const names = data!.map((c) => c.name);
    expect(names).toContain('Sorted campaign');
    expect(names).toEqual(
      [...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })),
    );
    expect(data!.every((c) => c.status === 'STAGED' || c.status === 'ACTIVE')).toBe(true);
  });
});

describe('startCampaign (activation)', () => {
  it('refuses a deadline in the past with a 400 that says so', async () => {
    const id = await createCampaign({ deadline: '2029-12-31T00:00:00Z' });
    const { error, response } = await isc.POST('/campaigns/{id}/activate', {
      params: { path: { id } },
      body: {},
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      detailCode: '400.1 Bad Request Content',
      trackingId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(errorText(error)).toContain('not in the future');
    expect(await status(id)).toBe('STAGED');
  });

  it('refuses a campaign without a deadline', async () => {
    const id = await createCampaign({ deadline: null });
    const { error } = await isc.POST('/campaigns/{id}/activate', {
      params: { path: { id } },
      body: {},
    });
    expect(errorText(error)).toContain('has no deadline');
  });

  it('refuses a malformed time zone', async () => {
    const id = await createCampaign();
    const { response } = await isc.POST('/campaigns/{id}/activate', {
      params: { path: { id } },
      body: { timeZone: 'CET' },
    });
    expect(response.status).toBe(400);
  });

  it('activates a STAGED campaign and creates one certification per manager', async () => {
    const id = await activeCampaign();
    const { data } = await isc.GET('/campaigns/{id}', { params: { path: { id } } });
    expect(data).toMatchObject({
      status: 'ACTIVE',
      totalCertifications: tenant.seed().managerIds.length,
      completedCertifications: 0,
    });
    const again = await isc.POST('/campaigns/{id}/activate', {
      params: { path: { id } },
      body: {},
    });
    expect(again.response.status).toBe(400);
    expect(errorText(again.error)).toContain('only a STAGED campaign can be activated');
  });
});

describe('updateCampaign (JSON Patch)', () => {
  it('changes STAGED fields and returns the slim campaign', async () => {
    const id = await createCampaign();
    const { data, response } = await isc.PATCH('/campaigns/{id}', {
      params: { path: { id } },
      body: [
        { op: 'replace', path: '/name', value: 'Renamed' },
        { op: 'replace', path: '/emailNotificationEnabled', value: true },
      ],
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      name: 'Renamed',
      emailNotificationEnabled: true,
      status: 'STAGED',
    });
  });

  it('allows only the deadline while ACTIVE', async () => {
    const id = await activeCampaign();
    const refused = await isc.PATCH('/campaigns/{id}', {
      params: { path: { id } },
      body: [{ op: 'replace', path: '/name', value: 'Nope' }],
    });
    expect(refused.response.status).toBe(400);
    expect(errorText(refused.error)).toContain('only deadline can be changed');
    const moved = await isc.PATCH('/campaigns/{id}', {
      params: { path: { id } },
      body: [{ op: 'replace', path: '/deadline', value: '2031-12-31T00:00:00Z' }],
    });
    expect(moved.data?.deadline).toBe('2031-12-31T00:00:00Z');
  });

  it('rejects a patch whose result breaks the schema, naming the field', async () => {
    const id = await createCampaign();
    const { error, response } = await isc.PATCH('/campaigns/{id}', {
      params: { path: { id } },
      body: [{ op: 'replace', path: '/emailNotificationEnabled', value: 'yes' }],
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain('emailNotificationEnabled');
  });
});

describe('completeCampaign', () => {
  it('refuses a campaign that is not past due', async () => {
    const id = await activeCampaign();
    const { error, response } = await isc.POST('/campaigns/{id}/complete', {
      params: { path: { id } },
      body: {},
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain('not past due');
  });

  it('completes a past-due campaign, deciding open items with the chosen action', async () => {
    const id = await activeCampaign({ deadline: '2030-01-02T00:00:00Z' });
    clock.advance(days(2));
    try {
      const { response } = await isc.POST('/campaigns/{id}/complete', {
        params: { path: { id } },
        body: { autoCompleteAction: 'REVOKE' },
      });
      expect(response.status).toBe(202);
      expect(await status(id)).toBe('COMPLETED');
      const certs = await isc.GET('/certifications', {
        params: { query: { filters: `campaign.id eq "${id}"`, limit: 1 } },
      });
      expect(certs.data![0]).toMatchObject({ phase: 'SIGNED', completed: true });
      const summary = await isc.GET('/certifications/{id}/decision-summary', {
        params: { path: { id: certs.data![0]!.id! } },
      });
      expect(summary.data!.entitlementsApproved).toBe(0);
      expect(summary.data!.entitlementsRevoked).toBe(summary.data!.entitlementDecisionsTotal);
    } finally {
      clock.advance(-days(2));
    }
  });
});

describe('deleteCampaigns', () => {
  it('deletes campaigns with their certifications', async () => {
    const id = await activeCampaign();
    const certs = await isc.GET('/certifications', {
      params: { query: { filters: `campaign.id eq "${id}"`, limit: 1 } },
    });
    const { response } = await isc.POST('/campaigns/delete', { body: { ids: [id] } });
    expect(response.status).toBe(202);
    expect((await isc.GET('/campaigns/{id}', { params: { path: { id } } })).response.status).toBe(
      404,
    );
    const gone = await isc.GET('/certifications/{id}', {
      params: { path: { id: certs.data![0]!.id! } },
    });
    expect(gone.response.status).toBe(404);
  });

  it('answers 404 and deletes nothing when an ID is unknown', async () => {
    const id = await createCampaign();
    const { response } = await isc.POST('/campaigns/delete', {
      body: { ids: [id, '0'.repeat(32)] },
    });
    expect(response.status).toBe(404);
    expect(await status(id)).toBe('STAGED');
  });

  it('answers 400 for an empty list', async () => {
    const { response } = await isc.POST('/campaigns/delete', { body: { ids: [] } });
    expect(response.status).toBe(400);
  });
});

describe('move (admin reassign)', () => {
  it('queues an ADMIN_REASSIGN task that hands the certifications to the new reviewer', async () => {
    const id = await activeCampaign();
    const certs = await isc.GET('/certifications', {
      params: { query: { filters: `campaign.id eq "${id}"`, limit: 2 } },
    });
    const certificationIds = certs.data!.map((c) => c.id!);
    const reviewer = tenant.seed().identityIds[42]!;
    const { data, response } = await isc.POST('/campaigns/{id}/reassign', {
      params: { path: { id } },
      body: {
        certificationIds,
        reassignTo: { id: reviewer, type: 'IDENTITY' },
        reason: 'Manager on leave',
      },
    });
    expect(response.status).toBe(202);
    expect(data).toMatchObject({
      type: 'ADMIN_REASSIGN',
      targetType: 'CAMPAIGN',
      targetId: id,
      status: 'QUEUED',
    });
    const task = await isc.GET('/certification-tasks/{id}', {
      params: { path: { id: data!.id! } },
    });
    expect(task.data?.status).toBe('SUCCESS');
    const moved = await isc.GET('/certifications/{id}', {
      params: { path: { id: certificationIds[0]! } },
    });
    expect(moved.data?.reviewer?.id).toBe(reviewer);
    expect(moved.data?.reassignment?.comment).toBe('Manager on leave');
  });

  it('rejects certifications of another campaign', async () => {
    const id = await activeCampaign();
    const { response, error } = await isc.POST('/campaigns/{id}/reassign', {
      params: { path: { id } },
      body: {
        certificationIds: ['1'.repeat(32)],
        reassignTo: { id: tenant.seed().adminIdentityId, type: 'IDENTITY' },
        reason: 'x',
      },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain('is not part of campaign');
  });
});

describe('reports and remediation scans', () => {
  it('refuses reports and scans before activation', async () => {
    const id = await createCampaign();
    const report = await isc.POST('/campaigns/{id}/run-report/{type}', {
      params: { path: { id, type: 'CAMPAIGN_STATUS_REPORT' } },
    });
    expect(report.response.status).toBe(400);
    const scan = await isc.POST('/campaigns/{id}/run-remediation-scan', {
      params: { path: { id } },
    });
    expect(scan.response.status).toBe(400);
  });

  it.each([
    ['CAMPAIGN_COMPOSITION_REPORT', 'Campaign Composition Report'],
    ['CAMPAIGN_REMEDIATION_STATUS_REPORT', 'Campaign Remediation Status Report'],
    ['CAMPAIGN_STATUS_REPORT', 'Campaign Status Report'],
    ['CERTIFICATION_SIGNOFF_REPORT', 'Certification Signoff Report'],
  ] as const)('runs a %s, listed by its name once it ran', async (type, name) => {
    const id = await activeCampaign();
    const run = await isc.POST('/campaigns/{id}/run-report/{type}', {
      params: { path: { id, type } },
    });
    expect(run.response.status).toBe(202);
    const { data } = await isc.GET('/campaigns/{id}/reports', { params: { path: { id } } });
    expect(data).toEqual([
      expect.objectContaining({ type: 'REPORT_RESULT', reportType: type, status: 'SUCCESS', name }),
    ]);
  });

  it('rejects an unknown report type naming the path parameter', async () => {
    const id = await activeCampaign();
    const { error, response } = await isc.POST('/campaigns/{id}/run-report/{type}', {
      params: { path: { id, type: 'NOT_A_REPORT' as 'CAMPAIGN_STATUS_REPORT' } },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain("Path parameter 'type'");
  });

  it('starts a remediation scan on an active campaign', async () => {
    const id = await activeCampaign();
    const before = tenant.stats().remediationScans;
    const { data, response } = await isc.POST('/campaigns/{id}/run-remediation-scan', {
      params: { path: { id } },
    });
    expect(response.status).toBe(202);
    expect(data).toEqual({});
    expect(tenant.stats().remediationScans).toBe(before + 1);
  });
});

describe('reports configuration', () => {
  it('stores and returns the identity attribute columns', async () => {
    const initial = await isc.GET('/campaigns/reports-configuration');
    expect(initial.data).toEqual({ identityAttributeColumns: null });
    const put = await isc.PUT('/campaigns/reports-configuration', {
      body: { identityAttributeColumns: ['firstname', 'lastname'] },
    });
    expect(put.data).toEqual({ identityAttributeColumns: ['firstname', 'lastname'] });
    const read = await isc.GET('/campaigns/reports-configuration');
    expect(read.data).toEqual({ identityAttributeColumns: ['firstname', 'lastname'] });
  });
});
