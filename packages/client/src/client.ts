// The public shape of the client returned by `createIscClient`.

import type { Middleware } from './middleware-types.js';
import type {
  IscCallInit,
  IscHttpMethod,
  IscOperation,
  IscPathsWithMethod,
  IscRequestOptions,
  IscResult,
} from './operation-types.js';
import type { IscCallOptions } from './options.js';
import type {
  IscPagedPath,
  IscPaginateOptions,
  IscPaginator,
  IscPageItem,
  IscPagedMethod,
} from './pagination/paginate-types.js';
import type {
  IscSearchAllBody,
  IscSearchAllOptions,
  IscSearchBody,
  IscSearchCallOptions,
  IscSearchDocument,
  IscSearchIndex,
} from './pagination/search-types.js';

export type { IscHttpMethod, IscPathsWithMethod } from './operation-types.js';

/** The keys of `T` that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * The trailing `init` argument: optional when the operation needs no path parameter, query parameter or
 * body, required otherwise; openapi-fetch's options plus the client's per-call options.
 */
export type IscInitArgument<Init, Extra = IscCallOptions> =
  RequiredKeys<Init> extends never ? [init?: Init & Extra] : [init: Init & Extra];

/**
 * `IscInitArgument` for an `Init` that already includes the per-call options. `{} extends Init` holds
 * exactly when no key is required: one relation check instead of a mapped type with a `Pick` per key.
 */
type InitArgument<Init> = {} extends Init ? [init?: Init] : [init: Init];

/**
 * `Checked`, whatever `Init` is. While a call's type arguments are being inferred, `Init` is not known
 * and has no constraint, so neither has this type, and the compiler does not type the `init` argument
 * contextually by `Checked`: for a path that is still generic, that would resolve the params and body
 * of every operation of the method. Once the path is inferred, the argument is checked against
 * `Checked` for that path.
 */
type AfterInference<Init, Checked> = [Init] extends [unknown] ? Checked : Init;

/**
 * One HTTP method of the client: openapi-fetch's typed call (path checked against the spec, params and
 * body typed per operation) resolving to `{ data, error, response }`. `Init` is the type of the `init`
 * argument as given, read for its `parseAs`. The argument is checked, excess properties included,
 * against the operation's `IscCallInit` and the per-call options; while the path is being inferred, only
 * the options that do not depend on the operation type it contextually (literal `parseAs` values,
 * middleware callbacks).
 */
export type IscClientMethod<Method extends IscHttpMethod> = <
  Path extends IscPathsWithMethod<Method>,
  Init,
>(
  path: Path,
  ...init: InitArgument<
    AfterInference<Init, IscCallInit<IscOperation<Path, Method>>> &
      IscRequestOptions &
      IscCallOptions
  >
) => Promise<IscResult<IscOperation<Path, Method>, Init>>;

/** The client: typed HTTP methods, openapi-fetch middleware, pagination and search iteration. */
export interface IscClient {
  /**
   * Sends a GET. Resolves to `{ data, error, response }`: `data` for a 2xx, `error` (the parsed body)
   * otherwise; transport failures (network, timeout, abort) reject. See `unwrap` for the throwing style.
   * @example const { data, error } = await isc.GET('/campaigns/{id}', { params: { path: { id } } });
   */
  GET: IscClientMethod<'get'>;
  /**
   * Sends a POST. POSTs are retried only on 429 or when the request provably never left; pass
   * `idempotent: true` for read-only POSTs such as `/search`.
   * @example await isc.POST('/campaigns', { body: { name, description, type: 'MANAGER' } });
   */
  POST: IscClientMethod<'post'>;
  /**
   * Sends a PUT.
   * @example await isc.PUT('/campaign-templates/{id}/schedule', { params: { path: { id } }, body });
   */
  PUT: IscClientMethod<'put'>;
  /**
   * Sends a PATCH (the client labels the body `application/json-patch+json`, as every V3 PATCH needs).
   * @example await isc.PATCH('/campaigns/{id}', { params: { path: { id } }, body: [{ op: 'replace', path: '/name', value: 'Q3' }] });
   */
  PATCH: IscClientMethod<'patch'>;
  /**
   * Sends a DELETE.
   * @example await isc.DELETE('/campaign-templates/{id}', { params: { path: { id } } });
   */
  DELETE: IscClientMethod<'delete'>;
  /**
   * Registers openapi-fetch middleware. `onRequest` runs before the client attaches the token (so the
   * Authorization header is not visible to it); `onResponse` sees the final, buffered response.
   */
  use(...middleware: Middleware[]): void;
  /** Unregisters middleware added with `use`. */
  eject(...middleware: Middleware[]): void;
  /**
   * Iterates the items of a paged list operation across `limit`/`offset` pages. Only paths the spec
   * marks as paged compile. Errors always surface; a short page ends the iteration without another
   * request. `.pages()` yields whole pages with the `X-Total-Count` total.
   * @example
   * for await (const item of isc.paginate('/certifications/{id}/access-review-items', { params: { path: { id } } })) {
   *   console.log(item.id);
   * }
   */
  paginate<Path extends IscPagedPath, Init>(
    path: Path,
    ...init: InitArgument<
      AfterInference<Init, IscCallInit<IscOperation<Path, IscPagedMethod<Path>>>> &
        IscRequestOptions &
        IscCallOptions &
        IscPaginateOptions
    >
  ): IscPaginator<IscPageItem<Path>>;
  /**
   * Iterates every result of a search with `searchAfter`, past the 10,000-result window of offset
   * paging. Adds a sort when there is none and `id` as the tie-breaker; never changes `body`. Results
   * are typed by the requested indices.
   * @example
   * for await (const identity of isc.searchAll({ indices: ['identities'], query: { query: '*' } })) {
   *   console.log(identity.displayName);
   * }
   */
  searchAll<const Index extends IscSearchIndex = '*'>(
    body: IscSearchAllBody<Index>,
    options?: IscSearchAllOptions,
  ): AsyncIterable<IscSearchDocument<Index>>;
  /**
   * The number of search results matching `body` (POST /search/count, read from `X-Total-Count`).
   * @example const active = await isc.searchCount({ indices: ['identities'], query: { query: 'attributes.cloudLifecycleState:active' } });
   */
  searchCount(body: IscSearchBody, options?: IscSearchCallOptions): Promise<number>;
}
