// Progress output of the walkthrough: one line per step with its result and timing, and a
// progress line while paging (redrawn in place on a terminal, every few pages otherwise).

export interface Reporter {
  /** Runs one numbered step and prints `ok`, what it found, and how long it took. */
  step<T>(title: string, run: () => Promise<{ value: T; detail: string }>): Promise<T>;
  /** Prints a skipped step (read-only mode), with the reason. */
  skip(title: string, reason: string): void;
  /** Reports paging progress: `done` items of `total` (when known). */
  progress(label: string, done: number, total: number | undefined): void;
  /** Prints a free-form note under the current step. */
  note(text: string): void;
}

export function createReporter(
  totalSteps: number,
  out: NodeJS.WriteStream = process.stdout,
): Reporter {
  let current = 0;
  let progressShown = false;
  const lastProgressLine = new Map<string, number>();
  const width = String(totalSteps).length;
  const prefix = () => `[${String(current).padStart(width)}/${totalSteps}]`;
  const endProgress = () => {
    if (progressShown && out.isTTY) out.write('\n');
    progressShown = false;
  };

  return {
    async step(title, run) {
      current += 1;
      const started = performance.now();
      try {
        const { value, detail } = await run();
        endProgress();
        const ms = Math.round(performance.now() - started);
        out.write(`${prefix()} ok    ${title}: ${detail} (${ms} ms)\n`);
        return value;
      } catch (error) {
        endProgress();
        out.write(`${prefix()} FAIL  ${title}\n`);
        throw error;
      }
    },
    skip(title, reason) {
      current += 1;
      out.write(`${prefix()} skip  ${title}: ${reason}\n`);
    },
    progress(label, done, total) {
      const text = total === undefined ? `${label}: ${done}` : `${label}: ${done}/${total}`;
      if (out.isTTY) {
        out.write(`\r        ${text}`);
        progressShown = true;
      } else if (done - (lastProgressLine.get(label) ?? 0) >= 1000 || done === total) {
        lastProgressLine.set(label, done);
        out.write(`        ${text}\n`);
      }
    },
    note(text) {
      endProgress();
      out.write(`        ${text}\n`);
    },
  };
}
