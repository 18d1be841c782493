// How literal values are written in filter text, shared by the parser, the formatter and the builder.

/** A JSON-style number: optional minus, no leading zeros, optional fraction and exponent. */
export const NUMBER_TEXT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

const DATE_TIME_SHAPE =
  /^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$/;

/**
 * True for an RFC 3339 date-time with upper-case `T` and `Z` on a real calendar day, e.g.
 * `2018-12-18T23:05:55Z` or `2018-12-18T23:05:55.123+01:00` (not `2018-02-30T00:00:00Z`). Seconds
 * may be 60 (a leap second), as RFC 3339 allows.
 */
export function isDateTimeText(text: string): boolean {
  const match = DATE_TIME_SHAPE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return Number(match[3]) <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Returns the offset of the first unpaired UTF-16 surrogate in `text[from, to)`, or -1. A lone
 * surrogate is not a character: it has no UTF-8 form, so it cannot travel in a URL
 * (`encodeURIComponent` throws on it). Every other character, control characters included, may
 * stand inside a quoted string: only an unescaped `"` ends one.
 */
export function findLoneSurrogate(text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (
      code <= 0xdbff &&
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: at `to` stands the closing quote or the end (NaN), never a low surrogate
      i + 1 < to
    ) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** Describes a surrogate code unit for an error message, e.g. `U+D83D` (always four hex digits). */
export function describeCharacter(text: string, offset: number): string {
  return `U+${text.charCodeAt(offset).toString(16).toUpperCase()}`;
}

/** Writes a string value in double quotes, escaping `"` as `\"` and `\` as `\\`. */
export function quoteString(value: string): string {
  let quoted = '"';
  let from = 0;
  // Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN: neither a quote nor a backslash
  for (let at = 0; at < value.length; at++) {
    const code = value.charCodeAt(at);
    if (code !== 0x22 && code !== 0x5c) continue;
    quoted += `${value.slice(from, at)}\\`;
    from = at;
  }
  return `${quoted}${value.slice(from)}"`;
}
