// Every error path the client has, scanned for the client secret and the access token in messages,
// JSON, util.inspect output, stacks and logger events.

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { unwrap, type IscLogEvent } from '../src/index.js';
import { CLIENT_SECRET, clientFor } from './support/fixtures.js';
import { sendJson, sendToken } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const ACCESS_TOKEN = 'live-access-token-4b9e2d7c1a';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

/** Each case: what the API answers after the token exchange, and the call that fails. */
const cases: [string, (response: import('node:http').ServerResponse) => void][] = [
  [
    'a 400 echoing the secret and the token',
    (r) =>
      sendJson(r, 400, {
        detailCode: '400',
        messages: [{ text: `bad ${CLIENT_SECRET} ${ACCESS_TOKEN}` }],
      }),
  ],
  [
    'a 401 whose error repeats the Authorization header',
    (r) => sendJson(r, 401, { error: `rejected Bearer ${ACCESS_TOKEN}` }),
  ],
  [
    'a 500 in plain text with a JWT',
    (r) => {
      r.writeHead(500, { 'content-type': 'text/plain' });
      r.end(`trace: token=${ACCESS_TOKEN} jwt ${JWT}`);
    },
  ],
  [
    'a 429 echoing the secret',
    (r) => sendJson(r, 429, { message: `slow down ${CLIENT_SECRET}` }, { 'retry-after': '99999' }),
  ],
  [
    'a 200 HTML page with the token',
    (r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.end(`<p>${ACCESS_TOKEN}</p>`);
    },
  ],
  [
    'a 200 with invalid JSON containing the token',
    (r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      r.end(`{"token": ${ACCESS_TOKEN}`);
    },
  ],
  ['a connection reset', (r) => r.socket?.destroy()],
  [
    'a body cut off',
    (r) => {
      r.writeHead(200, { 'content-type': 'application/json', 'content-length': '99' });
      r.write(`{"t":"${ACCESS_TOKEN}`);
      setTimeout(() => r.destroy(), 5);
    },
  ],
  ['a hang (timeout)', () => undefined],
];

function leaks(text: string): string[] {
  return [CLIENT_SECRET, ACCESS_TOKEN, JWT].filter((secret) => text.includes(secret));
}

describe('no secret in any error or log event', () => {
  it.each(cases)('%s', async (_name, answer) => {
    const server = await serve((request, response) =>
      request.url === '/oauth/token' ? sendToken(response, ACCESS_TOKEN) : answer(response),
    );
    const events: IscLogEvent[] = [];
    const log = (event: IscLogEvent) => events.push(event);
    const isc = clientFor(server.origin, {
      timeout: 200,
      retry: { maxAttempts: 2, baseDelay: 1 },
      logger: { debug: log, info: log, warn: log, error: log },
    });
    const error = await unwrap(isc.POST('/search', { body: { indices: ['identities'] } })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const views = [
      (error as Error).message,
      (error as Error).stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(events),
    ];
    for (const view of views) expect(leaks(view)).toEqual([]);
  });

  it('covers the token endpoint echoing the secret back', async () => {
    const server = await serve((request, response) =>
      sendJson(response, 400, {
        error: 'invalid_client',
        error_description: `unknown secret ${CLIENT_SECRET}`,
      }),
    );
    const isc = clientFor(server.origin);
    const error = await isc.GET('/campaigns').catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('[REDACTED]');
    for (const view of [
      (error as Error).message,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ]) {
      expect(leaks(view)).toEqual([]);
    }
  });
});
