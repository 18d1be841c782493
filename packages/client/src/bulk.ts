// Bulk helpers for the operations that take many items per call: decide (at most 250 decisions),
// reassign (50) and reassign-async (500). They split the work into batches, send them with bounded
// concurrency (under the client's pacing), and report what every batch did, so a caller can retry
// exactly the batches that failed. Bad input rejects with `IscConfigError` before anything is sent. Standalone functions, so a bundle that does not use them does not
// carry them.

import type { components } from '@isc-sdk/types';
import type { IscClient } from './client.js';
import { IscConfigError } from './errors/request-errors.js';
import { checkFunction, checkInteger, checkObject, mustBe } from './internal/checks.js';
import type { IscCallOptions } from './options.js';
import { errorOf } from './unwrap.js';

type Schemas = components['schemas'];

/** One review decision, as `POST /certifications/{id}/decide` takes it. */
export type IscReviewDecision = Schemas['ReviewDecision'];
/** What to reassign, to whom and why (`ReviewReassign`), with any number of items. */
export type IscReassignRequest = Schemas['ReviewReassign'];
/** One thing to reassign: an item, an identity summary or a target summary. */
export type IscReassignItem = Schemas['ReassignReference'];

/** How far a bulk run has got, in items. */
export interface IscBulkProgress {
  /** Items in batches that succeeded. */
  readonly done: number;
  /** Items in batches that failed (or were not sent because the run was aborted). */
  readonly failed: number;
  /** All items. */
  readonly total: number;
}

/** Options of the bulk helpers, next to the per-call options every batch is sent with. */
export interface IscBulkOptions extends IscCallOptions {
  /**
   * Items per call, up to the operation's maximum (250 for decide, 50 for reassign, 500 for
   * reassign-async).
   * @default the operation's maximum
   */
  batchSize?: number;
  /**
   * Batches in flight at once, from 1 to 16. The client's `rateLimit` still paces every request.
   * @default 4
   */
  concurrency?: number;
  /** Stops the run: batches not yet sent are reported as `skipped`, one in flight as `failed`. */
  signal?: AbortSignal;
  /** Called after every batch, for progress bars. */
  onProgress?: (progress: IscBulkProgress) => void;
}

/** What happened to one batch. */
export type IscBatch<Item, Data> =
  | {
      readonly index: number;
      readonly items: readonly Item[];
      readonly status: 'done';
      /** The operation's response body for this batch. */
      readonly data: Data;
    }
  | {
      readonly index: number;
      readonly items: readonly Item[];
      /**
       * `failed`: the call ended in an error (it may have taken effect, for example when the
       * connection dropped after the server applied it); `skipped`: never sent.
       */
      readonly status: 'failed' | 'skipped';
      /** The typed error (`IscApiError` with status and messages, `IscNetworkError`, ...). */
      readonly error: unknown;
    };

/** The outcome of a bulk run, batch by batch in order. */
export interface IscBulkReport<Item, Data> {
  readonly batches: readonly IscBatch<Item, Data>[];
  /** True when every batch succeeded. */
  readonly ok: boolean;
  /** Items in batches that succeeded. */
  readonly done: number;
  /** The items of every batch that failed or was skipped, in order: pass them to retry exactly those. */
  readonly failedItems: Item[];
}

/**
 * Decides many review items of one certification: `POST /certifications/{id}/decide` in batches of at
 * most 250. An item id given twice is refused before anything is sent.
 * @example
 * const report = await decideAll(isc, certificationId, items.map((item) => ({ id: item.id!, decision: 'APPROVE', bulk: true })));
 * if (!report.ok) await decideAll(isc, certificationId, report.failedItems);
 */
export async function decideAll(
  isc: IscClient,
  certificationId: string,
  decisions: readonly IscReviewDecision[],
  options?: IscBulkOptions,
): Promise<IscBulkReport<IscReviewDecision, Schemas['IdentityCertificationDto']>> {
  checkId(certificationId);
  checkIds('decisions', decisions, (decision) => decision.id);
  return runBatches(decisions, 250, options, async (batch, init) =>
    dataOf(
      await isc.POST('/certifications/{id}/decide', {
        ...init,
        params: { path: { id: certificationId } },
        body: [...batch],
      }),
    ),
  );
}

/**
 * Reassigns many items or identities of one certification at once: `POST /certifications/{id}/reassign`
 * in batches of at most 50, each with the same `reassignTo` and `reason`.
 */
export async function reassignAll(
  isc: IscClient,
  certificationId: string,
  request: IscReassignRequest,
  options?: IscBulkOptions,
): Promise<IscBulkReport<IscReassignItem, Schemas['IdentityCertificationDto']>> {
  return reassign(isc, certificationId, request, options, '/certifications/{id}/reassign', 50);
}

