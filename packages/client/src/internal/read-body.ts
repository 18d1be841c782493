// Reads a response body to the end inside the retry loop, so that a body cut off mid-way can be
// retried, an oversized body is refused before it fills memory, and an abort (timeout or caller)
// stops the read even when the injected fetch ignores its signal.

import type { AbortWatch } from './call-abort.js';

/** How reading ended. */
export type BodyEnd = 'complete' | 'cut' | 'over-limit';

/** The bytes read, and how reading ended. */
export interface BodyBytes {
  readonly bytes: Uint8Array;
  readonly end: BodyEnd;
  /** The read error when the body was cut off. */
  readonly error?: unknown;
}

const EMPTY = new Uint8Array(0);

/**
 * Reads at most `limit` bytes of `response`'s body. Rejects with `signal.reason` when the signal aborts;
 * any other read failure ends the read as `"cut"`.
 */
export async function readBody(
  response: Response,
  limit: number,
  signal: AbortWatch | undefined,
): Promise<BodyBytes> {
  const body = response.body;
  if (body === null) return { bytes: EMPTY, end: 'complete' };
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    body.cancel().catch(() => undefined);
    return { bytes: EMPTY, end: 'over-limit' };
  }
  const reader = body.getReader();
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  let end: BodyEnd = 'complete';
  let error: unknown;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > limit) {
        end = 'over-limit';
        reader.cancel().catch(() => undefined);
        break;
      }
      chunks.push(chunk.value);
    }
  } catch (caught) {
    end = 'cut';
    error = caught;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw signal.reason;
  return { bytes: concat(chunks), end, error };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  if (chunks.length === 0) return EMPTY;
  let total = 0;
  for (const chunk of chunks) total += chunk.byteLength;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
