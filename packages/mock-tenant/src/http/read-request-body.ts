import type { Context } from 'hono';
import { badRequest } from './api-problem.js';
import { isUtf8, readMediaType } from './media-type.js';

/** A parsed JSON body and the media type it was validated as. */
export interface ParsedBody {
  readonly value: unknown;
  readonly mediaType: string;
}

/**
 * Reads and parses a JSON request body. Returns undefined when none was sent. The Content-Type is
 * parsed as a media type and must be one of `accepted` exactly (parameters aside): a type that
 * merely contains "json" is refused. Without a Content-Type header the body is read as JSON.
 * @param accepted the media types the operation's spec lists (JSON Patch bodies also accept
 *   `application/json`, which many clients send)
 * @throws ApiProblem (400) for a body that is not JSON, by its Content-Type or by its text
 */
export async function readRequestBody(
  c: Context,
  accepted: readonly string[],
): Promise<ParsedBody | undefined> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const header = c.req.header('content-type');
  const media = header === undefined ? readMediaType(accepted[0]!) : readMediaType(header);
  if (!media.ok) throw badRequest(media.problem);
  if (!accepted.includes(media.type)) {
    throw badRequest(
      `The request body must be ${accepted.join(' or ')}; got Content-Type ${media.type}.`,
    );
  }
  if (!isUtf8(media.charset)) {
    throw badRequest(
      `The request body must be UTF-8 JSON; got Content-Type ${media.type} with charset ${media.charset}.`,
    );
  }
  try {
    return { value: JSON.parse(text) as unknown, mediaType: media.type };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest(`The request body is not valid JSON: ${reason}`);
  }
}
