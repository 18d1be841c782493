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

/** Bundles a consumer the way every figure here is taken: esbuild, minified, ESM, ES2022, in memory. */
function bundleConsumer(entry, platform, extra = {}) {
  return build({
    entryPoints: [path.join(consumers, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    ...extra,
  });
}

/** Minified and gzipped size of a consumer bundled for `platform`; rejects when it does not build. */
export async function bundleBytes(entry, platform) {
  const result = await bundleConsumer(entry, platform);
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
    'import sailpoint-api-client': [
      '--input-type=module',
      '-e',
      "await import('sailpoint-api-client')",
    ],
    'require sailpoint-api-client': ['-e', "require('sailpoint-api-client')"],
  };
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, args] of Object.entries(cases)) samples[name].push(wallMs(args));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, summarize(list)]));
}

/** Interleaved `tsc -p` times for the client, bare openapi-fetch, raw fetch and official SDK consumers. */
export function typeCheck(rounds) {
  const tsc = require.resolve('typescript/bin/tsc');
  const run = (project) => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [tsc, '-p', path.join(consumers, project)], { stdio: 'pipe' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const projects = {
    client: 'tsconfig.client.json',
    openapiFetch: 'tsconfig.openapi-fetch.json',
    raw: 'tsconfig.raw.json',
    official: 'tsconfig.official.json',
  };
  const samples = { client: [], openapiFetch: [], raw: [], official: [] };
  const names = Object.keys(projects);
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) samples[name].push(run(projects[name]));
  }
  return Object.fromEntries(
    names.map((name) => [name, { ...summarize(samples[name]), samples: samples[name] }]),
  );
}

/** Which part of the client each source file belongs to, for the composition table (first match wins). */
const AREAS = [
  ['openapi-fetch (request building, middleware, results)', /openapi-fetch\//],
  ['paging: paginate, searchAll, searchCount', /client\/src\/pagination\//],
  ['generated tables (@isc-sdk/types)', /packages\/types\//],
  ['errors, error bodies and redaction', /client\/src\/(errors\/|internal\/(redact|responses))/],
  ['option checks', /client\/src\/internal\/(config|checks|environment)/],
  ['auth: token sources', /client\/src\/internal\/tokens/],
  ['pacing under the rate limit', /client\/src\/internal\/pacing/],
  ['transport: retries, timeouts, aborts, bodies', /client\/src\/internal\//],
  ['client surface (createIscClient, unwrap)', /client\/src\//],
];

/**
 * Minified bytes of the browser client consumer by part of the client, bundled from the client's
 * sources (the published bundle is one file, so it cannot be broken down).
 */
export async function bundleComposition() {
  const result = await bundleConsumer('client-consumer.ts', 'browser', {
    metafile: true,
    alias: {
      '@isc-sdk/client': path.join(benchRoot, '..', 'packages', 'client', 'src', 'browser.ts'),
    },
  });
  const [output] = Object.values(result.metafile.outputs);
  const areas = new Map([...AREAS.map(([name]) => [name, 0]), ['the consumer itself', 0]]);
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const area = AREAS.find(([, pattern]) => pattern.test(file))?.[0] ?? 'the consumer itself';
    areas.set(area, areas.get(area) + bytesInOutput);
  }
  return { total: result.outputFiles[0].contents.length, areas };
}
