// Types of `isc.paginate`: which paths are paged, what their items are, and the paginator's shape.

import type { pagedOperations, paths } from '@isc-sdk/types';
import type { FetchOptions, FetchResponse } from 'openapi-fetch';
import type { IscCallOptions } from '../options.js';

type PagedKey = keyof typeof pagedOperations;

/** The paths whose operation the spec marks as paged (`limit`/`offset`, array response). */
export type IscPagedPath = PagedKey extends `${string} ${infer Path}` ? Path & keyof paths : never;

/** The method of the paged operation at `Path` (`post` for `/search`, `get` for the rest). */
export type IscPagedMethod<Path extends IscPagedPath> = `GET ${Path}` extends PagedKey
  ? 'get'
  : 'post';

type PagedOperation<Path extends IscPagedPath> = paths[Path][IscPagedMethod<Path>] & {};

/** The type of one item of the paged operation at `Path`. */
export type IscPageItem<Path extends IscPagedPath> =
  NonNullable<
    FetchResponse<PagedOperation<Path>, {}, `${string}/${string}`>['data']
  > extends readonly (infer Item)[]
    ? Item
    : never;

/** How far an iteration has got, for progress bars. */
export interface IscProgress {
  /** Items handed out so far. */
  readonly done: number;
  /** The total the server reported (`X-Total-Count`), when it did. */
  readonly total: number | undefined;
}

/** Options of `isc.paginate`, next to the operation's own `params` and the per-call options. */
export interface IscPaginateOptions extends IscCallOptions {
  /**
   * Stop after exactly this many items; the last request asks only for what is still missing. `0`
   * sends no request.
   * @default no limit
   * @example maxItems: 1000
   */
  maxItems?: number;
  /**
   * How many pages to fetch in parallel once the total is known (the first page is requested with
   * `count=true` to learn it). Items still come out in order, and at most `concurrency` pages are held
   * in memory. Without an `X-Total-Count` in the first response, paging goes on one page at a time.
   * @default 1
   * @example concurrency: 4
   */
  concurrency?: number;
  /**
   * Called after each page with the items handed out so far and the total when known (ask for it with
   * `params.query.count: true`, or set `concurrency` above 1).
   * @example onProgress: ({ done, total }) => bar.update(done, total)
   */
  onProgress?: (progress: IscProgress) => void;
}

/** The `init` argument of `paginate` for `Path`: required when the operation has required params. */
export type IscPaginateInit<Path extends IscPagedPath> = FetchOptions<PagedOperation<Path>> &
  IscPaginateOptions;

/** `isc.paginate`. */
export type IscPaginateMethod = <Path extends IscPagedPath>(
  path: Path,
  ...init: {} extends IscPaginateInit<Path>
    ? [init?: IscPaginateInit<Path>]
    : [init: IscPaginateInit<Path>]
) => IscPaginator<IscPageItem<Path>>;

/** One page of a paged operation. */
export interface IscPage<Item> {
  /** The page's items, in server order (cut at `maxItems`). */
  readonly items: Item[];
  /** The offset of the first item of this page. */
  readonly offset: number;
  /** The total from `X-Total-Count` (sent when the request has `count: true`), if known. */
  readonly total: number | undefined;
  /** The HTTP response of this page (its body already read). */
  readonly response: Response;
}

/**
 * An async iterable of items that fetches pages as it goes; each `for await` starts a new run from the
 * first page. `.pages()` gives a run page by page instead.
 */
export interface IscPaginator<Item> extends AsyncIterable<Item> {
  /** Iterates whole pages (each with its offset, total and response) instead of items. */
  pages(): AsyncIterable<IscPage<Item>>;
}
