// What the campaign operations accept and refuse once a campaign exists: JSON Patch by status, the
// deadline of an ACTIVE campaign, the admin reassign's inputs, bulk delete's inputs, and reports and
// remediation scans (with what they count).
import { unwrap } from '@isc-sdk/client';
import type { Writable, components } from '@isc-sdk/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { campaignBody, type CampaignBody } from './support/bodies.js';
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
  ({ tenant, isc } = await startTestTenant({
    now: clock.now,
    tokenLifetimeSeconds: 365 * 86_400,
    size: { identities: 40 },
  }));
});
afterAll(() => tenant.stop());

async function staged(overrides: Partial<CampaignBody> = {}): Promise<string> {
  return (await unwrap(isc.POST('/campaigns', { body: campaignBody(overrides) }))).id!;
}

async function active(overrides: Partial<CampaignBody> = {}): Promise<string> {
  const id = await staged(overrides);
  await unwrap(isc.POST('/campaigns/{id}/activate', { params: { path: { id } }, body: {} }));
  return id;
}

type PatchOperation = Writable<components['schemas']['JsonPatchOperation']>;

const patch = (id: string, body: PatchOperation[]) =>
  isc.PATCH('/campaigns/{id}', { params: { path: { id } }, body });

describe('updateCampaign', () => {
  it('refuses a patch whose result is not an object', async () => {
    const id = await staged();
    const patches: PatchOperation[][] = [
      [{ op: 'replace', path: '', value: 5 }],
      [{ op: 'replace', path: '', value: ['x'] }],
      [{ op: 'remove', path: '' }],
    ];
    for (const operations of patches) {
      const { response, error } = await patch(id, operations);
      expect(response.status).toBe(400);
      expect(errorText(error)).toBe('The patched campaign must still be an object.');
    }
  });

  it('names every STAGED field it allows when a patch changes another', async () => {
    const id = await staged();
    const { response, error } = await patch(id, [
      { op: 'replace', path: '/type', value: 'SEARCH' },
      { op: 'replace', path: '/name', value: 'Fine' },
      { op: 'replace', path: '/sunsetCommentsRequired', value: false },
    ]);
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      'While STAGED, only name, description, recommendationsEnabled, deadline, emailNotificationEnabled, autoRevokeAllowed can be changed; the patch changes type, sunsetCommentsRequired.',
    );
    expect((await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }))).name).toBe(
      'Q3 Manager Review',
    );
  });

  it('refuses every change to a COMPLETED campaign', async () => {
    const id = await active({ deadline: new Date(clock.now() + days(1)).toISOString() });
    clock.advance(days(2));
    try {
      await unwrap(isc.POST('/campaigns/{id}/complete', { params: { path: { id } }, body: {} }));
      expect((await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }))).status).toBe(
        'COMPLETED',
      );
      const { response, error } = await patch(id, [
        { op: 'replace', path: '/description', value: 'Late' },
      ]);
      expect(response.status).toBe(400);
      expect(errorText(error)).toBe(`Campaign ${id} is COMPLETED; it cannot be changed.`);
    } finally {
      clock.advance(-days(2));
    }
  });

  it('lists every schema problem of the patched campaign: the first as the message, the rest as causes', async () => {
    const id = await staged();
    const { response, error } = await patch(id, [
      { op: 'replace', path: '/emailNotificationEnabled', value: 'yes' },
      { op: 'replace', path: '/autoRevokeAllowed', value: 'no' },
    ]);
    expect(response.status).toBe(400);
    const body = error as { messages: Array<{ text: string }>; causes: Array<{ text: string }> };
    const texts = [...body.messages, ...body.causes].map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts.join(' | ')).toContain('emailNotificationEnabled');
    expect(texts.join(' | ')).toContain('autoRevokeAllowed');
  });

  it('moves an ACTIVE campaign’s deadline only to a time after now', async () => {
    const id = await active();
    const now = new Date(clock.now()).toISOString();
    const patches: PatchOperation[][] = [
      [{ op: 'replace', path: '/deadline', value: now }],
      [{ op: 'replace', path: '/deadline', value: '2029-01-01T00:00:00Z' }],
      [{ op: 'remove', path: '/deadline' }],
    ];
    for (const operations of patches) {
      const { response, error } = await patch(id, operations);
      expect(response.status).toBe(400);
      expect(errorText(error)).toBe(
        'The deadline of an ACTIVE campaign can only move to a time in the future.',
      );
    }
    const later = new Date(clock.now() + 1).toISOString();
    const moved = await unwrap(patch(id, [{ op: 'replace', path: '/deadline', value: later }]));
    expect(moved.deadline).toBe(later);
  });

  it('lets a STAGED campaign’s deadline move anywhere: activation is what checks it', async () => {
    const id = await staged();
    const moved = await unwrap(
      patch(id, [{ op: 'replace', path: '/deadline', value: '2029-01-01T00:00:00Z' }]),
    );
    expect(moved).toMatchObject({ deadline: '2029-01-01T00:00:00Z', status: 'STAGED' });
  });

  it('accepts a patch that changes nothing on a past-due ACTIVE campaign', async () => {
    const id = await active({ deadline: new Date(clock.now() + days(1)).toISOString() });
    clock.advance(days(2));
    try {
      const same = await patch(id, [{ op: 'test', path: '/name', value: 'Q3 Manager Review' }]);
      expect(same.response.status).toBe(200);
      expect(same.data).toMatchObject({ id, status: 'ACTIVE' });
    } finally {
      clock.advance(-days(2));
    }
  });
});

