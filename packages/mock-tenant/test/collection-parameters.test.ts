// The standard collection parameters, checked for every operation that takes them, driven by the
// operation metadata generated from the spec (so a new list operation is covered automatically).
import {
  operationMetadata,
  type FilterFieldMetadata,
  type FilterOperator,
  type OperationId,
} from '@isc-sdk/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { errorText, fetchToken, startTestTenant } from './support/tenant-client.js';

let tenant: MockTenant;
let token: string;
let pathValues: Record<string, string>;

beforeAll(async () => {
  ({ tenant } = await startTestTenant({ preloadActiveCampaign: true, size: { identities: 30 } }));
  token = await fetchToken(tenant);
  const certificationId = tenant.preloaded!.certificationIds[0]!;
  const items = (await call('listIdentityAccessReviewItems', {}, { id: certificationId }))
    .body as Array<{ id: string }>;
  // A pending task, so the task list is not empty.
  await fetch(`${tenant.baseUrl}/certifications/${certificationId}/reassign-async`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      reassign: [{ id: items.at(-1)!.id, type: 'ITEM' }],
      reassignTo: tenant.seed().identityIds[3],
      reason: 'test',
    }),
  });
  pathValues = { id: certificationId, certificationId, itemId: items[0]!.id, type: 'ENTITLEMENT' };
});
afterAll(() => tenant.stop());

const all = Object.values(operationMetadata);
const paged = all.filter((op) => op.paged && op.method === 'GET');
const filterable = all.filter((op) => op.filters !== null && op.method === 'GET');
const sortable = all.filter((op) => op.sorters !== null && op.method === 'GET');
const unsortable = paged.filter((op) => op.sorters === null);

async function call(operationId: OperationId, query: Record<string, string>, path = pathValues) {
  const { path: template } = operationMetadata[operationId];
  const url = new URL(
    tenant.baseUrl +
      template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name]!)),
  );
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    total: response.headers.get('X-Total-Count'),
    body: (await response.json()) as unknown,
  };
}

/** A literal of the field's type, in the form the operator takes. */
function filterFor(field: string, operator: FilterOperator, meta: FilterFieldMetadata): string {
  const scalar = {
    string: `"${meta.enum?.[0] ?? 'x'}"`,
    number: '1',
    boolean: 'true',
    'date-time': '2030-01-01T00:00:00Z',
  }[meta.type];
  if (operator === 'pr') return `pr ${field}`;
  if (operator === 'isnull') return `${field} isnull`;
  if (operator === 'in' || operator === 'ca') return `${field} ${operator} (${scalar})`;
  return `${field} ${operator} ${scalar}`;
}

const everyFilter = filterable.flatMap((op) =>
  Object.entries(op.filters as Record<string, FilterFieldMetadata>).flatMap(([field, meta]) =>
    meta.operators.map((operator) => [op.operationId, filterFor(field, operator, meta)] as const),
  ),
);

const everySorter = sortable.flatMap((op) =>
  op.sorters!.flatMap((field) => [
    [op.operationId, field] as const,
    [op.operationId, `-${field}`] as const,
  ]),
);

describe('limit, offset and count', () => {
  it.each(paged.map((op) => [op.operationId, op.maxPageSize!] as const))(
    '%s: a limit above %i is a 400 naming limit',
    async (operationId, max) => {
      const { status, body } = await call(operationId, { limit: String(max + 1) });
      expect(status).toBe(400);
      expect(errorText(body)).toBe(`Query parameter 'limit' must be <= ${max}`);
    },
  );

  it.each(paged.map((op) => [op.operationId]))(
    '%s: a negative offset is a 400 naming offset',
    async (operationId) => {
      const { status, body } = await call(operationId, { offset: '-1' });
      expect(status).toBe(400);
      expect(errorText(body)).toBe("Query parameter 'offset' must be >= 0");
    },
  );

  it.each(paged.map((op) => [op.operationId]))(
    '%s: count=true sets X-Total-Count, and offset skips records',
    async (operationId) => {
      const everything = await call(operationId, { count: 'true' });
      expect(everything.status).toBe(200);
      const items = everything.body as unknown[];
      expect(everything.total).toBe(String(items.length));
      const page = await call(operationId, { offset: '1', limit: '1', count: 'true' });
      expect(page.body).toEqual(items.slice(1, 2));
      expect(page.total).toBe(String(items.length));
      expect((await call(operationId, {})).total).toBeNull();
    },
  );

  it('lists every paged GET operation of the spec', () => {
    expect(paged.map((op) => op.operationId).sort()).toEqual(
      [
        'getActiveCampaigns',
        'getCampaignTemplates',
        'getIdentityAccessSummaries',
        'getIdentityCertificationItemPermissions',
        'getIdentitySummaries',
        'getPendingCertificationTasks',
        'listCertificationReviewers',
        'listIdentityAccessReviewItems',
        'listIdentityCertifications',
      ].sort(),
    );
  });
});

