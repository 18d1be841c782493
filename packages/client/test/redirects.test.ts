// The Node entry follows redirects itself (fetch with redirect: "manual"), so that the token never
// reaches another origin and a hop to plain http: is refused. The fetch is injected: hosts that must
// not be contacted (public names, plain http:) never are.

import { describe, expect, it } from 'vitest';
import { createIscClient as createBrowserClient } from '../src/browser.js';
import { isSameOrigin } from '../src/internal/config.js';
import {
  isIscNetworkError,
  unwrap,
  type IscClientOptions,
  type IscLogEvent,
  type IscNetworkError,
} from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { json, redirect, scriptedFetch, type Script } from './support/scripted-fetch.js';

const API = 'https://isc.example.test';
const TOKEN = 'api-token-0c4f1e';

function client(script: Script, options: IscClientOptions = {}) {
  const scripted = scriptedFetch(script);
  const isc = clientFor(API, { auth: { accessToken: TOKEN }, fetch: scripted.fetch, ...options });
  return { isc, calls: scripted.calls };
}

/** Redirects the first call with `status` to `location`, answers the next with 200 `{ id: 'moved' }`. */
const once =
  (status: number, location: string): Script =>
  (_call, index) =>
    index === 0 ? redirect(status, location) : json({ id: 'moved' });

type Send = (method: string, path: string, init?: Record<string, unknown>) => Promise<unknown>;
const send = (isc: { request: unknown }): Send => isc.request as Send;

async function failure(call: Promise<unknown>): Promise<IscNetworkError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isIscNetworkError(error)).toBe(true);
  return error as IscNetworkError;
}

describe('the Authorization header across redirects', () => {
  it('is kept on a same-origin hop and dropped on a hop to another origin', async () => {
    const { isc, calls } = client((_call, index) =>
      index === 0
        ? redirect(302, '/v3/campaigns-moved')
        : index === 1
          ? redirect(307, 'https://files.example.test/export')
          : json([{ id: 'c1' }]),
    );
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual([{ id: 'c1' }]);
    expect(calls.map((call) => [call.url, call.headers['authorization']])).toEqual([
      [`${API}/v3/campaigns`, `Bearer ${TOKEN}`],
      [`${API}/v3/campaigns-moved`, `Bearer ${TOKEN}`],
      ['https://files.example.test/export', undefined],
    ]);
  });

  it.each([
    ['a look-alike host that starts with the API host', 'https://isc.example.test.evil.test/v3/x'],
    ['another port', 'https://isc.example.test:8443/v3/x'],
    ['user info before the API host', 'https://isc.example.test@evil.test/v3/x'],
    ['a subdomain', 'https://eu.isc.example.test/v3/x'],
  ])('is dropped on a hop to %s', async (_name, location) => {
    const { isc, calls } = client(once(308, location));
    await unwrap(isc.GET('/campaigns'));
    expect(calls).toHaveLength(2);
    expect(calls[0]?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(calls[1]?.headers).not.toHaveProperty('authorization');
  });

  it('is not restored when a later hop comes back to the API origin', async () => {
    const { isc, calls } = client((_call, index) =>
      index === 0
        ? redirect(302, 'https://sso.example.test/bounce')
        : index === 1
          ? redirect(302, `${API}/v3/campaigns?from=sso`)
          : json([]),
    );
    await unwrap(isc.GET('/campaigns'));
    expect(calls.map((call) => call.headers['authorization'])).toEqual([
      `Bearer ${TOKEN}`,
      undefined,
      undefined,
    ]);
  });

  it('keeps the other headers on every hop', async () => {
    const { isc, calls } = client(once(302, 'https://files.example.test/x'), {
      headers: { 'x-team': 'iga' },
    });
    await unwrap(isc.GET('/campaigns'));
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers).toMatchObject({ 'x-team': 'iga', accept: 'application/json' });
  });
});

