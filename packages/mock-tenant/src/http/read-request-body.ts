import type { Context } from 'hono';
import { badRequest } from './api-problem.js';

/** A parsed JSON body and the media type it was validated as. */
export interface ParsedBody {
  readonly value: unknown;
  readonly mediaType: string;
}

/**
 * Reads and parses a JSON request body. Returns undefined when none was sent.
 * @param accepted the media types the operation's spec lists (JSON Patch bodies also accept
 *   `application/json`, which many clients send)
 * @throws ApiProblem (400) for a body that is not JSON
 */
export async function readRequestBody(
  c: Context,
  accepted: readonly string[],
): Promise<ParsedBody | undefined> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const sent = (c.req.header('content-type') ?? 'application/json')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const mediaType = accepted.includes(sent) ? sent : (accepted[0] ?? 'application/json');
  if (!sent.includes('json')) {
    throw badRequest(
      `The request body must be ${accepted.join(' or ')}; got Content-Type ${sent}.`,
    );
  }
  try {
    return { value: JSON.parse(text) as unknown, mediaType };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest(`The request body is not valid JSON: ${reason}`);
  }
}
