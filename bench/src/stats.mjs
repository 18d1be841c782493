// Small statistics for benchmark samples.

/** Median, min and max of a list of numbers. */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Formats a summary as `median (min-max)` with `digits` decimals. */
export function describe(summary, digits = 2, unit = '') {
  const f = (n) => n.toFixed(digits);
  return `${f(summary.median)}${unit} (${f(summary.min)}-${f(summary.max)})`;
}

/** Ratio of two medians, as `1.03x`. */
export function ratio(subject, baseline) {
  return `${(subject.median / baseline.median).toFixed(3)}x`;
}