describe('the method and body across redirects (as the Fetch standard does)', () => {
  const body = { name: 'Q3', description: 'Quarterly', type: 'MANAGER' };

  it.each<[number, string, string, boolean]>([
    [303, 'POST', 'GET', false],
    [303, 'PUT', 'GET', false],
    [303, 'DELETE', 'GET', false],
    [301, 'POST', 'GET', false],
    [302, 'POST', 'GET', false],
    [301, 'PUT', 'PUT', true],
    [302, 'PATCH', 'PATCH', true],
    [307, 'POST', 'POST', true],
    [308, 'POST', 'POST', true],
    [307, 'PUT', 'PUT', true],
    [308, 'PATCH', 'PATCH', true],
  ])('%i after %s continues as %s (body kept: %s)', async (status, method, next, kept) => {
    const { isc, calls } = client(once(status, '/v3/elsewhere'));
    await send(isc)(method, '/campaigns', { body });
    expect(calls).toHaveLength(2);
    const [first, second] = calls;
    expect(first?.method).toBe(method);
    expect(first?.body).toBe(JSON.stringify(body));
    expect(second?.method).toBe(next);
    expect(second?.url).toBe(`${API}/v3/elsewhere`);
    if (kept) {
      expect(second?.body).toBe(JSON.stringify(body));
      expect(second?.headers['content-type']).toBe(first?.headers['content-type']);
    } else {
      expect(second?.body).toBeNull();
      expect(second?.headers).not.toHaveProperty('content-type');
      expect(second?.headers).not.toHaveProperty('content-length');
    }
  });

  it('keeps HEAD a HEAD after a 303', async () => {
    const { isc, calls } = client(once(303, '/v3/elsewhere'));
    await send(isc)('HEAD', '/campaigns');
    expect(calls.map((call) => call.method)).toEqual(['HEAD', 'HEAD']);
  });

  it('refuses to send a streamed body again after a 307, and sends the 303 GET without it', async () => {
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"streamed":true}'));
          controller.close();
        },
      });
    const streamed = { body: stream(), bodySerializer: (value: unknown) => value, duplex: 'half' };
    const refused = client(once(307, '/v3/elsewhere'));
    const error = await failure(send(refused.isc)('POST', '/campaigns', streamed));
    expect(error.message).toContain('streamed body cannot be sent again');
    expect(refused.calls).toHaveLength(1);

    const followed = client(once(303, '/v3/status'));
    await send(followed.isc)('POST', '/campaigns', { ...streamed, body: stream() });
    expect(followed.calls.map((call) => [call.method, call.body])).toEqual([
      ['POST', '{"streamed":true}'],
      ['GET', null],
    ]);
  });
});

describe('where a redirect may lead', () => {
  it('refuses plain http: on a host that is not loopback, and says where without credentials', async () => {
    const { isc, calls } = client(
      once(302, 'http://user:pw-9f8e@files.example.test/x?token=abc123&page=2'),
    );
    const error = await failure(isc.GET('/campaigns'));
    expect(error.message).toBe(
      `GET ${API}/v3/campaigns failed: refused a redirect to plain http: ` +
        '(http://files.example.test/x?token=[REDACTED]&page=2)',
    );
    expect(error).toMatchObject({ method: 'GET', url: `${API}/v3/campaigns` });
    expect(calls).toHaveLength(1);
  });

  it.each(['http://127.0.0.1:9/x', 'http://localhost/x', 'http://[::1]:9/x'])(
    'follows plain http: to the loopback address %s',
    async (location) => {
      const { isc, calls } = client(once(302, location));
      await unwrap(isc.GET('/campaigns'));
      expect(calls.map((call) => call.url)).toEqual([`${API}/v3/campaigns`, location]);
    },
  );

  it('follows plain http: to any host with allowInsecureHttp', async () => {
    const { isc, calls } = client(once(302, 'http://files.example.test/x'), {
      allowInsecureHttp: true,
    });
    await unwrap(isc.GET('/campaigns'));
    expect(calls[1]?.url).toBe('http://files.example.test/x');
  });

  it.each([
    ['ftp://files.example.test/x', 'redirected to a ftp: URL'],
    ['file:///etc/passwd', 'redirected to a file: URL'],
    ['data:application/json,[]', 'redirected to a data: URL'],
    ['http://[not-an-address/x', 'redirected to a Location that is not a URL'],
  ])('refuses Location %s', async (location, problem) => {
    const { isc, calls } = client(once(302, location));
    const error = await failure(isc.GET('/campaigns'));
    expect(error.message).toContain(problem);
    expect(calls).toHaveLength(1);
  });

  it('resolves a relative Location against the hop it came from', async () => {
    const { isc, calls } = client((_call, index) =>
      index === 0
        ? redirect(302, 'https://files.example.test/a/b')
        : index === 1
          ? redirect(302, '../c?d=1')
          : json([]),
    );
    await unwrap(isc.GET('/campaigns'));
    expect(calls.map((call) => call.url)).toEqual([
      `${API}/v3/campaigns`,
      'https://files.example.test/a/b',
      'https://files.example.test/c?d=1',
    ]);
  });
});

