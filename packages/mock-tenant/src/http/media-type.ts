// Reads a Content-Type header as a media type (RFC 9110 §8.3) with fast-content-type-parse: the
// type and subtype lower-cased, parameters by name. Both the API operations and the token endpoint
// decide what a body is from this, never from a substring of the header.
import { parse } from 'fast-content-type-parse';

/** A Content-Type header read as a media type, or why it is not one. */
export type MediaTypeVerdict =
  | { readonly ok: true; readonly type: string; readonly charset: string | undefined }
  | { readonly ok: false; readonly problem: string };

/**
 * Parses a Content-Type header value.
 * @example readMediaType('Application/JSON; charset=UTF-8') // { ok: true, type: 'application/json', charset: 'utf-8' }
 */
export function readMediaType(header: string): MediaTypeVerdict {
  try {
    const { type, parameters } = parse(header);
    return { ok: true, type, charset: parameters.charset?.toLowerCase() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: `The Content-Type header ${JSON.stringify(header)} is not a media type (${reason}).`,
    };
  }
}

/** True when a body with this charset parameter can be read as UTF-8 (JSON's only encoding). */
export function isUtf8(charset: string | undefined): boolean {
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}
