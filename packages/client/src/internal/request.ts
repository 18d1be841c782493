// What the transport reads from the Request that openapi-fetch built: the call's own options (which
// openapi-fetch passes through on the request), the caller's signal, and a body it can send again.

import { IscPathParamError } from '../errors/request-errors.js';
import { checkBoolean, checkNumber } from './checks.js';
import type { ClientConfig } from './config.js';
import { resolveRetry, type RetryPolicy } from './retry.js';

const INIT = Symbol('isc-sdk.request-init');

/** Per-call options that openapi-fetch hands through untouched (unknown keys of `init`). */
interface CallInit extends RequestInit {
  timeout?: unknown;
  retry?: unknown;
  idempotent?: unknown;
}

/**
 * openapi-fetch's `Request` option for a client whose API base is `base`: a real Request (middleware
 * sees nothing different) that also keeps the init it was made from, so the transport can send the
 * serialised body again without reading a stream, and can tell the caller's own signal from the one
 * every Request has. It refuses a path whose `{placeholder}` was never filled (openapi-fetch leaves it
 * in the URL when `params.path` is missing altogether).
 */
export function requestClass(base: string): typeof Request {
  return class IscRequest extends Request {
    declare [INIT]: CallInit | undefined;

    /**
     * openapi-fetch checks what `onRequest` returns with `instanceof` this class; a middleware's own
     * `new Request(...)` must pass that check too.
     */
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Request;
    }

    constructor(input: RequestInfo | URL, init?: RequestInit) {
      if (typeof input === 'string') {
        const path = (input.startsWith(base) ? input.slice(base.length) : input).split('?', 1)[0];
        const open = (path as string).indexOf('{');
        if (open !== -1) {
          throw new IscPathParamError(
            (path as string).slice(open + 1, (path as string).indexOf('}', open)),
            path as string,
            'is missing (no params.path given)',
          );
        }
      }
      super(input, init);
      this[INIT] = init;
    }
  };
}

/** The init a request was made from, when this client's `requestClass` made it. */
function initOf(request: Request): CallInit | undefined {
  return (request as { [INIT]?: CallInit })[INIT];
}

/** One request as the transport sends it (and sends again, for a retry or a redirect). */
export interface Outgoing {
  readonly url: string;
  readonly method: string;
  /** Lower-case names; the transport sets and removes `authorization`. */
  readonly headers: Record<string, string>;
  readonly body: BodyInit | null;
  /** False for a streamed body, which can be sent only once. */
  readonly replayable: boolean;
  readonly redirect: RequestRedirect;
}

/** How one call behaves: its options, resolved over the client's. */
export interface CallSettings {
  readonly timeout: number;
  readonly retry: RetryPolicy | undefined;
  readonly idempotent: boolean | undefined;
  readonly signal: AbortSignal | null | undefined;
}

/** The call's settings: its own `timeout`, `retry` and `idempotent` over the client's. */
export function callSettings(request: Request, config: ClientConfig): CallSettings {
  const init = initOf(request);
  // Options ride on the request (openapi-fetch copies unknown init keys onto it); a request that a
  // middleware rebuilt has lost them, and gets the client's defaults.
  const own = (init ?? request) as CallInit;
  const { timeout, retry, idempotent } = own;
  return {
    timeout: timeout === undefined ? config.timeout : checkNumber('timeout', timeout, 0),
    retry: retry === undefined ? config.retry : resolveRetry(retry, config.retry),
    idempotent:
      idempotent === undefined ? undefined : checkBoolean('idempotent', idempotent, false),
    signal: init ? init.signal : request.signal,
  };
}

/** The request as the transport sends it. */
export async function outgoing(request: Request): Promise<Outgoing> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const { method } = request;
  // Every V3 PATCH takes JSON Patch; openapi-fetch labels every body plain JSON.
  if (method === 'PATCH' && headers['content-type'] === 'application/json') {
    headers['content-type'] = 'application/json-patch+json';
  }
  const init = initOf(request);
  let body: BodyInit | null = null;
  let replayable = true;
  if (init && !request.bodyUsed) {
    body = init.body ?? null;
    replayable = !(body instanceof ReadableStream);
  } else if (request.body !== null) {
    body = await request.arrayBuffer();
  }
  return { url: request.url, method, headers, body, replayable, redirect: request.redirect };
}
