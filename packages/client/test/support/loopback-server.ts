// A real HTTP server on 127.0.0.1 for the tests: each test gives a handler and reads back what the
// server received. Connections are closed when the server stops, so a hanging response cannot outlive
// its test.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface ReceivedRequest {
  readonly method: string;
  /** The raw request target, exactly as sent (still percent-encoded). */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** Answers one request; `received` has every request so far, this one last. */
export type Handler = (
  request: ReceivedRequest,
  response: ServerResponse,
  received: readonly ReceivedRequest[],
) => unknown;

/** A running loopback server. */
export interface LoopbackServer {
  /** e.g. `http://127.0.0.1:40123` */
  readonly origin: string;
  /** Every request received, in order. */
  readonly received: ReceivedRequest[];
  /** Requests received for `path` (the part before `?`). */
  requestsTo(path: string): ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a server on an ephemeral port of 127.0.0.1. */
export async function startServer(handler: Handler): Promise<LoopbackServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: ReceivedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      Promise.resolve(handler(request, response, received)).catch((error: unknown) => {
        response.statusCode = 599;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    requestsTo: (path) => received.filter((request) => request.url.split('?')[0] === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` as JSON with `status`. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** A token endpoint answer. */
export function sendToken(response: ServerResponse, accessToken: string, expiresIn = 749): void {
  sendJson(response, 200, {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: expiresIn,
  });
}
