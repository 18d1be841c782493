// What a rejected fetch tells the client: the error codes in its cause chain decide whether a POST may
// be sent again (the connection provably never carried it) or nothing may (a certificate error that a
// retry cannot fix), and the innermost message says what happened.

import { describe, expect, it } from 'vitest';
import { createClientFor } from '../src/client.js';
import { describeNetworkFailure, inspectNetworkFailure } from '../src/internal/network-failure.js';
import { IscConfigError, isIscNetworkError, unwrap, type IscLogEvent } from '../src/index.js';
import { clientFor, nodePlatform } from './support/fixtures.js';
import { json } from './support/scripted-fetch.js';

const coded = (code: string, message = `failure ${code}`) =>
  Object.assign(new Error(message), { code });
const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });

describe('inspectNetworkFailure', () => {
  it.each<[string, unknown, { code?: string; notSent: boolean; permanent: boolean }]>([
    [
      'a refused connection',
      fetchFailed(coded('ECONNREFUSED')),
      { code: 'ECONNREFUSED', notSent: true, permanent: false },
    ],
    [
      'a DNS failure',
      fetchFailed(coded('ENOTFOUND')),
      { code: 'ENOTFOUND', notSent: true, permanent: false },
    ],
    [
      'a DNS timeout',
      fetchFailed(coded('EAI_AGAIN')),
      { code: 'EAI_AGAIN', notSent: true, permanent: false },
    ],
    [
      'an unreachable host',
      fetchFailed(coded('EHOSTUNREACH')),
      { code: 'EHOSTUNREACH', notSent: true, permanent: false },
    ],
    [
      'an unreachable network',
      fetchFailed(coded('ENETUNREACH')),
      { code: 'ENETUNREACH', notSent: true, permanent: false },
    ],
    [
      'a connect timeout',
      fetchFailed(coded('UND_ERR_CONNECT_TIMEOUT')),
      { code: 'UND_ERR_CONNECT_TIMEOUT', notSent: true, permanent: false },
    ],
    [
      'a reset connection',
      fetchFailed(coded('ECONNRESET')),
      { code: 'ECONNRESET', notSent: false, permanent: false },
    ],
    [
      'an expired certificate',
      fetchFailed(coded('CERT_HAS_EXPIRED')),
      { code: 'CERT_HAS_EXPIRED', notSent: false, permanent: true },
    ],
    [
      'a TLS setup error',
      fetchFailed(coded('ERR_TLS_CERT_ALTNAME_INVALID')),
      { code: 'ERR_TLS_CERT_ALTNAME_INVALID', notSent: false, permanent: true },
    ],
    [
      'a self-signed certificate',
      fetchFailed(coded('DEPTH_ZERO_SELF_SIGNED_CERT')),
      { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', notSent: false, permanent: true },
    ],
    [
      'every address refused (happy eyeballs)',
      fetchFailed(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')])),
      { code: 'ECONNREFUSED', notSent: true, permanent: false },
    ],
    [
      'one address refused, one reset',
      fetchFailed(new AggregateError([coded('ECONNREFUSED'), coded('ECONNRESET')])),
      { code: 'ECONNREFUSED', notSent: false, permanent: false },
    ],
    [
      'no code at all',
      new TypeError('Failed to fetch'),
      { code: undefined, notSent: false, permanent: false },
    ],
    [
      'something that is not an error',
      'boom',
      { code: undefined, notSent: false, permanent: false },
    ],
    [
      'a numeric code',
      fetchFailed({ code: 111 }),
      { code: undefined, notSent: false, permanent: false },
    ],
    [
      'a TLS error whose code does not mention certificates',
      fetchFailed(coded('ERR_TLS_INVALID_PROTOCOL_VERSION')),
      { code: 'ERR_TLS_INVALID_PROTOCOL_VERSION', notSent: false, permanent: true },
    ],
    [
      'a TLS-like code that does not start the name',
      fetchFailed(coded('X_ERR_TLS')),
      { code: 'X_ERR_TLS', notSent: false, permanent: false },
    ],
    ['a null cause', fetchFailed(null), { code: undefined, notSent: false, permanent: false }],
  ])('%s', (_name, error, expected) => {
    expect(inspectNetworkFailure(error)).toEqual(expected);
  });

  it('reads codes from the outer error first, then down the chain', () => {
    const error = Object.assign(fetchFailed(coded('ECONNRESET')), { code: 'ECONNREFUSED' });
    expect(inspectNetworkFailure(error)).toEqual({
      code: 'ECONNREFUSED',
      notSent: false,
      permanent: false,
    });
  });

  it('stops after six levels of causes', () => {
    const nest = (levels: number) => {
      let error: unknown = coded('ECONNREFUSED');
      for (let level = 0; level < levels; level++)
        error = new Error(`level ${level}`, { cause: error });
      return error;
    };
    expect(inspectNetworkFailure(nest(5)).code).toBe('ECONNREFUSED');
    expect(inspectNetworkFailure(nest(6)).code).toBeUndefined();
  });

  it('stops in an AggregateError that lists itself', () => {
    const error = Object.assign(new AggregateError([], 'loop'), { code: 'ECONNRESET' });
    error.errors.push(error);
    expect(inspectNetworkFailure(fetchFailed(error))).toEqual({
      code: 'ECONNRESET',
      notSent: false,
      permanent: false,
    });
  });
});

describe('describeNetworkFailure', () => {
  it.each<[string, unknown, string]>([
    [
      'the innermost message',
      fetchFailed(coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9')),
      'connect ECONNREFUSED 127.0.0.1:9',
    ],
    ['the outer message without a cause', new TypeError('Failed to fetch'), 'Failed to fetch'],
    [
      'an inner message over an empty one',
      fetchFailed(new Error('', { cause: new Error('socket hang up') })),
      'socket hang up',
    ],
    [
      'the last message when the innermost has none',
      fetchFailed(new Error('', { cause: {} })),
      'fetch failed',
    ],
    ['a fallback for nothing useful', null, 'the request failed without a response'],
    ['a fallback for an empty message', new Error(''), 'the request failed without a response'],
    ['the outer message over a null cause', fetchFailed(null), 'fetch failed'],
    [
      'the outer message over a cause whose message is a number',
      fetchFailed({ message: 42 }),
      'fetch failed',
    ],
  ])('gives %s', (_name, error, expected) => {
    expect(describeNetworkFailure(error)).toBe(expected);
  });

  it('looks at most five causes deep', () => {
    let error: unknown = new Error('deepest');
    for (let level = 5; level >= 0; level--) error = new Error(`level ${level}`, { cause: error });
    expect(describeNetworkFailure(error)).toBe('level 5');
  });
});

describe('which failed requests are sent again', () => {
  const campaign = { name: 'Q3', description: 'd', type: 'MANAGER' } as const;

  /** A client whose fetch fails the first `failures.length` times with those errors. */
  function failing(failures: unknown[], browser = false) {
    let calls = 0;
    const events: IscLogEvent[] = [];
    const options = {
      auth: { accessToken: 'tok' },
      logger: { warn: (event: IscLogEvent) => events.push(event) },
      fetch: async () => {
        const failure = failures[calls++];
        if (failure !== undefined) throw failure;
        return json({ id: 'ok' });
      },
    };
    const isc = browser
      ? createClientFor(
          { baseUrl: 'https://isc.example.test/v3', retry: { baseDelay: 1 }, ...options },
          { ...nodePlatform(), followRedirects: undefined, inspectFailure: undefined },
        )
      : clientFor('https://isc.example.test', options);
    return { isc, events, calls: () => calls };
  }

  it.each([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
  ])('sends a POST again after %s (it never left)', async (code) => {
    const { isc, events, calls } = failing([fetchFailed(coded(code))]);
    await expect(unwrap(isc.POST('/campaigns', { body: campaign }))).resolves.toEqual({ id: 'ok' });
    expect(calls()).toBe(2);
    expect(events).toMatchObject([
      { type: 'retry', reason: 'network-error', status: undefined, attempt: 1 },
    ]);
  });

  it('does not send a POST again when one address refused and another reset', async () => {
    const { isc, calls } = failing([
      fetchFailed(
        new AggregateError([coded('ECONNREFUSED'), coded('ECONNRESET', 'read ECONNRESET')]),
      ),
    ]);
    const error = await isc
      .POST('/campaigns', { body: campaign })
      .catch((caught: unknown) => caught);
    expect(isIscNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', method: 'POST' });
    expect(calls()).toBe(1);
  });

  it('does not send even a GET again after a certificate error, and says why', async () => {
    const { isc, calls } = failing([
      fetchFailed(coded('CERT_HAS_EXPIRED', 'certificate has expired')),
    ]);
    const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'IscNetworkError',
      code: 'CERT_HAS_EXPIRED',
      message: 'GET https://isc.example.test/v3/campaigns failed: certificate has expired',
    });
    expect(calls()).toBe(1);
  });

  it('keeps the original error as the cause', async () => {
    const failure = fetchFailed(coded('ECONNRESET'));
    const { isc } = failing([failure, failure, failure]);
    const error = (await isc.GET('/campaigns').catch((caught: unknown) => caught)) as Error;
    expect(error.cause).toBe(failure);
  });

  it('in the browser entry, where failures prove nothing, retries a GET but never a POST', async () => {
    const get = failing([new TypeError('Failed to fetch')], true);
    await expect(unwrap(get.isc.GET('/campaigns'))).resolves.toEqual({ id: 'ok' });
    expect(get.calls()).toBe(2);
    const post = failing([new TypeError('Failed to fetch')], true);
    const error = await post.isc
      .POST('/campaigns', { body: campaign })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'IscNetworkError', code: undefined });
    expect((error as Error).message).toBe(
      'POST https://isc.example.test/v3/campaigns failed: Failed to fetch',
    );
    expect(post.calls()).toBe(1);
  });

  it('passes an isc-sdk error from the fetch through unchanged, without retrying', async () => {
    const inner = new IscConfigError('x', 'thrown inside fetch');
    let calls = 0;
    const isc = clientFor('https://isc.example.test', {
      auth: { accessToken: 'tok' },
      fetch: async () => {
        calls += 1;
        throw inner;
      },
    });
    await expect(isc.GET('/campaigns')).rejects.toBe(inner);
    expect(calls).toBe(1);
  });
});
