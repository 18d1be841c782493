// A browser page served from another 127.0.0.1 port calls the tenant cross-origin: preflights
// must succeed for the SDK's headers, and the paging and rate-limit headers must be readable.
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
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
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
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
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
