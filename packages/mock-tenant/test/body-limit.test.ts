// The body limit: a declared Content-Length above it is refused before any of the body is sent,
// a chunked body is refused before it ends, and both the API and the token endpoint answer 413.
import { request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockTenant, type MockTenant, type MockTenantOptions } from '../src/index.js';
import { campaignBody } from './support/bodies.js';
import { errorText, fetchToken } from './support/tenant-client.js';

const running: MockTenant[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.stop()));
});

async function start(options: MockTenantOptions = {}) {
  const tenant = await startMockTenant({ validateResponses: true, ...options });
  running.push(tenant);
  return { tenant, token: await fetchToken(tenant) };
}

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

function readAnswer(response: IncomingMessage): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      });
    });
  });
}

/**
 * Sends the headers of a POST and then `write` (which may never end the body), resolving with the
 * answer. The request is destroyed once the answer is read, so an unfinished body ends there.
 */
function rawPost(
  url: string,
  headers: Record<string, string>,
  write: (body: NodeJS.WritableStream) => void,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers }, (response) => {
      readAnswer(response).then((answer) => {
        outgoing.destroy();
        resolve(answer);
      }, reject);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // Writing after the server closed the connection is expected once the 413 is on its way.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    outgoing.flushHeaders();
    write(outgoing);
  });
}

const LIMIT_TEXT = 'The request body is larger than the limit of';

describe('the request body limit', () => {
  it('refuses a declared Content-Length above the limit at once, before any byte of the body', async () => {
    const { tenant, token } = await start();
    const answer = await rawPost(
      `${tenant.baseUrl}/campaigns`,
      {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Content-Length': String(50 * 1_048_576),
      },
      () => {
        // Nothing is sent: the answer can only come from the header.
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toMatchObject({
      detailCode: '413 Payload Too Large',
      messages: [
        {
          text: 'The request body is larger than the limit of 1048576 bytes (1 MiB).',
        },
      ],
    });
    expect(tenant.stats()).toMatchObject({
      campaignsCreated: 0,
      requests: { createCampaign: 1 },
      responses: { 413: 1 },
    });
  });

  it('cuts off a chunked body as soon as it passes the limit, before the body ends', async () => {
    const { tenant, token } = await start({ maxBodyBytes: 64 * 1024 });
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const answer = await rawPost(
      `${tenant.baseUrl}/campaigns`,
      {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
      (body) => {
        // Twice the limit, and the body is never ended: only a tenant that stops reading at the
        // limit can answer.
        for (let n = 0; n < 8; n++) body.write(chunk);
      },
    );
    expect(answer.status).toBe(413);
    expect(errorText(answer.body)).toBe(
      'The request body is larger than the limit of 65536 bytes.',
    );
    expect(tenant.stats().campaignsCreated).toBe(0);
  });

  it('accepts a chunked body within the limit', async () => {
    const { tenant, token } = await start({ maxBodyBytes: 64 * 1024 });
    const answer = await rawPost(
      `${tenant.baseUrl}/campaigns`,
      {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
      (body) => {
        const text = JSON.stringify(campaignBody());
        body.write(text.slice(0, 20));
        body.end(text.slice(20));
      },
    );
    expect(answer.status).toBe(202);
    expect(tenant.stats().campaignsCreated).toBe(1);
  });

  it('accepts a body of exactly the limit and refuses one byte more', async () => {
    const text = JSON.stringify(campaignBody());
    const bytes = Buffer.byteLength(text);
    const send = async (maxBodyBytes: number) => {
      const { tenant, token } = await start({ maxBodyBytes });
      const response = await fetch(`${tenant.baseUrl}/campaigns`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: text,
      });
      await response.arrayBuffer();
      return response.status;
    };
    expect(await send(bytes)).toBe(202);
    expect(await send(bytes - 1)).toBe(413);
  });

  it('answers a fetch of a 2 MiB body with 413 in the API error shape', async () => {
    const { tenant, token } = await start();
    const response = await fetch(`${tenant.baseUrl}/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: { query: 'a '.repeat(1_048_576) } }),
    });
    expect(response.status).toBe(413);
    expect(errorText(await response.json())).toContain(LIMIT_TEXT);
  });

  it('applies to the token endpoint too, without credentials', async () => {
    const { tenant } = await start();
    const answer = await rawPost(
      tenant.tokenUrl,
      {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(50 * 1_048_576),
      },
      () => {},
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({
      error: 'invalid_request',
      error_description: 'The request body is larger than the limit of 1048576 bytes (1 MiB).',
    });
    expect(tenant.stats()).toMatchObject({
      tokensIssued: 1,
      requests: { oauthToken: 2 },
      responses: { 413: 1 },
    });
  });

  it.each([[0], [1.5], [-1], ['1MB']])('refuses maxBodyBytes %j at start', async (value) => {
    await expect(startMockTenant({ maxBodyBytes: value as number })).rejects.toMatchObject({
      name: 'MockTenantOptionsError',
      option: 'maxBodyBytes',
    });
  });
});
