// The client core shared by the Node and browser entries: openapi-fetch's typed surface and middleware
// semantics over the client's own transport.

import type { IscClient } from './client.js';
import { IscConfigError } from './errors/isc-config-error.js';
import type { Middleware } from './middleware-types.js';
import { buildRequest } from './internal/build-request.js';
import { ActiveCall } from './internal/call-context.js';
import type { CallFunction } from './internal/call-function.js';
import { checkBoolean, checkNumber } from './internal/check-option.js';
import { createTokenSource } from './internal/create-token-source.js';
import { encodePath } from './internal/encode-path.js';
import { createLog } from './internal/log.js';
import { parseJsonBody } from './internal/parse-json-body.js';
import type { Platform } from './internal/platform.js';
import { readResult } from './internal/read-result.js';
import { resolveOptions } from './internal/resolve-options.js';
import { resolveRetry } from './internal/resolve-retry.js';
import { checkMiddleware, runMiddleware } from './internal/run-middleware.js';
import { serializeBody } from './internal/serialize-body.js';
import { createQuerySerializer, type QuerySerializer } from './internal/serialize-query.js';
import { createTransport } from './internal/transport.js';
import type { IscClientOptions } from './options.js';
import { paginate } from './pagination/paginate.js';
import { searchAll } from './pagination/search-all.js';
import { searchCount } from './pagination/search-count.js';

const PARSE_AS = new Set(['json', 'text', 'blob', 'arrayBuffer', 'stream']);

/** Builds a client for `platform`; every option is checked here (`IscConfigError` names the field). */
export function createClientCore(
  options: IscClientOptions | undefined,
  platform: Platform,
): IscClient {
  const config = resolveOptions(options, platform);
  const log = createLog(config.logger);
  const exchange = createTransport(config, log, () => tokens.secrets());
  const tokens = createTokenSource(config, log, exchange);
  const defaultQuerySerializer = createQuerySerializer();
  const middleware: Middleware[] = [];

  const call: CallFunction = async (method, path, init) => {
    const {
      timeout,
      retry,
      idempotent,
      signal,
      parseAs = 'json',
      middleware: callMiddleware,
      fetch,
      baseUrl,
      params = {},
      body,
      headers,
      redirect,
      querySerializer,
      bodySerializer,
      pathSerializer,
      ...extras
    } = (init ?? {}) as Record<string, any>;
    if (fetch !== undefined) throw new IscConfigError('fetch', 'is an option of createIscClient');
    if (!PARSE_AS.has(parseAs)) {
      throw new IscConfigError('parseAs', 'must be json, text, blob, arrayBuffer or stream');
    }
    if (signal != null && typeof (signal as AbortSignal).addEventListener !== 'function') {
      throw new IscConfigError('signal', 'must be an AbortSignal');
    }
    const active = new ActiveCall({
      method,
      url: config.baseUrl + path,
      timeout: timeout === undefined ? config.timeout : checkNumber('timeout', timeout, 0),
      retry: retry === undefined ? config.retry : resolveRetry(retry, config.retry),
      idempotent:
        idempotent === undefined ? undefined : checkBoolean('idempotent', idempotent, false),
      signal,
      readsBody: parseAs !== 'stream',
      expectsJson: parseAs === 'json',
      abortsFetchOnTimeout: platform.abortsFetchOnTimeout,
    });
    try {
      const serializeQuery: QuerySerializer =
        typeof querySerializer === 'function'
          ? querySerializer
          : querySerializer
            ? createQuerySerializer(querySerializer)
            : defaultQuerySerializer;
      const base = baseUrl ? String(baseUrl).replace(/\/$/, '') : config.baseUrl;
      const request = buildRequest(method, path, config.headers, {
        baseUrl: base,
        params,
        body,
        headers,
        redirect,
        querySerializer: serializeQuery,
        bodySerializer,
        pathSerializer,
        extras,
      });
      const send = (outgoing: typeof request) => exchange(outgoing, active, tokens);
      const chain: Middleware[] = callMiddleware ? [...middleware, ...callMiddleware] : middleware;
      const { response, bytes } =
        chain.length === 0
          ? await send(request)
          : await runMiddleware(
              chain,
              request,
              {
                schemaPath: path,
                params,
                options: Object.freeze({
                  baseUrl: base,
                  parseAs,
                  querySerializer: serializeQuery,
                  bodySerializer: bodySerializer ?? serializeBody,
                  pathSerializer: pathSerializer ?? encodePath,
                  fetch: config.fetch as typeof globalThis.fetch,
                }),
              },
              send,
            );
      const result = await readResult(response, bytes, method, parseAs);
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
      for (const entry of added) if (checkMiddleware(entry)) middleware.push(entry);
    },
    eject(...removed: Middleware[]) {
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
