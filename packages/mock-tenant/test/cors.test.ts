// A browser page served from another 127.0.0.1 port calls the tenant cross-origin: preflights
// must succeed for the SDK's headers, and the paging and rate-limit headers must be readable. Pages
// from other hosts get no CORS headers unless the tenant is told to allow them: its credentials
// are fixed and published.
import { afterEach, describe, expect, it } from 'vitest';
import { startMockTenant, type MockTenant, type MockTenantOptions } from '../src/index.js';

const PAGE = 'http://127.0.0.1:5173';
const running: MockTenant[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.stop()));
});

async function start(options: MockTenantOptions = {}) {
  const tenant = await startMockTenant(options);
  running.push(tenant);
  return tenant;
}

function preflight(url: string, origin = PAGE) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,x-request-id',
    },
  });
}

describe('CORS', () => {
  it('answers preflights for the API and the token endpoint, allowing the requested headers', async () => {
    const tenant = await start();
    for (const url of [`${tenant.baseUrl}/search`, tenant.tokenUrl]) {
      const response = await preflight(url);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
      expect(response.headers.get('vary')).toContain('Origin');
      expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'authorization',
      );
    }
  });

  it('exposes X-Total-Count and Retry-After to scripts, also on 401 answers', async () => {
    const tenant = await start();
    const response = await fetch(`${tenant.baseUrl}/campaigns`, { headers: { Origin: PAGE } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it.each([
    ['http://127.0.0.1:5173'],
    ['http://localhost:3000'],
    ['https://app.localhost'],
    ['http://[::1]:8080'],
    ['http://127.10.0.1'],
  ])('allows the loopback origin %s by default', async (origin) => {
    const tenant = await start();
    const response = await preflight(tenant.tokenUrl, origin);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it.each([
    ['https://example.com'],
    ['http://127.0.0.1.example.com'],
    ['http://localhost.example.com'],
    ['http://192.168.1.10:5173'],
    ['null'],
  ])('gives the origin %s no CORS headers by default', async (origin) => {
    const tenant = await start();
    for (const url of [`${tenant.baseUrl}/campaigns`, tenant.tokenUrl]) {
      const response = await preflight(url, origin);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    const simple = await fetch(`${tenant.baseUrl}/campaigns`, { headers: { Origin: origin } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("allows any origin with origin: '*'", async () => {
    const tenant = await start({ cors: { origin: '*' } });
    const response = await preflight(tenant.tokenUrl, 'https://example.com');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each([
    ['a trailing slash', 'http://127.0.0.1:5173/'],
    ['a path', ['http://127.0.0.1:5173/app']],
    ['no scheme', '127.0.0.1:5173'],
    ['an empty list', []],
    ['a number', [5173]],
  ])('refuses an origin with %s at start, naming cors.origin', async (_name, origin) => {
    await expect(startMockTenant({ cors: { origin: origin as string[] } })).rejects.toMatchObject({
      name: 'MockTenantOptionsError',
      option: 'cors.origin',
    });
  });

  it('restricts origins to the configured list', async () => {
    const tenant = await start({ cors: { origin: [PAGE] } });
    expect((await preflight(tenant.tokenUrl)).headers.get('access-control-allow-origin')).toBe(
      PAGE,
    );
    expect(
      (await preflight(tenant.tokenUrl, 'http://127.0.0.1:9999')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
  });

  it('sends no CORS headers with cors: false', async () => {
    const tenant = await start({ cors: false });
    const response = await fetch(`${tenant.baseUrl}/campaigns`, { headers: { Origin: PAGE } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
