import { hasErrorBrand } from './error-brand.js';
import { IscError } from './isc-error.js';

/**
 * Thrown before anything is sent when a path parameter cannot be placed safely in the URL: it is
 * missing, empty, `.` or `..` (which a URL parser would resolve to another resource), or not
 * well-formed Unicode.
 */
export class IscPathParamError extends IscError {
  override readonly name: 'IscPathParamError' = 'IscPathParamError';

  /** The parameter's name in the path template, e.g. `"id"`. */
  declare readonly param: string;

  /** The path template the parameter belongs to, e.g. `"/campaigns/{id}"`. */
  declare readonly path: string;

  constructor(param: string, path: string, problem: string) {
    super(`Path parameter "${param}" of ${path} ${problem}`);
    this.param = param;
    this.path = path;
  }
}

/** True when `value` is an `IscPathParamError` (from this or another copy of the package). */
export function isIscPathParamError(value: unknown): value is IscPathParamError {
  return hasErrorBrand(value, ['IscPathParamError']);
}
