import { DATE_UNITS, TIME_UNITS, type Duration } from './duration.js';
import { validateDuration } from './validate-duration.js';

/**
 * Writes a {@link Duration} in canonical ISO-8601 form, so `formatDuration(parseDuration(s))` gives the
 * same text for every way of writing the same duration, and means to Java what `s` means.
 *
 * Canonical rules: upper-case designators in the order `Y M W D T H M S`; zero components left out (and
 * `T` with them when the time part is empty); no leading zeros; a leading `-` for negative durations and
 * no `+`; seconds with a `.` and only the fraction digits needed (at most 9); the zero duration is
 * `PT0S`. Units are never converted into each other: `P14D` stays `P14D`, `P2W` stays `P2W` and `PT36H`
 * stays `PT36H`.
 *
 * @throws {InvalidDurationError} when a hand-built object breaks the {@link Duration} rules.
 * @throws {InvalidArgumentError} when `duration` is not an object.
 * @example
 * formatDuration(parseDuration('P0014D')); // 'P14D'
 * formatDuration(parseDuration('+P1DT0H0,50S')); // 'P1DT0.5S'
 */
export function formatDuration(duration: Duration): string {
  const d = validateDuration(duration);
  if (d.sign === 0) return 'PT0S';
  let date = '';
  for (const [letter, field] of DATE_UNITS) {
    if (d[field] !== 0) date += `${d[field]}${letter}`;
  }
  let time = '';
  for (const [letter, field] of TIME_UNITS) {
    if (field === 'seconds') {
      if (d.seconds !== 0 || d.nanoseconds !== 0) time += `${secondsText(d)}S`;
    } else if (d[field] !== 0) {
      time += `${d[field]}${letter}`;
    }
  }
  return `${d.sign === -1 ? '-' : ''}P${date}${time === '' ? '' : `T${time}`}`;
}

/** `6`, `6.5`, `0.000000001`: whole seconds and only the fraction digits needed. */
function secondsText({ seconds, nanoseconds }: Duration): string {
  if (nanoseconds === 0) return String(seconds);
  return `${seconds}.${String(nanoseconds).padStart(9, '0').replace(/0+$/, '')}`;
}
