// Every response the tenant sends, as received over HTTP, conforms to the spec: its status is one
// the operation declares and its body validates (Ajv) against that status's schema, *closed*: a
// field the spec does not name fails, unless the spec allows extra fields there (see
// support/closed-response-schemas.ts). A scenario drives all 41 operations, including error
// answers, through @isc-sdk/client; the tenant's own self-check (`validateResponses`) is off, so
// this test is what catches a non-conforming answer.
import { operationMetadata, type OperationId } from '@isc-sdk/types';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { startMockTenant } from '../src/index.js';
import { OperationValidators } from '../src/validation/operation-validators.js';
import { campaignBody, templateBody } from './support/bodies.js';
import { ClosedResponseValidators } from './support/closed-response-schemas.js';
import { connect, days, testClock, type TenantClient } from './support/tenant-client.js';

interface Observed {
  readonly operationId: OperationId;
  readonly status: number;
  readonly body: unknown;
  readonly problems: readonly string[];
}

const observed: Observed[] = [];
const validators = new ClosedResponseValidators();
const byRoute = new Map(
  Object.values(operationMetadata).map((op) => [
    `${op.method} ${op.path}`,
    op.operationId as OperationId,
  ]),
);
const clock = testClock();
let tenant: MockTenant;
let isc: TenantClient;

beforeAll(async () => {
  tenant = await startMockTenant({
    now: clock.now,
    tokenLifetimeSeconds: 365 * 86_400,
    size: { identities: 60 },
  });
  isc = connect(tenant);
  isc.use({
    async onResponse({ request, response, schemaPath }) {
      const operationId = byRoute.get(`${request.method} ${schemaPath}`)!;
      const type = response.headers.get('content-type') ?? '';
      const text = await response.clone().text();
      const problems: string[] = [];
      let body: unknown;
      if (text !== '') {
        if (type.startsWith('application/json')) body = JSON.parse(text);
        else if (!type.startsWith('text/csv')) problems.push(`unexpected Content-Type ${type}`);
      }
      if (!type.startsWith('text/csv')) {
        const checked = validators.response(operationId, response.status, body);
        if (!checked.ok) problems.push(...checked.messages);
      }
      observed.push({ operationId, status: response.status, body, problems });
      return undefined;
    },
  });
});
afterAll(() => tenant.stop());

