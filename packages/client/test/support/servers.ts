import { afterEach } from 'vitest';
import { startServer, type Handler, type LoopbackServer } from './loopback-server.js';

/** `serve(handler)` starts a loopback server that is closed after the current test. */
export function useServers(): (handler: Handler) => Promise<LoopbackServer> {
  let servers: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });
  return async (handler) => {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  };
}
