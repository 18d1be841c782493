import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { campaignBody, templateBody } from './support/bodies.js';
import {
  errorText,
  startTestTenant,
  testClock,
  type TenantClient,
} from './support/tenant-client.js';

let tenant: MockTenant;
let isc: TenantClient;
const clock = testClock(Date.parse('2030-03-16T08:30:00Z'));

beforeAll(async () => {
  ({ tenant, isc } = await startTestTenant({ now: clock.now }));
});
afterAll(() => tenant.stop());

async function createTemplate(overrides: Parameters<typeof templateBody>[0] = {}) {
  const { data, response } = await isc.POST('/campaign-templates', {
    body: templateBody(overrides),
  });
  expect(response.status).toBe(200);
  return data!;
}

const MONTHLY = {
  type: 'MONTHLY' as const,
  hours: { type: 'LIST' as const, values: ['17'] },
  days: { type: 'LIST' as const, values: ['15'] },
};

describe('createCampaignTemplate and getCampaignTemplate', () => {
  it('creates a template owned by the caller, answering 200 (not 201) as the spec says', async () => {
    const before = tenant.stats().templatesCreated;
    const template = await createTemplate({ name: 'Created template' });
    expect(tenant.stats().templatesCreated).toBe(before + 1);
    expect(template).toMatchObject({
      name: 'Created template',
      deadlineDuration: 'P2W',
      scheduled: false,
      created: '2030-03-16T08:30:00.000Z',
      modified: null,
      ownerRef: { id: tenant.seed().adminIdentityId, type: 'IDENTITY' },
      campaign: { name: '%Y-%m-%d Manager Review', type: 'MANAGER' },
    });
    const { data } = await isc.GET('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
    });
    expect(data).toEqual(template);
  });

  it.each([
    [
      'a deadlineDuration that is not ISO-8601',
      { deadlineDuration: 'two weeks' },
      '\'deadlineDuration\' is not an ISO-8601 duration: Invalid ISO-8601 duration "two weeks"',
    ],
    [
      'a lower-case deadlineDuration the backend would refuse, quoted as sent',
      { deadlineDuration: 'p2x' },
      'Invalid ISO-8601 duration "p2x": at position 2',
    ],
    [
      'a campaign without its type',
      { campaign: { name: 'x', description: null } as never },
      "'campaign.type' is required",
    ],
    [
      'a campaign breaking a type rule',
      { campaign: campaignBody({ correlatedStatus: 'UNCORRELATED' }) },
      "In 'campaign': Only SOURCE_OWNER campaigns can be UNCORRELATED",
    ],
  ])('refuses %s with 400', async (_name, overrides, text) => {
    const { error, response } = await isc.POST('/campaign-templates', {
      body: templateBody(overrides),
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(text);
  });

  it('answers 404 for an unknown template', async () => {
    const { response, error } = await isc.GET('/campaign-templates/{id}', {
      params: { path: { id: 'missing' } },
    });
    expect(response.status).toBe(404);
    expect(errorText(error)).toBe('The campaign template with ID missing was not found.');
  });
});

describe('getCampaignTemplates', () => {
  it('filters by name, sorts by name descending and counts', async () => {
    for (const name of ['Listed A', 'Listed C', 'Listed B']) await createTemplate({ name });
    const { data, response } = await isc.GET('/campaign-templates', {
      params: { query: { filters: 'name sw "Listed "', sorters: '-name', count: true, limit: 2 } },
    });
    expect(data!.map((t) => t.name)).toEqual(['Listed C', 'Listed B']);
    expect(response.headers.get('X-Total-Count')).toBe('3');
  });

  it('sorts by created and by modified, both ways', async () => {
    const start = clock.now();
    const first = await createTemplate({ name: 'Sorted by time 1' });
    clock.advance(60_000);
    const second = await createTemplate({ name: 'Sorted by time 2' });
    clock.advance(60_000);
    onTestFinished(() => clock.set(new Date(start).toISOString()));
    // Modified in the other order: the second first, then the first.
    for (const template of [second, first]) {
      await isc.PATCH('/campaign-templates/{id}', {
        params: { path: { id: template.id! } },
        body: [{ op: 'replace', path: '/description', value: 'Changed' }],
      });
      clock.advance(60_000);
    }
    const list = async (sorters: string) =>
      (
        await isc.GET('/campaign-templates', {
          params: { query: { filters: 'name sw "Sorted by time "', sorters } },
        })
      ).data!.map((t) => t.id);
    expect(await list('created')).toEqual([first.id, second.id]);
    expect(await list('-created')).toEqual([second.id, first.id]);
    expect(await list('modified')).toEqual([second.id, first.id]);
    expect(await list('-modified')).toEqual([first.id, second.id]);
  });

  it('supports the ordering operators on id', async () => {
    const a = await createTemplate({ name: 'Ordered' });
    const { data } = await isc.GET('/campaign-templates', {
      params: { query: { filters: `id ge "${a.id!}"` } },
    });
    expect(data!.length).toBeGreaterThan(0);
    expect(data!.map((t) => t.id)).toContain(a.id);
    expect(data!.every((t) => t.id! >= a.id!)).toBe(true);
  });
});

describe('patchCampaignTemplate', () => {
  it('patches the template and its embedded campaign, setting modified', async () => {
    const template = await createTemplate();
    const { data, response } = await isc.PATCH('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
      body: [
        { op: 'replace', path: '/name', value: 'Renamed template' },
        { op: 'replace', path: '/deadlineDuration', value: 'P1M' },
        { op: 'replace', path: '/campaign/name', value: 'Review %B %Y' },
      ],
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      name: 'Renamed template',
      deadlineDuration: 'P1M',
      campaign: { name: 'Review %B %Y' },
      modified: '2030-03-16T08:30:00.000Z',
    });
  });

  it.each([
    [
      'a read-only field',
      [{ op: 'replace' as const, path: '/created', value: '2020-01-01T00:00:00Z' }],
      'the patch changes created',
    ],
    [
      'a path that does not exist',
      [{ op: 'remove' as const, path: '/campaign/nothing' }],
      'Patch operation 0 (remove /campaign/nothing): the path does not exist',
    ],
    [
      'a failed test operation',
      [{ op: 'test' as const, path: '/name', value: 'other' }],
      'is not the tested value',
    ],
    [
      'a bad duration',
      [{ op: 'replace' as const, path: '/deadlineDuration', value: 'P' }],
      'deadlineDuration',
    ],
  ])('refuses %s with 400 and leaves the template unchanged', async (_name, body, text) => {
    const template = await createTemplate();
    const { error, response } = await isc.PATCH('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
      body,
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(text);
    const { data } = await isc.GET('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
    });
    expect(data).toEqual(template);
  });
});

