/** A value a filter or sorter can look at. Arrays are collections (for `ca`). */
export type FieldValue = string | number | boolean | null | undefined | readonly string[];

/** Reads one API field name (e.g. `access.name`) from an in-memory record. */
export type FieldReader<T> = (record: T) => FieldValue;

/**
 * How an operation's filterable and sortable field names map onto its records. The mapping is
 * per operation because API names do not always match where the data lives (a review item's
 * `access.type` is its `accessSummary.access.type`, `entitlement.sourceName` comes from the source).
 */
export type FieldReaders<T> = { readonly [field: string]: FieldReader<T> };
