// Client pacing against the mock tenant's gateway limit, the acceptance check without a
// clock: with the limit on both sides, calls at concurrency 16 all succeed, at most a couple meet a
// 429, and each takes effect exactly once; with the client's pacing off, the tenant answers 429s and
// every call still succeeds through Retry-After. A short window keeps it to a few seconds; nothing
// here asserts how long anything took.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createIscClient, type IscClientOptions } from '@isc-sdk/client';
import { startMockTenant, type MockTenant } from '@isc-sdk/mock-tenant';
import { afterEach, describe, expect, it } from 'vitest';

/** At least the concurrency, so that the calls of one wave of retries all fit in a fresh window. */
const LIMIT = { requests: 20, windowMs: 500 };
const CALLS = 60;
const CONCURRENCY = 16;

let tenant: MockTenant | undefined;

afterEach(async () => {
  await tenant?.stop();
  tenant = undefined;
});

/** Runs `calls` createCampaign calls, `concurrency` at a time; resolves to each call's status. */
async function createCampaigns(
  rateLimit: IscClientOptions['rateLimit'],
  calls: number,
  concurrency: number,
): Promise<number[]> {
  const started = await startMockTenant({ rateLimit: LIMIT });
  tenant = started;
  const isc = createIscClient({
    baseUrl: started.baseUrl,
    auth: { clientId: started.clientId, clientSecret: started.clientSecret },
    rateLimit,
  });
  const statuses: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < calls) {
      next += 1;
      // Not idempotent: a call that reached the tenant twice would be a campaign too many.
      const { response } = await isc.POST('/campaigns', {
        body: { name: 'Paced', description: 'pacing under the gateway limit', type: 'MANAGER' },
      });
      statuses.push(response.status);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

describe('pacing under the mock tenant’s gateway limit', () => {
  it('with the limit on both sides, every call succeeds once and at most 2 meet a 429', async () => {
    const statuses = await createCampaigns(LIMIT, CALLS, CONCURRENCY);
    expect(statuses).toHaveLength(CALLS);
    expect(statuses.every((status) => status === 202)).toBe(true);
    const stats = tenant!.stats();
    expect(stats.rateLimitHits).toBeLessThanOrEqual(2);
    // Each call reached the tenant once, plus once more for each 429 it was retried after.
    expect(stats.requests.createCampaign).toBe(CALLS + stats.rateLimitHits);
    expect(stats.campaignsCreated).toBe(CALLS);
  });

  it('with the client’s pacing off, the tenant answers 429s and every call still succeeds', async () => {
    const statuses = await createCampaigns(false, CALLS, CONCURRENCY);
    expect(statuses).toHaveLength(CALLS);
    expect(statuses.every((status) => status === 202)).toBe(true);
    const stats = tenant!.stats();
    expect(stats.rateLimitHits).toBeGreaterThan(0);
    expect(stats.responses['429']).toBe(stats.rateLimitHits);
    expect(stats.requests.createCampaign).toBe(CALLS + stats.rateLimitHits);
    expect(stats.campaignsCreated).toBe(CALLS);
  });

  it('a Node script whose only pending work is paced calls runs to the end', async () => {
    const started = await startMockTenant({ rateLimit: LIMIT });
    tenant = started;
    // One call after another, 5 per 300 ms: between them, only the client's pacing is waiting.
    const script = `
      import { createIscClient } from '@isc-sdk/client';
      const isc = createIscClient({ rateLimit: { requests: 5, windowMs: 300 } });
      let ok = 0;
      for (let call = 0; call < 12; call++) {
        const { response } = await isc.GET('/campaigns');
        if (response.ok) ok += 1;
      }
      console.log(JSON.stringify({ ok }));
    `;
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve) => {
        execFile(
          process.execPath,
          ['--input-type=module', '-e', script],
          {
            // From this package, so that @isc-sdk/client resolves to the workspace's build.
            cwd: fileURLToPath(new URL('..', import.meta.url)),
            env: {
              ...process.env,
              SAIL_BASE_URL: started.baseUrl,
              SAIL_CLIENT_ID: started.clientId,
              SAIL_CLIENT_SECRET: started.clientSecret,
            },
          },
          (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      },
    );
    // A process that ran out of work to wait for exits early: code 13 for unsettled top-level await.
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: 12 });
    expect(started.stats().requests.getActiveCampaigns).toBe(12);
  });
});
