// The two entry points as a user gets them: the Node entry (User-Agent with the runtime's version,
// SAIL_* variables, redirects followed in the client, no fetch signal for a timeout alone) and the
// browser entry (none of those, and the connection aborted on timeout).

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIscClient as createBrowserClient } from '../src/browser.js';
import { createIscClient, SDK_VERSION, unwrap } from '../src/index.js';
import { json, scriptedFetch } from './support/scripted-fetch.js';

afterEach(() => vi.unstubAllEnvs());

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

describe('the Node entry', () => {
  it('names the SDK and the Node version in the User-Agent', async () => {
    const scripted = scriptedFetch(() => json([]));
    const isc = createIscClient({
      baseUrl: 'https://isc.example.test',
      auth: { accessToken: 'tok' },
      userAgentSuffix: 'bot/2',
      fetch: scripted.fetch,
    });
    await unwrap(isc.GET('/campaigns'));
    expect(SDK_VERSION).toBe(version);
    expect(scripted.calls[0]?.headers['user-agent']).toBe(
      `isc-sdk-client/${version} node/${process.versions.node} bot/2`,
    );
  });

  it('reads SAIL_BASE_URL, SAIL_CLIENT_ID and SAIL_CLIENT_SECRET when the options leave them out', async () => {
    vi.stubEnv('SAIL_BASE_URL', 'https://env.example.test');
    vi.stubEnv('SAIL_CLIENT_ID', 'env-id');
    vi.stubEnv('SAIL_CLIENT_SECRET', 'env-secret');
    const scripted = scriptedFetch((call) =>
      call.url.endsWith('/oauth/token')
        ? json({ access_token: 'env-token', expires_in: 600 })
        : json([]),
    );
    const isc = createIscClient({ fetch: scripted.fetch });
    await unwrap(isc.GET('/campaigns'));
    expect(scripted.calls.map((call) => call.url)).toEqual([
      'https://env.example.test/oauth/token',
      'https://env.example.test/v3/campaigns',
    ]);
    expect(new URLSearchParams(scripted.calls[0]?.body ?? '').get('client_id')).toBe('env-id');
  });

  it('gives fetch no signal of its own for a timeout alone, and the caller’s when there is one', async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const isc = createIscClient({
      baseUrl: 'https://isc.example.test',
      auth: { accessToken: 'tok' },
      timeout: 5_000,
      fetch: async (_url, init) => {
        signals.push(init.signal);
        return json([]);
      },
    });
    await unwrap(isc.GET('/campaigns'));
    const controller = new AbortController();
    await unwrap(isc.GET('/campaigns', { signal: controller.signal }));
    expect(signals).toEqual([null, controller.signal]);
  });
});

describe('the browser entry', () => {
  it('requires tenant or baseUrl, and auth, reading no environment', () => {
    vi.stubEnv('SAIL_BASE_URL', 'https://env.example.test');
    vi.stubEnv('SAIL_CLIENT_ID', 'env-id');
    vi.stubEnv('SAIL_CLIENT_SECRET', 'env-secret');
    expect(() => createBrowserClient({ auth: { accessToken: 't' } })).toThrow(
      'baseUrl: is required: give tenant or baseUrl',
    );
    expect(() => createBrowserClient({ tenant: 'acme' })).toThrow(
      'auth: is required: { clientId, clientSecret } or { accessToken }, got undefined',
    );
  });

  it('hands fetch a signal that the timeout aborts', async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const isc = createBrowserClient({
      baseUrl: 'https://isc.example.test',
      auth: { accessToken: 'tok' },
      timeout: 30,
      fetch: (_url, init) => {
        signals.push(init.signal);
        return new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      },
    });
    await expect(isc.GET('/campaigns')).rejects.toMatchObject({ name: 'IscTimeoutError' });
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('is an openapi-fetch client with the paging helpers', () => {
    const isc = createBrowserClient({ tenant: 'acme', auth: { accessToken: 't' } });
    for (const member of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'request', 'use', 'eject']) {
      expect(typeof (isc as unknown as Record<string, unknown>)[member]).toBe('function');
    }
    for (const helper of ['paginate', 'searchAll', 'searchCount'] as const) {
      expect(typeof isc[helper]).toBe('function');
    }
  });
});

describe('unwrap', () => {
  it('gives the data of a success, undefined for no content, and throws the typed error', async () => {
    const scripted = scriptedFetch((_call, index) =>
      index === 0
        ? json({ id: 'c1' })
        : index === 1
          ? new Response(null, { status: 204 })
          : json({ detailCode: '404 Not found' }, 404),
    );
    const isc = createIscClient({
      baseUrl: 'https://isc.example.test',
      auth: { accessToken: 'tok' },
      fetch: scripted.fetch,
    });
    await expect(
      unwrap(isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } })),
    ).resolves.toEqual({
      id: 'c1',
    });
    await expect(
      unwrap(isc.DELETE('/campaign-templates/{id}', { params: { path: { id: 't1' } } })),
    ).resolves.toBeUndefined();
    await expect(
      unwrap(isc.GET('/campaigns/{id}', { params: { path: { id: 'c9' } } })),
    ).rejects.toMatchObject({ name: 'IscNotFoundError', detailCode: '404 Not found' });
  });
});
