import { excerptOf } from './buffered-response.js';
import { invalidResponse } from './shape-error.js';

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
    // V8's SyntaxError message quotes the body, so only its position part is kept.
    throw invalidResponse(
      response,
      method,
      url,
      'invalid-json',
      `the body is not valid JSON (${jsonProblem(error)})`,
      excerptOf(text, secrets),
    );
  }
}

function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position \d+(?: \(line \d+ column \d+\))?/.exec(message);
  if (position !== null) return `error at ${position[0]}`;
  return /end of (?:JSON )?input/i.test(message) ? 'it ends early' : 'unexpected content';
}