describe('move (admin reassign) inputs', () => {
  it('needs certificationIds and a reassignTo identity, naming what is missing', async () => {
    const id = await active();
    const noIds = await isc.POST('/campaigns/{id}/reassign', {
      params: { path: { id } },
      body: { reassignTo: { id: tenant.seed().adminIdentityId, type: 'IDENTITY' }, reason: 'x' },
    });
    expect(noIds.response.status).toBe(400);
    expect(errorText(noIds.error)).toBe(
      "Request body field 'certificationIds' must list at least one certification.",
    );
    const [certification] = await unwrap(
      isc.GET('/certifications', { params: { query: { filters: `campaign.id eq "${id}"` } } }),
    );
    const noReviewer = await isc.POST('/campaigns/{id}/reassign', {
      params: { path: { id } },
      body: { certificationIds: [certification!.id!], reason: 'x' },
    });
    expect(noReviewer.response.status).toBe(400);
    expect(errorText(noReviewer.error)).toBe(
      "Request body field 'reassignTo.id' must be the ID of an identity; got nothing.",
    );
  });

  it('records an empty comment when no reason is given', async () => {
    const id = await active();
    const [certification] = await unwrap(
      isc.GET('/certifications', { params: { query: { filters: `campaign.id eq "${id}"` } } }),
    );
    const to = tenant.seed().identityIds[33]!;
    await unwrap(
      isc.POST('/campaigns/{id}/reassign', {
        params: { path: { id } },
        body: { certificationIds: [certification!.id!], reassignTo: { id: to, type: 'IDENTITY' } },
      }),
    );
    const moved = await unwrap(
      isc.GET('/certifications/{id}', { params: { path: { id: certification!.id! } } }),
    );
    expect(moved).toMatchObject({ reviewer: { id: to }, reassignment: { comment: '' } });
  });
});

describe('deleteCampaigns inputs', () => {
  it('needs ids, and names every unknown one in the 404', async () => {
    const none = await isc.POST('/campaigns/delete', { body: {} });
    expect(none.response.status).toBe(400);
    expect(errorText(none.error)).toBe("Request body field 'ids' must list at least one campaign.");
    const id = await staged();
    const missing = await isc.POST('/campaigns/delete', { body: { ids: ['a1', id, 'b2'] } });
    expect(missing.response.status).toBe(404);
    expect(errorText(missing.error)).toBe('The campaign with ID a1, b2 was not found.');
  });
});

