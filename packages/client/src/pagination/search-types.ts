// Types of `isc.searchAll` and `isc.searchCount`.

import type { components, Readable } from '@isc-sdk/types';
import type { IscCallOptions } from '../options.js';
import type { IscProgress } from './paginate-types.js';

type Schemas = components['schemas'];

/** The body of POST /search (and /search/count, /search/aggregate). */
export type IscSearchBody = Schemas['Search'];

/** A search index name, or `*` for all. */
export type IscSearchIndex = Schemas['Index'];

/**
 * The documents each index holds: the members of `SearchDocument` whose `_type` is the singular of the
 * index name. Looked up by name rather than extracted from the union by `_type`, because checking the
 * `Extract` for a generic `Index` resolves the properties of every document type, in every consumer.
 */
interface DocumentOfIndex {
  accessprofiles: Schemas['AccessProfileDocument'];
  accountactivities: Schemas['AccountActivityDocument'];
  entitlements: Schemas['EntitlementDocument'];
  events: Schemas['EventDocument'];
  identities: Schemas['IdentityDocument'];
  roles: Schemas['RoleDocument'];
}

/** The documents a search over `Index` returns, narrowed by `_type` (all kinds for `*`). */
export type IscSearchDocument<Index extends IscSearchIndex> = Readable<
  '*' extends Index ? Schemas['SearchDocument'] : DocumentOfIndex[Exclude<Index, '*'>]
>;

/** A search body for `searchAll`; `indices` decides the result type. */
export type IscSearchAllBody<Index extends IscSearchIndex> = Omit<IscSearchBody, 'indices'> & {
  /** Indices to search; all of them when omitted. */
  indices?: readonly Index[];
};

/** Per-call options plus a caller's abort signal. */
export interface IscSearchCallOptions extends IscCallOptions {
  /** Aborts the search (the iteration rejects with the signal's reason). */
  signal?: AbortSignal | null;
}

/** Options of `isc.searchAll`. */
export interface IscSearchAllOptions extends IscSearchCallOptions {
  /**
   * Results per request, from 1 to 10000 (the `/search` maximum).
   * @default 250
   */
  limit?: number;
  /**
   * Stop after exactly this many results; the last request asks only for what is still missing.
   * @default no limit
   */
  maxItems?: number;
  /**
   * Called after each page with the results handed out so far and the total (the first request then
   * asks for it with `count=true`).
   */
  onProgress?: (progress: IscProgress) => void;
}

/** `isc.searchAll`. */
export type IscSearchAllMethod = <const Index extends IscSearchIndex = '*'>(
  body: IscSearchAllBody<Index>,
  options?: IscSearchAllOptions,
) => AsyncIterable<IscSearchDocument<Index>>;

/** `isc.searchCount`. */
export type IscSearchCountMethod = (
  body: IscSearchBody,
  options?: IscSearchCallOptions,
) => Promise<number>;
