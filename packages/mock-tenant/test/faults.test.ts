import { afterEach, describe, expect, it } from 'vitest';
import {
  isMockTenantOptionsError,
  startMockTenant,
  type MockTenant,
  type MockTenantOptions,
} from '../src/index.js';
import { campaignBody } from './support/bodies.js';
import { connect, fetchToken } from './support/tenant-client.js';

const running: MockTenant[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.stop()));
});

async function start(options: MockTenantOptions) {
  const tenant = await startMockTenant({
    validateResponses: true,
    size: { identities: 20 },
    ...options,
  });
  running.push(tenant);
  let token: Promise<string> | undefined;
  const call = async (path = '/campaigns', init: RequestInit = {}) => {
    token ??= fetchToken(tenant);
    const headers = {
      Authorization: `Bearer ${await token}`,
      'Content-Type': 'application/json',
      ...init.headers,
    };
    return fetch(tenant.baseUrl + path, { ...init, headers });
  };
  const create = () => call('/campaigns', { method: 'POST', body: JSON.stringify(campaignBody()) });
  return { tenant, call, create };
}

describe('server errors', () => {
  it('answers 500 or 503 ErrorResponseDtos before the operation runs, so nothing is created', async () => {
    const { tenant, create } = await start({ faults: { serverErrorRate: 1 } });
    const statuses = new Set<number>();
    for (let n = 0; n < 20; n++) {
      const response = await create();
      statuses.add(response.status);
      const body = (await response.json()) as {
        detailCode: string;
        messages: Array<{ text: string }>;
      };
      expect(body.detailCode).toBe(
        response.status === 503 ? '503 Service Unavailable' : '500.0 Internal Fault',
      );
      expect(body.messages[0]!.text).toContain('(injected fault)');
    }
    expect(statuses).toEqual(new Set([500, 503]));
    const stats = tenant.stats();
    expect(stats.campaignsCreated).toBe(0);
    expect(stats.faults.serverError).toBe(20);
    expect(stats.requests.createCampaign).toBe(20);
  });

  it('draws statuses from serverErrorStatuses', async () => {
    const { call } = await start({ faults: { serverErrorRate: 1, serverErrorStatuses: [502] } });
    expect((await call()).status).toBe(502);
  });
});

describe('injected 429s', () => {
  it('answers 429 { message } with the configured Retry-After', async () => {
    const { call, tenant } = await start({ faults: { rateLimitRate: 1, retryAfterSeconds: 7 } });
    const response = await call();
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('7');
    expect(await response.json()).toEqual({ message: ' Rate Limit Exceeded ' });
    expect(tenant.stats().faults.rateLimited).toBe(1);
  });
});

describe('broken connections', () => {
  it('resets the connection before the operation runs', async () => {
    const { create, tenant } = await start({ faults: { connectionResetRate: 1 } });
    const failure = await create().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect(((failure as TypeError).cause as { code?: string }).code).toBe('ECONNRESET');
    expect(tenant.stats()).toMatchObject({ campaignsCreated: 0, faults: { connectionReset: 1 } });
  });

  it('cuts the body short after the operation ran, so the client cannot read an effect that happened', async () => {
    const { create, tenant } = await start({ faults: { truncatedBodyRate: 1 } });
    const response = await create();
    expect(response.status).toBe(202);
    await expect(response.text()).rejects.toThrow();
    expect(tenant.stats()).toMatchObject({
      campaignsCreated: 1,
      faults: { truncatedBody: 1 },
      faultsByOperation: {
        createCampaign: { truncatedBody: 1, serverError: 0, rateLimited: 0, connectionReset: 0 },
      },
    });
  });

  it('truncates only the methods in truncateMethods', async () => {
    const { create, call, tenant } = await start({
      faults: { truncatedBodyRate: 1, truncateMethods: ['GET'] },
    });
    expect((await (await create()).json()) as object).toMatchObject({ status: 'PENDING' });
    await expect((await call()).text()).rejects.toThrow();
    expect(tenant.stats().faults.truncatedBody).toBe(1);
  });
});

