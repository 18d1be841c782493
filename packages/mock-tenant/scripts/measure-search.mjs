#!/usr/bin/env node
// Measures the cost of long search queries on the built package (dist/index.js): queries of N
// terms over every index, `a OR a OR ...` and distinct wildcards `*a*1* OR *a*2* ...`, and how long
// a small request waits while such a search runs. Each figure is the median of several rounds. Not
// a test: nothing here passes or fails.
//
//   pnpm measure:search                           (builds first)
//   node scripts/measure-search.mjs 2000 20000    (term counts; default 1 200 2000 4096 20000)
//   ROUNDS=1 node scripts/measure-search.mjs 2000 (fewer rounds, for a slow build)
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startMockTenant } from '../dist/index.js';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const counts = process.argv.slice(2).map(Number);
const termCounts = counts.length > 0 ? counts : [1, 200, 2000, 4096, 20000];
const kinds = {
  'a OR a ...': () => 'a',
  '*a*1* OR *a*2* ...': (n) => `*a*${n}*`,
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const tenant = await startMockTenant();
const token = await (
  await fetch(tenant.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: tenant.clientId,
      client_secret: tenant.clientSecret,
    }),
  })
).json();
const headers = {
  Authorization: `Bearer ${token.access_token}`,
  'Content-Type': 'application/json',
};

async function search(terms, term = () => 'a') {
  const query = Array.from({ length: terms }, (_, n) => term(n)).join(' OR ');
  const response = await fetch(`${tenant.baseUrl}/search?limit=10`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: { query } }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function small() {
  const response = await fetch(`${tenant.baseUrl}/campaigns`, { headers });
  await response.arrayBuffer();
  return response.status;
}

// Warm up: compile the validators and build the search index.
await search(1);
await small();

const rows = [];
for (const [kind, term] of Object.entries(kinds)) {
  for (const terms of termCounts) {
    const samples = [];
    const waits = [];
    let status;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const running = search(terms, term);
      // A small request sent while the search runs: how long does it wait?
      const smallStarted = performance.now();
      await small();
      waits.push(performance.now() - smallStarted);
      status = await running;
      samples.push(performance.now() - started);
    }
    rows.push(
      `| \`${kind}\` | ${terms.toLocaleString('en-US')} | ${status} | ${median(samples).toFixed(0)} ms | ${median(waits).toFixed(0)} ms |`,
    );
  }
}
await tenant.stop();

console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, median of ${ROUNDS} rounds\n`,
);
console.log(
  '| Query (all indices) | Terms | Status | Search answered in | A GET /campaigns sent meanwhile answered in |\n|---|---|---|---|---|',
);
console.log(rows.join('\n'));
