// Where tokens come from: the token endpoint's answers (usable or not), the token request itself
// (headers, retries, timeout, no redirects), refreshing after a 401 without throwing away a newer
// token, token functions, and the tokens the client scrubs from error bodies.

import { describe, expect, it, vi } from 'vitest';
import {
  isIscAuthError,
  isIscConfigError,
  isIscTimeoutError,
  unwrap,
  type IscAuthError,
  type IscLogEvent,
} from '../src/index.js';
import { CLIENT_SECRET, clientFor } from './support/fixtures.js';
import { json, scriptedFetch, type Script } from './support/scripted-fetch.js';

const API = 'https://isc.example.test';
const TOKEN_URL = `${API}/oauth/token`;

/** A tenant whose token endpoint answers `token(n)` and whose API answers `api(call)`. */
function tenant(token: (index: number) => Response | Promise<Response>, api?: Script) {
  let tokens = 0;
  const scripted = scriptedFetch((call, index) =>
    call.url === TOKEN_URL ? token(tokens++) : (api?.(call, index) ?? json([])),
  );
  return {
    calls: scripted.calls,
    fetch: scripted.fetch,
    tokenRequests: () => scripted.calls.filter((call) => call.url === TOKEN_URL).length,
  };
}

const tokenBody = (accessToken: unknown, expiresIn: unknown = 600) =>
  json({ access_token: accessToken, token_type: 'bearer', expires_in: expiresIn });

describe('what the token endpoint answers', () => {
  it.each<[string, () => Response, string]>([
    ['no access_token', () => json({ token_type: 'bearer' }), 'without a usable access_token'],
    ['an empty access_token', () => tokenBody(''), 'without a usable access_token'],
    ['a numeric access_token', () => tokenBody(12345), 'without a usable access_token'],
    ['an access_token with a space', () => tokenBody('abc def'), 'without a usable access_token'],
    ['a JSON array', () => json(['tok']), 'without a usable access_token'],
    [
      'a body that is not JSON',
      () => new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }),
      'with something that is not JSON',
    ],
  ])('refuses %s with IscAuthError, asking once', async (_name, answer, problem) => {
    const { fetch, tokenRequests, calls } = tenant(answer);
    const isc = clientFor(API, { fetch });
    const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
    expect(isIscAuthError(error)).toBe(true);
    expect(error).toMatchObject({
      source: 'token-endpoint',
      status: 200,
      method: 'POST',
      url: TOKEN_URL,
      messages: [`the token endpoint answered ${problem}`],
    });
    expect((error as Error).message).toBe(
      `Could not obtain an access token: POST ${TOKEN_URL} failed with status 200: the token endpoint answered ${problem}`,
    );
    expect(tokenRequests()).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it('keeps the endpoint’s OAuth error, with the secret scrubbed', async () => {
    const { fetch } = tenant(() =>
      json({ error: 'invalid_client', error_description: `no client with ${CLIENT_SECRET}` }, 401),
    );
    const error = (await clientFor(API, { fetch })
      .GET('/campaigns')
      .catch((caught: unknown) => caught)) as IscAuthError;
    expect(error).toMatchObject({
      source: 'token-endpoint',
      status: 401,
      detailCode: 'invalid_client',
      messages: ['no client with [REDACTED]'],
      body: { error: 'invalid_client', error_description: 'no client with [REDACTED]' },
    });
  });

  it.each<[string, unknown, number | undefined]>([
    ['a number', 600, 600],
    ['a string of digits', '600', 600],
    ['the largest usable lifetime', 999_999_999, 999_999_999],
    ['a lifetime of a billion seconds', 1e9, undefined],
    ['a string in exponent form', '6e2', undefined],
    ['a string of ten digits', '1234567890', undefined],
    ['a fraction', 0.5, 0.5],
    ['a list holding a number', [600], undefined],
  ])('reads expires_in given as %s', async (_name, expiresIn, expected) => {
    const { fetch } = tenant(() => tokenBody('tok-1', expiresIn));
    const events: IscLogEvent[] = [];
    const isc = clientFor(API, { fetch, logger: { info: (event) => events.push(event) } });
    await unwrap(isc.GET('/campaigns'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'token', expiresIn: expected });
    const message = (events[0] as { message: string }).message;
    if (expected === undefined) {
      expect(message).toBe(
        `Obtained an access token from ${TOKEN_URL} without a usable expires_in (${typeof expiresIn}); treating it as valid for 60 s`,
      );
    } else {
      expect(message).toBe(`Obtained an access token from ${TOKEN_URL}`);
    }
  });
});

