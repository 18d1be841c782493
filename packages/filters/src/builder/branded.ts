// Builder results are plain strings at run time. At compile time they carry the operation they were
// built for, so a filter for one operation is not accepted where another operation's is expected,
// while staying assignable to `string` (the type of `filters`/`sorters` in openapi-fetch calls).

declare const filterBrand: unique symbol;
declare const sortersBrand: unique symbol;

/**
 * A `filters` value built for the operation (or capabilities) `B`. It is a string: pass it straight
 * to `query: { filters }`. The brand is invariant, so `Filter<'a'>` is not a `Filter<'b'>`.
 */
export type Filter<B> = string & { readonly [filterBrand]: (brand: B) => B };

/** A `sorters` value built for the operation (or capabilities) `B`; a string, like {@link Filter}. */
export type Sorters<B> = string & { readonly [sortersBrand]: (brand: B) => B };
