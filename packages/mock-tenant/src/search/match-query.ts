import { allValues, rawValuesAt, valuesAt } from './document-values.js';
import type { QueryNode, RangeBound } from './parse-query-string.js';

type Primitive = string | number | boolean;

function wildcardPattern(value: string): RegExp {
  const escaped = value
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * How a term matches a value: the whole value, or one of its words, equals the term
 * (case-insensitively), like a keyword field with an analysed copy. Wildcards `*` and `?` match
 * against the whole value and each word; a phrase matches when the value contains it.
 */
function termMatcher(value: string, phrase: boolean): (candidate: Primitive) => boolean {
  const wanted = value.toLowerCase();
  if (phrase) return (candidate) => String(candidate).toLowerCase().includes(wanted);
  if (/[*?]/.test(value)) {
    const pattern = wildcardPattern(value);
    return (candidate) => {
      const text = String(candidate);
      return pattern.test(text) || text.split(/[^\p{L}\p{N}]+/u).some((word) => pattern.test(word));
    };
  }
  return (candidate) => {
    const text = String(candidate).toLowerCase();
    return text === wanted || text.split(/[^\p{L}\p{N}]+/u).includes(wanted);
  };
}

function compareBound(candidate: Primitive, bound: string): number | undefined {
  const asNumber = Number(bound);
  if (typeof candidate === 'number' && !Number.isNaN(asNumber)) return candidate - asNumber;
  if (typeof candidate === 'string') {
    const a = Date.parse(candidate);
    const b = Date.parse(bound);
    if (/^\d{4}-\d{2}/.test(candidate) && !Number.isNaN(a) && !Number.isNaN(b)) return a - b;
    const x = candidate.toLowerCase();
    const y = bound.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return undefined;
}

/** True when `candidate` lies within the bounds. */
export function inRange(candidate: Primitive, lower?: RangeBound, upper?: RangeBound): boolean {
  if (lower) {
    const c = compareBound(candidate, lower.value);
    if (c === undefined || c < 0 || (c === 0 && !lower.inclusive)) return false;
  }
  if (upper) {
    const c = compareBound(candidate, upper.value);
    if (c === undefined || c > 0 || (c === 0 && !upper.inclusive)) return false;
  }
  return true;
}

/**
 * Compiles a parsed query into a predicate over search documents.
 * @param defaultFields where clauses without a field look; every field when empty
 */
export function compileQuery(
  node: QueryNode,
  defaultFields: readonly string[] = [],
): (document: unknown) => boolean {
  const recurse = (child: QueryNode) => compileQuery(child, defaultFields);
  switch (node.kind) {
    case 'all':
      return () => true;
    case 'term': {
      const matches = termMatcher(node.value, node.phrase);
      const field = node.field;
      if (field !== undefined) return (document) => valuesAt(document, field).some(matches);
      if (defaultFields.length === 0) return (document) => allValues(document).some(matches);
      return (document) => defaultFields.some((f) => valuesAt(document, f).some(matches));
    }
    case 'range':
      return (document) =>
        valuesAt(document, node.field).some((v) => inRange(v, node.lower, node.upper));
    case 'exists':
      return (document) =>
        rawValuesAt(document, node.field).some((v) => v !== null && v !== undefined);
    case 'nested': {
      const inner = compileQuery(node.query);
      return (document) => rawValuesAt(document, node.path).some((element) => inner(element));
    }
    case 'and': {
      const parts = node.operands.map(recurse);
      return (document) => parts.every((p) => p(document));
    }
    case 'or': {
      const parts = node.operands.map(recurse);
      return (document) => parts.some((p) => p(document));
    }
    case 'not': {
      const inner = recurse(node.operand);
      return (document) => !inner(document);
    }
  }
}