describe('how many redirects, and which requests follow them', () => {
  it('follows ten hops', async () => {
    const { isc, calls } = client((_call, index) =>
      index < 10 ? redirect(302, `/v3/hop-${index + 1}`) : json({ id: 'end' }),
    );
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual({ id: 'end' });
    expect(calls).toHaveLength(11);
    expect(calls.at(-1)?.url).toBe(`${API}/v3/hop-10`);
  });

  it('stops a redirect loop after ten hops with IscNetworkError, without retrying it', async () => {
    const { isc, calls } = client(() => redirect(302, '/v3/loop'));
    const error = await failure(isc.GET('/campaigns'));
    expect(error.message).toContain('more than 10 redirects');
    expect(error.url).toBe(`${API}/v3/loop`);
    expect(calls).toHaveLength(11);
  });

  it('always asks fetch not to follow, and reports each hop to the logger', async () => {
    const events: IscLogEvent[] = [];
    const { isc, calls } = client(once(301, '/v3/moved'), {
      logger: { debug: (event) => events.push(event) },
    });
    await unwrap(isc.GET('/campaigns'));
    expect(calls.map((call) => call.redirect)).toEqual(['manual', 'manual']);
    const hops = events.filter((event) => event.type === 'redirect');
    expect(hops).toEqual([
      {
        type: 'redirect',
        message: `${API}/v3/campaigns redirected to ${API}/v3/moved`,
        method: 'GET',
        url: `${API}/v3/campaigns`,
        location: `${API}/v3/moved`,
      },
    ]);
  });

  it("returns the 3xx itself for redirect: 'manual'", async () => {
    const { isc, calls } = client(once(302, '/v3/elsewhere'));
    const result = await isc.GET('/campaigns', { redirect: 'manual' });
    expect(result.response.status).toBe(302);
    expect(result.response.headers.get('location')).toBe('/v3/elsewhere');
    expect(calls).toHaveLength(1);
  });

  it("fails with IscNetworkError for redirect: 'error'", async () => {
    const { isc, calls } = client(once(302, '/v3/elsewhere'));
    const error = await failure(isc.GET('/campaigns', { redirect: 'error' }));
    expect(error.message).toContain(
      'the server redirected (302), and this request does not follow redirects',
    );
    expect(calls).toHaveLength(1);
  });

  it('never follows a redirect of the token request, whose body holds the secret', async () => {
    const scripted = scriptedFetch((call) =>
      call.url.endsWith('/oauth/token')
        ? redirect(307, 'https://collector.example.test/oauth/token')
        : json([]),
    );
    const isc = clientFor(API, { fetch: scripted.fetch });
    const error = await failure(isc.GET('/campaigns'));
    expect(error).toMatchObject({ method: 'POST', url: `${API}/oauth/token` });
    expect(error.message).toContain('does not follow redirects');
    expect(scripted.calls.map((call) => call.url)).toEqual([`${API}/oauth/token`]);
  });

  it('returns a redirect without a Location as it is', async () => {
    const { isc, calls } = client(() => json({ message: 'moved, somewhere' }, 301));
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(301);
    expect(result.error).toEqual({ message: 'moved, somewhere' });
    expect(calls).toHaveLength(1);
  });

  it('names the last hop in the errors and the response of a redirected call', async () => {
    const { isc } = client((_call, index) =>
      index === 0 ? redirect(302, '/v3/gone') : json({ detailCode: '404 Not found' }, 404),
    );
    const result = await isc.GET('/campaigns');
    expect(result.response.url).toBe(`${API}/v3/gone`);
    await expect(unwrap(Promise.resolve(result))).rejects.toMatchObject({
      name: 'IscNotFoundError',
      url: `${API}/v3/gone`,
    });
  });

  it('leaves redirects to the browser in the browser entry', async () => {
    const scripted = scriptedFetch(() => json([]));
    const isc = createBrowserClient({
      baseUrl: `${API}/v3`,
      auth: { accessToken: TOKEN },
      fetch: scripted.fetch,
    });
    await unwrap(isc.GET('/campaigns'));
    await unwrap(isc.GET('/campaigns', { redirect: 'manual' }));
    expect(scripted.calls.map((call) => call.redirect)).toEqual(['follow', 'manual']);
  });
});

describe('isSameOrigin', () => {
  it.each<[string, boolean]>([
    ['https://isc.example.test', true],
    ['https://isc.example.test/v3/x', true],
    ['https://isc.example.test?x=1', true],
    ['https://isc.example.test#top', true],
    ['https://isc.example.test.evil.test/v3', false],
    ['https://isc.example.test:8443/v3', false],
    ['https://isc.example.tes', false],
    ['http://isc.example.test/v3', false],
  ])('%s belongs to the API origin: %s', (url, expected) => {
    expect(isSameOrigin(url, API)).toBe(expected);
  });
});
