// A parser for the subset of Elasticsearch query_string syntax the mock tenant supports:
//
//   query    := or
//   or       := and (("OR" | "||")? and)*          adjacent clauses are OR-ed, as in Elasticsearch
//   and      := unary (("AND" | "&&") unary)*
//   unary    := ("NOT" | "!" | "-") unary | "+" unary | primary
//   primary  := "(" query ")" | "@" PATH "(" query ")" | clause
//   clause   := "*" | "_exists_:" FIELD | [FIELD ":"] value
//   value    := "(" query-over-FIELD ")" | ("[" | "{") BOUND "TO" BOUND ("]" | "}")
//             | (">" | ">=" | "<" | "<=") WORD | PHRASE | WORD (with * and ? wildcards)
import { SearchQueryError } from './search-query-error.js';

/** One bound of a range clause; `*` bounds are left out. */
export interface RangeBound {
  readonly value: string;
  /** Whether the bound itself matches; exclusive when absent, like the Search filters' default. */
  readonly inclusive?: boolean;
}

/** A node of a parsed search query. */
export type QueryNode =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'term';
      /** Field path, or undefined to look in every field. */
      readonly field: string | undefined;
      readonly value: string;
      readonly phrase: boolean;
    }
  | {
      readonly kind: 'range';
      readonly field: string;
      readonly lower?: RangeBound;
      readonly upper?: RangeBound;
    }
  | { readonly kind: 'exists'; readonly field: string }
  | { readonly kind: 'nested'; readonly path: string; readonly query: QueryNode }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly QueryNode[] }
  | { readonly kind: 'not'; readonly operand: QueryNode };

const FIELD = /^[A-Za-z_][A-Za-z0-9_.]*/;
const SPECIAL = new Set(['(', ')', '[', ']', '{', '}', '"']);

/** Query syntax the tenant refuses rather than misreads: fuzzy and proximity, boosts, regexes. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  '~': 'fuzzy or proximity search',
  '^': 'boosting',
  '/': 'a regular expression',
};

/**
 * The most terms (field:value clauses, ranges, `_exists_`, `*`) one query may hold. Every term is
 * checked against every document, so this bounds the work of one search; a query with more is
 * refused with a 400 that names the limit. (The real search service, on Elasticsearch, has a clause
 * limit too, which SailPoint does not document.)
 */
export const MAX_QUERY_TERMS = 4096;

/** The deepest nesting of parentheses, `NOT`s and `@nested(...)` queries in one query. */
export const MAX_QUERY_DEPTH = 100;

class QueryParser {
  private position = 0;
  private terms = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  /** Counts one term, refusing the query once it has more than {@link MAX_QUERY_TERMS}. */
  private term<T extends QueryNode>(node: T, start: number): T {
    this.terms += 1;
    if (this.terms > MAX_QUERY_TERMS) {
      this.fail(
        `the query has more than ${MAX_QUERY_TERMS} terms, the most the mock tenant searches in one query`,
        start,
      );
    }
    return node;
  }

