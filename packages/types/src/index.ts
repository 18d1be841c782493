// The package's public surface. Everything under ./generated is produced by `pnpm generate`.
export type * from './generated/schema.js';
export {
  operationMetadata,
  pagedOperations,
  searchIndices,
  type FilterComposite,
  type FilterFieldMetadata,
  type FilterOperator,
  type FilterValueType,
  type OperationId,
  type OperationMetadata,
} from './generated/operations.js';
