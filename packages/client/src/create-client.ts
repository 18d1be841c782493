// The client core shared by the Node and browser entries: openapi-fetch's typed surface, with the
// client's transport as its fetch.

import type { paths } from '@isc-sdk/types';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { IscClient } from './client.js';
import { IscConfigError } from './errors/isc-config-error.js';
import { toBufferedResponse } from './internal/buffered-response.js';
import { ActiveCall } from './internal/call-context.js';
import type { CallFunction, CallResult } from './internal/call-function.js';
import { checkBoolean, checkDuration } from './internal/check-option.js';
import { createTokenSource } from './internal/create-token-source.js';
import { createDirectRequests, isDirectCall, readResult } from './internal/direct-request.js';
import { createPathEncoder, refuseMissingPathParams } from './internal/encode-path.js';
import { createLog } from './internal/log.js';
import { fromRequest, replayableRequestClass } from './internal/outgoing-request.js';
import { parseJsonBody } from './internal/parse-json-body.js';
import type { Platform } from './internal/platform.js';
import { resolveOptions } from './internal/resolve-options.js';
import { resolveRetry } from './internal/resolve-retry.js';
import { createTransport } from './internal/transport.js';
import type { IscClientOptions } from './options.js';
import { paginate } from './pagination/paginate.js';
import { searchAll } from './pagination/search-all.js';
import { searchCount } from './pagination/search-count.js';

/** Builds a client for `platform`; every option is checked here (`IscConfigError` names the field). */
export function createClientCore(
  options: IscClientOptions | undefined,
  platform: Platform,
): IscClient {
  const config = resolveOptions(options, platform);
  const log = createLog(config.logger);
  const exchange = createTransport(config, log, () => tokens.secrets());
  const tokens = createTokenSource(config, log, exchange);
  const encodePath = createPathEncoder(config.baseUrl);
  const directRequest = createDirectRequests(config.baseUrl, config.headers, encodePath);
  // openapi-fetch's own client, for calls with middleware; made when first needed.
  let core: Client<paths> | undefined;
  const openapiFetch = (): Client<paths> =>
    (core ??= createClient<paths>({
      baseUrl: config.baseUrl,
      headers: config.headers,
      Request: replayableRequestClass(),
      pathSerializer: encodePath,
    }));
  const middleware: Middleware[] = [];

  const call: CallFunction = async (method, path, init) => {
    const { timeout, retry, idempotent, signal, parseAs = 'json', ...rest } = init ?? {};
    if (path.includes('{') && (rest['params'] as { path?: unknown } | undefined)?.path == null) {
      refuseMissingPathParams(path);
    }
    if (signal != null && typeof (signal as AbortSignal).addEventListener !== 'function') {
      throw new IscConfigError('signal', 'must be an AbortSignal');
    }
    const active = new ActiveCall({
      method,
      url: config.baseUrl + path,
      timeout: timeout === undefined ? config.timeout : checkDuration('timeout', timeout, 0),
      retry: retry === undefined ? config.retry : resolveRetry(retry, config.retry),
      idempotent:
        idempotent === undefined ? undefined : checkBoolean('idempotent', idempotent, false),
      signal: signal as AbortSignal | null | undefined,
      readsBody: parseAs !== 'stream',
      expectsJson: parseAs === 'json',
      abortsFetchOnTimeout: platform.abortsFetchOnTimeout,
    });
    try {
      let result: CallResult;
      if (middleware.length === 0 && isDirectCall(rest)) {
        const delivery = await exchange(directRequest(method, path, rest), active, tokens);
        result = readResult(delivery, method, parseAs as string);
      } else {
        // JSON is read as text and parsed below, so that a bad body becomes a typed error.
        rest['parseAs'] = active.expectsJson ? 'text' : parseAs;
        rest['fetch'] = async (request: Request) => {
          const { response, bytes } = await exchange(await fromRequest(request), active, tokens);
          return bytes === undefined ? response : toBufferedResponse(response, bytes, active);
        };
        // openapi-fetch's `request(method, path, init)`, without its per-path typing (the public methods have it).
        result = await (openapiFetch().request as unknown as CallFunction)(method, path, rest);
      }
      if (active.expectsJson && typeof result.data === 'string') {
        result.data = parseJsonBody(
          result.data,
          result.response,
          method,
          active.url,
          tokens.secrets(),
        );
      }
      return result;
    } catch (error) {
      throw active.failure(error);
    } finally {
      active.end();
    }
  };

  const method =
    (name: string) =>
    (path: string, init?: Record<string, unknown>): ReturnType<CallFunction> =>
      call(name, path, init);

  const client = {
    GET: method('GET'),
    POST: method('POST'),
    PUT: method('PUT'),
    PATCH: method('PATCH'),
    DELETE: method('DELETE'),
    use(...added: Middleware[]) {
      openapiFetch().use(...added);
      for (const entry of added) if (entry) middleware.push(entry);
    },
    eject(...removed: Middleware[]) {
      openapiFetch().eject(...removed);
      for (const entry of removed) {
        const index = middleware.indexOf(entry);
        if (index !== -1) middleware.splice(index, 1);
      }
    },
    paginate: (path: string, init?: Record<string, unknown>) => paginate(call, path, init),
    searchAll: (body: unknown, init?: Record<string, unknown>) => searchAll(call, body, init),
    searchCount: (body: unknown, init?: Record<string, unknown>) => searchCount(call, body, init),
  };
  return client as unknown as IscClient;
}