describe('patchCampaignTemplate: whole-document rules', () => {
  it('refuses a patch whose result is not an object', async () => {
    const template = await createTemplate();
    const patches = [
      [{ op: 'replace' as const, path: '', value: 'x' }],
      [{ op: 'remove' as const, path: '' }],
      [{ op: 'replace' as const, path: '', value: [1] }],
    ];
    for (const body of patches) {
      const { error, response } = await isc.PATCH('/campaign-templates/{id}', {
        params: { path: { id: template.id! } },
        body,
      });
      expect(response.status).toBe(400);
      expect(errorText(error)).toBe('The patched template must still be an object.');
    }
  });

  it('names the fields it allows and the ones the patch changes', async () => {
    const template = await createTemplate();
    const { error } = await isc.PATCH('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
      body: [
        { op: 'replace', path: '/created', value: '2020-01-01T00:00:00Z' },
        { op: 'replace', path: '/scheduled', value: true },
      ],
    });
    expect(errorText(error)).toBe(
      'Only name, description, deadlineDuration, campaign can be patched; the patch changes created, scheduled.',
    );
  });

  it('checks the patched template against the schema, every problem listed', async () => {
    const template = await createTemplate();
    const { error, response } = await isc.PATCH('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
      body: [
        { op: 'replace', path: '/name', value: 5 },
        { op: 'remove', path: '/campaign/type' },
      ],
    });
    expect(response.status).toBe(400);
    const body = error as { messages: Array<{ text: string }>; causes: Array<{ text: string }> };
    // The first problem is the message, the others are causes: none is listed twice.
    expect(body.messages).toHaveLength(1);
    const all = [...body.messages, ...body.causes].map((m) => m.text);
    expect(all.length).toBeGreaterThan(1);
    expect(new Set(all).size).toBe(all.length);
    const texts = all.join(' | ');
    expect(texts).toContain("'name'");
    expect(texts).toContain("'campaign.type' is required");
  });
});

