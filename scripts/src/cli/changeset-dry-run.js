// pnpm check:changesets: a `changeset version` dry run. Copies the repository's manifests, changesets
// and changelogs into a temporary folder, runs `changeset version` there, and prints the version each
// public package would be released at with the head of its new changelog. Fails when a pending
// changeset names an unknown package or when a changed package gets no changelog. The repository
// itself is never touched.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../layout.js';

const require = createRequire(import.meta.url);
const work = mkdtempSync(path.join(os.tmpdir(), 'isc-sdk-changesets-'));

/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

try {
  for (const file of ['package.json', 'pnpm-workspace.yaml']) {
    cpSync(path.join(repoRoot, file), path.join(work, file));
  }
  cpSync(path.join(repoRoot, '.changeset'), path.join(work, '.changeset'), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(work, 'node_modules'), 'dir');

  /** @type {{ folder: string, name: string, version: string, private: boolean }[]} */
  const packages = [];
  for (const folder of [
    'scripts',
    ...readdirSync(path.join(repoRoot, 'packages')).map((f) => `packages/${f}`),
  ]) {
    const manifest = path.join(repoRoot, folder, 'package.json');
    if (!existsSync(manifest)) continue;
    mkdirSync(path.join(work, folder), { recursive: true });
    cpSync(manifest, path.join(work, folder, 'package.json'));
    const changelog = path.join(repoRoot, folder, 'CHANGELOG.md');
    if (existsSync(changelog)) cpSync(changelog, path.join(work, folder, 'CHANGELOG.md'));
    const { name, version, private: isPrivate = false } = readJson(manifest);
    packages.push({ folder, name, version, private: isPrivate });
  }

  const cli = require.resolve('@changesets/cli/bin.js');
  execFileSync(process.execPath, [cli, 'version'], {
    cwd: work,
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  let problems = 0;
  for (const pkg of packages.filter((p) => !p.private)) {
    const next = readJson(path.join(work, pkg.folder, 'package.json')).version;
    const changelog = path.join(work, pkg.folder, 'CHANGELOG.md');
    if (next === pkg.version) {
      console.log(`${pkg.name}: ${pkg.version} (no pending changeset)`);
      continue;
    }
    if (!existsSync(changelog)) {
      console.error(`${pkg.name}: ${pkg.version} -> ${next} but no CHANGELOG.md was written`);
      problems += 1;
      continue;
    }
    const head = readFileSync(changelog, 'utf8').split('\n').slice(0, 8).join('\n    ');
    console.log(`${pkg.name}: ${pkg.version} -> ${next}\n    ${head}`);
  }
  const left = readdirSync(path.join(work, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  if (left.length > 0) {
    console.error(`changesets not consumed by the dry run: ${left.join(', ')}`);
    problems += 1;
  }
  if (problems > 0) process.exit(1);
  console.log('changeset version dry run: every pending changeset applies cleanly');
} finally {
  rmSync(work, { recursive: true, force: true });
}