describe('the token request', () => {
  it('carries the client’s headers, a form body, and asks for JSON', async () => {
    const { fetch, calls } = tenant(() => tokenBody('tok-1'));
    const isc = clientFor(API, { fetch, headers: { 'x-team': 'iga' }, userAgentSuffix: 'bot/1' });
    await unwrap(isc.GET('/campaigns'));
    expect(calls[0]).toMatchObject({
      url: TOKEN_URL,
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'x-team': 'iga',
        'user-agent': 'isc-sdk-client/0.0.0-test node/test bot/1',
      },
    });
    expect(calls[0]?.headers).not.toHaveProperty('authorization');
    expect(calls[1]?.headers['authorization']).toBe('Bearer tok-1');
  });

  it('gives up on a token endpoint that hangs after the client’s timeout', async () => {
    const { fetch } = tenant(() => new Promise<Response>(() => undefined));
    const isc = clientFor(API, { fetch, timeout: 40 });
    const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
    expect(isIscTimeoutError(error)).toBe(true);
    // The call's own timeout names the call; the token request's would name the token URL.
    expect((error as Error).message).toMatch(/timed out after 40 ms$/);
  });

  it('asks again after a failed token request, not caching the failure', async () => {
    const { fetch, tokenRequests } = tenant((index) =>
      index === 0 ? json({ error: 'temporarily_unavailable' }, 400) : tokenBody('tok-2'),
    );
    const isc = clientFor(API, { fetch });
    await expect(isc.GET('/campaigns')).rejects.toMatchObject({ name: 'IscAuthError' });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual([]);
    expect(tokenRequests()).toBe(2);
  });
});

describe('refreshing after a 401', () => {
  it('does not throw away a token fetched meanwhile by another call', async () => {
    // tok-1 works for the first call, then is revoked; five calls go out with it and are refused,
    // each answer 5 ms after the one before. The first refusal fetches tok-2; the later ones must
    // not discard tok-2 (they were refused for tok-1).
    let revoked = false;
    let refused = 0;
    const { fetch, tokenRequests } = tenant(
      (index) => tokenBody(`tok-${index + 1}`),
      async (call) => {
        const bearer = call.headers['authorization'];
        if (bearer === 'Bearer tok-2' || (bearer === 'Bearer tok-1' && !revoked)) return json([]);
        const delay = refused++ * 5;
        await new Promise((resolve) => setTimeout(resolve, delay));
        return json({ error: 'JWT expired' }, 401);
      },
    );
    const isc = clientFor(API, { fetch });
    await unwrap(isc.GET('/campaigns'));
    revoked = true;
    const results = await Promise.all(Array.from({ length: 5 }, () => isc.GET('/campaigns')));
    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(refused).toBe(5);
    expect(tokenRequests()).toBe(2);
  });

  it('does not refresh for a 401 to a request that carried no token (another origin)', async () => {
    const scripted = scriptedFetch((call) =>
      call.url === TOKEN_URL ? tokenBody('tok-1') : json({ error: 'no' }, 401),
    );
    const isc = clientFor(API, { fetch: scripted.fetch });
    const result = await isc.GET('/campaigns', { baseUrl: 'https://other.example.test/v3' });
    expect(result.response.status).toBe(401);
    expect(scripted.calls.map((call) => call.url)).toEqual([
      'https://other.example.test/v3/campaigns',
    ]);
  });

  it('does not refresh for a request with a streamed body, which cannot be sent again', async () => {
    const { fetch, calls, tokenRequests } = tenant(
      (index) => tokenBody(`tok-${index + 1}`),
      () => json({ error: 'expired' }, 401),
    );
    const isc = clientFor(API, { fetch });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('[]'));
        controller.close();
      },
    });
    const send = isc.request as unknown as (
      m: string,
      p: string,
      i: object,
    ) => Promise<{ response: Response }>;
    const result = await send('POST', '/search', {
      body,
      bodySerializer: (value: unknown) => value,
      duplex: 'half',
    });
    expect(result.response.status).toBe(401);
    expect(tokenRequests()).toBe(1);
    expect(calls).toHaveLength(2);
  });
});

