// A recursive-descent parser for the V3 filter grammar:
//
//   filter  := or END
//   or      := and ("or" and)*
//   and     := unary ("and" unary)*
//   unary   := "not" unary | primary
//   primary := "(" or ")" | "pr" FIELD | FIELD tail
//   tail    := CMP value | ("in" | "ca") "(" value ("," value)* ")" | "isnull"
//   value   := STRING | NUMBER | DATE-TIME | "true" | "false"

import type {
  AndNode,
  ComparisonOperator,
  FilterNode,
  ListOperator,
  LiteralNode,
  OrNode,
} from './ast.js';
import { FilterSyntaxError } from './errors/filter-syntax-error.js';
import { assertText } from './grammar/assert-text.js';
import { isFieldName } from './grammar/field-name.js';
import {
  FILTER_OPERATORS,
  FILTER_COMPOSITES,
  POSTFIELD_OPERATORS,
  isComparisonOperator,
  isListOperator,
  isReservedWord,
} from './grammar/keywords.js';
import { Lexer, type Token } from './grammar/lexer.js';
import { NUMBER_TEXT, isDateTimeText } from './grammar/literal-text.js';
import { MAX_FILTER_NESTING } from './grammar/nesting.js';

const EXPRESSION_START = ['a field name', 'not', 'pr', '('];
const VALUE = ['a quoted string', 'a number', 'true', 'false', 'an RFC 3339 date-time'];
const LOWERCASE_HINT = 'Operators and keywords are lowercase only.';
const KEYWORDS = new Set<string>([...FILTER_OPERATORS, ...FILTER_COMPOSITES, 'true', 'false']);

/**
 * Parses V3 filter text into a syntax tree whose nodes carry `start`/`end` offsets.
 *
 * `and` and `or` chains come back flattened (`(a and b) and c` gives one `and` with three operands);
 * parentheses leave no node of their own. Operators are lowercase only, as the API requires.
 *
 * @throws {FilterSyntaxError} naming the position, what was expected there and what was found.
 * @example
 * parseFilter('completed eq false and identitySummary.id eq "2c91"').kind; // 'and'
 */
export function parseFilter(text: string): FilterNode {
  assertText(text, 'filters');
  return new Parser(text).parse();
}

class Parser {
  private readonly lexer: Lexer;
  private depth = 0;
  private lastEnd = 0;

  constructor(private readonly input: string) {
    this.lexer = new Lexer(input);
  }

  parse(): FilterNode {
    const node = this.parseOr();
    const token = this.lexer.peek();
    if (token.kind !== 'end') {
      this.fail(token, ['and', 'or', 'the end of the filter'], this.caseHint(token));
    }
    return node;
  }

  private take(): Token {
    const token = this.lexer.next();
    this.lastEnd = token.end;
    return token;
  }

  private isWord(token: Token, word: string): boolean {
    // Stryker disable next-line ConditionalExpression: only word tokens can hold this text: strings keep their quotes, bare tokens start with a digit or -
    return token.kind === 'word' && token.text === word;
  }

  private parseOr(): FilterNode {
    return this.parseChain('or', () => this.parseAnd());
  }

  private parseAnd(): FilterNode {
    return this.parseChain('and', () => this.parseUnary());
  }

