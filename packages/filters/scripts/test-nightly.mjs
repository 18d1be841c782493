#!/usr/bin/env node
// The nightly-style property run: the round-trip properties of test/round-trip.property.test.ts with
// far more runs than CI and a fresh seed each time, so every night explores new inputs.
//
//   pnpm test:nightly                                  500,000 runs per property, random seed
//   FILTERS_PROPERTY_RUNS=2000000 pnpm test:nightly    more runs
//   FILTERS_PROPERTY_SEED=123 pnpm test:nightly        replay the seed a failure printed
import { spawnSync } from 'node:child_process';

const runs = process.env.FILTERS_PROPERTY_RUNS ?? '500000';
const seed = process.env.FILTERS_PROPERTY_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`property runs: ${runs} per property, seed ${seed}`);

const result = spawnSync(
  'vitest',
  ['run', 'test/round-trip.property.test.ts', '--typecheck.enabled=false'],
  {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, FILTERS_PROPERTY_RUNS: runs, FILTERS_PROPERTY_SEED: seed },
  },
);
if (result.error) throw result.error;
if (result.status !== 0)
  console.error(`replay with: FILTERS_PROPERTY_SEED=${seed} pnpm test:nightly`);
process.exit(result.status ?? 1);
