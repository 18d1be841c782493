// The request body limit. A Content-Length above the limit is refused before a byte of the body is
// read; a chunked body is counted as it arrives and refused as soon as it passes the limit. The 413
// closes the connection, so a client still sending a large body stops there.
//
// Hono's own body-limit middleware does the same counting, but hands the body on by building a new
// Request from the Node adapter's lightweight one, which fails (a 500) when the adapter leaves the
// global Request alone, as this tenant does. This one builds the new Request from the URL, method,
// headers and the bytes read.
import type { Context, MiddlewareHandler } from 'hono';

/** The default of `maxBodyBytes`: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** Describes a byte count for messages: `1048576 bytes (1 MiB)`. */
export function describeBytes(bytes: number): string {
  const mib = bytes / 1_048_576;
  return Number.isInteger(mib) ? `${bytes} bytes (${mib} MiB)` : `${bytes} bytes`;
}

function concat(chunks: readonly Uint8Array[], size: number): ArrayBuffer {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

/**
 * A middleware that answers `tooLarge(c)`, with `Connection: close`, for a body above `maxBytes`.
 * @param onRefused runs once per refused request (to count it) before the answer is built
 */
export function limitBody(
  maxBytes: number,
  tooLarge: (c: Context) => Response,
  onRefused: () => void,
): MiddlewareHandler {
  const refuse = (c: Context) => {
    onRefused();
    const response = tooLarge(c);
    response.headers.set('Connection', 'close');
    return response;
  };
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.body === null) return next();
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding')) {
      return Number(declared) > maxBytes ? refuse(c) : next();
    }
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.releaseLock();
        return refuse(c);
      }
      chunks.push(value);
    }
    c.req.raw = new Request(raw.url, {
      method: raw.method,
      headers: raw.headers,
      body: concat(chunks, size),
    });
    return next();
  };
}
