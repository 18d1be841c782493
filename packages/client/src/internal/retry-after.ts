const DELTA_SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * Parses a `Retry-After` header into milliseconds from `now`: delta-seconds (`"120"`) or an HTTP-date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`; a date in the past gives 0). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const delta = DELTA_SECONDS.exec(value);
  if (delta !== null) return Math.round(Number(delta[1]) * 1000);
  // Date.parse accepts bare numbers as years; those were handled above, so only dates remain.
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
