// The edges of the campaign state machine and of the settings a campaign is created with: exact
// deadline boundaries, deletes that land while background work is pending, what a delete takes with
// it, and the type-specific rules the schema cannot express.
import { unwrap } from '@isc-sdk/client';
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

async function create(overrides: Partial<CampaignBody> = {}): Promise<string> {
  return (await unwrap(isc.POST('/campaigns', { body: campaignBody(overrides) }))).id!;
}

const activate = (id: string, timeZone?: string) =>
  isc.POST('/campaigns/{id}/activate', {
    params: { path: { id } },
    body: timeZone === undefined ? {} : { timeZone },
  });

const status = async (id: string) =>
  (await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }))).status;

const remediatorRef = () => ({ type: 'IDENTITY' as const, id: tenant.seed().adminIdentityId });

describe('deadlines at the exact instant', () => {
  it('refuses to activate a campaign whose deadline is now: it is not in the future', async () => {
    const id = await create({ deadline: new Date(clock.now()).toISOString() });
    const { response, error } = await activate(id);
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `The campaign deadline ${new Date(clock.now()).toISOString()} is not in the future; a campaign can only be activated with a deadline in the future.`,
    );
  });

  it('completes a campaign whose deadline is exactly now, and not one a millisecond before', async () => {
    const deadline = new Date(clock.now() + days(1)).toISOString();
    const id = await create({ deadline });
    await unwrap(activate(id));
    clock.set(deadline);
    clock.advance(-1);
    try {
      const early = await isc.POST('/campaigns/{id}/complete', {
        params: { path: { id } },
        body: {},
      });
      expect(early.response.status).toBe(400);
      expect(errorText(early.error)).toBe(
        `Campaign ${id} is not past due (deadline ${deadline}); only past-due campaigns can be completed.`,
      );
      clock.advance(1);
      const due = await isc.POST('/campaigns/{id}/complete', {
        params: { path: { id } },
        body: {},
      });
      expect(due.response.status).toBe(202);
      expect(await status(id)).toBe('COMPLETED');
    } finally {
      clock.set('2030-01-01T09:00:00Z');
    }
  });

  it('refuses to complete a campaign that is not ACTIVE', async () => {
    const id = await create();
    const { response, error } = await isc.POST('/campaigns/{id}/complete', {
      params: { path: { id } },
      body: {},
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `Campaign ${id} is STAGED; only an ACTIVE campaign can be completed.`,
    );
  });

  it.each(['Z', '+02:00', '-0530', '+01'])('accepts the time zone %s', async (timeZone) => {
    const id = await create();
    expect((await activate(id, timeZone)).response.status).toBe(202);
  });

  it.each(['CET', 'Z+01:00', '+1:00', '+01:0'])(
    'refuses the time zone %s, naming it',
    async (timeZone) => {
      const id = await create();
      const { response, error } = await activate(id, timeZone);
      expect(response.status).toBe(400);
      expect(errorText(error)).toBe(
        `timeZone '${timeZone}' is not an ISO-8601 UTC offset (Z, ±hh:mm, ±hhmm or ±hh).`,
      );
      expect(await status(id)).toBe('STAGED');
    },
  );
});

