/** Reads the tenant's notion of "now" in epoch milliseconds. */
export type Clock = () => number;

/** Turns the `now` option (a function returning a Date or epoch milliseconds) into a {@link Clock}. */
export function toClock(now: (() => Date | number) | undefined): Clock {
  if (now === undefined) return Date.now;
  return () => {
    const value = now();
    return typeof value === 'number' ? value : value.getTime();
  };
}

/** Formats epoch milliseconds as an RFC 3339 UTC timestamp with milliseconds. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
