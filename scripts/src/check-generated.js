import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { renderGeneratedFiles } from './generate.js';
import { defaultSpecPath, repoRoot } from './layout.js';

/** @typedef {{ path: string, reason: 'changed' | 'missing' | 'unexpected' }} StaleFile */

/**
 * Regenerates in memory and compares with the files under `root`. Returns the stale files
 * (changed, missing, or present in a generated folder without being produced); none means fresh.
 * @param {{ specPath?: string, root?: string }} [options]
 * @returns {Promise<StaleFile[]>}
 */
export async function findStaleFiles(options = {}) {
  const root = options.root ?? repoRoot;
  const files = await renderGeneratedFiles(options.specPath ?? defaultSpecPath);
  /** @type {StaleFile[]} */
  const stale = [];
  for (const file of files) {
    const onDisk = await readFile(path.join(root, file.path), 'utf8').catch(() => undefined);
    if (onDisk === undefined) stale.push({ path: file.path, reason: 'missing' });
    else if (onDisk !== file.content) stale.push({ path: file.path, reason: 'changed' });
  }
  const expected = new Set(files.map((file) => file.path));
  for (const dir of new Set(files.map((file) => path.posix.dirname(file.path)))) {
    const names = await readdir(path.join(root, dir)).catch(() => []);
    for (const name of names) {
      const relative = `${dir}/${name}`;
      if (!expected.has(relative)) stale.push({ path: relative, reason: 'unexpected' });
    }
  }
  return stale.sort((a, b) => a.path.localeCompare(b.path));
}
