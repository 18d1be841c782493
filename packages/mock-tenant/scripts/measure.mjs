#!/usr/bin/env node
// Measures the built package (dist/index.js): start-up with the default seed and with benchmark
// sizes, paging a 50,000-item certification through @isc-sdk/client, and request throughput.
// Each figure is the median of several rounds. Prints a Markdown table for the README. Not a
// test: nothing here passes or fails.
//
//   pnpm measure
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createIscClient } from '@isc-sdk/client';
import { startMockTenant } from '../dist/index.js';

const ROUNDS = 5;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(run) {
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const client = (tenant) =>
  createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
  });

const rows = [];
const row = (what, value) => {
  rows.push(`| ${what} | ${value} |`);
};

row(
  'startMockTenant() (300 identities), until listening',
  `${(await timed(async () => (await startMockTenant()).stop())).toFixed(0)} ms`,
);
row(
  'startMockTenant() with 5,000 identities',
  `${(await timed(async () => (await startMockTenant({ size: { identities: 5000 } })).stop())).toFixed(0)} ms`,
);
row(
  'start, then the first createCampaign (compiles its validators) and the first search (builds the index)',
  `${(
    await timed(async () => {
      const tenant = await startMockTenant();
      const isc = client(tenant);
      const body = {
        name: 'x',
        description: null,
        type: 'MANAGER',
        deadline: '2099-01-01T00:00:00Z',
      };
      const created = await isc.POST('/campaigns', { body });
      const found = await isc.POST('/search', {
        body: { indices: ['identities'], query: { query: '*' } },
      });
      if (created.response.status !== 202 || found.response.status !== 200)
        throw new Error('first calls failed');
      await tenant.stop();
    })
  ).toFixed(0)} ms`,
);
const big = { preloadActiveCampaign: true, size: { reviewItemsPerCertification: 50_000 } };
row(
  'startMockTenant() with a preloaded 50,000-item certification',
  `${(await timed(async () => (await startMockTenant(big)).stop())).toFixed(0)} ms`,
);

{
  const tenant = await startMockTenant(big);
  const isc = client(tenant);
  const id = tenant.preloaded.certificationIds[0];
  const page = async (query) => {
    let count = 0;
    for await (const _ of isc.paginate('/certifications/{id}/access-review-items', {
      params: { path: { id }, query },
    })) {
      count += 1;
    }
    if (count !== 50_000) throw new Error(`paged ${count} items`);
  };
  row(
    'paging all 50,000 items (200 pages of 250) through @isc-sdk/client',
    `${(await timed(() => page({}))).toFixed(0)} ms`,
  );
  row(
    'the same with `filters=completed eq false` and `sorters=-access.name`',
    `${(await timed(() => page({ filters: 'completed eq false', sorters: '-access.name' }))).toFixed(0)} ms`,
  );
  await tenant.stop();
}

{
  // Throughput without and with the gateway rate limit (set high enough never to refuse), the two
  // measured round by round, side by side, so the ratio is fair on a noisy machine.
  const total = 4000;
  const plain = await startMockTenant();
  const limited = await startMockTenant({ rateLimit: { requests: 100_000, windowMs: 10_000 } });
  const run = async (tenant) => {
    const isc = client(tenant);
    let next = 0;
    const worker = async () => {
      while (next < total) {
        next += 1;
        const { response } = await isc.GET('/campaigns', { params: { query: { limit: 10 } } });
        if (response.status !== 200) throw new Error(`status ${response.status}`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: 8 }, worker));
    return performance.now() - started;
  };
  const off = [];
  const on = [];
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = await run(plain);
    const b = await run(limited);
    off.push(a);
    on.push(b);
    ratios.push(b / a);
  }
  const rate = (ms) => `${Math.round(total / (ms / 1000)).toLocaleString('en-US')} requests/s`;
  row('GET /campaigns, 4,000 requests at concurrency 8', rate(median(off)));
  row(
    'the same with the gateway rate limit on (never refusing); time ratio with/without, paired',
    `${rate(median(on))}; ${median(ratios).toFixed(2)}x`,
  );
  if (limited.stats().rateLimitHits !== 0) throw new Error('the limit refused a request');
  await plain.stop();
  await limited.stop();
}

console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, median of ${ROUNDS} rounds\n`,
);
console.log('| Measurement | Median |\n|---|---|');
console.log(rows.join('\n'));