describe('filters', () => {
  it.each(everyFilter)('%s accepts %s', async (operationId, filters) => {
    const { status, body } = await call(operationId, { filters });
    expect(status, errorText(body)).toBe(200);
  });

  it.each(filterable.map((op) => [op.operationId]))(
    '%s: an unknown field is a 400 that names it',
    async (operationId) => {
      const { status, body } = await call(operationId, { filters: 'nosuchfield eq "x"' });
      expect(status).toBe(400);
      expect(errorText(body)).toContain('"nosuchfield"');
    },
  );

  it.each(
    filterable.map((op) => {
      const [field, meta] = Object.entries(op.filters as Record<string, FilterFieldMetadata>)[0]!;
      const operator = (['co', 'gt', 'ca', 'eq'] as const).find(
        (o) => !meta.operators.includes(o),
      )!;
      return [op.operationId, field, operator] as const;
    }),
  )(
    '%s: %s with an unsupported operator (%s) is a 400 that names both',
    async (operationId, field, operator) => {
      const value = operator === 'ca' ? '("x")' : '"x"';
      const { status, body } = await call(operationId, {
        filters: `${field} ${operator} ${value}`,
      });
      expect(status).toBe(400);
      expect(errorText(body)).toContain(`"${field}"`);
      expect(errorText(body)).toContain(`"${operator}"`);
    },
  );

  it.each([
    ['upper-case operators', 'name EQ "x"'],
    ['an unterminated string', 'name eq "x'],
    ['a missing value', 'name eq'],
  ])('refuses %s with a 400 naming the filters parameter', async (_name, filters) => {
    const { status, body } = await call('getActiveCampaigns', { filters });
    expect(status).toBe(400);
    expect(errorText(body)).toMatch(/^Invalid filters parameter: /);
  });

  it('refuses filters on an operation that takes none', async () => {
    const { status, body } = await call('getCampaignReportsConfig', { filters: 'name eq "x"' });
    expect(status).toBe(400);
    expect(errorText(body)).toBe(
      'Invalid filters parameter: getCampaignReportsConfig takes no filters parameter.',
    );
  });

  it('applies filters: name sw is case-insensitive and status in matches either value', async () => {
    const { body } = await call('getActiveCampaigns', {
      filters: 'name sw "PRELOADED" and status in ("ACTIVE","STAGED")',
    });
    expect(body).toEqual([
      expect.objectContaining({ name: 'Preloaded access review', status: 'ACTIVE' }),
    ]);
  });
});

describe('sorters', () => {
  it.each(everySorter)('%s sorts by %s', async (operationId, sorters) => {
    const { status, body } = await call(operationId, { sorters });
    expect(status, errorText(body)).toBe(200);
  });

  it.each(sortable.map((op) => [op.operationId]))(
    '%s: an unknown sort field is a 400 that names it',
    async (operationId) => {
      const { status, body } = await call(operationId, { sorters: '-nosuchfield' });
      expect(status).toBe(400);
      expect(errorText(body)).toContain('"nosuchfield"');
    },
  );

  it.each(unsortable.map((op) => [op.operationId]))(
    '%s takes no sorters: 400',
    async (operationId) => {
      const { status, body } = await call(operationId, { sorters: 'id' });
      expect(status).toBe(400);
      expect(errorText(body)).toMatch(/^Invalid sorters parameter: /);
    },
  );

  it('sorts descending with a leading minus, then by the next key', async () => {
    const { body } = await call('listIdentityAccessReviewItems', {
      sorters: 'access.type,-access.name',
    });
    const keys = (body as Array<{ accessSummary: { access: { type: string; name: string } } }>).map(
      (i) => i.accessSummary.access,
    );
    for (let n = 1; n < keys.length; n++) {
      const [a, b] = [keys[n - 1]!, keys[n]!];
      expect(a.type <= b.type).toBe(true);
      if (a.type === b.type) expect(a.name.toLowerCase() >= b.name.toLowerCase()).toBe(true);
    }
  });
});
