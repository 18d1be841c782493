// RFC 6902 JSON Patch through fast-json-patch. The stored object is never touched: the operations
// are applied one by one to a deep copy, so a failing operation leaves the tenant's state as it
// was, and the error names the operation that failed (the library's own `applyPatch` validates
// every operation as if it were the first, so its errors can blame operation 0).
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

/**
 * Pointer segments that reach JavaScript's object machinery instead of a field. No field of a
 * campaign or template has these names, so a patch that names one is refused before it is applied
 * (the library would throw a plain TypeError for some of them and quietly add others).
 */
const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const { applyOperation, deepClone, JsonPatchError } = jsonPatch;

function forbiddenSegment(pointer: unknown): string | undefined {
  if (typeof pointer !== 'string') return undefined;
  return pointer
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .find((segment) => FORBIDDEN_SEGMENTS.has(segment));
}

/**
 * Applies the operations in order to a copy of `document` and returns the result.
 * @throws ApiProblem (400) naming the index of the operation that failed, its path and what failed
 */
export function applyJsonPatch<T>(document: T, operations: readonly PatchOperation[]): T {
  let current = deepClone(document) as T;
  operations.forEach((operation, index) => {
    const where = `Patch operation ${index} (${operation.op} ${operation.path})`;
    for (const [name, pointer] of [
      ['path', operation.path],
      ['from', operation.from],
    ] as const) {
      const segment = forbiddenSegment(pointer);
      if (segment !== undefined) {
        throw badRequest(
          `${where}: the '${name}' pointer names '${segment}', which is not a field.`,
        );
      }
    }
    try {
      // validate: check the operation first; mutate the copy; prototype changes stay banned.
      current = applyOperation(current, operation as Operation, true, true, true, index)
        .newDocument as T;
    } catch (error) {
      if (!(error instanceof JsonPatchError)) throw error;
      const problem = PROBLEMS[error.name] ?? error.message.split('\n')[0];
      throw badRequest(`${where}: ${problem}.`);
    }
  });
  return current;
}
