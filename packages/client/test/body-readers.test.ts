// openapi-fetch's `parseAs` readers (json, text, blob, arrayBuffer, stream) over the client's
// transport, which reads every final body to the end before openapi-fetch sees it: a body cut off
// mid-way is retried even when the caller asked for a stream, and maxResponseBytes holds for every
// reader.

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  isIscInvalidResponseError,
  isIscNetworkError,
  unwrap,
  type IscInvalidResponseError,
} from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import { scriptedFetch } from './support/scripted-fetch.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const token = { auth: { accessToken: 'tok' } } as const;
const CAMPAIGN = { id: 'c1', name: 'Q3 review', status: 'ACTIVE' };
const TEXT = JSON.stringify(CAMPAIGN);

type ParseAs = 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';
const READERS: ParseAs[] = ['json', 'text', 'blob', 'arrayBuffer', 'stream'];

/** The text of whatever a reader returned. */
async function textOf(data: unknown): Promise<string> {
  if (typeof data === 'string') return data;
  if (data instanceof Blob) return data.text();
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (data instanceof ReadableStream) return new Response(data).text();
  return JSON.stringify(data);
}

/** Sends a 200 JSON head, a first part of the body, then drops the connection. */
function cutAfter(part: string, length = 500) {
  return (response: import('node:http').ServerResponse) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(length),
    });
    response.write(part);
    setTimeout(() => response.destroy(), 10);
  };
}

describe('every reader gets the whole body', () => {
  it.each(READERS)('parseAs %s', async (parseAs) => {
    const server = await serve((_request, response) => sendJson(response, 200, CAMPAIGN));
    const isc = clientFor(server.origin, token);
    const { data, response } = await isc.GET('/campaigns/{id}', {
      params: { path: { id: 'c1' } },
      parseAs,
    });
    expect(response.status).toBe(200);
    expect(await textOf(data)).toBe(TEXT);
    if (parseAs === 'stream') expect(data).toBeInstanceOf(ReadableStream);
    if (parseAs === 'blob') expect(data).toBeInstanceOf(Blob);
    if (parseAs === 'arrayBuffer') expect(data).toBeInstanceOf(ArrayBuffer);
  });

  it('reads a body of any type as text, where json refuses it', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end('id,name\nc1,Q3');
    });
    const isc = clientFor(server.origin, token);
    const { data } = await isc.GET('/campaigns', { parseAs: 'text' });
    expect(data).toBe('id,name\nc1,Q3');
    await expect(isc.GET('/campaigns')).rejects.toMatchObject({ reason: 'content-type' });
  });

  it('hands a decompressed body on, with headers that describe it', async () => {
    const gzipped = gzipSync(Buffer.from(TEXT));
    const server = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(gzipped.byteLength),
      });
      response.end(gzipped);
    });
    const isc = clientFor(server.origin, token);
    const { data, response } = await isc.GET('/campaigns/{id}', {
      params: { path: { id: 'c1' } },
    });
    expect(data).toEqual(CAMPAIGN);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(TEXT)));
  });

  it('gives no data for a 204, whatever the reader', async () => {
    const scripted = scriptedFetch(() => new Response(null, { status: 204 }));
    const isc = clientFor('https://isc.example.test', { ...token, fetch: scripted.fetch });
    for (const parseAs of READERS) {
      const result = await isc.DELETE('/campaign-templates/{id}', {
        params: { path: { id: 't1' } },
        parseAs,
      });
      expect(result.response.status).toBe(204);
      expect(result.data).toBeUndefined();
      expect(result.response.headers.get('content-length')).toBeNull();
    }
    expect(scripted.calls).toHaveLength(READERS.length);
  });
});