describe('fault selection and settings', () => {
  async function statuses(options: MockTenantOptions, count = 40): Promise<number[]> {
    const { call } = await start(options);
    const result: number[] = [];
    for (let n = 0; n < count; n++) result.push((await call()).status);
    return result;
  }

  it('gives the same faults for the same seed and order of requests', async () => {
    const a = await statuses({ seed: 5, faults: { serverErrorRate: 0.5 } });
    const b = await statuses({ seed: 5, faults: { serverErrorRate: 0.5 } });
    const c = await statuses({ seed: 5, faults: { serverErrorRate: 0.5, seed: 6 } });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(5);
  });

  it('honours the rates over many requests', async () => {
    const result = await statuses(
      { faults: { serverErrorRate: 0.1, rateLimitRate: 0.05, retryAfterSeconds: 0 } },
      600,
    );
    const errors = result.filter((s) => s >= 500).length;
    const limited = result.filter((s) => s === 429).length;
    expect(errors).toBeGreaterThan(30);
    expect(errors).toBeLessThan(90);
    expect(limited).toBeGreaterThan(10);
    expect(limited).toBeLessThan(55);
  });

  it('leaves the token endpoint alone unless tokenEndpoint is set', async () => {
    const tokenStatus = async (tenant: MockTenant) => {
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: tenant.clientId,
        client_secret: tenant.clientSecret,
      });
      return (await fetch(tenant.tokenUrl, { method: 'POST', body })).status;
    };
    expect(await tokenStatus((await start({ faults: { serverErrorRate: 1 } })).tenant)).toBe(200);
    const faulty = await start({ faults: { serverErrorRate: 1, tokenEndpoint: true } });
    expect([500, 503]).toContain(await tokenStatus(faulty.tenant));
    expect(faulty.tenant.stats().requests.oauthToken).toBe(1);
  });

  it.each([
    ['an unknown operationId', { onlyOperations: ['getCampaigns'] }, 'faults.onlyOperations'],
    ['a rate above 1', { truncatedBodyRate: 2 }, 'faults.truncatedBodyRate'],
    ['a non-5xx status', { serverErrorStatuses: [404] }, 'faults.serverErrorStatuses'],
    ['a reversed latency range', { latencyMs: { min: 5, max: 1 } }, 'faults.latencyMs'],
  ])('refuses %s at start, naming the option', async (_name, faults, option) => {
    await expect(startMockTenant({ faults })).rejects.toMatchObject({
      name: 'MockTenantOptionsError',
      option,
    });
  });

  it('applies faults only to onlyOperations and never to excludeOperations', async () => {
    const { call } = await start({
      faults: { serverErrorRate: 1, onlyOperations: ['getCampaignReportsConfig'] },
    });
    expect((await call('/campaigns')).status).toBe(200);
    expect((await call('/campaigns/reports-configuration')).status).toBeGreaterThanOrEqual(500);
    const other = await start({
      faults: { serverErrorRate: 1, excludeOperations: ['getActiveCampaigns'] },
    });
    expect((await other.call('/campaigns')).status).toBe(200);
    expect((await other.call('/campaigns/reports-configuration')).status).toBeGreaterThanOrEqual(
      500,
    );
  });

  it('adds latency without changing answers', async () => {
    const { call } = await start({ latencyMs: { min: 1, max: 5 } });
    expect((await call()).status).toBe(200);
  });

  it('changes faults at run time with setFaults, and refuses invalid values', async () => {
    const { call, tenant } = await start({});
    tenant.setFaults({ serverErrorRate: 1 });
    expect((await call()).status).toBeGreaterThanOrEqual(500);
    tenant.setFaults({});
    expect((await call()).status).toBe(200);
    const thrown = (() => {
      try {
        tenant.setFaults({ serverErrorRate: 1.5 });
      } catch (error) {
        return error;
      }
    })();
    expect(isMockTenantOptionsError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ option: 'faults.serverErrorRate', value: 1.5 });
  });

  it('resetStats clears request and fault counters but keeps creation counters', async () => {
    const { create, tenant } = await start({});
    await create();
    tenant.resetStats();
    expect(tenant.stats()).toMatchObject({
      campaignsCreated: 1,
      requests: {},
      responses: {},
      tokensIssued: 0,
    });
  });
});

describe('@isc-sdk/client against a faulty tenant', () => {
  it('completes every read through retries, resets and cut-off bodies', async () => {
    const { tenant } = await start({
      faults: {
        serverErrorRate: 0.2,
        rateLimitRate: 0.05,
        retryAfterSeconds: 0,
        connectionResetRate: 0.05,
        truncatedBodyRate: 0.05,
      },
    });
    const isc = connect(tenant, { retry: { maxAttempts: 12, baseDelay: 1, maxDelay: 2 } });
    for (let n = 0; n < 40; n++) {
      const { response } = await isc.GET('/campaigns/reports-configuration');
      expect(response.status).toBe(200);
    }
    const { faults } = tenant.stats();
    expect(
      faults.serverError + faults.rateLimited + faults.connectionReset + faults.truncatedBody,
    ).toBeGreaterThan(0);
  });
});
