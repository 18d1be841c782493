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

/** The most pages `concurrency` may keep in flight. */
const MAX_CONCURRENCY = 16;

/** Builds the paginator for `path`; option errors throw here, before any request. */
export function paginate(
  call: CallFunction,
  path: string,
  init: Record<string, unknown> | undefined,
): IscPaginator<unknown> {
  const get = (pagedOperations as Record<string, { maxPageSize: number } | undefined>)[
    `GET ${path}`
  ];
  const post = (pagedOperations as Record<string, { maxPageSize: number } | undefined>)[
    `POST ${path}`
  ];
  const operation = get ?? post;
  if (operation === undefined) {
    throw new IscConfigError('path', `${path} is not a paged list operation`);
  }
  const method = get ? 'GET' : 'POST';
  const { maxItems: maxOption, concurrency: concurrencyOption, ...rest } = init ?? {};
  const params = (rest['params'] ?? {}) as { query?: Query };
  const query = params.query ?? {};
  const maximum = operation.maxPageSize;
  const pageSize = checkInteger('params.query.limit', query['limit'], maximum, 1, maximum);
  const start = checkInteger('params.query.offset', query['offset'], 0, 0, Number.MAX_SAFE_INTEGER);
  const maxItems = checkInteger('maxItems', maxOption, Infinity, 0, Number.MAX_SAFE_INTEGER);
  const concurrency = checkInteger('concurrency', concurrencyOption, 1, 1, MAX_CONCURRENCY);
  const counts = query['count'] === true;
  const callerSignal = rest['signal'] as AbortSignal | null | undefined;
  // POST /search only reads: safe to retry like a GET.
  const idempotent = rest['idempotent'] ?? (method === 'POST' ? true : undefined);

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
      params: { ...params, query: { ...query, offset, limit, ...(count ? { count: true } : {}) } },
    });
    if (!result.response.ok) throw errorOf(result);
    if (!Array.isArray(result.data)) {
      throw shapeError(
        result.response,
        method,
        path,
        'a list operation answered with something that is not an array',
      );
    }
    return {
      items: result.data,
      offset,
      total: totalCount(result.response),
      response: result.response,
    };
  }

  /** Pages from `from` up to (not including) offset `end`, `concurrency` requests ahead. */
  async function* parallel(
    from: number,
    end: number,
    total: number,
  ): AsyncGenerator<IscPage<unknown>> {
    const controller = new AbortController();
    const stop = (): void => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) stop();
    callerSignal?.addEventListener('abort', stop, { once: true });
    const ahead: { limit: number; page: Promise<IscPage<unknown>> }[] = [];
    let next = from;
    try {
      for (;;) {
        // At most `concurrency` pages exist at once: those in flight, those waiting, and the one the
        // consumer holds (refilled only after the consumer asks for more).
        while (ahead.length < concurrency && next < end) {
          const limit = Math.min(pageSize, end - next);
          const page = fetchPage(next, limit, counts, controller.signal);
          page.catch(() => undefined);
          ahead.push({ limit, page });
          next += limit;
        }
        const head = ahead.shift();
        if (head === undefined) return;
        const page = await head.page;
        const items = page.items.length > head.limit ? page.items.slice(0, head.limit) : page.items;
        yield { ...page, items, total: page.total ?? total };
        if (page.items.length < head.limit) return;
      }
    } finally {
      callerSignal?.removeEventListener('abort', stop);
      controller.abort();
    }
  }

  async function* pages(): AsyncGenerator<IscPage<unknown>> {
    let offset = start;
    let remaining = maxItems;
    let total: number | undefined;
    for (;;) {
      const limit = Math.min(pageSize, remaining);
      if (limit <= 0) return;
      const page = await fetchPage(offset, limit, counts || concurrency > 1, callerSignal);
      total = page.total ?? total;
      const received = page.items.length;
      const items = received > remaining ? page.items.slice(0, remaining) : page.items;
      yield { ...page, items, total };
      remaining -= items.length;
      offset += received;
      if (received < limit || (total !== undefined && offset >= total)) return;
      if (concurrency > 1 && total !== undefined) {
        yield* parallel(offset, Math.min(total, offset + remaining), total);
        return;
      }
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* releasing(page.items);
    },
  };
}