describe('patchCampaignTemplate: the campaign-type rules', () => {
  // A create request meets these rules in its schema; a patched template is checked against the
  // stored template's schema, so the tenant's own checks name what the patch broke.
  it.each([
    [
      'a SEARCH campaign without searchCampaignInfo',
      [{ op: 'replace' as const, path: '/campaign/type', value: 'SEARCH' }],
      "In 'campaign': A SEARCH campaign needs searchCampaignInfo.",
    ],
    [
      'a ROLE_COMPOSITION campaign without roleCompositionCampaignInfo',
      [{ op: 'replace' as const, path: '/campaign/type', value: 'ROLE_COMPOSITION' }],
      "In 'campaign': A ROLE_COMPOSITION campaign needs roleCompositionCampaignInfo.",
    ],
    [
      'searchCampaignInfo on a MANAGER campaign',
      [
        {
          op: 'add' as const,
          path: '/campaign/searchCampaignInfo',
          value: { type: 'IDENTITY', query: '*' },
        },
      ],
      "In 'campaign': searchCampaignInfo can only be set on SEARCH campaigns, not on MANAGER campaigns.",
    ],
    [
      'sourceOwnerCampaignInfo on a SEARCH campaign',
      [
        { op: 'replace' as const, path: '/campaign/type', value: 'SEARCH' },
        {
          op: 'add' as const,
          path: '/campaign/searchCampaignInfo',
          value: { type: 'IDENTITY', query: '*' },
        },
        { op: 'add' as const, path: '/campaign/sourceOwnerCampaignInfo', value: { sourceIds: [] } },
      ],
      "In 'campaign': sourceOwnerCampaignInfo can only be set on SOURCE_OWNER campaigns, not on SEARCH campaigns.",
    ],
    [
      'machineAccountCampaignInfo on a MANAGER campaign',
      [{ op: 'add' as const, path: '/campaign/machineAccountCampaignInfo', value: {} }],
      "In 'campaign': machineAccountCampaignInfo can only be set on MACHINE_ACCOUNT campaigns, not on MANAGER campaigns.",
    ],
  ])('refuses a patch that makes %s, and keeps the template', async (_name, body, text) => {
    const template = await createTemplate();
    const { error, response } = await isc.PATCH('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
      body,
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(text);
    const { data } = await isc.GET('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
    });
    expect(data).toEqual(template);
  });

  it('takes a patch that turns the campaign into a well-formed SEARCH campaign', async () => {
    const template = await createTemplate();
    const { data, response } = await isc.PATCH('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
      body: [
        { op: 'replace', path: '/campaign/type', value: 'SEARCH' },
        {
          op: 'add',
          path: '/campaign/searchCampaignInfo',
          value: { type: 'IDENTITY', query: '*' },
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(data?.campaign).toMatchObject({
      type: 'SEARCH',
      searchCampaignInfo: { type: 'IDENTITY', query: '*' },
    });
  });
});

describe('deleteCampaignTemplate', () => {
  it('deletes with 204, then answers 404', async () => {
    const template = await createTemplate();
    const before = tenant.stats().templatesDeleted;
    const { response } = await isc.DELETE('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
    });
    expect(response.status).toBe(204);
    expect(tenant.stats().templatesDeleted).toBe(before + 1);
    const again = await isc.DELETE('/campaign-templates/{id}', {
      params: { path: { id: template.id! } },
    });
    expect(again.response.status).toBe(404);
  });
});

describe('template schedules', () => {
  it('has no schedule at first (404), stores one with PUT (204), and deletes it (204, then 404)', async () => {
    const { id } = await createTemplate();
    const path = { path: { id: id! } };
    expect(
      (await isc.GET('/campaign-templates/{id}/schedule', { params: path })).response.status,
    ).toBe(404);
    const put = await isc.PUT('/campaign-templates/{id}/schedule', { params: path, body: MONTHLY });
    expect(put.response.status).toBe(204);
    const { data } = await isc.GET('/campaign-templates/{id}/schedule', { params: path });
    expect(data).toMatchObject(MONTHLY);
    expect((await isc.GET('/campaign-templates/{id}', { params: path })).data?.scheduled).toBe(
      true,
    );
    const removed = await isc.DELETE('/campaign-templates/{id}/schedule', { params: path });
    expect(removed.response.status).toBe(204);
    expect(
      (await isc.DELETE('/campaign-templates/{id}/schedule', { params: path })).response.status,
    ).toBe(404);
  });

  it('replaces an existing schedule', async () => {
    const { id } = await createTemplate();
    const path = { path: { id: id! } };
    await isc.PUT('/campaign-templates/{id}/schedule', { params: path, body: MONTHLY });
    const quarterly = {
      type: 'ANNUALLY' as const,
      hours: { type: 'LIST' as const, values: ['0'] },
      months: { type: 'LIST' as const, values: ['1'], interval: 3 },
      days: { type: 'LIST' as const, values: ['1'] },
    };
    await isc.PUT('/campaign-templates/{id}/schedule', { params: path, body: quarterly });
    expect(
      (await isc.GET('/campaign-templates/{id}/schedule', { params: path })).data,
    ).toMatchObject(quarterly);
  });

  it.each([
    [
      'months on a WEEKLY schedule',
      { ...MONTHLY, type: 'WEEKLY' as const, months: { type: 'LIST' as const, values: ['1'] } },
      "'months' is only allowed on ANNUALLY",
    ],
    [
      'a RANGE of dates on a CALENDAR schedule',
      {
        ...MONTHLY,
        type: 'CALENDAR' as const,
        days: { type: 'RANGE' as const, values: ['2030-01-01', '2030-02-01'] },
      },
      'CALENDAR schedules take a LIST',
    ],
    [
      'a RANGE without two values',
      { ...MONTHLY, hours: { type: 'RANGE' as const, values: ['1'] } },
      "'hours.values' must hold exactly two values",
    ],
    [
      'a WEEKLY schedule without days',
      { type: 'WEEKLY' as const, hours: MONTHLY.hours },
      "Request body field 'days' is required for WEEKLY schedules.",
    ],
    [
      'a MONTHLY schedule without days',
      { type: 'MONTHLY' as const, hours: MONTHLY.hours },
      "Request body field 'days' is required for MONTHLY schedules.",
    ],
    [
      'a RANGE of days without two values',
      { ...MONTHLY, days: { type: 'RANGE' as const, values: ['1', '2', '3'] } },
      "Request body field 'days.values' must hold exactly two values for a RANGE.",
    ],
    [
      'an unknown schedule type',
      { ...MONTHLY, type: 'DAILY' as 'MONTHLY' },
      "'type' must be one of",
    ],
  ])('refuses %s with 400', async (_name, body, text) => {
    const { id } = await createTemplate();
    const { error, response } = await isc.PUT('/campaign-templates/{id}/schedule', {
      params: { path: { id: id! } },
      body,
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain(text);
  });
});

describe('template schedules: what is accepted', () => {
  it.each([
    [
      'ANNUALLY without days',
      { type: 'ANNUALLY' as const, hours: { type: 'LIST' as const, values: ['0'] } },
    ],
    [
      'CALENDAR with a LIST of dates and no hours range',
      {
        type: 'CALENDAR' as const,
        hours: { type: 'LIST' as const, values: ['9'] },
        days: { type: 'LIST' as const, values: ['2030-12-31', '2031-06-30'] },
      },
    ],
    [
      'CALENDAR without days',
      { type: 'CALENDAR' as const, hours: { type: 'LIST' as const, values: ['9'] } },
    ],
    [
      'a RANGE of two hours and of two days on MONTHLY',
      {
        type: 'MONTHLY' as const,
        hours: { type: 'RANGE' as const, values: ['8', '17'] },
        days: { type: 'RANGE' as const, values: ['1', '15'] },
      },
    ],
  ])('stores %s', async (_name, body) => {
    const { id } = await createTemplate();
    const path = { path: { id: id! } };
    const put = await isc.PUT('/campaign-templates/{id}/schedule', { params: path, body });
    expect(put.response.status).toBe(204);
    const { data } = await isc.GET('/campaign-templates/{id}/schedule', { params: path });
    expect(data).toEqual(body);
  });

  it('needs a body, and names the template whose schedule is missing', async () => {
    const { id } = await createTemplate();
    const path = { path: { id: id! } };
    const empty = await isc.PUT('/campaign-templates/{id}/schedule', {
      params: path,
      body: undefined as never,
    });
    expect(empty.response.status).toBe(400);
    expect(errorText(empty.error)).toBe('A schedule is required in the request body.');
    const read = await isc.GET('/campaign-templates/{id}/schedule', { params: path });
    expect(errorText(read.error)).toBe(
      `The schedule of campaign template with ID ${id!} was not found.`,
    );
    const removed = await isc.DELETE('/campaign-templates/{id}/schedule', { params: path });
    expect(errorText(removed.error)).toBe(
      `The schedule of campaign template with ID ${id!} was not found.`,
    );
  });
});

describe('startGenerateCampaignTemplate', () => {
  it('generates a PENDING campaign named by the placeholders, due after deadlineDuration', async () => {
    const template = await createTemplate({
      campaign: campaignBody({
        name: '%Y-%m-%d Manager Review',
        description: 'Generated on %A %e %B at %H:%M',
        deadline: null,
      }),
    });
    const before = tenant.stats();
    const { data, response } = await isc.POST('/campaign-templates/{id}/generate', {
      params: { path: { id: template.id! } },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      name: '2030-03-16 Manager Review',
      description: 'Generated on Saturday 16 March at 08:30',
      type: 'CAMPAIGN',
      campaignType: 'MANAGER',
    });
    const campaign = await isc.GET('/campaigns/{id}', { params: { path: { id: data!.id } } });
    expect(campaign.data).toMatchObject({ status: 'STAGED', deadline: '2030-03-30T08:30:00.000Z' });
    const after = tenant.stats();
    expect(after.campaignsGenerated).toBe(before.campaignsGenerated + 1);
    expect(after.campaignsCreated).toBe(before.campaignsCreated);
  });

  it('generates a campaign that can be activated straight away', async () => {
    const template = await createTemplate();
    const { data } = await isc.POST('/campaign-templates/{id}/generate', {
      params: { path: { id: template.id! } },
    });
    const activate = await isc.POST('/campaigns/{id}/activate', {
      params: { path: { id: data!.id } },
      body: {},
    });
    expect(activate.response.status).toBe(202);
    expect(
      (await isc.GET('/campaigns/{id}', { params: { path: { id: data!.id } } })).data?.status,
    ).toBe('ACTIVE');
  });

  it('generates a campaign without a deadline from a template without deadlineDuration', async () => {
    const template = await createTemplate({ deadlineDuration: null });
    expect(template.deadlineDuration).toBeNull();
    const { data } = await isc.POST('/campaign-templates/{id}/generate', {
      params: { path: { id: template.id! } },
    });
    const campaign = await isc.GET('/campaigns/{id}', { params: { path: { id: data!.id } } });
    expect(campaign.data).toMatchObject({ name: '2030-03-16 Manager Review', deadline: null });
  });

  it('answers 400 naming the template and the reason when its deadline would be out of range', async () => {
    const template = await createTemplate({ deadlineDuration: 'P300000Y' });
    const { response, error } = await isc.POST('/campaign-templates/{id}/generate', {
      params: { path: { id: template.id! } },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe(
      `Campaign template ${template.id!} cannot generate a campaign: Adding P300000Y to 2030-03-16T08:30:00.000Z gives a date outside the supported range.`,
    );
  });

  it('answers 400 (the spec declares no 404) for an unknown template', async () => {
    const { response, error } = await isc.POST('/campaign-templates/{id}/generate', {
      params: { path: { id: 'nope' } },
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toBe('No campaign template has the ID nope.');
  });
});
