// What an operation lets a caller filter and sort on: either looked up by operationId in the
// generated `operationMetadata`, or handed over as a plain object (for tools and the mock tenant).

import {
  operationMetadata,
  type FilterComposite,
  type FilterOperator,
  type FilterValueType,
  type OperationId,
} from '@isc-sdk/types';
import { UnknownOperationError } from './errors/unknown-operation-error.js';
import { FILTER_COMPOSITES } from './grammar/keywords.js';

/** How one field may be filtered. `FilterFieldMetadata` from `@isc-sdk/types` fits this shape. */
export interface FilterFieldCapability {
  /** The operators the field accepts. */
  readonly operators: readonly FilterOperator[];
  /** The kind of value the field holds; when left out, any literal is accepted. */
  readonly type?: FilterValueType;
  /** The allowed values of an enumeration (typed builders accept only these). */
  readonly enum?: readonly string[];
}

/**
 * What an operation accepts in `filters` and `sorters`. Every `OperationMetadata` entry of
 * `@isc-sdk/types` fits this shape, and so does a hand-written object.
 * @example
 * const caps = { filters: { name: { operators: ['eq', 'sw'], type: 'string' } }, sorters: ['name'] } as const;
 */
export interface FilterCapabilities {
  /** Filterable fields; null or left out when the operation takes no `filters`. */
  readonly filters?: { readonly [field: string]: FilterFieldCapability } | null;
  /**
   * Composite operators allowed in `filters`.
   * @default ['and', 'or', 'not'] when left out; null allows none.
   */
  readonly filterComposites?: readonly FilterComposite[] | null;
  /**
   * True when a filter may hold at most one `and`/`or`, joining terms on different fields (the
   * permissions endpoint). @default false
   */
  readonly filterSingleComposite?: boolean | null;
  /** Sortable fields; null or left out when the operation takes no `sorters`. */
  readonly sorters?: readonly string[] | null;
}

type Metadata = typeof operationMetadata;

/** The metadata entry of an operation, as a type. */
export type OperationCapabilities<Op extends OperationId> = Metadata[Op];

/** The operationIds whose operation takes a `filters` parameter. */
export type FilterableOperationId = {
  [Op in OperationId]: Metadata[Op]['filters'] extends null ? never : Op;
}[OperationId];

/** The operationIds whose operation takes a `sorters` parameter. */
export type SortableOperationId = {
  [Op in OperationId]: Metadata[Op]['sorters'] extends null ? never : Op;
}[OperationId];

/** An operationId, or capabilities handed over directly. */
export type CapabilityTarget = OperationId | FilterCapabilities;

/** Capabilities with a name for messages. */
export interface ResolvedCapabilities {
  /** The operationId, or `"this operation"` for a plain object. */
  readonly label: string;
  readonly filters: { readonly [field: string]: FilterFieldCapability } | null;
  readonly composites: readonly FilterComposite[];
  /** At most one `and`/`or`, joining different fields. */
  readonly singleComposite: boolean;
  readonly sorters: readonly string[] | null;
}

const cache = new WeakMap<object, ResolvedCapabilities>();

/** Looks up an operationId (or takes a plain object) and fills in the defaults. */
export function resolveCapabilities(target: string | FilterCapabilities): ResolvedCapabilities {
  if (typeof target === 'string') {
    if (!Object.hasOwn(operationMetadata, target)) throw new UnknownOperationError(target);
    return resolveObject(operationMetadata[target as OperationId], target);
  }
  if (typeof target !== 'object' || target === null) {
    throw new UnknownOperationError(String(target));
  }
  return resolveObject(target, 'this operation');
}

function resolveObject(capabilities: FilterCapabilities, label: string): ResolvedCapabilities {
  const known = cache.get(capabilities);
  // Stryker disable next-line ConditionalExpression: the cache only saves work: resolving again gives an equal object
  if (known !== undefined) return known;
  const composites = capabilities.filterComposites;
  const resolved: ResolvedCapabilities = {
    label,
    filters: capabilities.filters ?? null,
    composites: composites === undefined ? FILTER_COMPOSITES : (composites ?? []),
    singleComposite: capabilities.filterSingleComposite === true,
    sorters: capabilities.sorters ?? null,
  };
  cache.set(capabilities, resolved);
  return resolved;
}

/** The capability of `field`, or undefined when the operation cannot filter on it. */
export function fieldCapability(
  capabilities: ResolvedCapabilities,
  field: string,
): FilterFieldCapability | undefined {
  const fields = capabilities.filters;
  // Stryker disable next-line ConditionalExpression: callers have already answered an operation without filters
  if (fields === null) return undefined;
  return Object.hasOwn(fields, field) ? fields[field] : undefined;
}
