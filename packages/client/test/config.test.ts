import { describe, expect, it } from 'vitest';
import { createIscClient as createBrowserClient } from '../src/browser.js';
import { createClientFor as createClientCore } from '../src/client.js';
import {
  isIscConfigError,
  unwrap,
  type IscClientOptions,
  type IscConfigError,
} from '../src/index.js';
import { nodePlatform } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const auth = { clientId: 'id-1', clientSecret: 'secret-1' };

function configError(options: unknown, env: Record<string, string> = {}): IscConfigError {
  try {
    createClientCore(options as IscClientOptions, nodePlatform(env));
  } catch (error) {
    if (isIscConfigError(error)) return error;
    throw error;
  }
  throw new Error('expected an IscConfigError');
}

describe('configuration errors name the field', () => {
  it.each<[string, unknown, string, string]>([
    [
      'a tenant with a dot',
      { tenant: 'acme.api.identitynow.com', auth },
      'tenant',
      'give only the tenant name',
    ],
    ['a tenant with a slash', { tenant: 'ac/me', auth }, 'tenant', 'letters, digits and hyphens'],
    ['tenant and baseUrl', { tenant: 'acme', baseUrl: 'https://x', auth }, 'tenant', 'not both'],
    ['a relative baseUrl', { baseUrl: '/v3', auth }, 'baseUrl', 'not an absolute URL'],
    ['an ftp baseUrl', { baseUrl: 'ftp://acme/v3', auth }, 'baseUrl', 'must use https:'],
    [
      'credentials in baseUrl',
      { baseUrl: 'https://u:p@acme.example/v3', auth },
      'baseUrl',
      'user name or password',
    ],
    [
      'a query in baseUrl',
      { baseUrl: 'https://acme.example/v3?x=1', auth },
      'baseUrl',
      'query string',
    ],
    [
      'plain http to a public host',
      { baseUrl: 'http://acme.example.com/v3', auth },
      'baseUrl',
      'not a loopback address',
    ],
    ['no base at all', { auth }, 'baseUrl', 'give tenant or baseUrl, or set SAIL_BASE_URL'],
    ['no auth', { tenant: 'acme' }, 'auth', 'or set SAIL_CLIENT_ID and SAIL_CLIENT_SECRET'],
    ['auth as a string', { tenant: 'acme', auth: 'token' }, 'auth', 'is required'],
    [
      'a missing secret',
      { tenant: 'acme', auth: { clientId: 'id' } },
      'auth.clientSecret',
      'is missing',
    ],
    [
      'an id with spaces',
      { tenant: 'acme', auth: { clientId: 'a b', clientSecret: 's' } },
      'auth.clientId',
      'without spaces',
    ],
    [
      'both kinds of auth',
      { tenant: 'acme', auth: { ...auth, accessToken: 't' } },
      'auth',
      'not both',
    ],
    [
      'a Bearer-prefixed token',
      { tenant: 'acme', auth: { accessToken: 'Bearer abc' } },
      'auth.accessToken',
      'without the "Bearer " prefix',
    ],
    [
      'an insecure tokenUrl',
      { tenant: 'acme', auth: { ...auth, tokenUrl: 'http://login.example.com/t' } },
      'auth.tokenUrl',
      'plain http:',
    ],
    ['a negative timeout', { tenant: 'acme', auth, timeout: -1 }, 'timeout', 'from 0 to'],
    [
      'a timeout beyond setTimeout',
      { tenant: 'acme', auth, timeout: 2 ** 31 },
      'timeout',
      'from 0 to',
    ],
    [
      'zero attempts',
      { tenant: 'acme', auth, retry: { maxAttempts: 0 } },
      'retry.maxAttempts',
      'from 1 to 100',
    ],
    [
      'a 4xx retry status',
      { tenant: 'acme', auth, retry: { statuses: [404] } },
      'retry.statuses',
      '5xx',
    ],
    ['retry as true', { tenant: 'acme', auth, retry: true }, 'retry', 'false or an object'],
    [
      'a non-function fetch',
      { tenant: 'acme', auth, fetch: 'fetch' },
      'fetch',
      'must be a function',
    ],
    [
      'a User-Agent suffix with a newline',
      { tenant: 'acme', auth, userAgentSuffix: 'app\n1' },
      'userAgentSuffix',
      'printable ASCII',
    ],
    [
      'an Authorization header',
      { tenant: 'acme', auth, headers: { Authorization: 'x' } },
      'headers.Authorization',
      'managed by the client',
    ],
    [
      'a header value with CRLF',
      { tenant: 'acme', auth, headers: { 'x-a': 'a\r\nb' } },
      'headers.x-a',
      'not a valid HTTP header',
    ],
    [
      'a misspelt option',
      { tenant: 'acme', auth, baseURL: 'https://x' },
      'baseURL',
      'not an option of createIscClient',
    ],
    ['a bad SAIL_BASE_URL', { auth }, 'SAIL_BASE_URL', 'not an absolute URL'],
    ['SAIL_CLIENT_ID without its secret', { tenant: 'acme' }, 'SAIL_CLIENT_SECRET', 'is missing'],
  ])('%s', (_name, options, field, text) => {
    const env: Record<string, string> =
      field === 'SAIL_BASE_URL'
        ? { SAIL_BASE_URL: 'acme' }
        : field === 'SAIL_CLIENT_SECRET'
          ? { SAIL_CLIENT_ID: 'id' }
          : {};
    const error = configError(options, env);
    expect(error.field).toBe(field);
    expect(error.message).toContain(text);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('never echoes a credential value', () => {
    const error = configError({
      tenant: 'acme',
      auth: { clientId: 'id', clientSecret: 'my secret value' },
    });
    expect(error.message).not.toContain('my secret value');
  });
});

describe('base URLs', () => {
  it.each([
    [{ tenant: 'Acme-01' }, 'https://acme-01.api.identitynow.com/v3/campaigns'],
    [
      { baseUrl: 'https://acme.api.identitynow.com' },
      'https://acme.api.identitynow.com/v3/campaigns',
    ],
    [
      { baseUrl: 'https://proxy.example.com/isc/v3/' },
      'https://proxy.example.com/isc/v3/campaigns',
    ],
    [{ baseUrl: 'http://localhost:8080/v3' }, 'http://localhost:8080/v3/campaigns'],
    [{ baseUrl: 'http://[::1]:8080/v3' }, 'http://[::1]:8080/v3/campaigns'],
    [{ baseUrl: 'http://10.0.0.5/v3', allowInsecureHttp: true }, 'http://10.0.0.5/v3/campaigns'],
  ])('%O sends to %s', async (options, expected) => {
    const seen: string[] = [];
    const isc = createClientCore(
      {
        ...options,
        auth: { accessToken: 'tok' },
        fetch: async (url) => {
          seen.push(url);
          return new Response('[]', { headers: { 'content-type': 'application/json' } });
        },
      },
      nodePlatform(),
    );
    await unwrap(isc.GET('/campaigns'));
    expect(seen).toEqual([expected]);
  });

  it('reads SAIL_BASE_URL (with /v3 added), SAIL_CLIENT_ID and SAIL_CLIENT_SECRET in the Node entry', async () => {
    const server = await serve((request, response) =>
      request.url === '/oauth/token'
        ? sendJson(response, 200, { access_token: 'from-env', expires_in: 600 })
        : sendJson(response, 200, []),
    );
    const isc = createClientCore(
      undefined,
      nodePlatform({
        SAIL_BASE_URL: server.origin,
        SAIL_CLIENT_ID: 'env-id',
        SAIL_CLIENT_SECRET: 'env-secret',
      }),
    );
    await unwrap(isc.GET('/campaigns'));
    expect(new URLSearchParams(server.received[0]?.body).get('client_id')).toBe('env-id');
    expect(server.received[1]?.url).toBe('/v3/campaigns');
  });

  it('reads no environment in the browser entry', () => {
    expect(() => createBrowserClient({ auth: { accessToken: 't' } })).toThrow(
      'baseUrl: is required: give tenant or baseUrl',
    );
  });

  it('checks per-call options too', async () => {
    const isc = createClientCore({ tenant: 'acme', auth: { accessToken: 't' } }, nodePlatform());
    await expect(isc.GET('/campaigns', { timeout: -5 })).rejects.toMatchObject({
      field: 'timeout',
    });
    await expect(isc.GET('/campaigns', { retry: { maxAttempts: 1.5 } })).rejects.toMatchObject({
      field: 'retry.maxAttempts',
    });
    // openapi-fetch builds the headers: a bad value is the platform's TypeError, before anything is sent.
    await expect(isc.GET('/campaigns', { headers: { 'x-bad': 'a\nb' } })).rejects.toThrow(
      TypeError,
    );
  });
});

describe('User-Agent and headers', () => {
  it('names the SDK and its version, with the app suffix, in the Node entry', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, []));
    const isc = createClientCore(
      {
        baseUrl: server.origin,
        auth: { accessToken: 't' },
        userAgentSuffix: 'campaign-bot/1.4.0',
        headers: { 'X-Team': 'iga' },
      },
      nodePlatform(),
    );
    await unwrap(isc.GET('/campaigns'));
    expect(server.received[0]?.headers['user-agent']).toBe(
      'isc-sdk-client/0.0.0-test node/test campaign-bot/1.4.0',
    );
    expect(server.received[0]?.headers['x-team']).toBe('iga');
    expect(server.received[0]?.headers.accept).toBe('application/json');
  });

  it('sends no User-Agent of its own from the browser entry (browsers forbid it)', async () => {
    const headers: Record<string, string>[] = [];
    const isc = createBrowserClient({
      baseUrl: 'https://acme.api.identitynow.com/v3',
      auth: { accessToken: 't' },
      userAgentSuffix: 'app/1',
      fetch: async (_url, init) => {
        headers.push(init.headers as Record<string, string>);
        return new Response('[]', { headers: { 'content-type': 'application/json' } });
      },
    });
    await unwrap(isc.GET('/campaigns'));
    expect(headers[0]).not.toHaveProperty('user-agent');
    expect(headers[0]?.authorization).toBe('Bearer t');
  });
});
