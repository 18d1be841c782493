// The one nesting limit shared by the parser and the formatter.

/**
 * How deeply parentheses and `not`s may nest. `parseFilter` refuses deeper text (so hostile input
 * cannot exhaust the stack) and `formatFilter` refuses deeper trees (so whatever it prints parses).
 */
export const MAX_FILTER_NESTING = 100;

/**
 * How many tree levels `formatFilter` and `stripPositions` walk before refusing a tree. Chains of
 * one operand add levels without adding text, so this is larger than the nesting limit; it keeps
 * a hand-built (or cyclic) tree from exhausting the stack.
 */
export const MAX_TREE_DEPTH = 1000;
