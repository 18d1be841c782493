// Polls until a condition holds, for the API's asynchronous state changes (a campaign moving from
// PENDING to STAGED, from ACTIVATING to ACTIVE).

export interface WaitOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  /** Give up after this many milliseconds. */
  timeoutMs: number;
  /** Pause between two checks, in milliseconds. */
  intervalMs: number;
}

export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  { what, timeoutMs, intervalMs }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
