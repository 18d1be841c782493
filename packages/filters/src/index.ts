// Public surface of @isc-sdk/filters.

// Typed builders.
export { filterFor } from './builder/filter-for.js';
export {
  sortersFor,
  type SortKey,
  type SortableField,
  type SortersBuilder,
} from './builder/sorters-for.js';
export type { Filter, Sorters } from './builder/branded.js';
export type {
  CompositesOf,
  DateTimeText,
  FieldsSupporting,
  FilterBuilder,
  FilterBuilderMethods,
  FilterFieldName,
  FilterScalar,
  FilterValueFor,
  OperatorsOf,
  ValueOfType,
} from './builder/filter-builder-types.js';
export type {
  CapabilityTarget,
  FilterCapabilities,
  FilterFieldCapability,
  FilterableOperationId,
  OperationCapabilities,
  SortableOperationId,
} from './capabilities.js';

// Parser, formatter and syntax tree.
export { parseFilter } from './parse-filter.js';
export { formatFilter } from './format-filter.js';
export { stripPositions } from './strip-positions.js';
export { MAX_FILTER_NESTING } from './grammar/nesting.js';
export { parseSorters, type SortTerm } from './parse-sorters.js';
export type {
  AndExpression,
  AndNode,
  BooleanLiteral,
  ComparisonExpression,
  ComparisonNode,
  ComparisonOperator,
  DateTimeLiteral,
  FieldExpression,
  FieldNode,
  FilterExpression,
  FilterLiteral,
  FilterNode,
  IsNullExpression,
  IsNullNode,
  ListExpression,
  ListNode,
  ListOperator,
  LiteralNode,
  NotExpression,
  NotNode,
  NumberLiteral,
  OrExpression,
  OrNode,
  PresentExpression,
  PresentNode,
  SourceSpan,
  StringLiteral,
} from './ast.js';

// Validation against an operation's capabilities.
export { validateFilter, assertValidFilter } from './validation/validate-filter.js';
export { validateSorters, assertValidSorters } from './validation/validate-sorters.js';
export type {
  FilterProblem,
  FilterProblemCode,
  SorterProblem,
  SorterProblemCode,
} from './validation/problems.js';

// Errors.
export { FiltersError, isFiltersError } from './errors/filters-error.js';
export {
  FilterSyntaxError,
  isFilterSyntaxError,
  type FilterSyntaxErrorDetails,
} from './errors/filter-syntax-error.js';
export {
  FilterBuildError,
  isFilterBuildError,
  type FilterBuildErrorCode,
  type FilterBuildErrorDetails,
} from './errors/filter-build-error.js';
export {
  FilterValidationError,
  isFilterValidationError,
} from './errors/filter-validation-error.js';
export {
  UnknownOperationError,
  isUnknownOperationError,
} from './errors/unknown-operation-error.js';
