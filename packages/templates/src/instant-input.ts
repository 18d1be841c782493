/**
 * A point in time, in any of the forms the package accepts:
 * - a `Date`;
 * - an ISO-8601 date-time string with `Z` or an offset, like the API's date-times
 *   (`'2020-01-01T00:00:00Z'`, `'2020-03-15T10:00:01.456-05:00'`);
 * - a Temporal `Instant` or `ZonedDateTime` (native or from any polyfill): anything with a bigint
 *   `epochNanoseconds`.
 *
 * Numbers are refused: epoch seconds and epoch milliseconds are too easy to mix up.
 */
export type InstantInput = Date | string | { readonly epochNanoseconds: bigint };
