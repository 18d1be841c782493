#!/usr/bin/env node
// Measures builder and parser throughput on the built package (dist/index.js), the code users run.
// Each case is warmed up, then timed in several rounds of about 0.5 s; the median round is reported.
// Prints a Markdown table for the README. Not a test: nothing here passes or fails.
//
//   pnpm throughput
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { filterFor, formatFilter, parseFilter, sortersFor, validateFilter } from '../dist/index.js';

const ROUNDS = 7;
const ROUND_MS = 500;

const items = filterFor('listIdentityAccessReviewItems');
const campaigns = filterFor('getActiveCampaigns');
const sort = sortersFor('listIdentityAccessReviewItems');
const identityId = '2c9180835d2e5168015d32f890ca1581';

const small = items.and(items.eq('completed', false), items.eq('identitySummary.id', identityId));
const large = campaigns.and(
  campaigns.in('status', ['ACTIVE', 'STAGED', 'ACTIVATING']),
  campaigns.or(
    campaigns.sw('name', 'Q1 "Managers" \\ 2026'),
    campaigns.sw('name', 'Quarterly #Access Review & more'),
  ),
  campaigns.not(campaigns.in('id', ['2c91a', '2c91b', '2c91c', '2c91d'])),
);

// The hostile input of issue 18: about 1 MB, a 130,000-term chain inside parentheses.
const hostile = `(${Array.from({ length: 130_000 }, () => 'pr a').join(' or ')}) or pr a`;
const onlyA = { filters: { a: { operators: ['pr'] } } };

/** @type {[name: string, text: string | null, run: () => unknown][]} */
const cases = [
  ['builder: `eq` (one comparison)', null, () => items.eq('identitySummary.id', identityId)],
  [
    'builder: review items not yet decided for an identity (`and` of two `eq`)',
    small,
    () => items.and(items.eq('completed', false), items.eq('identitySummary.id', identityId)),
  ],
  [
    'builder: campaigns, `and` of `in`, `or` of two `sw`, `not in` (hostile values)',
    large,
    () =>
      campaigns.and(
        campaigns.in('status', ['ACTIVE', 'STAGED', 'ACTIVATING']),
        campaigns.or(
          campaigns.sw('name', 'Q1 "Managers" \\ 2026'),
          campaigns.sw('name', 'Quarterly #Access Review & more'),
        ),
        campaigns.not(campaigns.in('id', ['2c91a', '2c91b', '2c91c', '2c91d'])),
      ),
  ],
  ['sorters: `by` two keys', null, () => sort.by('access.name', '-identitySummary.name')],
  ['parseFilter: review-item filter', small, () => parseFilter(small)],
  ['parseFilter: campaign filter', large, () => parseFilter(large)],
  ['formatFilter(parseFilter(·)): campaign filter', large, () => formatFilter(parseFilter(large))],
  [
    'validateFilter (text): campaign filter',
    large,
    () => validateFilter(large, 'getActiveCampaigns'),
  ],
  [
    'parseFilter: 130,001 `pr` terms, most in parentheses (1 MB)',
    hostile,
    () => parseFilter(hostile),
  ],
  ['validateFilter (text): the same 1 MB filter', hostile, () => validateFilter(hostile, onlyA)],
];

/** Runs `run` for about `ms` milliseconds and returns operations per second. */
function round(run, ms) {
  let operations = 0;
  let batch = 1; // doubled while the round is young, so slow cases (the 1 MB filter) fit too
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) run();
    operations += batch;
    elapsed = performance.now() - started;
    if (elapsed < ms / 10) batch *= 2;
  }
  return (operations / elapsed) * 1000;
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const grouped = (n) => Math.round(n).toLocaleString('en-US');

const rows = [];
for (const [name, text, run] of cases) {
  round(run, ROUND_MS); // warm-up
  const perSecond = median(Array.from({ length: ROUNDS }, () => round(run, ROUND_MS)));
  const mbPerSecond = text === null ? '' : ((perSecond * text.length) / 1e6).toFixed(1);
  rows.push(
    `| ${name} | ${text === null ? '' : text.length} | ${grouped(perSecond)} | ${(1e6 / perSecond).toFixed(2)} | ${mbPerSecond} |`,
  );
}

console.log(
  `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), median of ${ROUNDS} rounds of ${ROUND_MS} ms\n`,
);
console.log('| case | filter length (chars) | operations/s | µs/operation | M chars/s |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log(`\nreview-item filter: ${small}\ncampaign filter:    ${large}`);
console.log(`1 MB filter: (pr a or … or pr a) or pr a, ${hostile.length} chars`);
