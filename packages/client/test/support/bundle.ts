// esbuild bundles of the package source, for the tests that need what a consumer gets: a second copy
// of the package, or a minified browser bundle.

import { build, type BuildOptions } from 'esbuild';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PACKAGE_ROOT = new URL('../../', import.meta.url).pathname;

/** Bundles `entry` (relative to the package root) and returns the output text. */
export async function bundle(entry: string, options: BuildOptions = {}): Promise<string> {
  const result = await build({
    entryPoints: [join(PACKAGE_ROOT, entry)],
    absWorkingDir: PACKAGE_ROOT,
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
    define: { __ISC_SDK_VERSION__: '"0.0.0-test"' },
    ...options,
  });
  return result.outputFiles?.[0]?.text ?? '';
}

/** Imports a separately bundled copy of the Node entry (its classes are distinct from the source's). */
export async function importSecondCopy(): Promise<typeof import('../../src/index.js')> {
  const code = await bundle('src/index.ts', { platform: 'node' });
  const dir = await mkdtemp(join(tmpdir(), 'isc-client-copy-'));
  const file = join(dir, 'copy.mjs');
  await writeFile(file, code);
  return (await import(pathToFileURL(file).href)) as typeof import('../../src/index.js');
}
