// The compile-time view of a builder: which fields take which operators and which values.

import type { FilterComposite, FilterOperator, FilterValueType } from '@isc-sdk/types';
import type { FilterExpression } from '../ast.js';
import type { FilterFieldCapability } from '../capabilities.js';
import type { Filter } from './branded.js';

type FieldsOf<C> = C extends { readonly filters: infer F }
  ? F extends { readonly [field: string]: FilterFieldCapability }
    ? F
    : never
  : never;

/** The filterable field names of capabilities `C`. */
export type FilterFieldName<C> = keyof FieldsOf<C> & string;

/**
 * The fields of `C` that accept operator `O`. Written as the keys of a filtered object so that
 * compiler messages list the fields themselves rather than this alias.
 */
export type FieldsSupporting<C, O extends FilterOperator> = keyof {
  [
    F in keyof FieldsOf<C> as F extends string
      ? O extends FieldsOf<C>[F]['operators'][number]
        ? F
        : never
      : never
  ]: F;
};

/** Every operator at least one field of `C` accepts. */
export type OperatorsOf<C> = {
  [F in FilterFieldName<C>]: FieldsOf<C>[F]['operators'][number];
}[FilterFieldName<C>];

/** The composites `C` allows (all three when it does not say). */
export type CompositesOf<C> = C extends { readonly filterComposites: readonly (infer X)[] }
  ? X & FilterComposite
  : C extends { readonly filterComposites: null }
    ? never
    : FilterComposite;

/**
 * A date-time written as RFC 3339 text, e.g. `'2018-12-18T23:05:55Z'` (checked at run time too).
 */
export type DateTimeText = `${number}-${number}-${number}T${string}`;

/** Any value a builder can write: strings are quoted, the rest are written bare. */
export type FilterScalar = string | number | bigint | boolean | Date;

/** The JavaScript values accepted for a field of value type `T`. */
export type ValueOfType<T> = T extends 'string'
  ? string
  : T extends 'number'
    ? number | bigint
    : T extends 'boolean'
      ? boolean
      : T extends 'date-time'
        ? Date | DateTimeText
        : FilterScalar;

/** The values field `F` of `C` accepts: its enum members, or the values of its type. */
export type FilterValueFor<C, F extends PropertyKey> = ValueOfField<
  FieldsOf<C>[F & keyof FieldsOf<C>]
>;

type ValueOfField<X> = X extends { readonly enum: readonly (infer E)[] }
  ? E
  : X extends { readonly type: infer T extends FilterValueType }
    ? ValueOfType<T>
    : FilterScalar;

/**
 * Every method a filter builder can have. {@link FilterBuilder} keeps only those the operation
 * supports, so an operator no field accepts is not even offered.
 */
export interface FilterBuilderMethods<C, B> {
  /** `field eq value`: equals. @example f.eq('completed', false) // 'completed eq false' */
  eq<F extends FieldsSupporting<C, 'eq'>>(field: F, value: FilterValueFor<C, F>): Filter<B>;
  /** `field ne value`: not equal. */
  ne<F extends FieldsSupporting<C, 'ne'>>(field: F, value: FilterValueFor<C, F>): Filter<B>;
  /** `field gt value`: greater than (strings compare lexicographically, date-times in time). */
  gt<F extends FieldsSupporting<C, 'gt'>>(field: F, value: FilterValueFor<C, F>): Filter<B>;
  /** `field ge value`: greater than or equal. */
  ge<F extends FieldsSupporting<C, 'ge'>>(field: F, value: FilterValueFor<C, F>): Filter<B>;
  /** `field lt value`: less than. */
  lt<F extends FieldsSupporting<C, 'lt'>>(field: F, value: FilterValueFor<C, F>): Filter<B>;
  /** `field le value`: less than or equal. */
  le<F extends FieldsSupporting<C, 'le'>>(field: F, value: FilterValueFor<C, F>): Filter<B>;
  /** `field co "text"`: contains the substring. */
  co<F extends FieldsSupporting<C, 'co'>>(field: F, value: string): Filter<B>;
  /** `field sw "text"`: starts with. @example f.sw('name', 'Q1') // 'name sw "Q1"' */
  sw<F extends FieldsSupporting<C, 'sw'>>(field: F, value: string): Filter<B>;
  /**
   * `field in (v1,v2)`: equals one of the values (at least one).
   * @example f.in('id', ['a', 'b']) // 'id in ("a","b")'
   */
  in<F extends FieldsSupporting<C, 'in'>>(
    field: F,
    values: readonly FilterValueFor<C, F>[],
  ): Filter<B>;
  /** `field ca (v1,v2)`: the collection field contains all the values (at least one). */
  ca<F extends FieldsSupporting<C, 'ca'>>(
    field: F,
    values: readonly FilterValueFor<C, F>[],
  ): Filter<B>;
  /** `pr field`: the field has a value. */
  pr<F extends FieldsSupporting<C, 'pr'>>(field: F): Filter<B>;
  /** `field isnull`: the field has no value. */
  isnull<F extends FieldsSupporting<C, 'isnull'>>(field: F): Filter<B>;
  /**
   * All of the filters; adds parentheses only around `or` operands. One operand is returned as is.
   * @example f.and(f.eq('completed', false), f.eq('identitySummary.id', id))
   */
  and(...filters: readonly [Filter<B>, ...Filter<B>[]]): Filter<B>;
  /** Any of the filters. One operand is returned as is. */
  or(...filters: readonly [Filter<B>, ...Filter<B>[]]): Filter<B>;
  /** The negation of a filter; parenthesises `and`/`or` operands. */
  not(filter: Filter<B>): Filter<B>;
  /**
   * Accepts filter text or a tree from elsewhere (a UI, a config file), checks it against this
   * operation and returns it in canonical form.
   * @throws {FilterSyntaxError} when text does not parse.
   * @throws {FilterValidationError} when it uses a field, operator or composite the operation lacks.
   */
  from(filter: string | FilterExpression): Filter<B>;
}

/** A typed filter builder for capabilities `C`, branding its results with `B`. */
export type FilterBuilder<C, B> = Pick<
  FilterBuilderMethods<C, B>,
  OperatorsOf<C> | CompositesOf<C> | 'from'
>;
