// The package's public surface. Everything under ./generated is produced by `pnpm generate`.
// Named types: one per schema in the shape the API returns (`Campaign`, `IdentityDocument`, ...),
// `<Name>Input` where a request sends a schema differently, and `<OperationId>Body` per request body.
export type * from './generated/named.js';
// openapi-typescript's `paths`, `components` and `operations`, and the Readable/Writable helpers.
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
