import { redactUrl } from '../internal/redact.js';
import { hasErrorBrand } from './error-brand.js';
import { IscError } from './isc-error.js';

/** Why a success response could not be used. */
export type IscInvalidResponseReason =
  /** The body is not JSON by its `Content-Type` (an HTML login page from a proxy, say). */
  | 'content-type'
  /** The body claims to be JSON but does not parse. */
  | 'invalid-json'
  /** The body is larger than `maxResponseBytes`. */
  | 'too-large'
  /** The JSON parses but has the wrong shape (a list operation that did not return an array). */
  | 'unexpected-shape'
  /** Paging made no progress: the server answered a later page with the same items (it ignores
   * `offset` or `searchAfter`), so iterating on would never end. */
  | 'no-progress';

/** What an `IscInvalidResponseError` is built from. */
export interface IscInvalidResponseDetails {
  readonly reason: IscInvalidResponseReason;
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** The response's `Content-Type`, when it had one. */
  readonly contentType?: string | undefined;
  /** What exactly was wrong, one sentence. */
  readonly problem: string;
  /** The first characters of the body, already redacted. */
  readonly excerpt?: string | undefined;
}

/**
 * The API answered with a success status, but the body cannot be what the operation returns: not JSON,
 * invalid JSON, too large, or the wrong shape. Nothing is returned half-parsed.
 */
export class IscInvalidResponseError extends IscError {
  override readonly name: 'IscInvalidResponseError' = 'IscInvalidResponseError';

  /** Which check failed. */
  declare readonly reason: IscInvalidResponseReason;
  /** HTTP status of the response. */
  declare readonly status: number;
  /** HTTP method of the request. */
  declare readonly method: string;
  /** URL of the request, redacted. */
  declare readonly url: string;
  /** `Content-Type` of the response. */
  declare readonly contentType: string | undefined;
  /** The first characters of the body (redacted), to see what came back instead. */
  declare readonly excerpt: string | undefined;

  constructor(details: IscInvalidResponseDetails) {
    const url = redactUrl(details.url);
    const excerpt = details.excerpt ? `; the body starts with: ${details.excerpt}` : '';
    super(
      `${details.method} ${url} answered ${details.status} with a body the client cannot use: ` +
        `${details.problem}${excerpt}`,
    );
    this.reason = details.reason;
    this.status = details.status;
    this.method = details.method;
    this.url = url;
    this.contentType = details.contentType;
    this.excerpt = details.excerpt;
  }
}

/** True when `value` is an `IscInvalidResponseError` (from this or another copy of the package). */
export function isIscInvalidResponseError(value: unknown): value is IscInvalidResponseError {
  return hasErrorBrand(value, ['IscInvalidResponseError']);
}
