// Splits filter text into tokens on demand. The parser asks for one token of lookahead at a time.

import { FilterSyntaxError } from '../errors/filter-syntax-error.js';
import { describeCharacter, findLoneSurrogate } from './literal-text.js';

/** The kinds of token: a word (keyword or field), a quoted string, a bare number or date-time, punctuation. */
export type TokenKind = 'word' | 'string' | 'bare' | '(' | ')' | ',' | 'end' | 'invalid';

/** One token with its place in the source. */
export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (for a string: including quotes and escapes). */
  readonly text: string;
  /** For a string, the unescaped value; otherwise equal to `text`. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const isWordStart = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isWordPart = (c: number): boolean => isWordStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isBarePart = (c: number): boolean => isWordPart(c) || c === 0x3a || c === 0x2b || c === 0x2d; // letters digits _ . : + -
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Reads tokens from `input`, skipping spaces, tabs and line breaks between them. */
export class Lexer {
  private offset = 0;
  private lookahead: Token | undefined;

  constructor(readonly input: string) {}

  /** The next token, without consuming it. */
  peek(): Token {
    this.lookahead ??= this.read();
    return this.lookahead;
  }

  /** The next token, consumed. */
  next(): Token {
    const token = this.peek();
    this.lookahead = undefined;
    return token;
  }

  private read(): Token {
    const input = this.input;
    let at = this.offset;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: charCodeAt past the end is NaN, which no character class accepts
    while (at < input.length && isSpace(input.charCodeAt(at))) at++;
    const start = at;
    if (at >= input.length) return this.token('end', start, start);
    const c = input.charCodeAt(at);
    if (c === 0x28) return this.token('(', start, start + 1);
    if (c === 0x29) return this.token(')', start, start + 1);
    if (c === 0x2c) return this.token(',', start, start + 1);
    if (c === 0x22) return this.readString(start);
    if (isWordStart(c) || isDigit(c) || c === 0x2d) {
      const isWord = isWordStart(c);
      at++;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: charCodeAt past the end is NaN, which no character class accepts
      while (at < input.length && (isWord ? isWordPart : isBarePart)(input.charCodeAt(at))) at++;
      return this.token(isWord ? 'word' : 'bare', start, at);
    }
    // A character outside the BMP is quoted whole in the error (slice stops at the end of input).
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    // Stryker disable next-line StringLiteral: the parser reports any token it did not expect by position and text; none checks this kind
    return this.token('invalid', start, start + width);
  }

  private token(kind: TokenKind, start: number, end: number, value?: string): Token {
    this.offset = end;
    const text = this.input.slice(start, end);
    return { kind, text, value: value ?? text, start, end };
  }

  private readString(start: number): Token {
    const input = this.input;
    let value = '';
    let segment = start + 1;
    // Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN: neither a quote nor a backslash
    for (let at = start + 1; at < input.length; at++) {
      const c = input.charCodeAt(at);
      if (c === 0x22) {
        value += input.slice(segment, at);
        // Stryker disable next-line ArithmeticOperator: the character before the opening quote was read as a token, so it is no surrogate
        this.rejectLoneSurrogate(start + 1, at);
        return this.token('string', start, at + 1, value);
      }
      if (c === 0x5c) {
        const escaped = input.charCodeAt(at + 1);
        if (escaped !== 0x22 && escaped !== 0x5c) {
          throw new FilterSyntaxError({
            input,
            position: at,
            expected: ['\\" or \\\\ (the only escapes)'],
            found: at + 1 < input.length ? JSON.stringify(input.slice(at, at + 2)) : 'end of input',
          });
        }
        value += input.slice(segment, at);
        segment = at + 1;
        at++;
      }
    }
    throw new FilterSyntaxError({
      input,
      position: input.length,
      expected: ['" to close the string opened at position ' + start],
      found: 'end of input',
    });
  }

  /** Reports an unpaired surrogate between `from` and `to` at its place in the source. */
  private rejectLoneSurrogate(from: number, to: number): void {
    const position = findLoneSurrogate(this.input, from, to);
    // Stryker disable next-line EqualityOperator: the search starts after the opening quote, so it never answers 0
    if (position < 0) return;
    throw new FilterSyntaxError({
      input: this.input,
      position,
      expected: ['a complete character'],
      found: `the unpaired surrogate ${describeCharacter(this.input, position)}`,
      hint: 'Strings cannot hold half of a UTF-16 surrogate pair: it cannot be sent in a URL.',
    });
  }
}
