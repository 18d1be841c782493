import { IscInvalidResponseError } from '../errors/isc-invalid-response-error.js';
import { responseInfo } from './buffered-response.js';

/** An `IscInvalidResponseError` for a success response whose JSON has the wrong shape. */
export function shapeError(
  response: Response,
  method: string,
  path: string,
  problem: string,
): IscInvalidResponseError {
  const info = responseInfo(response);
  return new IscInvalidResponseError({
    reason: 'unexpected-shape',
    status: response.status,
    method: info?.method ?? method,
    url: info?.url ?? (response.url || path),
    contentType: response.headers.get('content-type') ?? undefined,
    problem,
  });
}

/** The `X-Total-Count` header as a non-negative integer, or undefined when absent or malformed. */
export function totalCount(response: Response): number | undefined {
  const header = response.headers.get('x-total-count');
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header);
}
