import { describe, expect, it } from 'vitest';
import { isIscTimeoutError, unwrap, type IscTimeoutError } from '../src/index.js';
import { createClientFor as createClientCore } from '../src/client.js';
import { clientFor, nodePlatform } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const token = { auth: { accessToken: 'tok' } } as const;

/** Never answers. */
const hang = () => serve(() => undefined);

/** Sends the status line and headers, then stalls in the middle of the body. */
const stallBody = () =>
  serve((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    response.write('{"id":');
  });

describe('timeouts', () => {
  it.each([
    ['the response never starts', hang],
    ['the body stalls half-way', stallBody],
  ])('gives IscTimeoutError when %s', async (_name, start) => {
    const server = await start();
    const isc = clientFor(server.origin, { ...token, timeout: 100 });
    const error = await isc
      .GET('/campaigns/{id}', { params: { path: { id: 'c1' } } })
      .catch((caught: unknown) => caught);
    expect(isIscTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'IscTimeoutError', timeout: 100, method: 'GET' });
    expect((error as IscTimeoutError).url).toBe(`${server.origin}/v3/campaigns/c1`);
    expect((error as Error).message).toBe(
      `GET ${server.origin}/v3/campaigns/c1 timed out after 100 ms`,
    );
  });

  it('takes a per-call timeout over the client default', async () => {
    const server = await hang();
    const isc = clientFor(server.origin, { ...token, timeout: 60_000 });
    await expect(isc.GET('/campaigns', { timeout: 50 })).rejects.toMatchObject({ timeout: 50 });
  });

  it('covers the retry waits: a wait that cannot end before the deadline is not started', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 503, { message: 'busy' }, { 'retry-after': '5' }),
    );
    const isc = clientFor(server.origin, { ...token, timeout: 1000 });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(503);
    expect(server.received).toHaveLength(1);
  });

  it('also aborts the connection in the browser entry', async () => {
    const server = await stallBody();
    const isc = createClientCore(
      { baseUrl: `${server.origin}/v3`, ...token, timeout: 80 },
      { ...nodePlatform(), abortsFetchOnTimeout: true, followRedirects: undefined },
    );
    await expect(isc.GET('/campaigns')).rejects.toMatchObject({ name: 'IscTimeoutError' });
  });
});

describe('caller abort', () => {
  it.each([
    ['while waiting for the response', hang],
    ['while reading the body', stallBody],
  ])('rejects with the caller’s own reason %s, not a timeout', async (_name, start) => {
    const server = await start();
    const isc = clientFor(server.origin, { ...token, timeout: 60_000 });
    const controller = new AbortController();
    const call = isc.GET('/campaigns', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await call.catch((caught: unknown) => caught);
    expect(isIscTimeoutError(error)).toBe(false);
    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('does not send anything when the signal is already aborted', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, []));
    const isc = clientFor(server.origin, token);
    const reason = new Error('stop');
    await expect(isc.GET('/campaigns', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.received).toHaveLength(0);
  });

  it('leaves the shared token request running when one waiting caller aborts', async () => {
    const server = await serve(async (request, response) => {
      if (request.url !== '/oauth/token') return sendJson(response, 200, []);
      await new Promise((resolve) => setTimeout(resolve, 80));
      sendJson(response, 200, { access_token: 'shared', expires_in: 600 });
    });
    const isc = clientFor(server.origin);
    const controller = new AbortController();
    const first = isc.GET('/campaigns', { signal: controller.signal });
    const second = unwrap(isc.GET('/campaigns'));
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await expect(second).resolves.toEqual([]);
    expect(server.requestsTo('/oauth/token')).toHaveLength(1);
  });
});
