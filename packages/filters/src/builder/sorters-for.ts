// The per-operation sorters builder.

import {
  resolveCapabilities,
  type CapabilityTarget,
  type FilterCapabilities,
  type OperationCapabilities,
  type SortableOperationId,
} from '../capabilities.js';
import { FilterBuildError } from '../errors/filter-build-error.js';
import { isFieldName } from '../grammar/field-name.js';
import { assertValidSorters } from '../validation/validate-sorters.js';
import type { Sorters } from './branded.js';

/** The sortable field names of capabilities `C`. */
export type SortableField<C> = C extends { readonly sorters: readonly (infer F)[] }
  ? F & string
  : never;

/** A sort key: `field` for ascending, `-field` for descending. */
export type SortKey<F extends string> = F | `-${F}`;

/** A typed sorters builder for capabilities `C`, branding its results with `B`. */
export interface SortersBuilder<C, B> {
  /**
   * Joins sort keys with commas; a leading `-` sorts that field in descending order.
   * @example sortersFor('listIdentityAccessReviewItems').by('access.name', '-identitySummary.name')
   * // 'access.name,-identitySummary.name'
   */
  by(...keys: readonly [SortKey<SortableField<C>>, ...SortKey<SortableField<C>>[]]): Sorters<B>;
  /**
   * Accepts sorters text from elsewhere, checks it against this operation and returns it.
   * @throws {FilterValidationError} on a syntax error or a field the operation cannot sort by.
   */
  from(text: string): Sorters<B>;
}

/**
 * Returns a sorters builder for one operation (an operationId from `@isc-sdk/types` or a plain
 * {@link FilterCapabilities} object). Its `by` accepts only the operation's sortable fields.
 *
 * @throws {UnknownOperationError} for an operationId that does not exist.
 * @throws {FilterBuildError} (`sorters-not-supported`) when the operation takes no `sorters`.
 * @example
 * const sort = sortersFor('getActiveCampaigns');
 * sort.by('-created', 'name'); // '-created,name'
 */
export function sortersFor<const Op extends SortableOperationId>(
  operationId: Op,
): SortersBuilder<OperationCapabilities<Op>, Op>;
export function sortersFor<const C extends FilterCapabilities>(
  capabilities: C,
): SortersBuilder<C, C>;
export function sortersFor(target: string | FilterCapabilities): SortersBuilder<unknown, unknown> {
  const capabilities = resolveCapabilities(target);
  const sortable = capabilities.sorters;
  if (sortable === null) {
    throw new FilterBuildError({
      code: 'sorters-not-supported',
      message: `${capabilities.label} takes no sorters parameter, so it has no sorters builder.`,
    });
  }
  return {
    by: (...keys: readonly string[]) => {
      if (keys.length === 0) {
        throw new FilterBuildError({
          code: 'no-sorters',
          message: 'by() needs at least one sort key.',
        });
      }
      for (const key of keys) {
        const field = typeof key === 'string' && key.startsWith('-') ? key.slice(1) : key;
        // `includes` also refuses a key that is not a string: every sortable field is one.
        if (!sortable.includes(field) || !isFieldName(field)) {
          throw new FilterBuildError({
            code: 'unknown-sorter',
            field: String(field),
            value: key,
            message: `${capabilities.label} cannot sort by ${JSON.stringify(field)}; sortable fields: ${sortable.join(', ')}.`,
          });
        }
      }
      return keys.join(',') as Sorters<unknown>;
    },
    from: (text: string) => {
      assertValidSorters(text, target as CapabilityTarget);
      return text as Sorters<unknown>;
    },
  };
}
