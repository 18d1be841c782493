// What the typed errors say: which class a status becomes, what is read from each kind of error body
// (SailPoint's ErrorResponseDto, OAuth errors, plain messages), the one-line message, and the
// secret-free views (`toJSON`, `util.inspect`) with their cause summaries.

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { apiErrorFromResponse } from '../src/errors/api-errors.js';
import { hasErrorBrand } from '../src/errors/isc-error.js';
import {
  IscApiError,
  IscConfigError,
  IscError,
  IscInvalidResponseError,
  IscNetworkError,
  IscPathParamError,
  IscTimeoutError,
  isIscApiError,
  isIscAuthError,
  isIscConfigError,
  isIscError,
  isIscInvalidResponseError,
  isIscNetworkError,
  isIscNotFoundError,
  isIscPathParamError,
  isIscRateLimitError,
  isIscTimeoutError,
  isIscValidationError,
  unwrap,
  type IscApiErrorDetails,
} from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { json, scriptedFetch } from './support/scripted-fetch.js';

const API = 'https://isc.example.test';

/** The error unwrap throws for an API answering `response` to GET /campaigns. */
async function errorFor(response: () => Response): Promise<IscApiError> {
  const scripted = scriptedFetch(response);
  const isc = clientFor(API, { auth: { accessToken: 'tok' }, retry: false, fetch: scripted.fetch });
  const error = await unwrap(isc.GET('/campaigns')).catch((caught: unknown) => caught);
  expect(isIscApiError(error)).toBe(true);
  return error as IscApiError;
}

const PREFIX = `GET ${API}/v3/campaigns failed with status`;

describe('what is read from an error body', () => {
  it.each<[string, unknown, Partial<IscApiError>, string]>([
    [
      'an ErrorResponseDto',
      {
        detailCode: '400.1 Bad Request Content',
        trackingId: 't-1',
        messages: [{ text: 'name is required' }, { text: '  type is required ' }, { text: '' }, {}],
        causes: [{ text: 'caused by x' }, null],
      },
      {
        detailCode: '400.1 Bad Request Content',
        trackingId: 't-1',
        messages: ['name is required', 'type is required', 'caused by x'],
      },
      ' 400: 400.1 Bad Request Content: name is required; type is required; caused by x (trackingId t-1)',
    ],
    [
      'a detailCode alone',
      { detailCode: '400.2 Bad Request' },
      { detailCode: '400.2 Bad Request', messages: [] },
      ' 400: 400.2 Bad Request',
    ],
    [
      'an error_code',
      { error_code: 'E42', message: 'nope' },
      { detailCode: 'E42', messages: ['nope'] },
      ' 400: E42: nope',
    ],
    [
      'an error',
      { error: ' JWT expired ' },
      { detailCode: undefined, messages: ['JWT expired'] },
      ' 400: JWT expired',
    ],
    [
      'an OAuth error with a description',
      { error: 'invalid_grant', error_description: 'Token revoked' },
      { detailCode: 'invalid_grant', messages: ['Token revoked'] },
      ' 400: invalid_grant: Token revoked',
    ],
    [
      'a message',
      { message: 'Rate Limit Exceeded' },
      { messages: ['Rate Limit Exceeded'] },
      ' 400: Rate Limit Exceeded',
    ],
    [
      'fields that are not text',
      { detailCode: 7, trackingId: ['t'], messages: 'x', error: {}, message: '  ' },
      { detailCode: undefined, trackingId: undefined, messages: [] },
      ' 400',
    ],
    ['a JSON array', [{ text: 'a' }], { messages: [] }, ' 400'],
  ])('reads %s', async (_name, body, fields, tail) => {
    const error = await errorFor(() => json(body, 400));
    expect(error).toMatchObject({ status: 400, ...fields, body });
    expect(error.message).toBe(`${PREFIX}${tail}`);
  });

  it('says so when the body is empty, and quotes a body that is not JSON', async () => {
    const empty = await errorFor(() => new Response(null, { status: 409, statusText: 'Conflict' }));
    expect(empty.message).toBe(`${PREFIX} 409 Conflict and an empty body`);
    expect(empty.body).toBeUndefined();
    expect(empty.statusText).toBe('Conflict');
    const text = await errorFor(
      () =>
        new Response('  upstream fell over  ', {
          status: 502,
          headers: { 'content-type': 'text/plain' },
        }),
    );
    expect(text.message).toBe(`${PREFIX} 502; body (not JSON): upstream fell over`);
    expect(text.body).toBe('  upstream fell over  ');
    const blank = await errorFor(() => new Response('   ', { status: 502 }));
    expect(blank.message).toBe(`${PREFIX} 502`);
  });

  it('reads a JSON body served as text', () => {
    const error = apiErrorFromResponse(new Response(null, { status: 400 }), ' {"message":"typed"}');
    expect(error).toMatchObject({ messages: ['typed'], body: { message: 'typed' } });
    const broken = apiErrorFromResponse(new Response(null, { status: 400 }), '{"message":');
    expect(broken).toMatchObject({ messages: [], body: '{"message":' });
    expect(broken.message).toBe('request  failed with status 400; body (not JSON): {"message":');
  });
});

