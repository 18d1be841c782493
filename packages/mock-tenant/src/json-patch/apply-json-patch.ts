// RFC 6902 JSON Patch through fast-json-patch. The stored object is never touched: the library
// patches a deep copy, so a failing operation leaves the tenant's state as it was.
import jsonPatch, { type Operation } from 'fast-json-patch';
import { badRequest } from '../http/api-problem.js';

/** One patch operation, as validated against the spec's JsonPatchOperation. */
export interface PatchOperation {
  readonly op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  readonly path: string;
  readonly value?: unknown;
  readonly from?: string;
}

/** What each of the library's error names means, in words a client can act on. */
const PROBLEMS: Readonly<Record<string, string>> = {
  OPERATION_PATH_INVALID: 'the path is not a JSON Pointer (it must be empty or start with "/")',
  OPERATION_FROM_REQUIRED: "a 'from' pointer is required",
  OPERATION_VALUE_REQUIRED: "a 'value' is required",
  OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED: 'the value cannot contain undefined',
  OPERATION_PATH_CANNOT_ADD: 'the parent of the path does not exist',
  OPERATION_PATH_UNRESOLVABLE: 'the path does not exist',
  OPERATION_FROM_UNRESOLVABLE: "the 'from' path does not exist",
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: 'the path has an invalid array index',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'the array index is out of bounds',
  TEST_OPERATION_FAILED: 'the value at the path is not the tested value',
};

const { applyPatch, JsonPatchError } = jsonPatch;

/**
 * Applies the operations in order to a copy of `document` and returns the result.
 * @throws ApiProblem (400) naming the operation index, its path and what failed
 */
export function applyJsonPatch<T>(document: T, operations: readonly PatchOperation[]): T {
  try {
    // validate: check each operation first; mutate: false (patch a clone); __proto__ stays banned.
    return applyPatch(document, operations as Operation[], true, false, true).newDocument;
  } catch (error) {
    if (!(error instanceof JsonPatchError)) throw error;
    const index = error.index ?? 0;
    const operation = operations[index];
    const where = operation ? ` (${operation.op} ${operation.path})` : '';
    const problem = PROBLEMS[error.name] ?? error.message.split('\n')[0];
    throw badRequest(`Patch operation ${index}${where}: ${problem}.`);
  }
}
