// Every option of createIscClient and of a call, checked field by field: what is accepted, what each
// default resolves to, and the IscConfigError (naming the field, describing the value without echoing
// a string) for what is not. Per-call options are read when the call runs.

import { describe, expect, it } from 'vitest';
import { createClientFor } from '../src/client.js';
import { resolveOptions } from '../src/internal/config.js';
import { DEFAULT_RETRY_POLICY } from '../src/internal/retry.js';
import {
  isIscConfigError,
  unwrap,
  type IscClientOptions,
  type IscConfigError,
} from '../src/index.js';
import { nodePlatform } from './support/fixtures.js';
import { json, scriptedFetch } from './support/scripted-fetch.js';

const auth = { accessToken: 'tok' };

function configError(options: unknown, env: Record<string, string> = {}): IscConfigError {
  try {
    createClientFor(options as IscClientOptions, nodePlatform(env));
  } catch (error) {
    if (isIscConfigError(error)) return error;
    throw error;
  }
  throw new Error('expected an IscConfigError');
}

describe('defaults', () => {
  it('resolves a minimal set of options to the documented defaults', () => {
    const fetch = async () => json([]);
    const config = resolveOptions({ tenant: 'acme', auth, fetch }, nodePlatform());
    expect(config).toMatchObject({
      baseUrl: 'https://acme.api.identitynow.com/v3',
      origin: 'https://acme.api.identitynow.com',
      auth: { kind: 'static-token', token: 'tok' },
      timeout: 60_000,
      retry: {
        maxAttempts: 3,
        maxRetryAfter: 60_000,
        maxTotalWait: 60_000,
        baseDelay: 500,
        maxDelay: 10_000,
        statuses: [500, 502, 503, 504],
      },
      rateLimit: { requests: 100, windowMs: 10_000 },
      tokenRefreshMargin: 60_000,
      allowInsecureHttp: false,
      fetch,
      logger: undefined,
      maxResponseBytes: 134_217_728,
      headers: { accept: 'application/json', 'user-agent': 'isc-sdk-client/0.0.0-test node/test' },
    });
    expect(DEFAULT_RETRY_POLICY).toEqual(config.retry);
  });

  it('defaults the token endpoint to the API origin’s /oauth/token', () => {
    const config = resolveOptions(
      { baseUrl: 'https://proxy.example.test/isc/v3', auth: { clientId: 'i', clientSecret: 's' } },
      nodePlatform(),
    );
    expect(config.auth).toEqual({
      kind: 'client-credentials',
      clientId: 'i',
      clientSecret: 's',
      tokenUrl: 'https://proxy.example.test/oauth/token',
    });
  });

  it('takes a token endpoint of its own', async () => {
    const scripted = scriptedFetch((call) =>
      call.url.includes('oauth') ? json({ access_token: 'from-sso', expires_in: 600 }) : json([]),
    );
    const isc = createClientFor(
      {
        baseUrl: 'https://isc.example.test',
        auth: {
          clientId: 'i',
          clientSecret: 's',
          tokenUrl: ' https://sso.example.test/oauth2/token ',
        },
        fetch: scripted.fetch,
      },
      nodePlatform(),
    );
    await unwrap(isc.GET('/campaigns'));
    expect(scripted.calls.map((call) => call.url)).toEqual([
      'https://sso.example.test/oauth2/token',
      'https://isc.example.test/v3/campaigns',
    ]);
    expect(scripted.calls[0]?.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    });
    expect(scripted.calls[1]?.headers['authorization']).toBe('Bearer from-sso');
  });

  it.each<[string, string]>([
    ['https://isc.example.test', 'https://isc.example.test/v3'],
    ['https://isc.example.test/', 'https://isc.example.test/v3'],
    ['https://isc.example.test/api/v3///', 'https://isc.example.test/api/v3'],
    ['  https://isc.example.test/v3  ', 'https://isc.example.test/v3'],
    ['HTTPS://ISC.Example.TEST:443/v3', 'https://isc.example.test/v3'],
  ])('reads baseUrl %j as %s', (baseUrl, expected) => {
    expect(resolveOptions({ baseUrl, auth }, nodePlatform()).baseUrl).toBe(expected);
  });

  it('lower-cases header names, trims the User-Agent suffix, and adds no User-Agent without a platform one', () => {
    const config = resolveOptions(
      { tenant: 'acme', auth, headers: { 'X-Team': 'iga' }, userAgentSuffix: '  bot/1 ' },
      nodePlatform(),
    );
    expect(config.headers).toEqual({
      accept: 'application/json',
      'user-agent': 'isc-sdk-client/0.0.0-test node/test bot/1',
      'x-team': 'iga',
    });
    const browser = resolveOptions(
      { tenant: 'acme', auth, userAgentSuffix: 'bot/1' },
      { ...nodePlatform(), userAgent: undefined },
    );
    expect(browser.headers).toEqual({ accept: 'application/json' });
  });

  it('reads the SAIL_* variables only for what the options leave out', () => {
    const env = {
      SAIL_BASE_URL: 'https://env.example.test',
      SAIL_CLIENT_ID: 'env-id',
      SAIL_CLIENT_SECRET: 'env-secret',
    };
    const fromEnv = resolveOptions(undefined, nodePlatform(env));
    expect(fromEnv.baseUrl).toBe('https://env.example.test/v3');
    expect(fromEnv.auth).toMatchObject({ clientId: 'env-id', clientSecret: 'env-secret' });
    const given = resolveOptions({ tenant: 'acme', auth }, nodePlatform(env));
    expect(given.baseUrl).toBe('https://acme.api.identitynow.com/v3');
    expect(given.auth).toEqual({ kind: 'static-token', token: 'tok' });
  });

  it('takes a token function as it is', () => {
    const provide = () => 'fresh';
    const config = resolveOptions(
      { tenant: 'acme', auth: { accessToken: provide } },
      nodePlatform(),
    );
    expect(config.auth).toEqual({ kind: 'token-provider', provide });
  });
});

