// The walkthrough as a user runs it: the built script in a child process, once against the embedded
// mock tenant and once against a "real" tenant given through the SailPoint CLI variables (a mock
// tenant started separately, standing in for one), read-only and with --write.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMockTenant, type MockTenant } from '@isc-sdk/mock-tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../dist/walkthrough.js', import.meta.url));
const withoutSail = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('SAIL_')),
);

async function walkthrough(args: string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, [script, ...args], { env, timeout: 60_000 });
}

describe('the walkthrough', () => {
  it('runs the whole cycle against the embedded mock tenant', async () => {
    const { stdout } = await walkthrough([], withoutSail);
    expect(stdout).toContain('against the embedded mock tenant');
    for (let step = 1; step <= 12; step += 1) {
      expect(stdout).toMatch(new RegExp(`\\[\\s*${step}/12\\] ok `));
    }
    expect(stdout).toMatch(/\d+ approved, \d+ revoked/);
    expect(stdout).toMatch(/\d+ certifications SIGNED/);
  });

  describe('against a tenant given by SAIL_BASE_URL, SAIL_CLIENT_ID, SAIL_CLIENT_SECRET', () => {
    let tenant: MockTenant;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      tenant = await startMockTenant();
      env = {
        ...withoutSail,
        SAIL_BASE_URL: tenant.origin,
        SAIL_CLIENT_ID: tenant.clientId,
        SAIL_CLIENT_SECRET: tenant.clientSecret,
      };
    });
    afterAll(() => tenant?.stop());

    it('is read-only by default', async () => {
      const before = tenant.stats();
      const { stdout } = await walkthrough([], env);
      const after = tenant.stats();
      expect(stdout).toContain('(read-only)');
      expect(stdout.match(/ skip /g)).toHaveLength(5);
      expect(after.templatesCreated).toBe(before.templatesCreated);
      expect(after.campaignsGenerated).toBe(before.campaignsGenerated);
      expect(after.decisionsRecorded).toBe(before.decisionsRecorded);
    });

    it('writes with --write', async () => {
      const before = tenant.stats();
      const { stdout } = await walkthrough(['--write'], env);
      const after = tenant.stats();
      expect(stdout).toContain('WRITE mode');
      expect(after.templatesCreated).toBe(before.templatesCreated + 1);
      expect(after.campaignsGenerated).toBe(before.campaignsGenerated + 1);
      expect(after.signOffs).toBeGreaterThan(before.signOffs);
    });
  });

  it('exits non-zero and says why when only some SAIL_ variables are set', async () => {
    const failure = await walkthrough([], {
      ...withoutSail,
      SAIL_BASE_URL: 'http://127.0.0.1:9',
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect(String((failure as { stderr: string }).stderr)).toContain('set all of SAIL_BASE_URL');
  });

  it('exits non-zero when a step fails', async () => {
    const env = {
      ...withoutSail,
      SAIL_BASE_URL: 'http://127.0.0.1:9',
      SAIL_CLIENT_ID: 'id',
      SAIL_CLIENT_SECRET: 'secret',
    };
    const failure = await walkthrough([], env).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect(String((failure as { stdout: string }).stdout)).toContain('FAIL  authenticate');
  });
});
