import type { OperationId } from '@isc-sdk/types';
import { pageOf, type CollectionQuery, type PageOptions } from '../collection/collection-query.js';
import type { FieldReaders } from '../collection/field-readers.js';
import type { TenantState } from '../domain/tenant-state.js';
import type { SearchIndex } from '../search/build-search-documents.js';
import type { OperationValidators } from '../validation/operation-validators.js';

/** A request that passed authentication and validation, ready for its operation. */
export interface OperationRequest {
  readonly operationId: OperationId;
  /** Path parameters, validated. */
  readonly path: Readonly<Record<string, string>>;
  /** Query parameters, validated, coerced to their types and with defaults filled in. */
  readonly query: Readonly<Record<string, unknown>>;
  /** The parsed and validated JSON body, or undefined when none was sent. */
  readonly body: unknown;
  /** The standard collection parameters, for operations that take them. */
  readonly collection: CollectionQuery;
  /** The request's Accept header, lower case ('' when absent). */
  readonly accept: string;
}

/** What an operation answers; the pipeline serialises it. */
export interface OperationResult {
  readonly status: number;
  /** A JSON body, or a string with `contentType`; undefined for no body. */
  readonly body?: unknown;
  /** Extra headers, e.g. X-Total-Count. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Content type of a string body; JSON when left out. */
  readonly contentType?: string;
}

/** What operations may use. */
export interface OperationServices {
  readonly state: TenantState;
  readonly search: SearchIndex;
  readonly validators: OperationValidators;
}

/**
 * Runs one operation. Throws ApiProblem for 400/404 answers. Long-running ones (search) answer
 * with a promise, so they can let other requests through while they work.
 */
export type OperationHandler = (
  request: OperationRequest,
  services: OperationServices,
) => OperationResult | Promise<OperationResult>;

/** A handler for every operation of the spec: missing one is a compile error. */
export type OperationHandlers = { readonly [Op in OperationId]: OperationHandler };

/** A JSON answer with the operation's success status. */
export function ok(
  status: number,
  body?: unknown,
  headers?: Record<string, string>,
): OperationResult {
  return headers ? { status, body, headers } : { status, body };
}

/**
 * A list answer: filters, sorts and pages `records` by the request's collection parameters, turns
 * the page into bodies with `present`, and adds X-Total-Count when the request asked for
 * `count=true`.
 */
export function listResult<T>(
  request: OperationRequest,
  records: readonly T[],
  readers: FieldReaders<T>,
  present: (record: T) => unknown,
  options?: PageOptions<T>,
): OperationResult {
  const page = pageOf(records, request.collection, readers, options);
  const body = page.items.map(present);
  return request.collection.count
    ? { status: 200, body, headers: { 'X-Total-Count': String(page.total) } }
    : { status: 200, body };
}