  private parseChain(kind: 'and' | 'or', parseOperand: () => FilterNode): FilterNode {
    const start = this.lexer.peek().start;
    const first = parseOperand();
    if (!this.isWord(this.lexer.peek(), kind)) return first;
    const operands: FilterNode[] = [];
    const operatorStarts: number[] = [];
    // A parenthesised chain of the same kind joins this one. Its items are copied one by one: a
    // spread (`push(...items)`) passes every item as an argument and overflows the stack once a
    // chain holds some 100,000 operands.
    const absorb = (node: FilterNode): void => {
      if (node.kind !== kind) {
        operands.push(node);
        return;
      }
      for (const operand of node.operands) operands.push(operand);
      for (const operatorStart of node.operatorStarts) operatorStarts.push(operatorStart);
    };
    absorb(first);
    while (this.isWord(this.lexer.peek(), kind)) {
      operatorStarts.push(this.take().start);
      absorb(parseOperand());
    }
    const node: AndNode | OrNode = { kind, operands, operatorStarts, start, end: this.lastEnd };
    return node;
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_FILTER_NESTING) {
      throw new FilterSyntaxError({
        input: this.input,
        position: token.start,
        expected: [`at most ${MAX_FILTER_NESTING} nested parentheses or nots`],
        found: 'deeper nesting',
      });
    }
  }

  private parseUnary(): FilterNode {
    const token = this.lexer.peek();
    if (!this.isWord(token, 'not')) return this.parsePrimary();
    this.enter(token);
    this.take();
    const operand = this.parseUnary();
    this.depth--;
    return { kind: 'not', operand, start: token.start, end: this.lastEnd };
  }

  private parsePrimary(): FilterNode {
    const token = this.lexer.peek();
    if (token.kind === '(') {
      this.enter(token);
      this.take();
      const inner = this.parseOr();
      const close = this.lexer.peek();
      if (close.kind !== ')') this.fail(close, ['and', 'or', ')'], this.caseHint(close));
      this.take();
      this.depth--;
      return inner;
    }
    if (this.isWord(token, 'pr')) {
      this.take();
      const field = this.parseField(['a field name']);
      return {
        kind: 'present',
        field: field.text,
        fieldStart: field.start,
        operator: 'pr',
        operatorStart: token.start,
        start: token.start,
        end: this.lastEnd,
      };
    }
    const field = this.parseField(EXPRESSION_START);
    const operator = this.lexer.peek();
    // Stryker disable next-line ConditionalExpression: only word tokens can hold this text: strings keep their quotes, bare tokens start with a digit or -
    if (operator.kind === 'word' && isComparisonOperator(operator.text)) {
      return this.parseComparison(field, operator, operator.text);
    }
    // Stryker disable next-line ConditionalExpression: only word tokens can hold this text: strings keep their quotes, bare tokens start with a digit or -
    if (operator.kind === 'word' && isListOperator(operator.text)) {
      return this.parseList(field, operator, operator.text);
    }
    if (this.isWord(operator, 'isnull')) {
      this.take();
      return {
        kind: 'isnull',
        field: field.text,
        fieldStart: field.start,
        operator: 'isnull',
        operatorStart: operator.start,
        start: field.start,
        end: this.lastEnd,
      };
    }
    const hint = this.isWord(operator, 'pr')
      ? '`pr` is a prefix operator: write `pr field`.'
      : this.caseHint(operator);
    return this.fail(operator, POSTFIELD_OPERATORS, hint);
  }

  private parseField(expected: readonly string[]): Token {
    const token = this.lexer.peek();
    // Stryker disable next-line ConditionalExpression: only word tokens can hold this text: strings keep their quotes, bare tokens start with a digit or -
    if (token.kind === 'word' && isFieldName(token.text)) return this.take();
    if (token.kind === 'word' && !isReservedWord(token.text)) {
      this.fail(token, ['a field name'], 'Field names are identifiers joined by single dots.');
    }
    return this.fail(token, expected, this.caseHint(token));
  }

  private parseComparison(field: Token, operator: Token, name: ComparisonOperator): FilterNode {
    this.take();
    const value = this.parseValue();
    return {
      kind: 'comparison',
      field: field.text,
      fieldStart: field.start,
      operator: name,
      operatorStart: operator.start,
      value,
      start: field.start,
      end: this.lastEnd,
    };
  }

  private parseList(field: Token, operator: Token, name: ListOperator): FilterNode {
    this.take();
    const open = this.lexer.peek();
    if (open.kind !== '(') this.fail(open, ['( to open the list of values']);
    this.take();
    const values: LiteralNode[] = [this.parseValue()];
    for (let next = this.lexer.peek(); next.kind !== ')'; next = this.lexer.peek()) {
      if (next.kind !== ',') this.fail(next, [',', ')']);
      this.take();
      values.push(this.parseValue());
    }
    this.take();
    return {
      kind: 'list',
      field: field.text,
      fieldStart: field.start,
      operator: name,
      operatorStart: operator.start,
      values,
      start: field.start,
      end: this.lastEnd,
    };
  }

  private parseValue(): LiteralNode {
    const token = this.lexer.peek();
    const { start, end } = token;
    if (token.kind === 'string') {
      this.take();
      return { kind: 'string', value: token.value, start, end };
    }
    if (token.kind === 'bare') {
      if (isDateTimeText(token.text)) {
        this.take();
        return { kind: 'date-time', value: token.text, start, end };
      }
      if (NUMBER_TEXT.test(token.text)) {
        this.take();
        return { kind: 'number', value: token.text, start, end };
      }
      const hint = /^[0-9]{4}-[0-9]{2}/.test(token.text)
        ? 'Date-times need the full RFC 3339 form on a real calendar day, e.g. 2018-12-18T23:05:55Z.'
        : undefined;
      return this.fail(token, VALUE, hint);
    }
    if (this.isWord(token, 'true') || this.isWord(token, 'false')) {
      this.take();
      return { kind: 'boolean', value: token.text === 'true', start, end };
    }
    let hint: string | undefined;
    if (this.isWord(token, 'null')) {
      hint = 'There is no null literal: use `field isnull` or `pr field`.';
    } else if (token.kind === 'word') {
      hint = this.caseHint(token) ?? 'Strings must be in double quotes.';
    }
    return this.fail(token, VALUE, hint);
  }

  /** Advice for a keyword written in the wrong letter case, e.g. `EQ` or `And`. */
  private caseHint(token: Token): string | undefined {
    const lower = token.text.toLowerCase();
    // Stryker disable next-line ConditionalExpression: only word tokens can hold this text: strings keep their quotes, bare tokens start with a digit or -
    return token.kind === 'word' && lower !== token.text && KEYWORDS.has(lower)
      ? LOWERCASE_HINT
      : undefined;
  }

  private fail(token: Token, expected: readonly string[], hint?: string): never {
    const found =
      token.kind === 'end'
        ? 'end of input'
        : JSON.stringify(token.text.length > 24 ? `${token.text.slice(0, 24)}…` : token.text);
    throw new FilterSyntaxError({
      input: this.input,
      position: token.start,
      expected,
      found,
      hint,
    });
  }
}
