import { excerptOf } from './buffered-response.js';
import { invalidResponse } from './shape-error.js';

/**
 * Parses a success body read as text. An empty body gives undefined (as openapi-fetch does); anything
 * that is not JSON gives `IscInvalidResponseError` with an excerpt of what came back.
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
    // V8's SyntaxError message quotes the body, so only its position is kept.
    const position = /position \d+/.exec(String(error));
    throw invalidResponse(
      response,
      method,
      url,
      'invalid-json',
      `the body is not valid JSON (${position ? `at ${position[0]}` : 'it ends early or is not JSON'})`,
      excerptOf(text, secrets),
    );
  }
}
