import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { findStaleFiles } from '../src/check-generated.js';
import { generate } from '../src/generate.js';
import { defaultSpecPath, generatedDirs } from '../src/layout.js';

const run = promisify(execFile);
const cli = path.join(import.meta.dirname, '../src/cli/check-generated.js');
const fixtureSpec = path.join(import.meta.dirname, 'fixtures/mini/spec.yaml');
const temporaryRoots: string[] = [];
async function temporaryRoot() {
  const root = await mkdtemp(path.join(tmpdir(), 'isc-check-'));
  temporaryRoots.push(root);
  return root;
}
afterEach(async () => {
  await Promise.all(
    temporaryRoots.splice(0).map((root) => rm(root, { recursive: true, force: true })),
  );
});

describe('findStaleFiles', () => {
  it('reports nothing right after generating', async () => {
    const root = await temporaryRoot();
    await generate({ specPath: fixtureSpec, outRoot: root });
    expect(await findStaleFiles({ specPath: fixtureSpec, root })).toEqual([]);
  });

  it('reports each changed, missing and unexpected file', async () => {
    const root = await temporaryRoot();
    await generate({ specPath: fixtureSpec, outRoot: root });
    const dir = path.join(root, generatedDirs.types);
    await rm(path.join(dir, 'operations.ts'));
    await writeFile(path.join(dir, 'schema.ts'), '// edited by hand\n');
    await writeFile(path.join(dir, 'extra.ts'), 'export {};\n');
    expect(await findStaleFiles({ specPath: fixtureSpec, root })).toEqual([
      { path: `${generatedDirs.types}/extra.ts`, reason: 'unexpected' },
      { path: `${generatedDirs.types}/operations.ts`, reason: 'missing' },
      { path: `${generatedDirs.types}/schema.ts`, reason: 'changed' },
    ]);
  });

  it('goes stale when the spec changes', async () => {
    const root = await temporaryRoot();
    await generate({ specPath: fixtureSpec, outRoot: root });
    const changedSpec = path.join(root, 'spec.yaml');
    const text = await readFile(fixtureSpec, 'utf8');
    await writeFile(changedSpec, text.replace('enum: [NEW, OLD]', 'enum: [NEW, OLD, GONE]'));
    const stale = await findStaleFiles({ specPath: changedSpec, root });
    expect(stale.map((file) => file.path)).toEqual([
      `${generatedDirs.mockTenant}/openapi.json`,
      `${generatedDirs.types}/named.ts`,
      `${generatedDirs.types}/operations.ts`,
      `${generatedDirs.types}/schema.ts`,
    ]);
  });
});

describe('pnpm check:generated', () => {
  it('passes on the committed tree', async () => {
    const { stdout } = await run(process.execPath, [cli]);
    expect(stdout).toContain('generated code is up to date with the spec');
  });

  it('fails on a changed copy of the spec, naming the stale files and the fix', async () => {
    const root = await temporaryRoot();
    const copy = path.join(root, 'isc-v3.yaml');
    await copyFile(defaultSpecPath, copy);
    const text = await readFile(copy, 'utf8');
    await writeFile(copy, text.replace(/^info:\n/m, 'info:\n  x-changed-for-test: true\n'));
    const attempt = run(process.execPath, [cli, copy]);
    await expect(attempt).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        new RegExp(`changed +${generatedDirs.types}/schema\\.ts[\\s\\S]*run \`pnpm generate\``),
      ),
    });
  });
});
