// Types of `isc.paginate`: which paths are paged, what their items are, and the paginator's shape.

import type { pagedOperations, paths } from '@isc-sdk/types';
import type { IscOperation, IscSuccessData } from '../operation-types.js';

type PagedKey = keyof typeof pagedOperations;

/** The paths whose operation the spec marks as paged (`limit`/`offset`, array response). */
export type IscPagedPath = PagedKey extends infer Key
  ? Key extends `${string} ${infer Path}`
    ? Path & keyof paths
    : never
  : never;

/** The method of the paged operation at `Path` (`post` for `/search`, `get` for the rest). */
export type IscPagedMethod<Path extends IscPagedPath> = `GET ${Path}` extends PagedKey
  ? 'get'
  : 'post';

/** The type of one item of the paged operation at `Path`. */
export type IscPageItem<Path extends IscPagedPath> =
  NonNullable<IscSuccessData<IscOperation<Path, IscPagedMethod<Path>>>> extends ReadonlyArray<
    infer Item
  >
    ? Item
    : never;

/** Options of `isc.paginate`, next to the operation's own `params` and the per-call options. */
export interface IscPaginateOptions {
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
}

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
