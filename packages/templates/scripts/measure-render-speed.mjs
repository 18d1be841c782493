// Measures how long renderPlaceholders takes on large and typical inputs, from the built package. A
// benchmark, not a test: timings on shared machines are noisy, so each case runs several times and the
// median is printed.
//
//   pnpm --filter @isc-sdk/templates build && pnpm --filter @isc-sdk/templates measure:render
//
// Options: --runs N (default 7) and --filter TEXT (only the cases whose name contains TEXT).
import { renderPlaceholders } from '@isc-sdk/templates';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const runs = Number(option('--runs', '7'));
const only = option('--filter', '');

const AT = '2018-01-15T12:00:00Z';
const ALL_LETTERS = [...'YyCmdeBbhAajHIklMSLNpzZsQRTrDFc'].map((letter) => `%${letter}`).join(' ');

/** [name, what one run does, how many placeholders one run fills in] */
const cases = [
  [
    '100,000 × %Z in one text (America/Sao_Paulo)',
    () => renderPlaceholders('%Z '.repeat(100_000), AT, { timeZone: 'America/Sao_Paulo' }),
    100_000,
  ],
  [
    '100,000 × %c in one text (Europe/Berlin, de-DE)',
    () =>
      renderPlaceholders('%c '.repeat(100_000), AT, { timeZone: 'Europe/Berlin', locale: 'de-DE' }),
    100_000,
  ],
  [
    '1 MB template, every letter (America/New_York)',
    () =>
      renderPlaceholders(
        `${ALL_LETTERS} `.repeat(Math.ceil(1_000_000 / (ALL_LETTERS.length + 1))),
        AT,
        {
          timeZone: 'America/New_York',
        },
      ),
    Math.ceil(1_000_000 / (ALL_LETTERS.length + 1)) * 31,
  ],
  [
    '10,000 calls of "%Y-%m-%d %Z Review" (Asia/Tokyo)',
    () => {
      for (let i = 0; i < 10_000; i += 1) {
        renderPlaceholders('%Y-%m-%d %Z Review', AT, { timeZone: 'Asia/Tokyo' });
      }
    },
    40_000,
  ],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

console.log(
  `node ${process.version}, ${runs} runs per case (median; the first run warms up and is not counted)`,
);
console.log('| case | median ms | µs per placeholder |');
console.log('| --- | ---: | ---: |');
for (const [name, run, placeholders] of cases) {
  if (!name.includes(only)) continue;
  run();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const ms = median(times);
  console.log(`| ${name} | ${ms.toFixed(1)} | ${((ms * 1000) / placeholders).toFixed(2)} |`);
}