describe('startCampaign and completeCampaign without options', () => {
  it('activates a campaign sent no body at all', async () => {
    const id = await staged();
    const started = await isc.POST('/campaigns/{id}/activate', { params: { path: { id } } });
    expect(started.response.status).toBe(202);
    const campaign = await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }));
    expect(campaign.status).toBe('ACTIVE');
  });

  it.each([
    ['an empty body', { body: {} }],
    ['no body at all', {}],
  ])('approves the open items when completing with %s', async (_name, body) => {
    const id = await active({ deadline: new Date(clock.now() + days(1)).toISOString() });
    clock.advance(days(2));
    try {
      await unwrap(isc.POST('/campaigns/{id}/complete', { params: { path: { id } }, ...body }));
      const [certification] = await unwrap(
        isc.GET('/certifications', { params: { query: { filters: `campaign.id eq "${id}"` } } }),
      );
      const items = await unwrap(
        isc.GET('/certifications/{id}/access-review-items', {
          params: { path: { id: certification!.id! } },
        }),
      );
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((i) => i.decision !== 'APPROVE')).toEqual([]);
    } finally {
      clock.advance(-days(2));
    }
  });
});

describe('reports and remediation scans', () => {
  it('refuse a campaign before activation, saying what is not available yet', async () => {
    const id = await staged();
    const report = await isc.POST('/campaigns/{id}/run-report/{type}', {
      params: { path: { id, type: 'CAMPAIGN_STATUS_REPORT' } },
    });
    expect(errorText(report.error)).toBe(
      `Campaign ${id} is STAGED; reporting is available once the campaign is active.`,
    );
    const scan = await isc.POST('/campaigns/{id}/run-remediation-scan', {
      params: { path: { id } },
    });
    expect(errorText(scan.error)).toBe(
      `Campaign ${id} is STAGED; a remediation scan is available once the campaign is active.`,
    );
  });

  it('refuse a PENDING campaign too, and list a report PENDING until its background work ran', async () => {
    const slowClock = testClock();
    const { tenant: slow, isc: api } = await startTestTenant({
      now: slowClock.now,
      backgroundDelayMs: 1000,
      size: { identities: 20 },
    });
    try {
      const id = (await unwrap(api.POST('/campaigns', { body: campaignBody() }))).id!;
      const early = await api.POST('/campaigns/{id}/run-report/{type}', {
        params: { path: { id, type: 'CAMPAIGN_STATUS_REPORT' } },
      });
      expect(errorText(early.error)).toBe(
        `Campaign ${id} is PENDING; reporting is available once the campaign is active.`,
      );
      slowClock.advance(1000);
      await unwrap(api.POST('/campaigns/{id}/activate', { params: { path: { id } }, body: {} }));
      // ACTIVATING is past STAGED: reports run.
      const before = slow.stats().reportsRun;
      await unwrap(
        api.POST('/campaigns/{id}/run-report/{type}', {
          params: { path: { id, type: 'CERTIFICATION_SIGNOFF_REPORT' } },
        }),
      );
      expect(slow.stats().reportsRun).toBe(before + 1);
      const pending = await unwrap(
        api.GET('/campaigns/{id}/reports', { params: { path: { id } } }),
      );
      expect(pending).toEqual([
        {
          type: 'REPORT_RESULT',
          id: expect.stringMatching(/^[0-9a-f]{32}$/),
          name: 'Certification Signoff Report',
          status: 'PENDING',
          reportType: 'CERTIFICATION_SIGNOFF_REPORT',
          lastRunAt: new Date(slowClock.now()).toISOString(),
        },
      ]);
      slowClock.advance(1000);
      const done = await unwrap(api.GET('/campaigns/{id}/reports', { params: { path: { id } } }));
      expect(done).toHaveLength(1);
      expect(done[0]!.status).toBe('SUCCESS');
    } finally {
      await slow.stop();
    }
  });
});
