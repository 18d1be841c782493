import { describe, expect, it } from 'vitest';
import {
  isIscInvalidResponseError,
  isIscNetworkError,
  isIscRateLimitError,
  unwrap,
  type IscInvalidResponseError,
} from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const token = { auth: { accessToken: 'tok' } } as const;

function raw(status: number, headers: Record<string, string>, body: string | Buffer) {
  return serve((_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  });
}

describe('success responses the client cannot use', () => {
  it('refuses a 200 HTML page (a proxy login page) with an excerpt', async () => {
    const server = await raw(
      200,
      { 'content-type': 'text/html' },
      '<html><title>Sign in</title></html>',
    );
    const error = await clientFor(server.origin, token)
      .GET('/campaigns')
      .catch((caught: unknown) => caught);
    expect(isIscInvalidResponseError(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'content-type', status: 200, contentType: 'text/html' });
    expect((error as Error).message).toContain('expected JSON, got Content-Type text/html');
    expect((error as Error).message).toContain('<html><title>Sign in');
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/octet-stream', '\u0000\u0001binary'],
  ])('refuses a wrong content type (%s)', async (contentType, body) => {
    const server = await raw(200, { 'content-type': contentType }, body);
    await expect(clientFor(server.origin, token).GET('/campaigns')).rejects.toMatchObject({
      name: 'IscInvalidResponseError',
      reason: 'content-type',
    });
  });

  it.each([
    ['not JSON at all', 'hello world'],
    ['cut JSON', '{"id": "c1", "name": '],
    ['trailing garbage', '{"id": "c1"} trailing'],
  ])('refuses invalid JSON labelled as JSON (%s)', async (_name, body) => {
    const server = await raw(200, { 'content-type': 'application/json' }, body);
    const error = await clientFor(server.origin, token)
      .GET('/campaigns')
      .catch((caught: unknown) => caught);
    expect(isIscInvalidResponseError(error)).toBe(true);
    expect((error as IscInvalidResponseError).reason).toBe('invalid-json');
    expect((error as Error).message).toContain('is not valid JSON');
  });

  it('refuses a 10 MB body over maxResponseBytes without reading it all', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const server = await raw(200, { 'content-type': 'application/json' }, big);
    const isc = clientFor(server.origin, { ...token, maxResponseBytes: 1024 * 1024 });
    await expect(isc.GET('/campaigns')).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('reads a 10 MB body under the default limit, and keeps the message short when it is not JSON', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length up front
      response.end(big);
    });
    const error = await clientFor(server.origin, token)
      .GET('/campaigns')
      .catch((caught: unknown) => caught);
    expect((error as IscInvalidResponseError).reason).toBe('invalid-json');
    expect((error as Error).message.length).toBeLessThan(600);
  });

  it('accepts a 10 MB JSON body', async () => {
    const items = Array.from({ length: 40_000 }, (_, index) => ({
      id: `item-${index}`,
      name: 'x'.repeat(220),
    }));
    const server = await serve((_request, response) => sendJson(response, 200, items));
    const data = await unwrap(clientFor(server.origin, token).GET('/campaigns'));
    expect(data).toHaveLength(40_000);
  });

  it('retries an idempotent call whose body was cut off, and fails a POST clearly', async () => {
    const server = await serve((request, response, received) => {
      if (request.method === 'GET' && received.length > 1)
        return sendJson(response, 200, { id: 'ok' });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      response.write('{"id":');
      setTimeout(() => response.destroy(), 10);
    });
    const isc = clientFor(server.origin, token);
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual({ id: 'ok' });
    expect(server.received).toHaveLength(2);
    const error = await isc
      .POST('/campaigns', { body: { name: 'Q3', description: 'd', type: 'MANAGER' } })
      .catch((caught: unknown) => caught);
    expect(isIscNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BODY_TRUNCATED', method: 'POST' });
    expect(
      server.requestsTo('/v3/campaigns').filter((request) => request.method === 'POST'),
    ).toHaveLength(1);
  });

  it('fails clearly on a 429 asking for a year, without waiting', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 429, { message: 'Rate Limit Exceeded' }, { 'retry-after': '31536000' }),
    );
    const error = await unwrap(clientFor(server.origin, token).GET('/campaigns')).catch(
      (caught: unknown) => caught,
    );
    expect(isIscRateLimitError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `GET ${server.origin}/v3/campaigns failed with status 429 Too Many Requests: Rate Limit Exceeded (retry after 31536000 s)`,
    );
  });
});
