/** How much of a query its error message quotes. */
const QUOTED_LENGTH = 200;

/**
 * Thrown inside the tenant when a search query string is malformed or uses syntax the mock tenant
 * does not support; the search operations turn it into a 400.
 */
export class SearchQueryError extends Error {
  /** The query text. */
  readonly query: string;
  /** Offset of the problem in `query`. */
  readonly position: number;

  constructor(query: string, position: number, problem: string) {
    // A long query is not echoed whole: its first characters say which one it was.
    const shown =
      query.length > QUOTED_LENGTH
        ? `${JSON.stringify(query.slice(0, QUOTED_LENGTH))}…`
        : JSON.stringify(query);
    super(
      query === ''
        ? `Search query: ${problem}`
        : `Search query ${shown} at position ${position}: ${problem}`,
    );
    this.name = 'SearchQueryError';
    this.query = query;
    this.position = position;
  }
}
