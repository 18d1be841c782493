// A bad day at the tenant: 5,000 mixed operations, 8 at a time, against a mock tenant that answers
// 10% of requests with 500/503, 5% with 429 + Retry-After, resets 2% of connections, truncates 1% of
// bodies, and issues tokens that live 3 seconds. The client must finish every idempotent operation,
// never create anything twice, surface every failure as a typed error, and keep token requests
// close to the number of expiries.
import { createIscClient, isIscError, unwrap, type IscClient } from '@isc-sdk/client';
import { filterFor } from '@isc-sdk/filters';
import { startMockTenant, type MockTenant } from '@isc-sdk/mock-tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const OPERATIONS = 5_000;
const CONCURRENCY = 8;
const TOKEN_LIFETIME_SECONDS = 3;

type Kind =
  | 'listCampaigns'
  | 'getTemplate'
  | 'listReviewItems'
  | 'search'
  | 'putReportsConfig'
  | 'createCampaign'
  | 'createTemplate'
  | 'patchTemplate';

/** The mix, by weight: mostly reads, some writes of each kind. */
const MIX: [Kind, number][] = [
  ['listCampaigns', 20],
  ['getTemplate', 20],
  ['listReviewItems', 20],
  ['search', 10],
  ['putReportsConfig', 10],
  ['createCampaign', 10],
  ['createTemplate', 5],
  ['patchTemplate', 5],
];
/** Kinds the client may retry on any transient failure (GET, PUT, or POST /search marked idempotent). */
const IDEMPOTENT = new Set<Kind>([
  'listCampaigns',
  'getTemplate',
  'listReviewItems',
  'search',
  'putReportsConfig',
]);

function planOperations(count: number): Kind[] {
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const plan: Kind[] = [];
  // Deterministic interleaving: operation i takes the kind whose cumulative weight covers i mod total.
  for (let i = 0; i < count; i += 1) {
    let slot = (i * 37) % total;
    for (const [kind, weight] of MIX) {
      if (slot < weight) {
        plan.push(kind);
        break;
      }
      slot -= weight;
    }
  }
  return plan;
}

interface Outcome {
  kind: Kind;
  ok: boolean;
  error?: unknown;
  createdName?: string;
}

let tenant: MockTenant;
let isc: IscClient;
let templateId: string;
let certificationId: string;

beforeAll(async () => {
  tenant = await startMockTenant({
    tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
    preloadActiveCampaign: true,
  });
  isc = createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
    // Short backoff keeps the test bounded; Retry-After from the tenant is honoured as sent.
    retry: { maxAttempts: 10, baseDelay: 5, maxDelay: 100, maxTotalWait: 20_000 },
    timeout: 10_000,
  });
  const template = await unwrap(
    isc.POST('/campaign-templates', {
      body: {
        name: 'soak base template',
        description: 'patched during the soak',
        deadlineDuration: 'P2W',
        campaign: { name: 'Soak %Y-%m-%d', description: 'soak', type: 'MANAGER' },
      },
    }),
  );
  templateId = template.id!;
  certificationId = tenant.preloaded!.certificationIds[0]!;
});

afterAll(async () => {
  await tenant?.stop();
});

async function perform(kind: Kind, index: number): Promise<Outcome> {
  const name = `soak-${kind}-${index}`;
  try {
    switch (kind) {
      case 'listCampaigns':
        await unwrap(isc.GET('/campaigns', { params: { query: { limit: 10 } } }));
        break;
      case 'getTemplate':
        await unwrap(isc.GET('/campaign-templates/{id}', { params: { path: { id: templateId } } }));
        break;
      case 'listReviewItems':
        await unwrap(
          isc.GET('/certifications/{id}/access-review-items', {
            params: {
              path: { id: certificationId },
              query: {
                limit: 25,
                offset: index % 50,
                filters: filterFor('listIdentityAccessReviewItems').eq('completed', false),
              },
            },
          }),
        );
        break;
      case 'search':
        await unwrap(
          isc.POST('/search', {
            params: { query: { limit: 10 } },
            body: { indices: ['identities'], query: { query: '*' }, sort: ['name', 'id'] },
            idempotent: true,
          }),
        );
        break;
      case 'putReportsConfig':
        await unwrap(
          isc.PUT('/campaigns/reports-configuration', {
            body: { identityAttributeColumns: ['firstname', 'lastname'] },
          }),
        );
        break;
      case 'createCampaign':
        await unwrap(
          isc.POST('/campaigns', { body: { name, description: 'soak', type: 'MANAGER' } }),
        );
        return { kind, ok: true, createdName: name };
      case 'createTemplate':
        await unwrap(
          isc.POST('/campaign-templates', {
            body: {
              name,
              description: 'soak',
              campaign: { name, description: 'soak', type: 'MANAGER' },
            },
          }),
        );
        return { kind, ok: true, createdName: name };
      case 'patchTemplate':
        await unwrap(
          isc.PATCH('/campaign-templates/{id}', {
            params: { path: { id: templateId } },
            body: [{ op: 'replace', path: '/description', value: `patched by ${index}` }],
          }),
        );
        break;
    }
    return { kind, ok: true };
  } catch (error) {
    return { kind, ok: false, error, createdName: kind.startsWith('create') ? name : undefined };
  }
}

