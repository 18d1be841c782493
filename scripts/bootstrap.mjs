#!/usr/bin/env node
// Entry point of the README's two set-up commands (`npm run demo`, `npm test`). It needs only Node
// and npm: it finds pnpm (or runs the pinned version through `npm exec`), installs the workspace
// from the lockfile, then hands over to the real task.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tasks = {
  demo: ['run', 'walkthrough'],
  test: ['run', 'test:all'],
};
const task = process.argv[2];
if (!task || !(task in tasks)) {
  console.error(`usage: node scripts/bootstrap.mjs <${Object.keys(tasks).join('|')}> [args...]`);
  process.exit(2);
}

const [major] = process.versions.node.split('.').map(Number);
if ((major ?? 0) < 20) {
  console.error(`isc-sdk needs Node 20 or newer; this is Node ${process.versions.node}.`);
  process.exit(1);
}

const { packageManager } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const windows = process.platform === 'win32';

/** @param {string} command @param {string[]} args */
function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: windows,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: windows });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.'))
    return { command: 'pnpm', prefix: [] };
  console.log(`pnpm 10 not found; using ${packageManager} through npm exec`);
  return { command: 'npm', prefix: ['exec', '--yes', `--package=${packageManager}`, '--', 'pnpm'] };
}

const pnpm = pnpmCommand();
const install = run(pnpm.command, [...pnpm.prefix, 'install', '--frozen-lockfile']);
if (install !== 0) process.exit(install);
process.exit(run(pnpm.command, [...pnpm.prefix, ...tasks[task], ...process.argv.slice(3)]));
