import { describe, expect, it } from 'vitest';
import {
  IscApiError,
  IscAuthError,
  IscNotFoundError,
  IscRateLimitError,
  IscValidationError,
  isIscApiError,
  isIscAuthError,
  isIscError,
  isIscNotFoundError,
  isIscRateLimitError,
  isIscValidationError,
  unwrap,
} from '../src/index.js';
import { importSecondCopy } from './support/bundle.js';
import { clientFor } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const token = { auth: { accessToken: 'tok' }, retry: false } as const;

const errorDto = (detailCode: string, text: string) => ({
  detailCode,
  trackingId: '0f2a1b3c4d5e6f708192a3b4c5d6e7f8',
  messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text }],
  causes: [],
});

describe('typed errors from error responses', () => {
  it.each([
    [
      400,
      errorDto('400.1 Bad Request Content', 'name is required'),
      IscValidationError,
      isIscValidationError,
    ],
    [401, { error: 'JWT validation failed: JWT is expired' }, IscAuthError, isIscAuthError],
    [403, errorDto('403 Forbidden', 'insufficient scope'), IscAuthError, isIscAuthError],
    [404, errorDto('404 Not found', 'campaign c1 not found'), IscNotFoundError, isIscNotFoundError],
    [429, { message: ' Rate Limit Exceeded ' }, IscRateLimitError, isIscRateLimitError],
    [500, errorDto('500.0 Internal Fault', 'boom'), IscApiError, isIscApiError],
  ] as const)('%i becomes %O', async (status, body, Class, guard) => {
    const server = await serve((_request, response) => sendJson(response, status, body));
    const isc = clientFor(server.origin, token);
    const result = await isc.GET('/campaigns/{id}', { params: { path: { id: 'c1' } } });
    expect(result.error).toEqual(body);
    const error = await unwrap(Promise.resolve(result)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Class);
    expect(guard(error)).toBe(true);
    expect(isIscApiError(error)).toBe(true);
    expect(isIscError(error)).toBe(true);
    const apiError = error as IscApiError;
    expect(apiError).toMatchObject({
      status,
      method: 'GET',
      url: `${server.origin}/v3/campaigns/c1`,
    });
    expect(apiError.name).toBe(Class.name === 'IscApiError' ? 'IscApiError' : Class.name);
    if ('detailCode' in body) {
      expect(apiError.detailCode).toBe(body.detailCode);
      expect(apiError.trackingId).toBe('0f2a1b3c4d5e6f708192a3b4c5d6e7f8');
      const text = body.messages[0]?.text;
      expect(apiError.messages).toEqual([text]);
      expect(apiError.message).toContain(`${body.detailCode}: ${text}`);
      expect(apiError.message).toContain('(trackingId 0f2a1b3c4d5e6f708192a3b4c5d6e7f8)');
    }
  });

  it.each([
    [
      'an HTML page',
      { 'content-type': 'text/html' },
      '<html><body>Bad gateway</body></html>',
      'body (not JSON): <html>',
    ],
    ['an empty body', {}, '', 'and an empty body'],
  ])('explains %s', async (_name, headers, text, expected) => {
    const server = await serve((_request, response) => {
      response.writeHead(502, headers);
      response.end(text);
    });
    const isc = clientFor(server.origin, token);
    const error = await unwrap(isc.GET('/campaigns')).catch((caught: unknown) => caught);
    expect(isIscApiError(error)).toBe(true);
    expect((error as Error).message).toContain(expected);
    expect((error as IscApiError).status).toBe(502);
  });

  it('explains an error body cut off mid-way', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json', 'content-length': '500' });
      response.write('{"detailCode":"500.0 Internal');
      setTimeout(() => response.destroy(), 10);
    });
    const isc = clientFor(server.origin, token);
    const error = await unwrap(isc.GET('/campaigns')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'IscApiError', status: 500, truncated: true });
    expect((error as Error).message).toContain(
      'the connection closed before the whole body arrived',
    );
  });

  it('keeps the Response reachable but out of JSON', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 404, errorDto('404 Not found', 'gone')),
    );
    const isc = clientFor(server.origin, token);
    const error = (await unwrap(isc.GET('/campaigns')).catch(
      (caught: unknown) => caught,
    )) as IscApiError;
    expect(error.response?.status).toBe(404);
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty('response');
  });
});

describe('guards across two copies of the package', () => {
  it('recognise errors created by another module instance, where instanceof cannot', async () => {
    const other = await importSecondCopy();
    expect(other.IscNotFoundError).not.toBe(IscNotFoundError);
    const foreign = new other.IscNotFoundError({
      status: 404,
      method: 'GET',
      url: 'https://x/v3/a',
    });
    expect(foreign instanceof IscNotFoundError).toBe(false);
    expect(isIscNotFoundError(foreign)).toBe(true);
    expect(isIscApiError(foreign)).toBe(true);
    expect(isIscError(foreign)).toBe(true);
    expect(isIscAuthError(foreign)).toBe(false);
  });

  it.each([
    [null],
    [undefined],
    ['IscApiError'],
    [new Error('plain')],
    [{ name: 'IscApiError', status: 500 }],
  ])('reject %O', (value) => {
    expect(isIscError(value)).toBe(false);
    expect(isIscApiError(value)).toBe(false);
  });
});
