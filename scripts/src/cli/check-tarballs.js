// pnpm check:tarballs: the packages as a consumer gets them. Packs every public package with pnpm,
// installs the tarballs with npm into an empty temporary project, imports and requires each one, runs
// a real call against the mock tenant from the installed copy, and type-checks a consumer file under
// moduleResolution node16 and bundler with strict on: among others, SailPoint's documented request
// examples (packages/types/test/documented-examples.ts) against the packed @isc-sdk/types. Run after
// `pnpm build`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../layout.js';

const require = createRequire(import.meta.url);
const smokeDir = path.join(repoRoot, 'scripts/release-smoke');
const documentedExamples = path.join(repoRoot, 'packages/types/test/documented-examples.ts');
const keep = process.argv.includes('--keep');

/** openapi-react-query and what it needs, at the versions the workspace tests with. */
const ECOSYSTEM_PACKAGES = (() => {
  const catalog = readFileSync(path.join(repoRoot, 'pnpm-workspace.yaml'), 'utf8');
  return ['openapi-react-query', '@tanstack/react-query', 'react', '@types/react'].map((name) => {
    const line = catalog
      .split('\n')
      .find((entry) => entry.trim().replace(/'/g, '').startsWith(`${name}:`));
    if (!line) throw new Error(`${name} is not in the pnpm catalog`);
    return `${name}@${line.split(':').pop()?.trim()}`;
  });
})();

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** The workspace packages that get published: every packages/* without `private: true`. */
function publicPackages() {
  const packagesDir = path.join(repoRoot, 'packages');
  return readdirSync(packagesDir)
    .map((folder) => path.join(packagesDir, folder))
    .flatMap((dir) => {
      try {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
        return manifest.private ? [] : [{ dir, name: /** @type {string} */ (manifest.name) }];
      } catch {
        return [];
      }
    });
}

const work = mkdtempSync(path.join(os.tmpdir(), 'isc-sdk-tarballs-'));
try {
  const packages = publicPackages();
  const tarballs = packages.map(({ dir, name }) => {
    const out = run('pnpm', ['pack', '--pack-destination', work], dir).trim().split('\n');
    const file = out[out.length - 1]?.trim() ?? '';
    console.log(`packed ${name}: ${path.basename(file)}`);
    return file;
  });

  const project = path.join(work, 'consumer');
  cpSync(smokeDir, project, { recursive: true });
  cpSync(documentedExamples, path.join(project, 'documented-examples.ts'));
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'isc-sdk-consumer', version: '1.0.0', private: true }, null, 2),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], project);
  console.log(`installed ${tarballs.length} tarballs with npm into an empty project`);
  // The openapi-fetch ecosystem a consumer would add next to the client (pinned as in the catalog).
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...ECOSYSTEM_PACKAGES],
    project,
  );

  process.stdout.write(run(process.execPath, ['smoke.mjs'], project));
  process.stdout.write(run(process.execPath, ['smoke.cjs'], project));
  process.stdout.write(run(process.execPath, ['ecosystem.mjs'], project));

  const tsc = require.resolve('typescript/bin/tsc');
  for (const resolution of ['node16', 'bundler']) {
    run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], project);
    console.log(
      `consumer.ts and documented-examples.ts type-check with moduleResolution ${resolution} (strict)`,
    );
  }
  console.log('tarballs install, import, require, run and type-check cleanly');
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