async function scenario(): Promise<void> {
  const seed = tenant.seed();
  await isc.GET('/campaigns/reports-configuration');
  await isc.PUT('/campaigns/reports-configuration', {
    body: { identityAttributeColumns: ['department'] },
  });

  const template = (await isc.POST('/campaign-templates', { body: templateBody() })).data!;
  const templatePath = { path: { id: template.id! } };
  await isc.GET('/campaign-templates', { params: { query: { count: true } } });
  await isc.GET('/campaign-templates/{id}', { params: templatePath });
  await isc.PATCH('/campaign-templates/{id}', {
    params: templatePath,
    body: [{ op: 'replace', path: '/description', value: 'x' }],
  });
  await isc.GET('/campaign-templates/{id}/schedule', { params: templatePath }); // 404
  await isc.PUT('/campaign-templates/{id}/schedule', {
    params: templatePath,
    body: {
      type: 'WEEKLY',
      hours: { type: 'LIST', values: ['9'] },
      days: { type: 'LIST', values: ['1'] },
    },
  });
  await isc.GET('/campaign-templates/{id}/schedule', { params: templatePath });
  await isc.DELETE('/campaign-templates/{id}/schedule', { params: templatePath });
  const generated = (await isc.POST('/campaign-templates/{id}/generate', { params: templatePath }))
    .data!;
  await isc.POST('/campaign-templates/{id}/generate', { params: { path: { id: 'unknown' } } }); // 400

  const search = campaignBody({
    type: 'SEARCH',
    deadline: new Date(clock.now() + days(3)).toISOString(),
    searchCampaignInfo: {
      type: 'IDENTITY',
      identityIds: seed.identityIds.slice(1, 4),
      reviewer: { type: 'IDENTITY', id: seed.adminIdentityId },
    },
  });
  const campaign = (await isc.POST('/campaigns', { body: search })).data!;
  const campaignPath = { path: { id: campaign.id! } };
  await isc.POST('/campaigns', { body: { ...search, type: 'NOPE' } as never }); // 400
  await isc.GET('/campaigns', { params: { query: { detail: 'FULL' } } });
  await isc.GET('/campaigns');
  await isc.GET('/campaigns/{id}', { params: campaignPath });
  await isc.GET('/campaigns/{id}', { params: { ...campaignPath, query: { detail: 'FULL' } } });
  await isc.GET('/campaigns/{id}', { params: { path: { id: 'unknown' } } }); // 404
  await isc.PATCH('/campaigns/{id}', {
    params: campaignPath,
    body: [{ op: 'replace', path: '/description', value: 'y' }],
  });
  await isc.POST('/campaigns/{id}/activate', { params: { path: { id: generated.id } }, body: {} });
  await isc.POST('/campaigns/{id}/activate', {
    params: campaignPath,
    body: { timeZone: '-05:00' },
  });

  const certifications = (
    await isc.GET('/certifications', {
      params: { query: { 'reviewer-identity': 'me', count: true } },
    })
  ).data!;
  const certification = certifications.find((c) => c.campaign?.id === campaign.id)!;
  const certificationPath = { path: { id: certification.id! } };
  await isc.GET('/certifications/{id}', { params: certificationPath });
  const items = (
    await isc.GET('/certifications/{id}/access-review-items', { params: certificationPath })
  ).data!;
  const withPermissions = items.filter((i) => i.accessSummary?.entitlement?.hasPermissions);
  for (const item of [...withPermissions.slice(0, 3), ...items.slice(0, 3)]) {
    await isc.GET('/certifications/{certificationId}/access-review-items/{itemId}/permissions', {
      params: { path: { certificationId: certification.id!, itemId: item.id! } },
    });
  }
  await isc.GET('/certifications/{id}/reviewers', { params: certificationPath });
  const summaries = (
    await isc.GET('/certifications/{id}/identity-summaries', { params: certificationPath })
  ).data!;
  await isc.GET('/certifications/{id}/identity-summaries/{identitySummaryId}', {
    params: { path: { id: certification.id!, identitySummaryId: summaries[0]!.id! } },
  });
  for (const type of ['ENTITLEMENT', 'ACCESS_PROFILE', 'ROLE'] as const) {
    await isc.GET('/certifications/{id}/access-summaries/{type}', {
      params: { path: { id: certification.id!, type } },
    });
  }
  await isc.GET('/certifications/{id}/decision-summary', { params: certificationPath });

  const task = (
    await isc.POST('/certifications/{id}/reassign-async', {
      params: certificationPath,
      body: {
        reassign: [{ id: items.at(-1)!.id!, type: 'ITEM' }],
        reassignTo: seed.identityIds[5]!,
        reason: 'async',
      },
    })
  ).data!;
  await isc.GET('/certification-tasks', { params: { query: { 'reviewer-identity': 'me' } } });
  await isc.GET('/certification-tasks/{id}', { params: { path: { id: task.id! } } });
  await isc.POST('/certifications/{id}/reassign', {
    params: certificationPath,
    body: {
      reassign: [{ id: items.at(-2)!.id!, type: 'ITEM' }],
      reassignTo: seed.identityIds[6]!,
      reason: 'sync',
    },
  });
  const remaining = (
    await isc.GET('/certifications/{id}/access-review-items', { params: certificationPath })
  ).data!;
  await isc.POST('/certifications/{id}/sign-off', { params: certificationPath }); // 400: undecided items
  await isc.POST('/certifications/{id}/decide', {
    params: certificationPath,
    body: remaining.map((item, n) => ({
      id: item.id!,
      decision: n % 3 ? ('APPROVE' as const) : ('REVOKE' as const),
      bulk: true,
    })),
  });
  await isc.POST('/certifications/{id}/sign-off', { params: certificationPath });

  await isc.POST('/campaigns/{id}/run-report/{type}', {
    params: { path: { id: campaign.id!, type: 'CAMPAIGN_STATUS_REPORT' } },
  });
  await isc.GET('/campaigns/{id}/reports', { params: campaignPath });
  await isc.POST('/campaigns/{id}/run-remediation-scan', { params: campaignPath });

  const manager = (
    await isc.GET('/certifications', {
      params: { query: { filters: `campaign.id eq "${generated.id}"`, limit: 1 } },
    })
  ).data!;
  await isc.POST('/campaigns/{id}/reassign', {
    params: { path: { id: generated.id } },
    body: {
      certificationIds: [manager[0]!.id!],
      reassignTo: { id: seed.identityIds[7]!, type: 'IDENTITY' },
      reason: 'admin',
    },
  });
  await isc.POST('/campaigns/{id}/complete', { params: { path: { id: generated.id } }, body: {} }); // 400: not past due
  clock.advance(days(20));
  await isc.POST('/campaigns/{id}/complete', {
    params: { path: { id: generated.id } },
    body: { autoCompleteAction: 'REVOKE' },
  });
  await isc.POST('/campaigns/delete', { body: { ids: [campaign.id!, generated.id] } });
  await isc.DELETE('/campaign-templates/{id}', { params: templatePath });

  const body = { indices: ['identities' as const], query: { query: '*' }, sort: ['id'] };
  const found = (await isc.POST('/search', { body, params: { query: { limit: 5, count: true } } }))
    .data!;
  await isc.POST('/search/count', { body });
  await isc.POST('/search/aggregate', {
    body: {
      ...body,
      aggregationType: 'SAILPOINT',
      aggregations: { bucket: { name: 'dept', field: 'attributes.department', type: 'TERMS' } },
    },
  });
  await isc.GET('/search/{index}/{id}', {
    params: { path: { index: 'identities', id: found[0]!.id } },
  });
  await isc.GET('/search/{index}/{id}', { params: { path: { index: 'roles', id: 'unknown' } } }); // 404
}

