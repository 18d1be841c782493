import { describe, expect, it } from 'vitest';
import { unwrap, type IscLogEvent } from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { sendJson, sendToken } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();

describe('logger', () => {
  it('receives structured events at the documented levels', async () => {
    const server = await serve((request, response, received) => {
      if (request.url === '/oauth/token') return sendToken(response, 'tok');
      if (received.length === 2) return sendJson(response, 503, { message: 'busy' });
      sendJson(response, 200, []);
    });
    const events: [string, IscLogEvent][] = [];
    const isc = clientFor(server.origin, {
      logger: {
        debug: (event) => events.push(['debug', event]),
        info: (event) => events.push(['info', event]),
        warn: (event) => events.push(['warn', event]),
      },
    });
    await unwrap(isc.GET('/campaigns'));
    expect(events.map(([level, event]) => `${level} ${event.type}`)).toEqual([
      'debug request',
      'debug response',
      'info token',
      'debug request',
      'debug response',
      'warn retry',
      'debug request',
      'debug response',
    ]);
    expect(events[5]?.[1]).toMatchObject({
      type: 'retry',
      reason: 'server-error',
      status: 503,
      attempt: 1,
    });
  });

  it('is optional per level, and a throwing logger cannot break a call', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, []));
    const isc = clientFor(server.origin, {
      auth: { accessToken: 't' },
      logger: {
        debug: () => {
          throw new Error('logger bug');
        },
      },
    });
    await expect(unwrap(isc.GET('/campaigns'))).resolves.toEqual([]);
  });
});
