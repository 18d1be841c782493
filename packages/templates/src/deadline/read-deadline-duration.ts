import type { Duration } from '../duration/duration.js';
import { parseDuration } from '../duration/parse-duration.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/**
 * Reads a template's `deadlineDuration`: null when absent or null, the parsed duration otherwise.
 * @throws {InvalidArgumentError} for a template that is not an object or a duration that is not a string.
 * @throws {DurationSyntaxError} for duration text that does not parse.
 */
export function readDeadlineDuration(template: unknown): Duration | null {
  if (typeof template !== 'object' || template === null) {
    throw new InvalidArgumentError('template', template, 'a campaign template object');
  }
  const text = (template as { deadlineDuration?: unknown }).deadlineDuration;
  if (text === undefined || text === null) return null;
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'template.deadlineDuration',
      text,
      'an ISO-8601 duration string, null or absent',
    );
  }
  return parseDuration(text);
}