describe('deleting campaigns', () => {
  it('takes the campaign’s certifications and their pending tasks with it, and counts the delete', async () => {
    const slowClock = testClock();
    const { tenant: slow, isc: api } = await startTestTenant({
      now: slowClock.now,
      backgroundDelayMs: 1000,
      size: { identities: 30 },
    });
    try {
      const seed = slow.seed();
      const id = (await unwrap(api.POST('/campaigns', { body: campaignBody() }))).id!;
      const other = (await unwrap(api.POST('/campaigns', { body: campaignBody() }))).id!;
      slowClock.advance(1000);
      for (const campaign of [id, other]) {
        await unwrap(
          api.POST('/campaigns/{id}/activate', { params: { path: { id: campaign } }, body: {} }),
        );
      }
      slowClock.advance(1000);
      const certificationsOf = (campaign: string) =>
        unwrap(
          api.GET('/certifications', {
            params: { query: { filters: `campaign.id eq "${campaign}"` } },
          }),
        );
      const reassignFirstItem = async (certificationId: string) => {
        const items = await unwrap(
          api.GET('/certifications/{id}/access-review-items', {
            params: { path: { id: certificationId } },
          }),
        );
        expect(items.length).toBeGreaterThan(0);
        return unwrap(
          api.POST('/certifications/{id}/reassign-async', {
            params: { path: { id: certificationId } },
            body: {
              reassign: [{ id: items[0]!.id!, type: 'ITEM' }],
              reassignTo: seed.identityIds[20]!,
              reason: 'x',
            },
          }),
        );
      };
      const certifications = await certificationsOf(id);
      expect(certifications.length).toBeGreaterThan(1);
      const reassign = await reassignFirstItem(certifications[0]!.id!);
      const otherCertifications = await certificationsOf(other);
      expect(otherCertifications.length).toBeGreaterThan(0);
      const otherTask = await reassignFirstItem(otherCertifications[0]!.id!);
      const move = await unwrap(
        api.POST('/campaigns/{id}/reassign', {
          params: { path: { id } },
          body: {
            certificationIds: [certifications[1]!.id!],
            reassignTo: { id: seed.identityIds[21]!, type: 'IDENTITY' },
            reason: 'x',
          },
        }),
      );
      const pending = await unwrap(api.GET('/certification-tasks'));
      expect(pending.map((t) => t.id).sort()).toEqual([reassign.id, move.id, otherTask.id].sort());

      const before = slow.stats().campaignsDeleted;
      await unwrap(api.POST('/campaigns/delete', { body: { ids: [id, id] } }));
      expect(slow.stats().campaignsDeleted).toBe(before + 1);
      // The other campaign's task stays.
      const kept = await unwrap(api.GET('/certification-tasks'));
      expect(kept.map((t) => t.id)).toEqual([otherTask.id]);
      for (const task of [reassign, move]) {
        const gone = await api.GET('/certification-tasks/{id}', {
          params: { path: { id: task.id! } },
        });
        expect(gone.response.status).toBe(404);
      }
      const left = await unwrap(
        api.GET('/certifications', { params: { query: { filters: `campaign.id eq "${id}"` } } }),
      );
      expect(left).toEqual([]);
      // The other campaign is untouched.
      expect(
        (await unwrap(api.GET('/campaigns/{id}', { params: { path: { id: other } } }))).id,
      ).toBe(other);
    } finally {
      await slow.stop();
    }
  });

  it('lands cleanly while activation or completion is still pending', async () => {
    const slowClock = testClock();
    const { tenant: slow, isc: api } = await startTestTenant({
      now: slowClock.now,
      backgroundDelayMs: 1000,
      size: { identities: 30 },
    });
    try {
      const activating = (await unwrap(api.POST('/campaigns', { body: campaignBody() }))).id!;
      const completing = (
        await unwrap(
          api.POST('/campaigns', {
            body: campaignBody({ deadline: new Date(slowClock.now() + days(1)).toISOString() }),
          }),
        )
      ).id!;
      const activate = (id: string) =>
        unwrap(api.POST('/campaigns/{id}/activate', { params: { path: { id } }, body: {} }));
      const statusOf = async (id: string) =>
        (await unwrap(api.GET('/campaigns/{id}', { params: { path: { id } } }))).status;
      slowClock.advance(1000);
      await activate(completing);
      slowClock.advance(1000 + days(2));
      await activate(activating);
      await unwrap(
        api.POST('/campaigns/{id}/complete', { params: { path: { id: completing } }, body: {} }),
      );
      expect(await statusOf(activating)).toBe('ACTIVATING');
      expect(await statusOf(completing)).toBe('COMPLETING');
      const created = slow.stats().certificationsCreated;
      await unwrap(api.POST('/campaigns/delete', { body: { ids: [activating, completing] } }));
      slowClock.advance(1000);
      const all = await api.GET('/certifications');
      expect(all.response.status).toBe(200);
      expect(all.data).toEqual([]);
      expect(slow.stats().certificationsCreated).toBe(created);
    } finally {
      await slow.stop();
    }
  });
});

describe('the preloaded campaign', () => {
  it('is ACTIVE from the first request on and stays ACTIVE: its staging step finds it past PENDING', async () => {
    const { tenant: preloaded, isc: api } = await startTestTenant({
      preloadActiveCampaign: true,
      size: { identities: 10 },
    });
    try {
      const id = preloaded.preloaded!.campaignId;
      for (const round of [1, 2]) {
        const campaign = await unwrap(api.GET('/campaigns/{id}', { params: { path: { id } } }));
        expect(campaign.status, `request ${round}`).toBe('ACTIVE');
      }
    } finally {
      await preloaded.stop();
    }
  });
});