describe('option errors name the field and describe the value', () => {
  it.each<[string, unknown, string, string]>([
    ['options that are not an object', 'acme', 'options', 'must be an object, got a string'],
    ['options as an array', [], 'options', 'must be an object, got an array'],
    [
      'a numeric tenant',
      { tenant: 7, auth },
      'tenant',
      'must be letters, digits and hyphens, got 7',
    ],
    [
      'an empty tenant',
      { tenant: '', auth },
      'tenant',
      'must be letters, digits and hyphens, got an empty string',
    ],
    [
      'a tenant starting with a hyphen',
      { tenant: '-acme', auth },
      'tenant',
      'must be letters, digits and hyphens, got "-acme"',
    ],
    [
      'a tenant of 64 characters',
      { tenant: 'a'.repeat(64), auth },
      'tenant',
      'must be letters, digits and hyphens',
    ],
    [
      'an empty baseUrl',
      { baseUrl: '', auth },
      'baseUrl',
      'must be an absolute https: URL, got an empty string',
    ],
    [
      'a numeric baseUrl',
      { baseUrl: 443, auth },
      'baseUrl',
      'must be an absolute https: URL, got 443',
    ],
    [
      'a baseUrl with a fragment',
      { baseUrl: 'https://x.test/v3#a', auth },
      'baseUrl',
      'must not have a query string or fragment',
    ],
    [
      'a user name alone in baseUrl',
      { baseUrl: 'https://u@x.test/v3', auth },
      'baseUrl',
      'must not hold a user name or password',
    ],
    [
      'a password alone in baseUrl',
      { baseUrl: 'https://:p@x.test/v3', auth },
      'baseUrl',
      'must not hold a user name or password',
    ],
    ['a ws: baseUrl', { baseUrl: 'wss://x.test/v3', auth }, 'baseUrl', 'must use https:, got wss:'],
    [
      'plain http to a private address',
      { baseUrl: 'http://10.0.0.5/v3', auth },
      'baseUrl',
      'uses plain http: to 10.0.0.5, not a loopback address (see allowInsecureHttp)',
    ],
    [
      'allowInsecureHttp as a string',
      { tenant: 'acme', auth, allowInsecureHttp: 'yes' },
      'allowInsecureHttp',
      'must be true or false, got a string',
    ],
    [
      'auth as null',
      { tenant: 'acme', auth: null },
      'auth',
      'is required: { clientId, clientSecret } or { accessToken }, got null',
    ],
    [
      'an empty access token',
      { tenant: 'acme', auth: { accessToken: '' } },
      'auth.accessToken',
      'got an empty string',
    ],
    [
      'a numeric access token',
      { tenant: 'acme', auth: { accessToken: 5 } },
      'auth.accessToken',
      'or a function; got 5',
    ],
    [
      'an access token with a space',
      { tenant: 'acme', auth: { accessToken: 'a b' } },
      'auth.accessToken',
      'got a string with spaces',
    ],
    [
      'a token with a clientSecret',
      { tenant: 'acme', auth: { accessToken: 't', clientSecret: 's' } },
      'auth',
      'not both',
    ],
    [
      'an empty client id',
      { tenant: 'acme', auth: { clientId: '', clientSecret: 's' } },
      'auth.clientId',
      'is missing',
    ],
    [
      'a numeric client id',
      { tenant: 'acme', auth: { clientId: 5, clientSecret: 's' } },
      'auth.clientId',
      'must be a string without spaces, got 5',
    ],
    [
      'a secret with a tab',
      { tenant: 'acme', auth: { clientId: 'i', clientSecret: 'a\tb' } },
      'auth.clientSecret',
      'got a string with spaces',
    ],
    [
      'a tokenUrl with a query',
      {
        tenant: 'acme',
        auth: { clientId: 'i', clientSecret: 's', tokenUrl: 'https://x.test/t?a=1' },
      },
      'auth.tokenUrl',
      'query string',
    ],
    [
      'a timeout as text',
      { tenant: 'acme', auth, timeout: '5000' },
      'timeout',
      'must be milliseconds from 0 to 2147483647, got a string',
    ],
    ['an infinite timeout', { tenant: 'acme', auth, timeout: Infinity }, 'timeout', 'got Infinity'],
    ['a NaN timeout', { tenant: 'acme', auth, timeout: NaN }, 'timeout', 'got NaN'],
    [
      'a negative refresh margin',
      { tenant: 'acme', auth, tokenRefreshMargin: -1 },
      'tokenRefreshMargin',
      'from 0 to',
    ],
    [
      'maxResponseBytes of 0',
      { tenant: 'acme', auth, maxResponseBytes: 0 },
      'maxResponseBytes',
      'must be an integer from 1 to 9007199254740991, got 0',
    ],
    [
      'fractional maxResponseBytes',
      { tenant: 'acme', auth, maxResponseBytes: 1.5 },
      'maxResponseBytes',
      'got 1.5',
    ],
    [
      'a logger that is not an object',
      { tenant: 'acme', auth, logger: 'console' },
      'logger',
      'must be an object with debug/info/warn methods, got a string',
    ],
    [
      'an empty User-Agent suffix',
      { tenant: 'acme', auth, userAgentSuffix: '   ' },
      'userAgentSuffix',
      'must be printable ASCII',
    ],
    [
      'a numeric User-Agent suffix',
      { tenant: 'acme', auth, userAgentSuffix: 1 },
      'userAgentSuffix',
      'must be printable ASCII',
    ],
    [
      'a non-ASCII User-Agent suffix',
      { tenant: 'acme', auth, userAgentSuffix: 'bot/é' },
      'userAgentSuffix',
      'must be printable ASCII',
    ],
    [
      'headers as an array',
      { tenant: 'acme', auth, headers: [] },
      'headers',
      'must be an object, got an array',
    ],
    [
      'a numeric header value',
      { tenant: 'acme', auth, headers: { 'x-n': 5 } },
      'headers.x-n',
      'must be a string, got 5',
    ],
    [
      'a header name with a space',
      { tenant: 'acme', auth, headers: { 'x a': 'v' } },
      'headers.x a',
      'is not a valid HTTP header name or value',
    ],
    [
      'a header value with a NUL',
      { tenant: 'acme', auth, headers: { 'x-a': 'a\0' } },
      'headers.x-a',
      'is not a valid HTTP header name or value',
    ],
    [
      'an authorization header in any case',
      { tenant: 'acme', auth, headers: { AUTHORIZATION: 'x' } },
      'headers.AUTHORIZATION',
      'is managed by the client',
    ],
    [
      'retry as null',
      { tenant: 'acme', auth, retry: null },
      'retry',
      'must be false or an object, got null',
    ],
    [
      'retry as an array',
      { tenant: 'acme', auth, retry: [] },
      'retry',
      'must be false or an object, got an array',
    ],
    [
      '101 attempts',
      { tenant: 'acme', auth, retry: { maxAttempts: 101 } },
      'retry.maxAttempts',
      'must be an integer from 1 to 100, got 101',
    ],
    [
      'a negative maxRetryAfter',
      { tenant: 'acme', auth, retry: { maxRetryAfter: -1 } },
      'retry.maxRetryAfter',
      'from 0 to',
    ],
    [
      'a text maxTotalWait',
      { tenant: 'acme', auth, retry: { maxTotalWait: '1' } },
      'retry.maxTotalWait',
      'got a string',
    ],
    [
      'a negative baseDelay',
      { tenant: 'acme', auth, retry: { baseDelay: -1 } },
      'retry.baseDelay',
      'from 0 to',
    ],
    [
      'a huge maxDelay',
      { tenant: 'acme', auth, retry: { maxDelay: 2 ** 31 } },
      'retry.maxDelay',
      'from 0 to 2147483647',
    ],
    [
      'statuses as a string',
      { tenant: 'acme', auth, retry: { statuses: '503' } },
      'retry.statuses',
      'must be an array of 5xx status codes',
    ],
    [
      'a 600 status',
      { tenant: 'acme', auth, retry: { statuses: [503, 600] } },
      'retry.statuses',
      'must be an array of 5xx status codes',
    ],
    [
      'a 499 status',
      { tenant: 'acme', auth, retry: { statuses: [499] } },
      'retry.statuses',
      'must be an array of 5xx status codes',
    ],
    [
      'a fractional status',
      { tenant: 'acme', auth, retry: { statuses: [503.5] } },
      'retry.statuses',
      'must be an array of 5xx status codes',
    ],
    ['a tenant ending with a hyphen', { tenant: 'acme-', auth }, 'tenant', 'got "acme-"'],
    [
      'a long tenant with dots, quoted in part',
      { tenant: 'a.'.repeat(100), auth },
      'tenant',
      `got ${JSON.stringify('a.'.repeat(100)).slice(0, 80)}; give only the tenant name, or the URL as baseUrl`,
    ],
    [
      'a relative baseUrl, quoted without credentials',
      { baseUrl: 'isc.example.test/v3?token=abc', auth },
      'baseUrl',
      'is not an absolute URL: "isc.example.test/v3?token=[REDACTED]"',
    ],
    [
      'a User-Agent suffix starting with non-ASCII',
      { tenant: 'acme', auth, userAgentSuffix: 'é bot' },
      'userAgentSuffix',
      'must be printable ASCII',
    ],
    [
      'a header value with a carriage return',
      { tenant: 'acme', auth, headers: { 'x-a': 'a\rb' } },
      'headers.x-a',
      'is not a valid HTTP header name or value',
    ],
    [
      'a header value with a line feed',
      { tenant: 'acme', auth, headers: { 'x-a': 'a\nb' } },
      'headers.x-a',
      'is not a valid HTTP header name or value',
    ],
    [
      'a header name with a colon',
      { tenant: 'acme', auth, headers: { 'x:a': 'v' } },
      'headers.x:a',
      'is not a valid HTTP header name or value',
    ],
    [
      'a header name starting with a space',
      { tenant: 'acme', auth, headers: { ' xa': 'v' } },
      'headers. xa',
      'is not a valid HTTP header name or value',
    ],
    [
      'a long relative baseUrl, quoted in part',
      { baseUrl: `api/${'p'.repeat(200)}`, auth },
      'baseUrl',
      `is not an absolute URL: ${JSON.stringify(`api/${'p'.repeat(200)}`.slice(0, 120))}`,
    ],
    [
      'a token with a clientId',
      { tenant: 'acme', auth: { accessToken: 't', clientId: 'i' } },
      'auth',
      'give clientId and clientSecret or accessToken, not both',
    ],
    [
      'a tokenUrl over plain http to a public host',
      {
        tenant: 'acme',
        auth: { clientId: 'i', clientSecret: 's', tokenUrl: 'http://sso.example.test/t' },
      },
      'auth.tokenUrl',
      'uses plain http: to sso.example.test',
    ],
    ['SAIL_CLIENT_SECRET without its id', { tenant: 'acme' }, 'SAIL_CLIENT_ID', 'is missing'],
  ])('%s', (_name, options, field, text) => {
    const env: Record<string, string> =
      field === 'SAIL_CLIENT_ID' ? { SAIL_CLIENT_SECRET: 'sec' } : {};
    const error = configError(options, env);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.message).toContain(text);
  });

  it('accepts the edges of every range', () => {
    const config = resolveOptions(
      {
        tenant: 'a'.repeat(63),
        auth,
        timeout: 0,
        tokenRefreshMargin: 2_147_483_647,
        maxResponseBytes: 1,
        retry: { maxAttempts: 100, statuses: [500, 599] },
      },
      nodePlatform(),
    );
    expect(config).toMatchObject({
      timeout: 0,
      tokenRefreshMargin: 2_147_483_647,
      maxResponseBytes: 1,
      retry: { maxAttempts: 100, statuses: [500, 599] },
    });
    expect(
      resolveOptions({ tenant: 'x', auth, retry: { maxAttempts: 1 } }, nodePlatform()).retry
        ?.maxAttempts,
    ).toBe(1);
    expect(
      resolveOptions({ tenant: 'x', auth, retry: false }, nodePlatform()).retry,
    ).toBeUndefined();
  });

  it.each(['a', 'a-b', 'ACME-01', '0'])('accepts the tenant %j', (tenant) => {
    expect(resolveOptions({ tenant, auth }, nodePlatform()).baseUrl).toBe(
      `https://${tenant.toLowerCase()}.api.identitynow.com/v3`,
    );
  });

  it.each(["!#$%&'*+.^_`|~09AZaz-"])('accepts the header name %j', (name) => {
    expect(
      resolveOptions({ tenant: 'acme', auth, headers: { [name]: 'v' } }, nodePlatform()).headers,
    ).toHaveProperty(name.toLowerCase(), 'v');
  });

  it.each(['http://127.100.200.255:8080', 'http://127.0.0.1', 'http://localhost', 'http://[::1]'])(
    'accepts plain http: to the loopback address %s',
    (baseUrl) => {
      expect(resolveOptions({ baseUrl, auth }, nodePlatform()).origin).toBe(
        new URL(baseUrl).origin,
      );
    },
  );

  it('accepts plain http: to any host, and for the token endpoint, with allowInsecureHttp', () => {
    const config = resolveOptions(
      {
        baseUrl: 'http://isc.internal.test',
        allowInsecureHttp: true,
        auth: { clientId: 'i', clientSecret: 's', tokenUrl: 'http://sso.internal.test/t' },
      },
      nodePlatform(),
    );
    expect(config).toMatchObject({
      baseUrl: 'http://isc.internal.test/v3',
      allowInsecureHttp: true,
      auth: { tokenUrl: 'http://sso.internal.test/t' },
    });
  });

  it.each<[string, unknown, string]>([
    ['a numeric tenant', 7, 'tenant: must be letters, digits and hyphens, got 7'],
    ['a tenant with a slash', 'ac/me', 'tenant: must be letters, digits and hyphens, got "ac/me"'],
    [
      'a tenant with a dot',
      'acme.example',
      'tenant: must be letters, digits and hyphens, got "acme.example"; give only the tenant name, or the URL as baseUrl',
    ],
  ])('words the message for %s exactly', (_name, tenant, message) => {
    expect(configError({ tenant, auth }).message).toBe(message);
  });

  it('reads a baseUrl of spaces as missing', () => {
    expect(configError({ baseUrl: '   ', auth }).message).toBe(
      'baseUrl: must be an absolute https: URL, got a string',
    );
  });

  it('applies the gateway limit only to hosts that end in a SailPoint domain', () => {
    const limit = (baseUrl: string) => resolveOptions({ baseUrl, auth }, nodePlatform()).rateLimit;
    expect(limit('https://acme.identitynow.com.example.test')).toBeUndefined();
    expect(limit('https://acme.sailpoint.com.example.test')).toBeUndefined();
  });

  it('treats empty SAIL_* variables as unset', () => {
    const error = configError({}, { SAIL_BASE_URL: '', SAIL_CLIENT_ID: '' });
    expect(error.field).toBe('baseUrl');
    expect(
      configError({ tenant: 'acme' }, { SAIL_CLIENT_ID: '', SAIL_CLIENT_SECRET: '' }).field,
    ).toBe('auth');
  });

  it('never quotes a credential or a header value', () => {
    const secret = 'hunter2 with spaces';
    for (const options of [
      { tenant: 'acme', auth: { clientId: 'i', clientSecret: secret } },
      { tenant: 'acme', auth: { accessToken: secret } },
      { tenant: 'acme', auth, headers: { 'x-key': `${secret}\n` } },
      { baseUrl: `https://u:${encodeURIComponent(secret)}@x.test`, auth },
    ]) {
      const error = configError(options);
      expect(error.message).not.toContain('hunter2');
    }
  });
});

