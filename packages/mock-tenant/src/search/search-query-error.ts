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
    super(`Search query ${JSON.stringify(query)} at position ${position}: ${problem}`);
    this.name = 'SearchQueryError';
    this.query = query;
    this.position = position;
  }
}
