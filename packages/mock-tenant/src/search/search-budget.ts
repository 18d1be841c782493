import { SearchQueryError } from './search-query-error.js';

/**
 * The most checks one search may make, over all its terms and documents: an exact term looked up
 * in a document's token set is 1 check, a phrase 1 per value it scans, a range 2 per value and a
 * wildcard {@link WILDCARD_CHECKS} per token it tries. At roughly 50 to 100 ns a check, the most
 * expensive search the tenant runs takes about a second; a 4,096-term exact query over the default
 * directory (about 3.3 million checks) passes.
 */
export const MAX_SEARCH_CHECKS = 10_000_000;

/** What trying a wildcard on one token counts, against 1 for an exact lookup (its relative cost). */
export const WILDCARD_CHECKS = 10;

/**
 * Counts the values a search checks and stops it, with a SearchQueryError (a 400), once it has
 * checked more than its limit; the search also uses the count to decide when to pause.
 */
export class SearchBudget {
  /** Checks so far. */
  spent = 0;

  /**
   * @param query the query text, quoted in the error
   * @param limit the most checks allowed
   */
  constructor(
    private readonly query = '',
    private readonly limit = MAX_SEARCH_CHECKS,
  ) {}

  /** Records `checks` more checks. @throws SearchQueryError past the limit */
  spend(checks: number): void {
    this.spent += checks;
    if (this.spent > this.limit) {
      throw new SearchQueryError(
        this.query,
        0,
        `the search needs more than ${this.limit.toLocaleString('en-US')} checks of document values, the most the mock tenant makes for one search; name the fields to search (name:a*) or use fewer wildcard, phrase or range terms`,
      );
    }
  }
}
