// openapi-fetch's middleware semantics, for calls that have middleware: `onRequest` in order (a Request
// replaces the request, a Response answers the call), then the transport, then `onError` in reverse
// when it failed (a Response answers, an Error replaces the error) and `onResponse` in reverse on the
// final response (a Response replaces it). Middleware sees the request before the token is attached.

import { IscConfigError } from '../errors/isc-config-error.js';
import type { Middleware, MiddlewareCallOptions } from '../middleware-types.js';
import { readableResponse } from './buffered-response.js';
import { outgoing, type OutgoingRequest } from './outgoing-request.js';
import type { Delivery } from './transport.js';

/** What middleware is told about the call besides the request. */
export interface MiddlewareContext {
  readonly schemaPath: string;
  readonly params: object;
  readonly options: MiddlewareCallOptions;
}

/** Checks middleware given to `use` or a call's `middleware` option (falsy entries are skipped). */
export function checkMiddleware(middleware: unknown): middleware is Middleware {
  if (!middleware) return false;
  if (
    typeof middleware !== 'object' ||
    !('onRequest' in middleware || 'onResponse' in middleware || 'onError' in middleware)
  ) {
    throw new IscConfigError(
      'middleware',
      'must be an object with onRequest, onResponse or onError',
    );
  }
  return true;
}

/**
 * Sends `request` through `chain` and `send`. Resolves to the final response and, when it is the one
 * the transport read, its bytes (otherwise the body is read from the response).
 */
export async function runMiddleware(
  chain: readonly Middleware[],
  request: OutgoingRequest,
  context: MiddlewareContext,
  send: (request: OutgoingRequest) => Promise<Delivery>,
): Promise<Delivery> {
  const base = { ...context, id: Math.random().toString(36).slice(2, 11) };
  const created = new Request(request.url, { ...request.init, redirect: request.redirect });
  let current = created;
  for (const middleware of chain) {
    const result = await middleware?.onRequest?.({ ...base, request: current });
    if (!result) continue;
    if (result instanceof Response) return { response: result, bytes: undefined };
    if (!(result instanceof Request)) throw returned('onRequest', 'a Request, a Response');
    current = result;
  }
  let delivery: Delivery | undefined;
  let error: unknown;
  try {
    delivery = await send(await fromRequest(current, current === created, request));
  } catch (caught) {
    error = caught;
  }
  let response: Response | undefined;
  if (delivery) {
    const { bytes } = delivery;
    response = bytes ? readableResponse(delivery.response, bytes) : delivery.response;
  } else {
    for (let index = chain.length - 1; index >= 0 && response === undefined; index--) {
      const result = await chain[index]?.onError?.({ ...base, request: current, error });
      if (result instanceof Response) response = result;
      else if (result instanceof Error) error = result;
      else if (result) throw returned('onError', 'a Response, an Error');
    }
    if (response === undefined) throw error;
  }
  const read: Response = response;
  for (let index = chain.length - 1; index >= 0; index--) {
    const result: unknown = await chain[index]?.onResponse?.({
      ...base,
      request: current,
      response,
    });
    if (!result) continue;
    if (!(result instanceof Response)) throw returned('onResponse', 'a Response');
    response = result;
  }
  return { response, bytes: response === read ? delivery?.bytes : undefined };
}

function returned(hook: string, allowed: string): IscConfigError {
  return new IscConfigError(`middleware.${hook}`, `must return ${allowed} or nothing`);
}

/** The request to send after `onRequest`: the original body when the request is still the one built. */
async function fromRequest(
  request: Request,
  unchanged: boolean,
  original: OutgoingRequest,
): Promise<OutgoingRequest> {
  const body = original.init.body;
  let sent: BodyInit | null = null;
  if (request.body !== null) {
    // A string is sent again as is, a stream once as it flows; anything else (FormData, a replaced
    // request) as the bytes the Request holds, so that they match its Content-Type.
    sent =
      unchanged && typeof body === 'string'
        ? body
        : !original.replayable && unchanged
          ? request.body
          : await request.arrayBuffer();
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return outgoing(
    request.url,
    { ...original.init, method: request.method, headers, body: sent },
    request.redirect,
  );
}
