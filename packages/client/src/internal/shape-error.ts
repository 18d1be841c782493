import {
  IscInvalidResponseError,
  type IscInvalidResponseReason,
} from '../errors/isc-invalid-response-error.js';
import { responseInfo } from './response-info.js';

/** An `IscInvalidResponseError` for `response`, which answered a call of `method` to `url`. */
export function invalidResponse(
  response: Response,
  method: string,
  url: string,
  reason: IscInvalidResponseReason,
  problem: string,
  excerpt?: string,
): IscInvalidResponseError {
  const info = responseInfo(response);
  return new IscInvalidResponseError({
    reason,
    status: response.status,
    method: info?.method ?? method,
    url: info?.url ?? (response.url || url),
    contentType: response.headers.get('content-type') ?? undefined,
    problem,
    excerpt,
  });
}

/** An `IscInvalidResponseError` for a success response whose JSON has the wrong shape. */
export function shapeError(response: Response, method: string, path: string, problem: string) {
  return invalidResponse(response, method, path, 'unexpected-shape', problem);
}

/** The `X-Total-Count` header as a non-negative integer, or undefined when absent or malformed. */
export function totalCount(response: Response): number | undefined {
  const header = response.headers.get('x-total-count');
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header);
}