it('answers every one of the 41 operations with declared statuses and bodies that validate against the spec', async () => {
  await scenario();
  const broken = observed.filter((o) => o.problems.length > 0);
  expect(broken).toEqual([]);
  const succeeded = new Set(observed.filter((o) => o.status < 300).map((o) => o.operationId));
  expect([...succeeded].sort()).toEqual(Object.keys(operationMetadata).sort());
  expect(succeeded.size).toBe(41);
  const errors = new Set(observed.filter((o) => o.status >= 400).map((o) => o.status));
  expect(errors).toEqual(new Set([400, 404]));

  // The same answers with one invented field each fail: every operation's schema is closed.
  const spoilable = observed.filter(
    (o) => typeof o.body === 'object' && o.body !== null && !isEmptyList(o.body),
  );
  const spoiledOperations = new Set(spoilable.map((o) => o.operationId));
  // Those without: four answer with no body, and the pending tasks list is empty when read.
  expect(
    Object.keys(operationMetadata).filter((k) => !spoiledOperations.has(k as OperationId)),
  ).toEqual([
    'deleteCampaignTemplate',
    'setCampaignTemplateSchedule',
    'deleteCampaignTemplateSchedule',
    'getPendingCertificationTasks',
    'searchCount',
  ]);
  for (const { operationId, status, body } of spoilable) {
    const [spoiled, field] = withInventedField(body as object);
    const checked = validators.response(operationId, status, spoiled);
    expect({ operationId, status, ok: checked.ok }).toEqual({ operationId, status, ok: false });
    expect(checked.ok ? [] : checked.messages).toContain(
      `Response field '${field}' is not in the spec`,
    );
  }
});

function isEmptyList(body: object): boolean {
  return Array.isArray(body) && (body.length === 0 || typeof body[0] !== 'object');
}

