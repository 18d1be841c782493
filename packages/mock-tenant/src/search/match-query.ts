import { viewOf, type DocumentView, type FieldValues } from './document-view.js';
import { SearchBudget, WILDCARD_CHECKS } from './search-budget.js';
import type { QueryNode, RangeBound } from './parse-query-string.js';

/**
 * Whether `text` matches a wildcard pattern (`*` any run of characters, `?` one character), ignoring
 * case. Linear in practice and O(pattern × text) at worst, unlike a regular expression built from
 * the pattern, which backtracks exponentially on patterns such as `*a*a*a*a*b`.
 */
export function matchesWildcard(pattern: string, text: string): boolean {
  return matchesLowerCase(pattern.toLowerCase(), text.toLowerCase());
}

function matchesLowerCase(p: string, t: string): boolean {
  let pi = 0;
  let ti = 0;
  let star = -1; // position of the last `*` seen in the pattern
  let resume = 0; // where in the text that `*` currently stops
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === t[ti]))) {
      pi += 1;
      ti += 1;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi;
      pi += 1;
      resume = ti;
    } else if (star >= 0) {
      // Let the last `*` take one more character and try again from there.
      pi = star + 1;
      resume += 1;
      ti = resume;
    } else return false;
  }
  while (p[pi] === '*') pi += 1;
  return pi === p.length;
}

/**
 * How a term matches the values at a path: the whole value, or one of its words, equals the term
 * (case-insensitively), like a keyword field with an analysed copy. Wildcards `*` and `?` match
 * against the whole value and each word; a phrase matches when the value contains it. The values'
 * lower-cased forms, words and token sets come precomputed from the document's view.
 */
function termMatcher(
  value: string,
  phrase: boolean,
  budget: SearchBudget,
): (values: FieldValues) => boolean {
  const wanted = value.toLowerCase();
  if (phrase) {
    return (values) => {
      budget.spend(values.lowered.length);
      return values.lowered.some((text) => text.includes(wanted));
    };
  }
  if (/[*?]/.test(value)) {
    return (values) => {
      budget.spend(WILDCARD_CHECKS * values.tokens.size);
      for (const token of values.tokens) if (matchesLowerCase(wanted, token)) return true;
      return false;
    };
  }
  return (values) => {
    budget.spend(1);
    return values.tokens.has(wanted);
  };
}

/** A range bound read once: as a number, as a date and as lower-case text. */
interface ReadBound {
  readonly number: number;
  readonly date: number;
  readonly text: string;
  readonly inclusive: boolean;
}

function readBound(bound: RangeBound | undefined): ReadBound | undefined {
  if (!bound) return undefined;
  return {
    number: Number(bound.value),
    date: Date.parse(bound.value),
    text: bound.value.toLowerCase(),
    inclusive: bound.inclusive === true,
  };
}

/**
 * Compares value `i` of `values` with a bound: numbers as numbers, date-like strings as dates,
 * other strings as lower-case text; undefined when they cannot be compared (a boolean).
 */
function compareBound(values: FieldValues, i: number, bound: ReadBound): number | undefined {
  const candidate = values.values[i]!;
  if (typeof candidate === 'number' && !Number.isNaN(bound.number)) return candidate - bound.number;
  if (typeof candidate === 'string') {
    const date = values.dates[i]!;
    if (!Number.isNaN(date) && !Number.isNaN(bound.date)) return date - bound.date;
    const text = values.lowered[i]!;
    return text < bound.text ? -1 : text > bound.text ? 1 : 0;
  }
  return undefined;
}

/**
 * A test for "some value at the path lies within the bounds"; the bounds are read once, the
 * values' dates come precomputed from the document's view. Each value tested costs 2 checks.
 */
export function rangeMatcher(
  lowerBound: RangeBound | undefined,
  upperBound: RangeBound | undefined,
  budget: SearchBudget,
): (values: FieldValues) => boolean {
  const lower = readBound(lowerBound);
  const upper = readBound(upperBound);
  const within = (values: FieldValues, i: number): boolean => {
    if (lower) {
      const c = compareBound(values, i, lower);
      if (c === undefined || c < 0 || (c === 0 && !lower.inclusive)) return false;
    }
    if (upper) {
      const c = compareBound(values, i, upper);
      if (c === undefined || c > 0 || (c === 0 && !upper.inclusive)) return false;
    }
    return true;
  };
  return (values) => {
    budget.spend(2 * values.values.length);
    for (let i = 0; i < values.values.length; i++) if (within(values, i)) return true;
    return false;
  };
}

/** A compiled query: a predicate over document views. */
export type ViewPredicate = (view: DocumentView) => boolean;

/**
 * Compiles a parsed query into a predicate over document views (see `viewOf`), which hold each
 * document's values precomputed.
 * @param defaultFields where clauses without a field look; every field when empty
 * @param budget counts the values the predicate checks, and stops it past its limit
 */
export function compileViewQuery(
  node: QueryNode,
  defaultFields: readonly string[],
  budget: SearchBudget,
): ViewPredicate {
  const recurse = (child: QueryNode) => compileViewQuery(child, defaultFields, budget);
  switch (node.kind) {
    case 'all':
      return () => true;
    case 'term': {
      const matches = termMatcher(node.value, node.phrase, budget);
      const field = node.field;
      if (field !== undefined) return (view) => matches(view.at(field));
      if (defaultFields.length === 0) return (view) => matches(view.all());
      return (view) => defaultFields.some((f) => matches(view.at(f)));
    }
    case 'range': {
      const matches = rangeMatcher(node.lower, node.upper, budget);
      return (view) => matches(view.at(node.field));
    }
    case 'exists':
      return (view) => {
        budget.spend(1);
        return view.at(node.field).raw.some((v) => v !== null && v !== undefined);
      };
    case 'nested': {
      const inner = compileViewQuery(node.query, [], budget);
      return (view) => view.at(node.path).raw.some((element) => inner(viewOf(element)));
    }
    case 'and': {
      const parts = node.operands.map(recurse);
      return (view) => parts.every((p) => p(view));
    }
    case 'or': {
      const parts = node.operands.map(recurse);
      return (view) => parts.some((p) => p(view));
    }
    case 'not': {
      const inner = recurse(node.operand);
      return (view) => !inner(view);
    }
  }
}

/**
 * Compiles a parsed query into a predicate over search documents (campaign queries use it; the
 * search operations use {@link compileViewQuery}, to pause between slices).
 * @param defaultFields where clauses without a field look; every field when empty
 * @param budget bounds the values the predicate checks; it throws a SearchQueryError past it
 */
export function compileQuery(
  node: QueryNode,
  defaultFields: readonly string[] = [],
  budget = new SearchBudget(),
): (document: unknown) => boolean {
  const predicate = compileViewQuery(node, defaultFields, budget);
  return (document) => predicate(viewOf(document));
}
