// The filter syntax tree. Plain objects only, so a tree can be logged, cloned, sent as JSON and
// compared with a deep-equality check.
//
// Two views of the same shapes: `*Expression` types carry no source positions (write them by hand, or
// get one from `stripPositions`); `*Node` types are what `parseFilter` returns and add offsets into
// the text, counted in UTF-16 code units. Every node is an expression, so anything that takes an
// expression (`formatFilter`, `validateFilter`) takes a parsed tree as well.

/** A half-open range `[start, end)` of the source text, in UTF-16 code units. */
export interface SourceSpan {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just after the last character. */
  readonly end: number;
}

/** Operators that compare a field with a single value. */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'co' | 'sw';

/** Operators that compare a field with a parenthesised list of values. */
export type ListOperator = 'in' | 'ca';

/** A quoted string, e.g. `"Manager \"A\""`; `value` holds the unescaped text. */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
}

/**
 * A bare number, e.g. `7`, `-1.5`, `2e3`. `value` is the decimal text exactly as written, so that
 * integers beyond 2^53 and long decimals survive a round trip; use `Number(value)` to compute with it.
 */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: string;
}

/** A bare `true` or `false`. */
export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** A bare RFC 3339 date-time, e.g. `2018-12-18T23:05:55Z`; `value` is the text as written. */
export interface DateTimeLiteral {
  readonly kind: 'date-time';
  readonly value: string;
}

/** Any literal value. Its `kind` is the `FilterValueType` (from `@isc-sdk/types`) it carries. */
export type FilterLiteral = StringLiteral | NumberLiteral | BooleanLiteral | DateTimeLiteral;

/** A literal as `parseFilter` returns it, with its place in the text. */
export type LiteralNode = FilterLiteral & SourceSpan;

/** `field op value`, for the single-value operators. */
export interface ComparisonExpression {
  readonly kind: 'comparison';
  readonly field: string;
  readonly operator: ComparisonOperator;
  readonly value: FilterLiteral;
}

/** `field in (v1,v2)` or `field ca (v1,v2)`; `values` is never empty. */
export interface ListExpression {
  readonly kind: 'list';
  readonly field: string;
  readonly operator: ListOperator;
  readonly values: readonly FilterLiteral[];
}

/** `pr field`: the field has a value. */
export interface PresentExpression {
  readonly kind: 'present';
  readonly field: string;
  readonly operator: 'pr';
}

/** `field isnull`: the field has no value. */
export interface IsNullExpression {
  readonly kind: 'isnull';
  readonly field: string;
  readonly operator: 'isnull';
}

/** `a and b and c`: at least one operand (a single operand stands for itself). */
export interface AndExpression {
  readonly kind: 'and';
  readonly operands: readonly FilterExpression[];
}

/** `a or b or c`, shaped like {@link AndExpression}. */
export interface OrExpression {
  readonly kind: 'or';
  readonly operands: readonly FilterExpression[];
}

/** `not a`. */
export interface NotExpression {
  readonly kind: 'not';
  readonly operand: FilterExpression;
}

/** An expression that tests one field. */
export type FieldExpression =
  ComparisonExpression | ListExpression | PresentExpression | IsNullExpression;

/** Any filter expression, with or without source positions: what `formatFilter` prints. */
export type FilterExpression = FieldExpression | AndExpression | OrExpression | NotExpression;

/** Offsets of a field test's parts. */
interface FieldPositions extends SourceSpan {
  /** Offset of the field name. */
  readonly fieldStart: number;
  /** Offset of the operator keyword. */
  readonly operatorStart: number;
}

/** A parsed {@link ComparisonExpression}. */
export interface ComparisonNode extends ComparisonExpression, FieldPositions {
  readonly value: LiteralNode;
}

/** A parsed {@link ListExpression}. */
export interface ListNode extends ListExpression, FieldPositions {
  readonly values: readonly LiteralNode[];
}

/** A parsed {@link PresentExpression}. The operator comes first, so `operatorStart` equals `start`. */
export interface PresentNode extends PresentExpression, FieldPositions {}

/** A parsed {@link IsNullExpression}. */
export interface IsNullNode extends IsNullExpression, FieldPositions {}

/**
 * A parsed {@link AndExpression}: always at least two operands, none of them another `and` (the
 * parser flattens `(a and b) and c`, which means the same). `operatorStarts` holds the offset of
 * each `and` keyword.
 */
export interface AndNode extends AndExpression, SourceSpan {
  readonly operands: readonly FilterNode[];
  readonly operatorStarts: readonly number[];
}

/** A parsed {@link OrExpression}, shaped like {@link AndNode}. */
export interface OrNode extends OrExpression, SourceSpan {
  readonly operands: readonly FilterNode[];
  readonly operatorStarts: readonly number[];
}

/** A parsed {@link NotExpression}. The `not` keyword is at `start`. */
export interface NotNode extends NotExpression, SourceSpan {
  readonly operand: FilterNode;
}

/** A parsed node that tests one field. */
export type FieldNode = ComparisonNode | ListNode | PresentNode | IsNullNode;

/** Any node of a parsed filter: what `parseFilter` returns. */
export type FilterNode = FieldNode | AndNode | OrNode | NotNode;
