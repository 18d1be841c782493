const decoder = new TextDecoder();

/** UTF-8 bytes to text (one shared decoder: decoding without `stream` keeps no state between calls). */
export function decodeText(bytes: Uint8Array): string {
  return bytes.byteLength === 0 ? '' : decoder.decode(bytes);
}