describe('which class a status becomes', () => {
  it.each<[number, string, (value: unknown) => boolean]>([
    [400, 'IscValidationError', isIscValidationError],
    [401, 'IscAuthError', isIscAuthError],
    [403, 'IscAuthError', isIscAuthError],
    [404, 'IscNotFoundError', isIscNotFoundError],
    [405, 'IscApiError', isIscApiError],
    [409, 'IscApiError', isIscApiError],
    [429, 'IscRateLimitError', isIscRateLimitError],
    [500, 'IscApiError', isIscApiError],
    [503, 'IscApiError', isIscApiError],
  ])('%i -> %s', (status, name, guard) => {
    const error = apiErrorFromResponse(new Response(null, { status }), undefined);
    expect(error.name).toBe(name);
    expect(guard(error)).toBe(true);
    expect(isIscApiError(error)).toBe(true);
    for (const other of [
      isIscValidationError,
      isIscAuthError,
      isIscNotFoundError,
      isIscRateLimitError,
    ]) {
      if (other !== guard) expect(other(error)).toBe(false);
    }
    if (status === 401 || status === 403) expect(error).toMatchObject({ source: 'api' });
  });

  it('makes every token endpoint failure an IscAuthError, whatever the status', () => {
    const error = apiErrorFromResponse(new Response(null, { status: 500 }), '', 'token-endpoint');
    expect(error).toMatchObject({ name: 'IscAuthError', source: 'token-endpoint', status: 500 });
    expect(error.message).toBe(
      'Could not obtain an access token: request  failed with status 500 and an empty body',
    );
  });

  it.each<[string | null, number | undefined, string]>([
    ['7', 7, ' (retry after 7 s)'],
    ['1.2', 2, ' (retry after 2 s)'],
    ['0', 0, ' (retry after 0 s)'],
    [null, undefined, ''],
    ['soon', undefined, ''],
  ])('reads Retry-After %j of a 429 as %j seconds', (header, seconds, tail) => {
    const response = new Response(null, {
      status: 429,
      headers: header === null ? {} : { 'retry-after': header },
    });
    const error = apiErrorFromResponse(response, { message: 'slow down' });
    expect(error).toMatchObject({ name: 'IscRateLimitError', retryAfter: seconds });
    expect(error.message).toBe(`request  failed with status 429: slow down${tail}`);
  });
});

