import type { IscApiError } from './errors/api-errors.js';
import { apiErrorFromResponse } from './errors/api-errors.js';

/** The success data of a `{ data, error, response }` result (`undefined` for a no-content operation). */
export type IscData<Result> = Result extends { data: infer Data }
  ? [Data] extends [never]
    ? undefined
    : Data
  : never;

/**
 * The throwing style: resolves to `data` of a successful call, or throws the typed `IscApiError` for an
 * error response (`IscAuthError`, `IscRateLimitError`, `IscNotFoundError`, `IscValidationError`, or the
 * base class), with status, `detailCode`, `trackingId`, messages, method and redacted URL.
 * @example
 * const campaign = await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }));
 */
export async function unwrap<
  Result extends { data?: unknown; error?: unknown; response: Response },
>(result: Result | Promise<Result>): Promise<IscData<Result>> {
  const settled = await result;
  if (!settled.response.ok) throw errorOf(settled);
  return settled.data as IscData<Result>;
}

/** The typed error for a failed result. */
export function errorOf(result: { error?: unknown; response: Response }): IscApiError {
  return apiErrorFromResponse(result.response, result.error);
}
