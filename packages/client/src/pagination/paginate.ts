// `isc.paginate`: limit/offset paging that ends exactly (maxItems, short pages), lets every error
// surface, can fetch ahead in parallel with a bounded number of pages in memory, and stops with a typed
// error instead of looping when a server ignores `offset`.

import { pagedOperations } from '@isc-sdk/types';
import type { Client } from 'openapi-fetch';
import { IscConfigError } from '../errors/request-errors.js';
import { checkFunction, checkInteger } from '../internal/checks.js';
import { invalidResponse, totalCount } from '../internal/responses.js';
import { errorOf } from '../unwrap.js';
import type { IscPage, IscPaginator, IscProgress } from './paginate-types.js';

type Query = Record<string, unknown>;
type AnyClient = Client<any>;

const PAGED = pagedOperations as Record<string, { maxPageSize: number } | undefined>;

/** Builds the paginator for `path`; option errors throw here, before any request. */
export function paginate(
  client: AnyClient,
  path: string,
  init: Record<string, unknown> | undefined,
): IscPaginator<unknown> {
  const method = PAGED[`GET ${path}`] ? 'GET' : 'POST';
  const operation = PAGED[`${method} ${path}`];
  if (operation === undefined) {
    throw new IscConfigError('path', `${path} is not a paged list operation`);
  }
  const { maxItems: maxOption, concurrency: option, onProgress: progress, ...rest } = init ?? {};
  const params = (rest['params'] ?? {}) as { query?: Query };
  const query = params.query ?? {};
  const maximum = operation.maxPageSize;
  const pageSize = checkInteger('params.query.limit', query['limit'], maximum, 1, maximum);
  const start = checkInteger('params.query.offset', query['offset'], 0, 0);
  const maxItems = checkInteger('maxItems', maxOption, Infinity, 0);
  const concurrency = checkInteger('concurrency', option, 1, 1, 16);
  const onProgress = checkFunction<(progress: IscProgress) => void>('onProgress', progress);
  const callerSignal = rest['signal'] as AbortSignal | null | undefined;
  // POST /search only reads: safe to retry like a GET.
  const idempotent = rest['idempotent'] ?? (method === 'POST' || undefined);
  const send = method === 'GET' ? client.GET : client.POST;

  async function fetchPage(
    offset: number,
    limit: number,
    count: boolean,
    signal: AbortSignal | null | undefined,
  ): Promise<IscPage<unknown>> {
    const result = await (send as (path: string, init: object) => ReturnType<AnyClient['GET']>)(
      path,
      {
        ...rest,
        signal,
        idempotent,
        params: { ...params, query: { ...query, offset, limit, ...(count && { count }) } },
      },
    );
    if (!result.response.ok) throw errorOf(result);
    if (!Array.isArray(result.data)) {
      throw invalidResponse(
        result.response,
        { method, url: path },
        'unexpected-shape',
        'a list operation answered with no array',
      );
    }
    return {
      items: result.data,
      offset,
      total: totalCount(result.response),
      response: result.response,
    };
  }

  /**
   * One page at a time until the total is known (the first request asks for it when `concurrency` is
   * above 1), then up to `concurrency` pages: those in flight and the one the consumer holds. The total
   * only plans requests ahead: iteration ends at a short page or a full one ending exactly at the total,
   * so a total that is too small cannot drop items, and one that is too large costs at most
   * `concurrency` empty pages.
   */
  async function* pages(): AsyncGenerator<IscPage<unknown>> {
    // Cancels the pages fetched ahead when the run ends early (or the caller aborts).
    const controller = concurrency > 1 ? new AbortController() : undefined;
    const stop = (): void => controller?.abort(callerSignal?.reason);
    if (controller) {
      if (callerSignal?.aborted) stop();
      callerSignal?.addEventListener('abort', stop);
    }
    const ahead: { limit: number; page: Promise<IscPage<unknown>> }[] = [];
    let next = start;
    const end = start + maxItems;
    let total: number | undefined;
    let done = 0;
    let previous: string | undefined;
    try {
      for (;;) {
        // Past the known total, one page at a time: the server decides where the list ends.
        const width = total === undefined || next >= total ? 1 : concurrency;
        while (ahead.length < width && next < end) {
          const limit = Math.min(pageSize, end - next);
          const count =
            query['count'] === true || (controller !== undefined && total === undefined);
          const page = fetchPage(next, limit, count, controller?.signal ?? callerSignal);
          page.catch(() => undefined);
          ahead.push({ limit, page });
          next += limit;
        }
        const head = ahead.shift();
        if (head === undefined) return;
        const page = await head.page;
        total = page.total ?? total;
        const received = page.items.length;
        const items = received > head.limit ? page.items.slice(0, head.limit) : page.items;
        if (received > 0) {
          // A server that ignores `offset` answers every offset with the same page.
          const mark = fingerprint(items);
          if (mark === previous) {
            throw invalidResponse(
              page.response,
              { method, url: path },
              'no-progress',
              `the page at offset ${page.offset} repeats the previous page: the server ignores offset`,
            );
          }
          previous = mark;
        }
        done += items.length;
        onProgress?.({ done, total });
        yield { ...page, items, total };
        // A short page is the last, and so is a full one that ends exactly at the total.
        if (received < head.limit || page.offset + received === total) return;
      }
    } finally {
      callerSignal?.removeEventListener('abort', stop);
      controller?.abort();
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* releasing(page.items);
    },
  };
}

/** What identifies a page: its first and last items (their ids when they have one). */
function fingerprint(items: readonly unknown[]): string {
  const key = (item: unknown): string => {
    const id = (item as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : JSON.stringify(item);
  };
  return `${items.length} ${key(items[0])} ${key(items[items.length - 1])}`;
}

/**
 * Yields the first `count` items of a page nobody else sees, dropping each from the array as it goes.
 * Every step of an async iteration allocates, so young-generation collections run while a page is being
 * consumed; a page that stayed whole until its last item survived them, was promoted, and made peak
 * memory grow with the number of items iterated.
 */
export function* releasing<Item>(
  items: (Item | undefined)[],
  count = items.length,
): Generator<Item> {
  for (let index = 0; index < count; index++) {
    const item = items[index] as Item;
    items[index] = undefined;
    yield item;
  }
}
