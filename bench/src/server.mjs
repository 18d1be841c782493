#!/usr/bin/env node
// The benchmark server: a bare node:http server on 127.0.0.1, in its own process so that its work is
// not billed to the client being measured. It answers from prebuilt buffers, so what differs between
// two measured clients is the clients. Prints `ready <baseUrl>` on stdout once listening.
import http from 'node:http';
import { buildPayloads } from './payloads.mjs';

const itemCount = Number(process.env.BENCH_ITEMS ?? 50_000);
/** Time a page of `cert-tenant-latency` takes on the server, in milliseconds. */
const serverDelayMs = Number(process.env.BENCH_SERVER_DELAY_MS ?? 20);
const payloads = buildPayloads({ items: itemCount });
const json = (value) => Buffer.from(JSON.stringify(value));
const campaignBody = json(payloads.campaign);
const identityBody = json(payloads.identity);
const tokenBody = json({ access_token: 'bench-token', token_type: 'bearer', expires_in: 3600 });
const pages = new Map();

function page(offset, limit) {
  const key = `${offset}:${limit}`;
  let body = pages.get(key);
  if (!body) {
    body = json(payloads.items.slice(offset, offset + limit));
    pages.set(key, body);
  }
  return body;
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': body.length,
    ...headers,
  });
  response.end(body);
}

const server = http.createServer((request, response) => {
  // Drain any request body before answering, as a real server would.
  request.resume();
  request.on('end', () => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (request.method === 'POST' && path === '/oauth/token') return send(response, 200, tokenBody);
    if (request.method === 'POST' && path === '/v3/campaigns')
      return send(response, 202, campaignBody);
    if (request.method === 'GET' && path.startsWith('/v3/search/identities/')) {
      return send(response, 200, identityBody);
    }
    const items = /^\/v3\/certifications\/([^/]+)\/access-review-items$/.exec(path);
    if (request.method === 'GET' && items) {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 250), 250);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const headers =
        url.searchParams.get('count') === 'true' ? { 'x-total-count': String(itemCount) } : {};
      const body = page(offset, limit);
      // `cert-tenant-latency` stands for a real tenant, which spends time on every page: its answer
      // is held back by serverDelayMs. Every other certification answers at once.
      if (items[1] === 'cert-tenant-latency') {
        setTimeout(() => send(response, 200, body, headers), serverDelayMs);
        return undefined;
      }
      return send(response, 200, body, headers);
    }
    return send(response, 404, json({ detailCode: '404 Not found', messages: [] }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  process.stdout.write(`ready http://127.0.0.1:${port}/v3\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