describe('a body cut off mid-way', () => {
  it.each(READERS)('is retried for a GET with parseAs %s', async (parseAs) => {
    const server = await serve((_request, response, received) =>
      received.length === 1
        ? cutAfter(TEXT.slice(0, 9))(response)
        : sendJson(response, 200, CAMPAIGN),
    );
    const isc = clientFor(server.origin, token);
    const { data } = await isc.GET('/campaigns/{id}', {
      params: { path: { id: 'c1' } },
      parseAs,
    });
    expect(await textOf(data)).toBe(TEXT);
    expect(server.received).toHaveLength(2);
  });

  it('fails a POST with IscNetworkError BODY_TRUNCATED, sent once', async () => {
    const server = await serve((_request, response) => cutAfter('{"id":')(response));
    const isc = clientFor(server.origin, token);
    const error = await isc
      .POST('/campaigns', {
        body: { name: 'Q3', description: 'd', type: 'MANAGER' },
        parseAs: 'stream',
      })
      .catch((caught: unknown) => caught);
    expect(isIscNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BODY_TRUNCATED', method: 'POST' });
    expect((error as Error).message).toBe(
      `POST ${server.origin}/v3/campaigns failed: the connection closed before the whole body arrived`,
    );
    expect(server.received).toHaveLength(1);
  });

  it('is retried for a POST marked idempotent', async () => {
    const server = await serve((_request, response, received) =>
      received.length === 1 ? cutAfter('[{"id":')(response) : sendJson(response, 200, []),
    );
    const isc = clientFor(server.origin, token);
    await expect(
      unwrap(isc.POST('/search', { body: { indices: ['identities'] }, idempotent: true })),
    ).resolves.toEqual([]);
    expect(server.received).toHaveLength(2);
  });

  it('fails a GET whose every attempt is cut, after the retry policy’s attempts', async () => {
    const server = await serve((_request, response) => cutAfter('{"id":')(response));
    const isc = clientFor(server.origin, { ...token, retry: { maxAttempts: 2, baseDelay: 1 } });
    await expect(isc.GET('/campaigns', { parseAs: 'stream' })).rejects.toMatchObject({
      name: 'IscNetworkError',
      code: 'BODY_TRUNCATED',
    });
    expect(server.received).toHaveLength(2);
  });
});

describe('maxResponseBytes', () => {
  const LIMIT = 64;
  const big = JSON.stringify({ id: 'c1', name: 'x'.repeat(100) });

  it.each(
    READERS.flatMap((parseAs) => [[parseAs, 'declared'] as const, [parseAs, 'chunked'] as const]),
  )('refuses a larger body for parseAs %s (%s length)', async (parseAs, length) => {
    const server = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        ...(length === 'declared' ? { 'content-length': String(big.length) } : {}),
      });
      // Chunked: the size is found while reading.
      if (length === 'chunked') response.write(big.slice(0, 40));
      response.end(length === 'chunked' ? big.slice(40) : big);
    });
    const isc = clientFor(server.origin, { ...token, maxResponseBytes: LIMIT });
    const error = await isc.GET('/campaigns', { parseAs }).catch((caught: unknown) => caught);
    expect(isIscInvalidResponseError(error)).toBe(true);
    expect(error).toMatchObject({
      reason: 'too-large',
      status: 200,
      method: 'GET',
      contentType: 'application/json',
    });
    expect((error as IscInvalidResponseError).message).toContain(
      `the body is over maxResponseBytes (${LIMIT})`,
    );
    // Too large is final: not retried.
    expect(server.received).toHaveLength(1);
  });

  it.each(['declared', 'chunked'])(
    'accepts a body of exactly maxResponseBytes (%s length)',
    async (length) => {
      const exact = JSON.stringify({ id: 'x'.repeat(LIMIT - 9) });
      expect(exact).toHaveLength(LIMIT);
      const server = await serve((_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/json',
          ...(length === 'declared' ? { 'content-length': String(LIMIT) } : {}),
        });
        response.write(exact.slice(0, 10));
        response.end(exact.slice(10));
      });
      const isc = clientFor(server.origin, { ...token, maxResponseBytes: LIMIT });
      await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual(JSON.parse(exact));
    },
  );

  it('does not apply to error bodies, which are cut at 1 MiB instead', async () => {
    const text = `{"message":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const server = await serve((_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(text);
    });
    const isc = clientFor(server.origin, { ...token, retry: false, maxResponseBytes: LIMIT });
    const result = await isc.GET('/campaigns');
    expect(result.response.status).toBe(500);
    // The first MiB arrived: not JSON on its own, so the error is the text, marked as cut.
    expect(typeof result.error).toBe('string');
    expect((result.error as string).length).toBeGreaterThan(LIMIT);
    expect((result.error as string).length).toBeLessThanOrEqual(1024 * 1024);
    await expect(unwrap(Promise.resolve(result))).rejects.toMatchObject({
      status: 500,
      truncated: true,
    });
  });
});

describe('what json() accepts', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/problem+json',
    'application/vnd.sailpoint+json; version=3',
    'APPLICATION/JSON',
    'text/json',
  ])('reads Content-Type %s as JSON', async (contentType) => {
    const scripted = scriptedFetch(
      () => new Response(TEXT, { headers: { 'content-type': contentType } }),
    );
    const isc = clientFor('https://isc.example.test', { ...token, fetch: scripted.fetch });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual(CAMPAIGN);
  });

  it('reads a body without a Content-Type as JSON', async () => {
    const scripted = scriptedFetch(() => {
      const response = new Response(TEXT);
      response.headers.delete('content-type');
      return response;
    });
    const isc = clientFor('https://isc.example.test', { ...token, fetch: scripted.fetch });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual(CAMPAIGN);
  });

  it.each(['application/jsonl', 'application/jsonp', 'text/html', 'application/xml'])(
    'refuses Content-Type %s',
    async (contentType) => {
      const scripted = scriptedFetch(
        () => new Response(TEXT, { headers: { 'content-type': contentType } }),
      );
      const isc = clientFor('https://isc.example.test', { ...token, fetch: scripted.fetch });
      const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        name: 'IscInvalidResponseError',
        reason: 'content-type',
        contentType,
        url: 'https://isc.example.test/v3/campaigns',
        method: 'GET',
        excerpt: TEXT,
      });
      expect((error as Error).message).toBe(
        `GET https://isc.example.test/v3/campaigns answered 200 with a body the client cannot use: ` +
          `expected JSON, got Content-Type ${contentType}; the body starts with: ${TEXT}`,
      );
    },
  );

  it('says where invalid JSON goes wrong without quoting it from the parser', async () => {
    const bad = '{"id": "c1", oops}';
    const isc = clientFor('https://isc.example.test', {
      ...token,
      fetch: async () => new Response(bad, { headers: { 'content-type': 'application/json' } }),
    });
    const error = (await isc.GET('/campaigns').catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ reason: 'invalid-json', excerpt: bad });
    expect(error.message).toMatch(
      /the body is not valid JSON \(at position \d+\); the body starts/,
    );
  });

  it('keeps an excerpt short: the first 200 characters, trimmed', async () => {
    const long = `  <html>${'y'.repeat(400)}</html>`;
    const isc = clientFor('https://isc.example.test', {
      ...token,
      fetch: async () => new Response(long, { headers: { 'content-type': 'text/html' } }),
    });
    const error = (await isc
      .GET('/campaigns')
      .catch((caught: unknown) => caught)) as IscInvalidResponseError;
    expect(error.excerpt).toBe(`${long.trim().slice(0, 200)}...`);
  });
});
