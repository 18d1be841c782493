// `isc.paginate`: limit/offset paging that ends exactly (maxItems, short pages, the known total), lets
// every error surface, and can fetch ahead in parallel with a bounded number of pages in memory.

import { pagedOperations } from '@isc-sdk/types';
import { IscConfigError } from '../errors/isc-config-error.js';
import type { CallFunction } from '../internal/call-function.js';
import { checkInteger } from '../internal/check-option.js';
import { shapeError, totalCount } from '../internal/shape-error.js';
import { errorOf } from '../unwrap.js';
import type { IscPage, IscPaginator } from './paginate-types.js';
import { releasing } from './releasing.js';

type Query = Record<string, unknown>;

const PAGED = pagedOperations as Record<string, { maxPageSize: number } | undefined>;

/** Builds the paginator for `path`; option errors throw here, before any request. */
export function paginate(
  call: CallFunction,
  path: string,
  init: Record<string, unknown> | undefined,
): IscPaginator<unknown> {
  const method = PAGED[`GET ${path}`] ? 'GET' : 'POST';
  const operation = PAGED[`${method} ${path}`];
  if (operation === undefined) {
    throw new IscConfigError('path', `${path} is not a paged list operation`);
  }
  const { maxItems: maxOption, concurrency: concurrencyOption, ...rest } = init ?? {};
  const params = (rest['params'] ?? {}) as { query?: Query };
  const query = params.query ?? {};
  const maximum = operation.maxPageSize;
  const pageSize = checkInteger('params.query.limit', query['limit'], maximum, 1, maximum);
  const start = checkInteger('params.query.offset', query['offset'], 0, 0);
  const maxItems = checkInteger('maxItems', maxOption, Infinity, 0);
  const concurrency = checkInteger('concurrency', concurrencyOption, 1, 1, 16);
  const callerSignal = rest['signal'] as AbortSignal | null | undefined;
  // POST /search only reads: safe to retry like a GET.
  const idempotent = rest['idempotent'] ?? (method === 'POST' || undefined);

  async function fetchPage(
    offset: number,
    limit: number,
    count: boolean,
    signal: AbortSignal | null | undefined,
  ): Promise<IscPage<unknown>> {
    const result = await call(method, path, {
      ...rest,
      signal,
      idempotent,
      params: { ...params, query: { ...query, offset, limit, ...(count && { count }) } },
    });
    if (!result.response.ok) throw errorOf(result);
    if (!Array.isArray(result.data)) {
      throw shapeError(result.response, method, path, 'a list operation answered with no array');
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
   * above 1), then up to `concurrency` pages: those in flight and the one the consumer holds (the queue
   * is refilled only when the consumer asks for more).
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
    let end = start + maxItems;
    let total: number | undefined;
    try {
      for (;;) {
        while (ahead.length < (total === undefined ? 1 : concurrency) && next < end) {
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
        if (total !== undefined) end = Math.min(end, total);
        const received = page.items.length;
        yield {
          ...page,
          items: received > head.limit ? page.items.slice(0, head.limit) : page.items,
          total,
        };
        // A short page is the last: nothing more to ask for.
        if (received < head.limit) return;
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
