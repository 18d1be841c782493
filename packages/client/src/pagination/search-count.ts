import type { CallFunction } from '../internal/call-function.js';
import { checkObject } from '../internal/check-option.js';
import { shapeError, totalCount } from '../internal/shape-error.js';
import { errorOf } from '../unwrap.js';
import type { IscSearchCallOptions } from './search-types.js';

/** POST /search/count: the number of matches, from the `X-Total-Count` header of the 204. */
export async function searchCount(
  call: CallFunction,
  body: unknown,
  options: IscSearchCallOptions | undefined,
): Promise<number> {
  checkObject('body', body, 'a search body object');
  const result = await call('POST', '/search/count', {
    ...options,
    // Counting only reads: safe to retry like a GET.
    idempotent: options?.idempotent ?? true,
    body,
  });
  if (!result.response.ok) throw errorOf(result);
  const total = totalCount(result.response);
  if (total === undefined) {
    throw shapeError(result.response, 'POST', '/search/count', 'no usable X-Total-Count header');
  }
  return total;
}