  /** Runs `parse` one nesting level deeper, refusing nesting beyond {@link MAX_QUERY_DEPTH}. */
  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_QUERY_DEPTH) {
      this.fail(
        `the query nests deeper than ${MAX_QUERY_DEPTH} levels (parentheses, NOT, @nested)`,
      );
    }
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  fail(problem: string, at = this.position): never {
    throw new SearchQueryError(this.text, at, problem);
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position]!))
      this.position += 1;
  }

  private peekWord(): string {
    this.skipSpace();
    const match = /^[^\s()]+/.exec(this.text.slice(this.position));
    return match ? match[0] : '';
  }

  private atEnd(): boolean {
    this.skipSpace();
    return this.position >= this.text.length;
  }

  private accept(token: string): boolean {
    this.skipSpace();
    if (this.text.startsWith(token, this.position)) {
      this.position += token.length;
      return true;
    }
    return false;
  }

  private acceptKeyword(keyword: string): boolean {
    if (this.peekWord() === keyword) {
      this.position += keyword.length;
      return true;
    }
    return false;
  }

  parse(): QueryNode {
    const node = this.or(undefined);
    if (!this.atEnd()) this.fail(`unexpected ${JSON.stringify(this.text[this.position])}`);
    return node;
  }

  private or(field: string | undefined): QueryNode {
    const operands = [this.and(field)];
    for (;;) {
      if (this.atEnd() || this.text[this.position] === ')') break;
      this.acceptKeyword('OR') || this.accept('||');
      operands.push(this.and(field));
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  }

  private and(field: string | undefined): QueryNode {
    const operands = [this.unary(field)];
    while (this.acceptKeyword('AND') || this.accept('&&')) operands.push(this.unary(field));
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  private unary(field: string | undefined): QueryNode {
    if (this.acceptKeyword('NOT') || this.accept('!'))
      return { kind: 'not', operand: this.nested(() => this.unary(field)) };
    this.skipSpace();
    const next = this.text[this.position];
    if (next === '-') {
      this.position += 1;
      return { kind: 'not', operand: this.nested(() => this.unary(field)) };
    }
    if (next === '+') {
      this.position += 1;
      return this.nested(() => this.unary(field));
    }
    return this.primary(field);
  }

  private primary(field: string | undefined): QueryNode {
    this.skipSpace();
    const start = this.position;
    if (this.position >= this.text.length) this.fail('expected a term, found the end of the query');
    if (this.accept('(')) {
      const inner = this.nested(() => this.or(field));
      if (!this.accept(')')) this.fail('expected ")"');
      return inner;
    }
    if (this.text[this.position] === '@') {
      const match = FIELD.exec(this.text.slice(this.position + 1));
      if (!match) this.fail('expected a nested type after "@"');
      this.position += 1 + match[0].length;
      if (!this.accept('(')) this.fail(`expected "(" after @${match[0]}`);
      const query = this.nested(() => this.or(undefined));
      if (!this.accept(')')) this.fail('expected ")" to close the nested query');
      return { kind: 'nested', path: match[0], query };
    }
    const fieldMatch = FIELD.exec(this.text.slice(this.position));
    if (fieldMatch && this.text[this.position + fieldMatch[0].length] === ':') {
      this.position += fieldMatch[0].length + 1;
      if (fieldMatch[0] === '_exists_') {
        const target = FIELD.exec(this.text.slice(this.position));
        if (!target) this.fail('expected a field name after _exists_:');
        this.position += target[0].length;
        return this.term({ kind: 'exists', field: target[0] }, start);
      }
      return this.value(fieldMatch[0], start);
    }
    return this.value(field, start);
  }

  private value(field: string | undefined, start: number): QueryNode {
    this.skipSpace();
    const next = this.text[this.position];
    if (next === '(') {
      if (field === undefined) this.fail('a parenthesised value needs a field', start);
      this.position += 1;
      const inner = this.nested(() => this.or(field));
      if (!this.accept(')')) this.fail('expected ")"');
      return inner;
    }
    if (next === '[' || next === '{') return this.term(this.range(field, start), start);
    if (next === '>' || next === '<') {
      if (field === undefined) this.fail('a comparison needs a field', start);
      const inclusive = this.text[this.position + 1] === '=';
      this.position += inclusive ? 2 : 1;
      const bound = { value: this.word(), inclusive };
      return this.term(
        next === '>'
          ? { kind: 'range', field, lower: bound }
          : { kind: 'range', field, upper: bound },
        start,
      );
    }
    if (next === '"')
      return this.term({ kind: 'term', field, value: this.phrase(), phrase: true }, start);
    const word = this.word();
    if (word === '*' && field === undefined) return this.term({ kind: 'all' }, start);
    if (word === '*') return this.term({ kind: 'exists', field: field! }, start);
    return this.term({ kind: 'term', field, value: word, phrase: false }, start);
  }

  private range(field: string | undefined, start: number): QueryNode {
    if (field === undefined) this.fail('a range needs a field', start);
    const lowerInclusive = this.text[this.position] === '[';
    this.position += 1;
    const low = this.word();
    if (!this.acceptKeyword('TO')) this.fail('expected TO in the range');
    const high = this.word(']}');
    this.skipSpace();
    const close = this.text[this.position];
    if (close !== ']' && close !== '}') this.fail('expected "]" or "}" to close the range');
    this.position += 1;
    const upperInclusive = close === ']';
    return {
      kind: 'range',
      field,
      ...(low === '*' ? {} : { lower: { value: low, inclusive: lowerInclusive } }),
      ...(high === '*' ? {} : { upper: { value: high, inclusive: upperInclusive } }),
    };
  }

  private phrase(): string {
    this.position += 1;
    let out = '';
    while (this.position < this.text.length && this.text[this.position] !== '"') {
      if (this.text[this.position] === '\\') this.position += 1;
      out += this.text[this.position] ?? '';
      this.position += 1;
    }
    if (this.text[this.position] !== '"') this.fail('unterminated phrase');
    this.position += 1;
    return out;
  }

  private word(extraStops = ''): string {
    this.skipSpace();
    let out = '';
    while (this.position < this.text.length) {
      const ch = this.text[this.position]!;
      if (/\s/.test(ch) || (SPECIAL.has(ch) && ch !== '"') || extraStops.includes(ch)) break;
      if (ch === '\\') {
        this.position += 1;
        out += this.text[this.position] ?? '';
      } else if (UNSUPPORTED[ch] !== undefined && !(ch === '/' && out.length > 0)) {
        this.fail(
          `${UNSUPPORTED[ch]} (${JSON.stringify(ch)}) is not supported by the mock tenant; escape it with \\ to search for it`,
        );
      } else out += ch;
      this.position += 1;
    }
    if (out.length === 0) this.fail('expected a value');
    return out;
  }
}

/**
 * Parses a query string into a {@link QueryNode} tree.
 * @throws SearchQueryError naming the position and the problem
 * @example parseQueryString('attributes.department:Finance AND NOT inactive:true')
 */
export function parseQueryString(text: string): QueryNode {
  if (text.trim() === '') return { kind: 'all' };
  return new QueryParser(text).parse();
}