describe('campaigns with nothing to review', () => {
  it('activates a ROLE_COMPOSITION campaign over a role nobody holds with no certification', async () => {
    const documents = await unwrap(
      isc.POST('/search', {
        params: { query: { limit: 10_000 } },
        body: { indices: ['identities'], query: { query: '*' } },
      }),
    );
    expect(documents).toHaveLength(tenant.seed().identityIds.length);
    const held = new Set(
      documents.flatMap((d) => ('access' in d ? (d.access ?? []).map((a) => a.id) : [])),
    );
    const unheld = tenant.seed().roleIds.filter((id) => !held.has(id));
    expect(unheld.length).toBeGreaterThan(0);
    const id = await create({
      type: 'ROLE_COMPOSITION',
      roleCompositionCampaignInfo: {
        roleIds: unheld,
        reviewer: { type: 'IDENTITY', id: tenant.seed().adminIdentityId },
        remediatorRef: remediatorRef(),
      },
    });
    await unwrap(activate(id));
    const campaign = await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }));
    expect(campaign).toMatchObject({ status: 'ACTIVE', totalCertifications: 0 });
    const certifications = await unwrap(
      isc.GET('/certifications', { params: { query: { filters: `campaign.id eq "${id}"` } } }),
    );
    expect(certifications).toEqual([]);
  });
});

describe('type-specific settings', () => {
  it('refuses a ROLE_COMPOSITION campaign without its info, and one with both roleIds and a query', async () => {
    const missing = await isc.POST('/campaigns', {
      body: campaignBody({ type: 'ROLE_COMPOSITION' }),
    });
    expect(missing.response.status).toBe(400);
    expect(errorText(missing.error)).toBe(
      "Request body field 'roleCompositionCampaignInfo' is required",
    );
    const both = await isc.POST('/campaigns', {
      body: campaignBody({
        type: 'ROLE_COMPOSITION',
        roleCompositionCampaignInfo: {
          roleIds: [tenant.seed().roleIds[0]!],
          query: 'name:Finance',
          remediatorRef: remediatorRef(),
        },
      }),
    });
    expect(both.response.status).toBe(400);
    expect(errorText(both.error)).toBe(
      'roleCompositionCampaignInfo takes at most one of roleIds and query.',
    );
  });

  it('takes a ROLE_COMPOSITION query when roleIds is empty', async () => {
    const id = await create({
      type: 'ROLE_COMPOSITION',
      roleCompositionCampaignInfo: {
        roleIds: [],
        query: 'name:Finance',
        remediatorRef: remediatorRef(),
      },
    });
    expect(await status(id)).toBe('STAGED');
  });

  it.each([
    ['neither a query nor identities', {}],
    ['an empty identity list and no query', { identityIds: [] }],
    ['both a query and identities', { query: '*', identityIds: ['x'] }],
  ])('refuses a SEARCH campaign with %s', async (_name, info) => {
    const { response, error } = await isc.POST('/campaigns', {
      body: campaignBody({ type: 'SEARCH', searchCampaignInfo: { type: 'IDENTITY', ...info } }),
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe('searchCampaignInfo needs exactly one of query or identityIds.');
  });

  it('takes a SEARCH query when identityIds is empty', async () => {
    const id = await create({
      type: 'SEARCH',
      searchCampaignInfo: {
        type: 'IDENTITY',
        query: 'attributes.department:Legal',
        identityIds: [],
      },
    });
    expect(await status(id)).toBe('STAGED');
  });

  it('lets a SOURCE_OWNER campaign be UNCORRELATED, and defaults the others to CORRELATED', async () => {
    const created = await unwrap(
      isc.POST('/campaigns', {
        body: campaignBody({
          type: 'SOURCE_OWNER',
          correlatedStatus: 'UNCORRELATED',
          sourceOwnerCampaignInfo: { sourceIds: [] },
        }),
      }),
    );
    expect(created).toMatchObject({ correlatedStatus: 'UNCORRELATED' });
    const plain = await unwrap(isc.POST('/campaigns', { body: campaignBody() }));
    expect(plain).toMatchObject({
      correlatedStatus: 'CORRELATED',
      mandatoryCommentRequirement: 'NO_DECISIONS',
    });
  });

  it.each([
    [
      'searchCampaignInfo',
      'SEARCH',
      { searchCampaignInfo: { type: 'IDENTITY' as const, query: '*' } },
    ],
    [
      'roleCompositionCampaignInfo',
      'ROLE_COMPOSITION',
      { roleCompositionCampaignInfo: { remediatorRef: { type: 'IDENTITY' as const, id: 'x' } } },
    ],
    ['machineAccountCampaignInfo', 'MACHINE_ACCOUNT', { machineAccountCampaignInfo: {} }],
  ])('refuses %s on a MANAGER campaign', async (field, type, extra) => {
    const { response, error } = await isc.POST('/campaigns', { body: campaignBody(extra) });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `Request body field '${field}' must be null or left out: ${field} is only for ${type} campaigns`,
    );
  });

  it('ignores the read-only fields a client echoes back', async () => {
    const created = await unwrap(
      isc.POST('/campaigns', {
        body: { ...campaignBody(), status: 'COMPLETED', totalCertifications: 99 } as never,
      }),
    );
    expect(created).toMatchObject({ status: 'PENDING', totalCertifications: 0 });
  });
});