/**
 * Reassigns many items or identities in the background: `POST /certifications/{id}/reassign-async` in
 * batches of at most 500. Each batch's data is the `CertificationTask` to poll
 * (`GET /certification-tasks/{id}`).
 */
export async function reassignAllAsync(
  isc: IscClient,
  certificationId: string,
  request: IscReassignRequest,
  options?: IscBulkOptions,
): Promise<IscBulkReport<IscReassignItem, Schemas['CertificationTask']>> {
  return reassign(
    isc,
    certificationId,
    request,
    options,
    '/certifications/{id}/reassign-async',
    500,
  );
}

async function reassign<Data>(
  isc: IscClient,
  certificationId: string,
  request: IscReassignRequest,
  options: IscBulkOptions | undefined,
  path: '/certifications/{id}/reassign' | '/certifications/{id}/reassign-async',
  maximum: number,
): Promise<IscBulkReport<IscReassignItem, Data>> {
  checkId(certificationId);
  const { reassign: items, reassignTo, reason } = checkObject('request', request, 'an object');
  if (typeof reassignTo !== 'string' || !reassignTo)
    throw mustBe('request.reassignTo', 'an identity id', reassignTo);
  if (typeof reason !== 'string' || !reason)
    throw mustBe('request.reason', 'a non-empty string', reason);
  checkIds('request.reassign', items as IscReassignItem[], (item) => `${item.type} ${item.id}`);
  return runBatches(
    items as IscReassignItem[],
    maximum,
    options,
    async (batch, init) =>
      dataOf(
        await isc.POST(path, {
          ...init,
          params: { path: { id: certificationId } },
          body: { reassign: [...batch], reassignTo, reason },
        }),
      ) as Data,
  );
}

/** The data of a successful result, or its typed error. */
function dataOf<Data>(result: { data?: Data; error?: unknown; response: Response }): Data {
  if (!result.response.ok) throw errorOf(result);
  return result.data as Data;
}

function checkId(certificationId: unknown): void {
  if (typeof certificationId !== 'string' || !certificationId) {
    throw mustBe('certificationId', 'a certification id', certificationId);
  }
}

/** Refuses an empty list, an entry that is not an object, and a key given twice. */
function checkIds<Item>(field: string, items: readonly Item[], key: (item: Item) => string): void {
  if (!Array.isArray(items) || items.length === 0) throw mustBe(field, 'a non-empty array', items);
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    checkObject(`${field}[${index}]`, item, 'an object');
    const id = key(item);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new IscConfigError(
        `${field}[${index}]`,
        `repeats ${field}[${first}] (${id}); send each once`,
      );
    }
    seen.set(id, index);
  });
}

/** Sends `items` in batches with bounded concurrency; every batch ends up in the report. */
async function runBatches<Item, Data>(
  items: readonly Item[],
  maximum: number,
  options: IscBulkOptions | undefined,
  send: (batch: readonly Item[], init: IscCallOptions & { signal?: AbortSignal }) => Promise<Data>,
): Promise<IscBulkReport<Item, Data>> {
  const { batchSize: size, concurrency: width, onProgress: progress, ...init } = options ?? {};
  const batchSize = checkInteger('batchSize', size, maximum, 1, maximum);
  const concurrency = checkInteger('concurrency', width, 4, 1, 16);
  const onProgress = checkFunction<(progress: IscBulkProgress) => void>('onProgress', progress);
  const { signal } = init;
  const batches: IscBatch<Item, Data>[] = [];
  for (let from = 0; from < items.length; from += batchSize) {
    const index = batches.length;
    batches.push({
      index,
      items: items.slice(from, from + batchSize),
      status: 'skipped',
      error: undefined,
    });
  }
  let next = 0;
  let done = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++] as IscBatch<Item, Data>;
      if (signal?.aborted) {
        batches[batch.index] = { ...batch, status: 'skipped', error: signal.reason };
        failed += batch.items.length;
        continue;
      }
      try {
        const data = await send(batch.items, init);
        batches[batch.index] = { index: batch.index, items: batch.items, status: 'done', data };
        done += batch.items.length;
      } catch (error) {
        batches[batch.index] = { index: batch.index, items: batch.items, status: 'failed', error };
        failed += batch.items.length;
      }
      onProgress?.({ done, failed, total: items.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  return {
    batches,
    ok: failed === 0,
    done,
    failedItems: batches.flatMap((batch) => (batch.status === 'done' ? [] : [...batch.items])),
  };
}
