import type { Duration } from '../duration/duration.js';
import { parseDuration } from '../duration/parse-duration.js';
import { validateDuration } from '../duration/validate-duration.js';

/** Reads a duration given as ISO-8601 text or as a {@link Duration} object. */
export function toDuration(duration: Duration | string): Duration {
  return typeof duration === 'string' ? parseDuration(duration) : validateDuration(duration);
}