describe('per-call options, read when the call runs', () => {
  const client = () => {
    const scripted = scriptedFetch(() => json({ message: 'busy' }, 503));
    const isc = createClientFor(
      { baseUrl: 'https://isc.example.test', auth, fetch: scripted.fetch, retry: { baseDelay: 1 } },
      nodePlatform(),
    );
    return { isc, calls: scripted.calls };
  };

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a timeout as text',
      { timeout: 'x' },
      'timeout',
      'must be milliseconds from 0 to 2147483647, got a string',
    ],
    [
      'a negative timeout',
      { timeout: -1 },
      'timeout',
      'must be milliseconds from 0 to 2147483647, got -1',
    ],
    ['retry as true', { retry: true }, 'retry', 'must be false or an object, got boolean'],
    [
      'zero attempts',
      { retry: { maxAttempts: 0 } },
      'retry.maxAttempts',
      'must be an integer from 1 to 100, got 0',
    ],
    [
      'statuses as a number',
      { retry: { statuses: 503 } },
      'retry.statuses',
      'must be an array of 5xx status codes',
    ],
    [
      'idempotent as text',
      { idempotent: 'yes' },
      'idempotent',
      'must be true or false, got a string',
    ],
  ])(
    'refuses %s with IscConfigError naming it, before sending',
    async (_name, init, field, text) => {
      const { isc, calls } = client();
      const error = await isc.GET('/campaigns', init).catch((caught: unknown) => caught);
      expect(isIscConfigError(error)).toBe(true);
      expect(error).toMatchObject({ field, message: `${field}: ${text}` });
      expect(calls).toHaveLength(0);
    },
  );

  it('layers a call’s retry fields over the client’s, and idempotent over the method', async () => {
    const { isc, calls } = client();
    await isc.GET('/campaigns', { retry: { maxAttempts: 2 } });
    expect(calls).toHaveLength(2);
    await isc.GET('/campaigns', { retry: { statuses: [500] } });
    expect(calls).toHaveLength(3);
    await isc.GET('/campaigns', { idempotent: false });
    expect(calls).toHaveLength(4);
    await isc.POST('/search', { body: {}, idempotent: true, retry: { maxAttempts: 4 } });
    expect(calls).toHaveLength(8);
    await isc.GET('/campaigns', { timeout: 0, retry: { maxAttempts: 1 } });
    expect(calls).toHaveLength(9);
  });

  it('builds a call’s policy over the defaults when the client retries nothing', async () => {
    const scripted = scriptedFetch(() => json({ message: 'busy' }, 503));
    const isc = createClientFor(
      { baseUrl: 'https://isc.example.test', auth, fetch: scripted.fetch, retry: false },
      nodePlatform(),
    );
    await isc.GET('/campaigns');
    expect(scripted.calls).toHaveLength(1);
    await isc.GET('/campaigns', { retry: { baseDelay: 1, maxDelay: 1 } });
    // The default policy's three attempts.
    expect(scripted.calls).toHaveLength(4);
  });

  it('falls back to the client’s settings when a middleware rebuilds the request', async () => {
    const { isc, calls } = client();
    isc.use({ onRequest: ({ request }) => new Request(request) });
    await isc.GET('/campaigns', { retry: { maxAttempts: 1 } });
    // The per-call option rode on the replaced request: the client's three attempts apply.
    expect(calls).toHaveLength(3);
  });
});
