// The request facts a response carries once the client has read it, for the errors built from it later.

import type { CallContext } from './call-context.js';

/** Registered key of the request facts stamped on buffered responses (shared across copies). */
export const RESPONSE_INFO = Symbol.for('isc-sdk.response-info');

/** Request facts attached to a buffered response. */
export interface ResponseInfo {
  readonly method: string;
  readonly url: string;
  /** True when the connection closed (or the size limit hit) before the body was complete. */
  readonly truncated: boolean;
}

/** The request facts of a response this client buffered, if it did. */
export function responseInfo(response: Response): ResponseInfo | undefined {
  return (response as { [RESPONSE_INFO]?: ResponseInfo })[RESPONSE_INFO];
}

/** Records the request facts on `response` (and its URL, when the fetch left it empty). */
export function markResponse(response: Response, call: CallContext, truncated: boolean): void {
  const info: ResponseInfo = { method: call.method, url: response.url || call.url, truncated };
  (response as { [RESPONSE_INFO]?: ResponseInfo })[RESPONSE_INFO] = info;
  if (!response.url) Object.defineProperty(response, 'url', { value: info.url });
}
