// A loopback list endpoint over `total` items that honours limit, offset and count like the V3 API.

import type { ServerResponse } from 'node:http';
import { sendJson } from './loopback-server.js';
import type { ReceivedRequest } from './loopback-server.js';

export interface PagedOptions {
  /** Number of items. */
  total: number;
  /** Ignores `count` (no X-Total-Count header). */
  noTotal?: boolean;
  /** Answers this request (1-based, pages only) with the given status instead. */
  failAt?: { request: number; status: number; headers?: Record<string, string> };
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** Returns this many more items than asked for (a misbehaving server). */
  extra?: number;
}

/** Items `item-0` ... `item-{total-1}`. */
export function itemId(index: number): string {
  return `item-${index}`;
}

/** The state of a paged endpoint and its handler. */
export function pagedEndpoint(options: PagedOptions) {
  let inFlight = 0;
  let maxInFlight = 0;
  let pageRequests = 0;
  const handle = async (request: ReceivedRequest, response: ServerResponse) => {
    const query = new URL(request.url, 'http://x').searchParams;
    pageRequests += 1;
    const number = pageRequests;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    inFlight -= 1;
    if (options.failAt?.request === number) {
      return sendJson(
        response,
        options.failAt.status,
        { message: 'failure', detailCode: String(options.failAt.status) },
        options.failAt.headers,
      );
    }
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 250);
    const end = Math.min(options.total, offset + limit + (options.extra ?? 0));
    const items = [];
    for (let index = offset; index < end; index++)
      items.push({ id: itemId(index), name: `Item ${index}` });
    const headers: Record<string, string> =
      query.get('count') === 'true' && !options.noTotal
        ? { 'x-total-count': String(options.total) }
        : {};
    sendJson(response, 200, items, headers);
  };
  return {
    handle,
    maxInFlight: () => maxInFlight,
    pageRequests: () => pageRequests,
  };
}

/** limit, offset and count of each request to `path`. */
export function pageQueries(received: readonly ReceivedRequest[]) {
  return received.map((request) => {
    const query = new URL(request.url, 'http://x').searchParams;
    return {
      offset: Number(query.get('offset')),
      limit: Number(query.get('limit')),
      count: query.get('count') === 'true',
    };
  });
}
