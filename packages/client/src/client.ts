// createIscClient, shared by the Node and browser entries: openapi-fetch's `createClient<paths>()` over
// the client's own `fetch` (the transport), plus the paging helpers.
//
//   entry (index.ts / browser.ts)
//     -> createClientFor(options, platform)
//          -> resolveOptions          every option checked once (internal/config.ts)
//          -> createClient<paths>()   openapi-fetch: URLs, query, body, middleware, { data, error }
//               fetch: transport      pacing, token, redirects, retries, timeouts, typed errors
//                                     (internal/transport.ts, tokens.ts, pacing.ts, responses.ts)
//          -> paginate / searchAll / searchCount, beside it (pagination/)

import type { paths } from '@isc-sdk/types';
import openapiFetch, { type Client } from 'openapi-fetch';
import { resolveOptions, type Platform } from './internal/config.js';
import { createLog } from './internal/log.js';
import { sharedPacer, tag } from './internal/pacing.js';
import { encodePath } from './internal/path-serializer.js';
import { requestClass } from './internal/request.js';
import { createTokenSource } from './internal/tokens.js';
import { createApiFetch, createExchange } from './internal/transport.js';
import type { IscClientOptions } from './options.js';
import { paginate } from './pagination/paginate.js';
import type { IscPaginateMethod } from './pagination/paginate-types.js';
import { searchAll, searchCount } from './pagination/search-all.js';
import type { IscSearchAllMethod, IscSearchCountMethod } from './pagination/search-types.js';

/**
 * The client: an openapi-fetch `Client<paths>` (typed `GET` ... `TRACE`, `request`, `use`, `eject`, and
 * `{ data, error, response }` results), so the openapi-fetch ecosystem (openapi-react-query,
 * swr-openapi, shared middleware) takes it as it is, plus paging and search iteration.
 */
export interface IscClient extends Client<paths> {
  /**
   * Iterates the items of a paged list operation across `limit`/`offset` pages. Only paths the spec
   * marks as paged compile. Errors always surface; a short page ends the iteration without another
   * request. `.pages()` yields whole pages with the `X-Total-Count` total.
   * @example
   * for await (const item of isc.paginate('/certifications/{id}/access-review-items', { params: { path: { id } } })) {
   *   console.log(item.id);
   * }
   */
  paginate: IscPaginateMethod;
  /**
   * Iterates every result of a search with `searchAfter`, past the 10,000-result window of offset
   * paging. Adds a sort when there is none and `id` as the tie-breaker; never changes `body`. Results
   * are typed by the requested indices.
   * @example
   * for await (const identity of isc.searchAll({ indices: ['identities'], query: { query: '*' } })) {
   *   console.log(identity.displayName);
   * }
   */
  searchAll: IscSearchAllMethod;
  /**
   * The number of search results matching `body` (POST /search/count, read from `X-Total-Count`).
   * @example const active = await isc.searchCount({ indices: ['identities'], query: { query: 'attributes.cloudLifecycleState:active' } });
   */
  searchCount: IscSearchCountMethod;
}

/**
 * openapi-fetch's `createClient`. Its CommonJS build exports it as `exports.default`, which the
 * CommonJS build of this package receives one level down (Node's interop makes `module.exports` the
 * default); the ESM builds get the function itself.
 */
const createClient: typeof openapiFetch =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

/** Builds a client for `platform`; every option is checked here (`IscConfigError` names the field). */
export function createClientFor(
  options: IscClientOptions | undefined,
  platform: Platform,
): IscClient {
  const config = resolveOptions(options, platform);
  const log = createLog(config.logger);
  const exchange = createExchange(config, log);
  const tokens = createTokenSource(config, log, exchange);
  const { auth, baseUrl, rateLimit } = config;
  // One budget per client id (or fixed token) and origin; a token function gets its own.
  const who =
    auth.kind === 'client-credentials'
      ? `id:${auth.clientId}`
      : auth.kind === 'static-token'
        ? `token:${tag(auth.token)}`
        : undefined;
  const pacer = rateLimit && sharedPacer(who && `${config.origin} ${who}`, rateLimit);
  const client = createClient<paths>({
    baseUrl,
    headers: config.headers,
    fetch: createApiFetch(config, exchange, tokens, pacer),
    Request: requestClass(baseUrl),
    pathSerializer: (url, params) => encodePath(url, params, baseUrl),
  }) as IscClient;
  client.paginate = ((path: string, init?: Record<string, unknown>) =>
    paginate(client, path, init)) as IscPaginateMethod;
  client.searchAll = ((body: unknown, init?: Record<string, unknown>) =>
    searchAll(client, body, init)) as IscSearchAllMethod;
  client.searchCount = ((body: unknown, init?: Record<string, unknown>) =>
    searchCount(client, body, init)) as IscSearchCountMethod;
  return client;
}
