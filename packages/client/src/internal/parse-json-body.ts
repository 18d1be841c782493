import { IscInvalidResponseError } from '../errors/isc-invalid-response-error.js';
import { excerptOf, responseInfo } from './buffered-response.js';

/**
 * Parses a success body that openapi-fetch read as text. An empty body gives undefined (as openapi-fetch
 * does); anything that is not JSON gives `IscInvalidResponseError` with an excerpt of what came back.
 */
export function parseJsonBody(
  text: string,
  response: Response,
  method: string,
  url: string,
  secrets: readonly string[],
): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const info = responseInfo(response);
    throw new IscInvalidResponseError({
      reason: 'invalid-json',
      status: response.status,
      method: info?.method ?? method,
      url: info?.url ?? (response.url || url),
      contentType: response.headers.get('content-type') ?? undefined,
      // V8's SyntaxError message quotes the body, so only its position part is kept.
      problem: `the body is not valid JSON (${jsonProblem(error)})`,
      excerpt: excerptOf(text, secrets),
    });
  }
}

function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position \d+(?: \(line \d+ column \d+\))?/.exec(message);
  if (position !== null) return `error at ${position[0]}`;
  return /end of (?:JSON )?input/i.test(message) ? 'it ends early' : 'unexpected content';
}
