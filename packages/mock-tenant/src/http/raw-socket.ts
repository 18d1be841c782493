// Faults that need the raw connection: a TCP reset before anything is sent, and a response whose
// body stops half way. Both bypass Hono's response writing (the handler then returns the adapter's
// "already sent" marker).
import type { ServerResponse } from 'node:http';

/** Resets the connection (TCP RST), so the client sees ECONNRESET and no response at all. */
export function resetConnection(outgoing: ServerResponse): void {
  const socket = outgoing.socket;
  if (!socket) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * Sends the status and headers with the full Content-Length, then only the first half of the body,
 * then closes the connection: the client sees a response that breaks off while it reads the body.
 */
export function sendTruncated(
  outgoing: ServerResponse,
  response: Response,
  body: Uint8Array,
): void {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.byteLength);
  outgoing.writeHead(response.status, headers);
  const half = body.subarray(0, Math.floor(body.byteLength / 2));
  outgoing.write(half, () => {
    outgoing.socket?.destroy();
  });
}