describe('token functions and fixed tokens', () => {
  it.each<[string, unknown, string]>([
    ['an empty string', '', 'got an empty string'],
    ['a number', 42, 'got 42'],
    ['undefined', undefined, 'got undefined'],
  ])('refuses a function returning %s, naming auth.accessToken', async (_name, value, text) => {
    const scripted = scriptedFetch(() => json([]));
    const isc = clientFor(API, {
      auth: { accessToken: () => value as string },
      fetch: scripted.fetch,
    });
    const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
    expect(isIscConfigError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `auth.accessToken: must be a function returning a non-empty string, ${text}`,
    );
    expect(scripted.calls).toHaveLength(0);
  });

  it('stops waiting for a slow token function when the caller aborts', async () => {
    const scripted = scriptedFetch(() => json([]));
    const isc = clientFor(API, {
      auth: { accessToken: () => new Promise<string>(() => undefined) },
      fetch: scripted.fetch,
    });
    const reason = new Error('gave up');
    const controller = new AbortController();
    const call = isc.GET('/campaigns', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 5);
    await expect(call).rejects.toBe(reason);
    expect(scripted.calls).toHaveLength(0);
  });

  it.each<[string, () => string | Promise<string>]>([
    ['a fixed token', () => 'fixed-token-value'],
    ['a function’s latest token', async () => 'fixed-token-value'],
  ])('scrubs %s from error bodies', async (_name, provide) => {
    const scripted = scriptedFetch(() =>
      json({ message: 'rejected fixed-token-value for this call' }, 403),
    );
    const accessToken = _name === 'a fixed token' ? (provide() as string) : provide;
    const isc = clientFor(API, { auth: { accessToken }, fetch: scripted.fetch });
    const error = await unwrap(isc.GET('/campaigns')).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('rejected [REDACTED] for this call');
  });

  it('scrubs the secret and the three latest tokens from error bodies', async () => {
    let rejectNext = 0;
    const { fetch } = tenant(
      (index) => tokenBody(`issued-token-${index + 1}`),
      (call) => {
        if (call.url.endsWith('/echo')) {
          return json(
            { message: `seen issued-token-1 issued-token-2 issued-token-3 ${CLIENT_SECRET}` },
            400,
          );
        }
        // Reject the current token `rejectNext` times, forcing refreshes.
        if (rejectNext > 0) {
          rejectNext -= 1;
          return json({ error: 'expired' }, 401);
        }
        return json([]);
      },
    );
    const isc = clientFor(API, { fetch });
    await unwrap(isc.GET('/campaigns'));
    rejectNext = 1;
    await unwrap(isc.GET('/campaigns'));
    rejectNext = 1;
    await unwrap(isc.GET('/campaigns'));
    const error = await unwrap(isc.GET('/echo' as '/campaigns')).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('seen [REDACTED] [REDACTED] [REDACTED] [REDACTED]');
    // Only the three latest are kept (the list does not grow with every refresh): after a fourth
    // token, the first is no longer known.
    rejectNext = 1;
    await unwrap(isc.GET('/campaigns'));
    const later = await unwrap(isc.GET('/echo' as '/campaigns')).catch((caught: unknown) => caught);
    expect((later as Error).message).toContain(
      'seen issued-token-1 [REDACTED] [REDACTED] [REDACTED]',
    );
  });
});

describe('token edges from the mutation run', () => {
  it('leaves no timer behind once the token has come', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { fetch } = tenant(() => tokenBody('tok-1'));
      const isc = clientFor(API, { fetch, timeout: 30_000 });
      await unwrap(isc.GET('/campaigns'));
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands a caller with a longer timeout the token request’s own timeout, naming the token URL', async () => {
    const { fetch } = tenant(() => new Promise<Response>(() => undefined));
    const isc = clientFor(API, { fetch, timeout: 40 });
    const error = await isc
      .GET('/campaigns', { timeout: 5_000 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'IscTimeoutError',
      method: 'POST',
      url: TOKEN_URL,
      timeout: 40,
    });
  });

  it('handles two refusals of the same token at once with one new token', async () => {
    let revoked = false;
    const { fetch, tokenRequests } = tenant(
      (index) => tokenBody(`tok-${index + 1}`),
      (call) =>
        call.headers['authorization'] === 'Bearer tok-1' && revoked
          ? json({ error: 'expired' }, 401)
          : json([]),
    );
    const isc = clientFor(API, { fetch });
    await unwrap(isc.GET('/campaigns'));
    revoked = true;
    const results = await Promise.all([isc.GET('/campaigns'), isc.GET('/campaigns')]);
    expect(results.map((result) => result.response.status)).toEqual([200, 200]);
    expect(tokenRequests()).toBe(2);
  });
});
