// The `{ data, error, response }` of a call, read as openapi-fetch reads it. JSON comes back as text,
// for the caller to parse into a typed error when it is not JSON.

import type { CallResult } from './call-function.js';
import { decodeText } from './decode-text.js';

/**
 * Reads `response`. `bytes` is its body when the transport has read it already (the response's own
 * body is then used up); otherwise the body is read from the response (one a middleware made).
 */
export async function readResult(
  response: Response,
  bytes: Uint8Array | undefined,
  method: string,
  parseAs: string,
): Promise<CallResult> {
  const { headers, ok } = response;
  if (
    response.status === 204 ||
    method === 'HEAD' ||
    (headers.get('content-length') === '0' &&
      !headers.get('transfer-encoding')?.includes('chunked'))
  ) {
    return ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (!ok) {
    let error: unknown = bytes === undefined ? await response.text() : decodeText(bytes);
    try {
      error = JSON.parse(error as string);
    } catch {
      // Not JSON: the text stays the error, as openapi-fetch does.
    }
    return { error, response };
  }
  if (parseAs === 'stream') return { data: response.body, response };
  if (bytes === undefined) {
    const read = parseAs === 'json' ? 'text' : (parseAs as 'text' | 'blob' | 'arrayBuffer');
    return { data: await response[read](), response };
  }
  if (parseAs === 'arrayBuffer') return { data: bytes.slice().buffer, response };
  if (parseAs === 'blob') {
    const type = headers.get('content-type') ?? '';
    return { data: new Blob([bytes as BlobPart], { type }), response };
  }
  return { data: decodeText(bytes), response };
}
