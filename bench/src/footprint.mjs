// Consumer-side costs: bundle bytes (esbuild, minified, gzip) for node and browser, cold import time,
// and type-check time, each for @isc-sdk/client and for the raw fetch consumer.
import { execFileSync, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';
import { summarize } from './stats.mjs';

const benchRoot = fileURLToPath(new URL('..', import.meta.url));
const consumers = path.join(benchRoot, 'consumers');
const require = createRequire(import.meta.url);

/** Minified and gzipped size of a consumer bundled for `platform`. */
export async function bundleBytes(entry, platform) {
  const result = await build({
    entryPoints: [path.join(consumers, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

function wallMs(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: benchRoot, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Interleaved cold-start times: bare node, importing the client (ESM), requiring it (CJS). */
export function coldImport(rounds) {
  const cases = {
    'node -e ""': ['-e', ''],
    'import @isc-sdk/client': ['--input-type=module', '-e', "await import('@isc-sdk/client')"],
    'require @isc-sdk/client': ['-e', "require('@isc-sdk/client')"],
  };
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, args] of Object.entries(cases)) samples[name].push(wallMs(args));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, summarize(list)]));
}

/** Interleaved `tsc -p` times for the client consumer and the raw consumer. */
export function typeCheck(rounds) {
  const tsc = require.resolve('typescript/bin/tsc');
  const run = (project) => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [tsc, '-p', path.join(consumers, project)], { stdio: 'pipe' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const client = [];
  const raw = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2) {
      raw.push(run('tsconfig.raw.json'));
      client.push(run('tsconfig.client.json'));
    } else {
      client.push(run('tsconfig.client.json'));
      raw.push(run('tsconfig.raw.json'));
    }
  }
  return { client: summarize(client), raw: summarize(raw) };
}
