// The one nesting limit shared by the parser and the formatter.

/**
 * How deeply parentheses and `not`s may nest. `parseFilter` refuses deeper text (so hostile input
 * cannot exhaust the stack) and `formatFilter` refuses deeper trees (so whatever it prints parses).
 */
export const MAX_FILTER_NESTING = 100;
