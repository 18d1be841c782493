import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  isMockTenantError,
  isMockTenantOptionsError,
  isMockTenantStartError,
  MockTenantOptionsError,
  startMockTenant,
  type MockTenantOptions,
} from '../src/index.js';

describe('startMockTenant', () => {
  it('listens on a random loopback port and resolves to its URLs and credentials', async () => {
    const tenant = await startMockTenant();
    try {
      expect(tenant.baseUrl).toBe(`http://127.0.0.1:${tenant.port}/v3`);
      expect(tenant.tokenUrl).toBe(`http://127.0.0.1:${tenant.port}/oauth/token`);
      expect(tenant.origin).toBe(`http://127.0.0.1:${tenant.port}`);
      expect(tenant).toMatchObject({
        clientId: DEFAULT_CLIENT_ID,
        clientSecret: DEFAULT_CLIENT_SECRET,
        preloaded: undefined,
      });
      expect(tenant.port).toBeGreaterThan(0);
    } finally {
      await tenant.stop();
    }
  });

  it('accepts custom credentials', async () => {
    const tenant = await startMockTenant({ clientId: 'my-id', clientSecret: 'my-secret' });
    try {
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'my-id',
        client_secret: 'my-secret',
      });
      expect((await fetch(tenant.tokenUrl, { method: 'POST', body })).status).toBe(200);
    } finally {
      await tenant.stop();
    }
  });

  it('stops listening on stop(), and stop() can be called twice', async () => {
    const tenant = await startMockTenant();
    await Promise.all([tenant.stop(), tenant.stop()]);
    await expect(fetch(tenant.tokenUrl, { method: 'POST' })).rejects.toThrow();
  });

  it('rejects with MockTenantStartError when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const failure = await startMockTenant({ port }).catch((error: unknown) => error);
      expect(isMockTenantStartError(failure)).toBe(true);
      expect(isMockTenantError(failure)).toBe(true);
      expect(failure).toMatchObject({ name: 'MockTenantStartError', host: '127.0.0.1', port });
      expect((failure as Error).message).toContain(`could not listen on 127.0.0.1:${port}`);
    } finally {
      blocker.close();
    }
  });

  it.each<[string, MockTenantOptions, string]>([
    ['a port out of range', { port: 70_000 }, 'port'],
    ['a fractional token lifetime', { tokenLifetimeSeconds: 1.5 }, 'tokenLifetimeSeconds'],
    ['an empty client secret', { clientSecret: '' }, 'clientSecret'],
    ['one identity', { size: { identities: 1 } }, 'size.identities'],
    [
      'zero review items',
      { size: { reviewItemsPerCertification: 0 } },
      'size.reviewItemsPerCertification',
    ],
    ['a clock that is not a function', { now: 5 as never }, 'now'],
    ['a negative background delay', { backgroundDelayMs: -1 }, 'backgroundDelayMs'],
    ['a CORS origin that is not a string', { cors: { origin: 5 as never } }, 'cors.origin'],
    ['a non-boolean flag', { preloadActiveCampaign: 'yes' as never }, 'preloadActiveCampaign'],
  ])('refuses %s with MockTenantOptionsError naming the option', async (_name, options, option) => {
    const failure = await startMockTenant(options).catch((error: unknown) => error);
    expect(isMockTenantOptionsError(failure)).toBe(true);
    expect(failure).toBeInstanceOf(MockTenantOptionsError);
    expect(failure).toMatchObject({ option });
    expect((failure as Error).message).toMatch(
      new RegExp(
        `^Invalid mock tenant option ${option.replace('.', '\\.')}: got .+, expected .+\\.$`,
      ),
    );
  });

  it('validates setTokenLifetime', async () => {
    const tenant = await startMockTenant();
    try {
      expect(() => tenant.setTokenLifetime(0)).toThrow(MockTenantOptionsError);
    } finally {
      await tenant.stop();
    }
  });
});

describe('error guards across two copies of the package', () => {
  it('recognise an error made by another copy of the module', async () => {
    // A query string makes the module loader evaluate the file a second time: a second copy.
    const specifier = '../src/errors/mock-tenant-options-error.js?second-copy';
    const copy = (await import(
      /* @vite-ignore */ specifier
    )) as typeof import('../src/errors/mock-tenant-options-error.js');
    expect(copy.MockTenantOptionsError).not.toBe(MockTenantOptionsError);
    const foreign = new copy.MockTenantOptionsError('port', -1, 'a port');
    expect(foreign).not.toBeInstanceOf(MockTenantOptionsError);
    expect(isMockTenantOptionsError(foreign)).toBe(true);
    expect(isMockTenantError(foreign)).toBe(true);
    expect(isMockTenantStartError(foreign)).toBe(false);
  });

  it.each([
    ['a plain Error', new Error('x')],
    ['an object that copies the name', { name: 'MockTenantOptionsError', message: 'x' }],
    ['null', null],
  ])('reject %s', (_name, value) => {
    expect(isMockTenantOptionsError(value)).toBe(false);
    expect(isMockTenantError(value)).toBe(false);
  });
});
