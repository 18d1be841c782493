import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockTenant, type MockTenant } from '../src/index.js';
import { connect, fetchToken, startTestTenant, testClock } from './support/tenant-client.js';

let tenant: MockTenant;
const clock = testClock();

beforeAll(async () => {
  ({ tenant } = await startTestTenant({ now: clock.now, tokenLifetimeSeconds: 60 }));
});
afterAll(() => tenant.stop());

function tokenRequest(init: { body?: BodyInit; headers?: Record<string, string>; query?: string }) {
  return fetch(`${tenant.tokenUrl}${init.query ?? ''}`, {
    method: 'POST',
    headers: init.headers ?? {},
    ...(init.body ? { body: init.body } : {}),
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

const campaigns = (authorization?: string) =>
  fetch(
    `${tenant.baseUrl}/campaigns`,
    authorization ? { headers: { Authorization: authorization } } : {},
  );

describe('POST /oauth/token', () => {
  it('issues a JWT-shaped bearer token whose exp matches expires_in', async () => {
    const response = await tokenRequest({
      body: form({
        grant_type: 'client_credentials',
        client_id: tenant.clientId,
        client_secret: tenant.clientSecret,
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 60,
      scope: 'sp:scopes:all',
      jti: expect.any(String),
    });
    const [, payload] = String(body.access_token).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      exp: number;
      iat: number;
    };
    expect(claims.exp - claims.iat).toBe(60);
    expect(claims.iat).toBe(Math.floor(clock.now() / 1000));
  });

  it('accepts the credentials as query parameters, as the real tenant does', async () => {
    const query = `?${form({ grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.clientSecret })}`;
    expect((await tokenRequest({ query })).status).toBe(200);
  });

  it('accepts the credentials through HTTP Basic authentication', async () => {
    const basic = Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64');
    const response = await tokenRequest({
      body: form({ grant_type: 'client_credentials' }),
      headers: { Authorization: `Basic ${basic}` },
    });
    expect(response.status).toBe(200);
  });

  it('answers 401 invalid_client for a wrong secret, without echoing it', async () => {
    const response = await tokenRequest({
      body: form({
        grant_type: 'client_credentials',
        client_id: tenant.clientId,
        client_secret: 'wrong-secret-123',
      }),
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: 'invalid_client',
      error_description: 'Bad credentials',
    });
    expect(text).not.toContain('wrong-secret-123');
  });

  it('answers 400 unsupported_grant_type for other grants', async () => {
    const response = await tokenRequest({
      body: form({ grant_type: 'password', username: 'a', password: 'b' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('POST /oauth/token with malformed input', () => {
  const basic = (credentials: string) => ({
    Authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
  });
  const grant = form({ grant_type: 'client_credentials' });
  const multipart = (boundary: string, body: string) => ({
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    body,
  });

  it.each([
    ['a JSON null body', { headers: { 'Content-Type': 'application/json' }, body: 'null' }],
    ['a JSON array body', { headers: { 'Content-Type': 'application/json' }, body: '["x"]' }],
    ['JSON that does not parse', { headers: { 'Content-Type': 'application/json' }, body: '{' }],
    [
      'a JSON field that is not a string',
      {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: 7 }),
      },
    ],
    [
      'Basic credentials with a broken % escape',
      { headers: basic('%E0%A4%A:secret'), body: grant },
    ],
    ['a Basic secret with a broken % escape', { headers: basic('id:%'), body: grant }],
    ['Basic credentials without a colon', { headers: basic('only-an-id'), body: grant }],
    ['a multipart body without its closing boundary', multipart('b', '--b\r\nContent-Disp')],
    ['a multipart body with another boundary', multipart('x', '--b\r\n\r\nvalue\r\n--b--')],
    ['a multipart body without a boundary', multipart('', 'grant_type=client_credentials')],
    [
      'a body of a type the endpoint does not read',
      { headers: { 'Content-Type': 'text/plain' }, body: 'grant_type=client_credentials' },
    ],
    [
      'a Content-Type that is not a media type',
      { headers: { 'Content-Type': 'form' }, body: 'grant_type=client_credentials' },
    ],
  ])('answers 400 invalid_request for %s', async (_name, init) => {
    const response = await tokenRequest(init);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description.length).toBeGreaterThan(0);
    expect(body.error_description).not.toContain(tenant.clientSecret);
  });

  it('names what was wrong', async () => {
    const describe = async (init: Parameters<typeof tokenRequest>[0]) =>
      ((await (await tokenRequest(init)).json()) as { error_description: string })
        .error_description;
    expect(await describe({ headers: { 'Content-Type': 'application/json' }, body: 'null' })).toBe(
      'A JSON token request body must be an object of string fields.',
    );
    expect(await describe({ headers: basic('id:%zz'), body: grant })).toBe(
      'HTTP Basic credentials must be form-encoded (RFC 6749 section 2.3.1); a % escape in them is broken.',
    );
    expect(
      await describe({
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: 7 }),
      }),
    ).toBe("The JSON field 'client_id' must be a string.");
  });

  it('reads form-encoded Basic credentials whose secret holds a colon and a plus', async () => {
    const other = await startMockTenant({ clientSecret: 'se:cret with space' });
    try {
      const encoded = `${encodeURIComponent(other.clientId)}:${'se%3Acret+with+space'}`;
      const response = await fetch(other.tokenUrl, {
        method: 'POST',
        headers: basic(encoded),
        body: grant,
      });
      expect(response.status).toBe(200);
    } finally {
      await other.stop();
    }
  });

  it('reads the credentials from a well-formed multipart or JSON body', async () => {
    const fields = {
      grant_type: 'client_credentials',
      client_id: tenant.clientId,
      client_secret: tenant.clientSecret,
    };
    const multipartBody = new FormData();
    for (const [key, value] of Object.entries(fields)) multipartBody.set(key, value);
    expect((await tokenRequest({ body: multipartBody })).status).toBe(200);
    const json = await tokenRequest({
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(fields),
    });
    expect(json.status).toBe(200);
  });
});

describe('bearer token checks on API calls', () => {
  it.each([
    [
      'no Authorization header',
      undefined,
      'JWT validation failed: no Authorization header with a bearer token',
    ],
    [
      'a non-bearer header',
      'Basic abc',
      'JWT validation failed: the Authorization header is not a bearer token',
    ],
    [
      'a token the tenant never issued',
      'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln',
      'JWT validation failed: JWT is not valid',
    ],
  ])('answers 401 with the spec body { error } for %s', async (_name, header, error) => {
    const response = await campaigns(header);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error });
  });

  it('answers 401 "JWT is expired" once the lifetime has passed on the tenant clock', async () => {
    const token = await fetchToken(tenant);
    expect((await campaigns(`Bearer ${token}`)).status).toBe(200);
    clock.advance(60_000);
    const response = await campaigns(`Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'JWT validation failed: JWT is expired' });
  });

  it('expireTokens() expires every token issued so far, and stats count the 401s', async () => {
    const token = await fetchToken(tenant);
    const before = tenant.stats().unauthorized;
    tenant.expireTokens();
    expect((await campaigns(`Bearer ${token}`)).status).toBe(401);
    expect(tenant.stats().unauthorized).toBe(before + 1);
    expect((await campaigns(`Bearer ${await fetchToken(tenant)}`)).status).toBe(200);
  });

  it('setTokenLifetime() changes the lifetime of later tokens', async () => {
    tenant.setTokenLifetime(5);
    try {
      const token = await fetchToken(tenant);
      clock.advance(4_000);
      expect((await campaigns(`Bearer ${token}`)).status).toBe(200);
      clock.advance(1_000);
      expect((await campaigns(`Bearer ${token}`)).status).toBe(401);
    } finally {
      tenant.setTokenLifetime(60);
    }
  });

  it('lets @isc-sdk/client recover from an expired token with one new token', async () => {
    const isc = connect(tenant);
    expect((await isc.GET('/campaigns')).response.status).toBe(200);
    const issued = tenant.stats().tokensIssued;
    tenant.expireTokens();
    const { response } = await isc.GET('/campaigns');
    expect(response.status).toBe(200);
    expect(tenant.stats().tokensIssued).toBe(issued + 1);
  });
});