describe('the error classes', () => {
  const details: IscApiErrorDetails = {
    status: 404,
    statusText: 'Not Found',
    method: 'GET',
    url: 'https://isc.example.test/v3/campaigns/c1?token=abc',
    detailCode: '404 Not found',
    trackingId: 'trk',
    messages: ['campaign c1 not found'],
    body: { detailCode: '404 Not found' },
    truncated: true,
  };

  it('IscApiError carries every detail, the URL redacted and the Response hidden', () => {
    const response = new Response(null, { status: 404 });
    const error = new IscApiError({ ...details, response });
    expect(error).toMatchObject({
      name: 'IscApiError',
      status: 404,
      statusText: 'Not Found',
      method: 'GET',
      url: 'https://isc.example.test/v3/campaigns/c1?token=[REDACTED]',
      detailCode: '404 Not found',
      trackingId: 'trk',
      messages: ['campaign c1 not found'],
      truncated: true,
    });
    expect(error.message).toBe(
      'GET https://isc.example.test/v3/campaigns/c1?token=[REDACTED] failed with status 404 Not Found: ' +
        '404 Not found: campaign c1 not found (the connection closed before the whole body arrived) (trackingId trk)',
    );
    expect(error.response).toBe(response);
    expect(Object.keys(error)).not.toContain('response');
    const bare = new IscApiError({ status: 500, method: 'GET', url: 'https://x.test/' });
    expect(bare).toMatchObject({
      statusText: '',
      messages: [],
      truncated: false,
      response: undefined,
    });
  });

  it('toJSON gives name, message and the public fields', () => {
    const error = new IscApiError(details);
    expect(error.toJSON()).toEqual({
      name: 'IscApiError',
      message: error.message,
      status: 404,
      statusText: 'Not Found',
      method: 'GET',
      url: 'https://isc.example.test/v3/campaigns/c1?token=[REDACTED]',
      detailCode: '404 Not found',
      trackingId: 'trk',
      messages: ['campaign c1 not found'],
      body: { detailCode: '404 Not found' },
      truncated: true,
    });
  });

  it('summarises a cause chain three levels deep, redacted, keeping codes', () => {
    const innermost = Object.assign(new Error('level 4'), { code: 'E4' });
    const third = Object.assign(new Error('connect to x?token=abc', { cause: innermost }), {
      code: 42,
    });
    const second = new TypeError('fetch failed', { cause: third });
    const error = new IscNetworkError('GET', 'https://x.test/a', 'failed', second, 'ECONNRESET');
    expect(error.toJSON()['cause']).toEqual({
      name: 'TypeError',
      message: 'fetch failed',
      cause: {
        name: 'Error',
        message: 'connect to x?token=[REDACTED]',
        code: 42,
        cause: { name: 'Error', message: 'level 4', code: 'E4' },
      },
    });
    // A cause that is not an object, or an isc-sdk error.
    expect(new IscError('x', 'Bearer abc').toJSON()['cause']).toBe('Bearer [REDACTED]');
    const inner = new IscTimeoutError(5, 'GET', 'https://x.test/');
    expect(new IscError('x', inner).toJSON()['cause']).toEqual(inner.toJSON());
    expect(new IscError('x', { code: {}, message: 1 }).toJSON()['cause']).toEqual({
      name: 'undefined',
      message: '1',
    });
    expect(new IscError('plain').toJSON()).toEqual({ name: 'IscError', message: 'plain' });
    expect(Object.keys(error)).not.toContain('cause');
    expect(error.cause).toBe(second);
  });

  it('util.inspect shows the stack and the same fields, or the stack alone', () => {
    const error = new IscConfigError('timeout', 'must be milliseconds');
    const shown = inspect(error);
    expect(shown.startsWith(error.stack ?? '')).toBe(true);
    expect(shown).toContain("field: 'timeout'");
    const plain = new IscError('only a message');
    expect(inspect(plain)).toBe(plain.stack);
    const custom = (plain as unknown as Record<symbol, (...args: unknown[]) => string>)[
      Symbol.for('nodejs.util.inspect.custom')
    ];
    const withFields = new IscTimeoutError(9, 'GET', 'https://x.test/');
    // Without an inspect function (another runtime), the fields are JSON.
    expect(custom?.call(withFields, 2, {})).toBe(
      `${withFields.stack} {"timeout":9,"method":"GET","url":"https://x.test/"}`,
    );
    const stackless = new IscError('no stack');
    Object.defineProperty(stackless, 'stack', { value: undefined });
    expect(custom?.call(stackless, 2, {})).toBe('IscError: no stack');
  });

  it('the request errors say what went wrong in one line', () => {
    expect(new IscConfigError('retry.maxAttempts', 'must be an integer').message).toBe(
      'retry.maxAttempts: must be an integer',
    );
    expect(new IscPathParamError('id', '/campaigns/{id}', 'is missing')).toMatchObject({
      message: 'Path parameter "id" of /campaigns/{id} is missing',
      param: 'id',
      path: '/campaigns/{id}',
    });
    expect(new IscTimeoutError(250, 'GET', 'https://x.test/a')).toMatchObject({
      message: 'GET https://x.test/a timed out after 250 ms',
      timeout: 250,
      method: 'GET',
      url: 'https://x.test/a',
    });
    expect(new IscNetworkError('POST', 'https://x.test/a', 'reset')).toMatchObject({
      message: 'POST https://x.test/a failed: reset',
      code: undefined,
    });
    const invalid = new IscInvalidResponseError({
      reason: 'unexpected-shape',
      status: 200,
      method: 'GET',
      url: 'https://x.test/a',
      problem: 'no array',
    });
    expect(invalid).toMatchObject({
      message: 'GET https://x.test/a answered 200 with a body the client cannot use: no array',
      contentType: undefined,
      excerpt: undefined,
    });
  });

  it.each<[string, IscError, (value: unknown) => boolean]>([
    ['IscConfigError', new IscConfigError('f', 'm'), isIscConfigError],
    ['IscPathParamError', new IscPathParamError('p', '/x', 'm'), isIscPathParamError],
    ['IscTimeoutError', new IscTimeoutError(1, 'GET', 'https://x.test/'), isIscTimeoutError],
    ['IscNetworkError', new IscNetworkError('GET', 'https://x.test/', 'm'), isIscNetworkError],
    [
      'IscInvalidResponseError',
      new IscInvalidResponseError({
        reason: 'too-large',
        status: 200,
        method: 'GET',
        url: 'u',
        problem: 'p',
      }),
      isIscInvalidResponseError,
    ],
  ])('%s has its literal name and its own guard only', (name, error, guard) => {
    expect(error.name).toBe(name);
    expect(guard(error)).toBe(true);
    expect(isIscError(error)).toBe(true);
    expect(isIscApiError(error)).toBe(false);
    for (const other of [
      isIscConfigError,
      isIscPathParamError,
      isIscTimeoutError,
      isIscNetworkError,
      isIscInvalidResponseError,
    ]) {
      if (other !== guard) expect(other(error)).toBe(false);
    }
  });

  it('recognises the brand, not the shape', () => {
    const branded = { [Symbol.for('isc-sdk.error')]: true, name: 'IscNotFoundError' };
    expect(hasErrorBrand(branded)).toBe(true);
    expect(hasErrorBrand(branded, ['IscNotFoundError'])).toBe(true);
    expect(hasErrorBrand(branded, ['IscApiError'])).toBe(false);
    expect(hasErrorBrand({ [Symbol.for('isc-sdk.error')]: 'yes', name: 'IscError' })).toBe(false);
    expect(hasErrorBrand('IscError')).toBe(false);
  });
});