/** A copy of a response body with a field the spec does not have, and that field's name. */
function withInventedField(body: object): [unknown, string] {
  if (Array.isArray(body)) {
    const [first, ...rest] = body as object[];
    return [[{ ...first, inventedField: 1 }, ...rest], '[0].inventedField'];
  }
  return [{ ...body, inventedField: 1 }, 'inventedField'];
}

it.each([
  [
    'a wrong field type',
    'getCampaign',
    200,
    { id: 5, name: 'x', description: null, type: 'MANAGER' },
    "Response field 'id' must be of type string or null",
  ],
  [
    'a missing required field',
    'getCampaignReports',
    200,
    [{ type: 'REPORT_RESULT', id: 'r' }],
    "Response field '[0].reportType' is required",
  ],
  [
    'a status the operation does not declare',
    'getCampaign',
    201,
    {},
    'The spec declares no 201 response for getCampaign',
  ],
  ['a body on a 204', 'searchCount', 204, {}, 'A 204 response of searchCount has no body'],
] as const)(
  'the conformance check itself catches %s',
  (_name, operationId, status, body, message) => {
    const checked = validators.response(operationId, status, body);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.messages).toContain(message);
  },
);

/** A full campaign body as the tenant sends it, for the cases below to spoil. */
function campaignResponse(): Record<string, unknown> {
  return {
    id: 'a'.repeat(32),
    name: 'Q3 review',
    description: 'x',
    deadline: '2031-06-30T17:00:00Z',
    type: 'MANAGER',
    emailNotificationEnabled: false,
    autoRevokeAllowed: false,
    recommendationsEnabled: false,
    status: 'ACTIVE',
    correlatedStatus: 'CORRELATED',
    created: '2030-01-01T09:00:00.000Z',
    modified: '2030-01-01T09:00:00.000Z',
    totalCertifications: 1,
    completedCertifications: 0,
    alerts: [],
    sourcesWithOrphanEntitlements: [],
    mandatoryCommentRequirement: 'NO_DECISIONS',
    sunsetCommentsRequired: true,
  };
}

it.each([
  [
    'a misspelled top-level field',
    'getCampaign',
    (() => {
      const { status, ...rest } = campaignResponse();
      return { ...rest, stauts: status };
    })(),
    "Response field 'stauts' is not in the spec",
  ],
  [
    'an invented field in a nested object',
    'getIdentityCertification',
    {
      id: 'c'.repeat(32),
      reviewer: { id: 'r', name: 'Reviewer', type: 'IDENTITY', emial: 'r@acme.example' },
    },
    "Response field 'reviewer.emial' is not in the spec",
  ],
  [
    'an invented field in a list item',
    'getCampaignReports',
    [
      {
        type: 'REPORT_RESULT',
        id: 'r',
        name: 'Campaign Status Report',
        status: 'SUCCESS',
        reportType: 'CAMPAIGN_STATUS_REPORT',
        lastRunAt: '2030-01-01T09:00:00.000Z',
        size: 12,
      },
    ],
    "Response field '[0].size' is not in the spec",
  ],
  [
    'an invented field next to the fields of an allOf (a search document)',
    'searchGet',
    { id: 'i', name: 'n', _type: 'role', enabled: true, rank: 1 },
    "Response field 'rank' is not in the spec",
  ],
] as const)(
  'the closed check catches %s, which the open schemas let through',
  (_name, operationId, body, message) => {
    const open = new OperationValidators().response(operationId, 200, body);
    expect(open).toEqual({ ok: true });
    const closed = validators.response(operationId, 200, body);
    expect(closed.ok).toBe(false);
    expect(closed.ok ? [] : closed.messages).toContain(message);
  },
);

it('the closed check accepts the fields the spec leaves open (identity attributes) and a full campaign', () => {
  expect(validators.response('getCampaign', 200, campaignResponse())).toEqual({ ok: true });
  const identity = {
    id: 'i',
    name: 'ada',
    _type: 'identity',
    attributes: { department: 'Finance', costCenter: 'CC-1', anything: { nested: true } },
  };
  expect(validators.response('searchGet', 200, identity)).toEqual({ ok: true });
});