async function runPool(plan: Kind[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(plan.length);
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const index = next;
      next += 1;
      outcomes[index] = await perform(plan[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

async function allNames(path: '/campaigns' | '/campaign-templates'): Promise<string[]> {
  const names: string[] = [];
  for await (const item of isc.paginate(path, {})) names.push(item.name);
  return names;
}

describe('soak under injected faults', () => {
  it(`completes ${OPERATIONS} mixed operations at concurrency ${CONCURRENCY} without losing or duplicating work`, async () => {
    const before = tenant.stats();
    tenant.setFaults({
      seed: 2026,
      serverErrorRate: 0.1,
      serverErrorStatuses: [500, 503],
      rateLimitRate: 0.05,
      retryAfterSeconds: 1,
      connectionResetRate: 0.02,
      truncatedBodyRate: 0.01,
    });
    const started = performance.now();
    const outcomes = await runPool(planOperations(OPERATIONS));
    const seconds = (performance.now() - started) / 1000;
    tenant.setFaults({});
    const after = tenant.stats();

    const failures = outcomes.filter((o) => !o.ok);
    const idempotentFailures = failures.filter((o) => IDEMPOTENT.has(o.kind));
    const untyped = failures.filter((o) => !isIscError(o.error));
    const intended = (kind: Kind) => outcomes.filter((o) => o.kind === kind).length;
    const campaignsCreated = after.campaignsCreated - before.campaignsCreated;
    const templatesCreated = after.templatesCreated - before.templatesCreated;
    const tokens = after.tokensIssued - before.tokensIssued;
    const expiries = seconds / TOKEN_LIFETIME_SECONDS;

    const campaignNames = await allNames('/campaigns');
    const templateNames = await allNames('/campaign-templates');
    const duplicated = [...campaignNames, ...templateNames]
      .filter((name) => name.startsWith('soak-'))
      .filter((name, i, all) => all.indexOf(name) !== i);
    const acknowledgedMissing = outcomes
      .filter((o) => o.ok && o.createdName)
      .filter(
        (o) => !campaignNames.includes(o.createdName!) && !templateNames.includes(o.createdName!),
      );

    const faults = after.faults;
    const figures = {
      seconds: Number(seconds.toFixed(1)),
      operations: OPERATIONS,
      failedNonIdempotent: failures.length - idempotentFailures.length,
      failedIdempotent: idempotentFailures.length,
      injected: faults,
      campaigns: { intended: intended('createCampaign'), created: campaignsCreated },
      templates: { intended: intended('createTemplate'), created: templatesCreated },
      tokenRequests: tokens,
      tokenExpiriesDuringRun: Number(expiries.toFixed(1)),
    };
    console.log(`soak figures: ${JSON.stringify(figures)}`);

    expect(idempotentFailures.map((o) => `${o.kind}: ${String(o.error)}`)).toEqual([]);
    expect(untyped.map((o) => `${o.kind}: ${String(o.error)}`)).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(acknowledgedMissing).toEqual([]);
    expect(campaignsCreated).toBeLessThanOrEqual(intended('createCampaign'));
    expect(templatesCreated).toBeLessThanOrEqual(intended('createTemplate'));
    // Everything the client reported as created exists, and everything created was asked for once.
    expect(campaignsCreated).toBeGreaterThanOrEqual(
      outcomes.filter((o) => o.ok && o.kind === 'createCampaign').length,
    );
    // The faults really happened.
    expect(faults.serverError).toBeGreaterThan(OPERATIONS * 0.05);
    expect(faults.rateLimited).toBeGreaterThan(OPERATIONS * 0.02);
    expect(faults.connectionReset).toBeGreaterThan(OPERATIONS * 0.005);
    expect(faults.truncatedBody).toBeGreaterThan(0);
    // Single flight: a token per lifetime half (the client refreshes at half-life for short tokens),
    // plus the odd refresh after a 401 — never one per request.
    expect(tokens).toBeLessThanOrEqual(Math.ceil(expiries * 2) + 5);
    expect(tokens).toBeGreaterThanOrEqual(Math.floor(expiries));
  }, 90_000);
});
