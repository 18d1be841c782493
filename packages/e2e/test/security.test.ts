// Security end to end, through the public client against the mock tenant: hostile path parameters
// arrive as one segment, hostile filter values cannot change a filter's structure, and secrets never
// show up in what errors expose.
import { inspect } from 'node:util';
import { createIscClient, isIscError, unwrap, type IscClient } from '@isc-sdk/client';
import { filterFor } from '@isc-sdk/filters';
import { startMockTenant, type MockTenant } from '@isc-sdk/mock-tenant';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let tenant: MockTenant;
let isc: IscClient;

beforeAll(async () => {
  tenant = await startMockTenant();
  isc = createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
  });
});

afterAll(async () => {
  await tenant?.stop();
});

// fast-check prints the seed and the shrunk case of a failure; rerun it with E2E_PROPERTY_SEED.
const propertySeed = Number(process.env['E2E_PROPERTY_SEED'] ?? 20_261_203);
const propertyRuns = Number(process.env['E2E_PROPERTY_RUNS'] ?? 500);

describe('path parameters', () => {
  const hostileIds = [
    'a/b',
    'a?b=c',
    'a#b',
    '100%',
    '%2F',
    '..%2F..',
    'x/../../campaigns',
    'ünïcødé-✓',
    'space and+plus',
    '"quoted"',
  ];
  it.each(hostileIds)('%j reaches the tenant as one segment', async (id) => {
    const { error, response } = await isc.GET('/campaign-templates/{id}', {
      params: { path: { id } },
    });
    expect(response.status).toBe(404);
    // The tenant routed it to getCampaignTemplate and read back exactly the id that was sent.
    expect(JSON.stringify(error)).toContain(
      JSON.stringify(`The campaign template with ID ${id} was not found.`).slice(1, -1),
    );
  });
});

describe('filter values', () => {
  it(`cannot change the structure of a filter, whatever the value (property, end to end; ${propertyRuns} runs, seed ${propertySeed})`, async () => {
    const marker = `inj-${Date.now()}`;
    const hostile = fc.oneof(
      fc.constantFrom(
        '") or id pr',
        '" or name sw "',
        '\\',
        '\\"',
        '"',
        ')',
        '(',
        ' or ',
        'and not',
        '%23',
        '#',
        '&',
        '%',
      ),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const nameArb = fc
      .array(hostile, { minLength: 1, maxLength: 4 })
      .map((parts) => `${marker} ${parts.join('')}`)
      .filter(
        (name) => !/[\uD800-\uDFFF]/.test(name.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')),
      );
    const t = filterFor('getCampaignTemplates');
    await fc.assert(
      fc.asyncProperty(nameArb, async (name) => {
        const created = await unwrap(
          isc.POST('/campaign-templates', {
            body: {
              name,
              description: 'injection probe',
              campaign: { name: 'probe', description: null, type: 'MANAGER' },
            },
          }),
        );
        try {
          const found = await unwrap(
            isc.GET('/campaign-templates', { params: { query: { filters: t.eq('name', name) } } }),
          );
          // Exactly the one template with that name: a value that escaped its quotes would match others.
          expect(found.map((template) => template.id)).toEqual([created.id]);
        } finally {
          await unwrap(
            isc.DELETE('/campaign-templates/{id}', { params: { path: { id: created.id! } } }),
          );
        }
      }),
      { seed: propertySeed, numRuns: propertyRuns },
    );
  });
});

describe('secrets', () => {
  it('never appear in errors from a wrong secret, a bad token or an API error', async () => {
    const secret = tenant.clientSecret;
    const errors: unknown[] = [];
    const wrongSecret = createIscClient({
      baseUrl: tenant.baseUrl,
      auth: { clientId: tenant.clientId, clientSecret: `${secret}-wrong` },
    });
    await wrongSecret.GET('/campaigns').catch((error: unknown) => errors.push(error));
    const token = 'header.payload-secret-token.signature';
    const badToken = createIscClient({ baseUrl: tenant.baseUrl, auth: { accessToken: token } });
    await unwrap(badToken.GET('/campaigns')).catch((error: unknown) => errors.push(error));
    await unwrap(
      isc.GET('/campaign-templates/{id}', { params: { path: { id: 'missing' } } }),
    ).catch((error: unknown) => errors.push(error));

    expect(errors).toHaveLength(3);
    for (const error of errors) {
      expect(isIscError(error)).toBe(true);
      for (const view of [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
      ]) {
        expect(view).not.toContain(secret);
        expect(view).not.toContain(token);
      }
    }
  });
});
