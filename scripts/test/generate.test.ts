import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BANNER_FIRST_LINE, generate, renderGeneratedFiles } from '../src/generate.js';
import { generatedDirs } from '../src/layout.js';
import { describeSearchIndices } from '../src/operation-metadata.js';
import { renderNamedTypes } from '../src/render-named-types.js';
import { loadSpec } from '../src/spec-document.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const temporaryRoots: string[] = [];
async function temporaryRoot() {
  const root = await mkdtemp(path.join(tmpdir(), 'isc-generate-'));
  temporaryRoots.push(root);
  return root;
}
afterEach(async () => {
  await Promise.all(
    temporaryRoots.splice(0).map((root) => rm(root, { recursive: true, force: true })),
  );
});

describe('generate', () => {
  it('matches the golden output for the fixture spec', async () => {
    const files = await renderGeneratedFiles(fixture('mini/spec.yaml'));
    expect(files.map((file) => file.path)).toEqual([
      `${generatedDirs.types}/schema.ts`,
      `${generatedDirs.types}/named.ts`,
      `${generatedDirs.types}/operations.ts`,
      `${generatedDirs.mockTenant}/openapi.json`,
    ]);
    for (const file of files) {
      await expect(file.content).toMatchFileSnapshot(
        fixture(`mini/expected/${path.basename(file.path)}`),
      );
    }
  });

  it('is byte-stable across runs', async () => {
    const first = await renderGeneratedFiles(fixture('mini/spec.yaml'));
    const second = await renderGeneratedFiles(fixture('mini/spec.yaml'));
    expect(second).toEqual(first);
  });

  it('stamps every file with the do-not-edit banner and the spec hash', async () => {
    const files = await renderGeneratedFiles(fixture('mini/spec.yaml'));
    for (const file of files.filter((f) => f.path.endsWith('.ts'))) {
      const [first, source, hash] = file.content.split('\n');
      expect(first).toBe(BANNER_FIRST_LINE);
      expect(source).toBe('// Source: scripts/test/fixtures/mini/spec.yaml');
      expect(hash).toMatch(/^\/\/ Spec SHA-256: [0-9a-f]{64}$/);
    }
  });

  it('records the banner inside the bundled JSON document', async () => {
    const files = await renderGeneratedFiles(fixture('mini/spec.yaml'));
    const json = files.find((file) => file.path.endsWith('openapi.json'))?.content ?? '{}';
    const document = JSON.parse(json);
    expect(document['x-generated']).toMatch(/Do not edit it by hand.*Spec SHA-256: [0-9a-f]{64}$/);
    expect(Object.keys(document.paths)).toEqual(['/widgets', '/widgets/{id}']);
  });

  it('records paging, filters and sorters in the metadata', async () => {
    const files = await renderGeneratedFiles(fixture('mini/spec.yaml'));
    const metadata = files.find((file) => file.path.endsWith('operations.ts'))?.content ?? '';
    expect(metadata).toContain("'GET /widgets': { operationId: 'listWidgets', maxPageSize: 250 }");
    expect(metadata).toContain(
      "status: { operators: ['eq'], type: 'string', enum: ['NEW', 'OLD'] }",
    );
    expect(metadata).toContain("sorters: ['name']");
  });

  it('records a single-composite restriction, and refuses one that is not a boolean', async () => {
    const spec = await readFile(fixture('mini/spec.yaml'), 'utf8');
    const withFlag = async (value: string) => {
      const file = path.join(await temporaryRoot(), 'spec.yaml');
      const changed = spec.replace(
        '      x-isc-sorters: [name]\n',
        `      x-isc-sorters: [name]\n      x-isc-filter-single-composite: ${value}\n`,
      );
      expect(changed).not.toBe(spec);
      await writeFile(file, changed);
      return renderGeneratedFiles(file);
    };
    const files = await withFlag('true');
    const metadata = files.find((file) => file.path.endsWith('operations.ts'))?.content ?? '';
    expect(metadata).toContain('filterSingleComposite: true');
    // The operation without filters records null, not false.
    expect(metadata).toContain('filterSingleComposite: null');
    await expect(withFlag('yes')).rejects.toMatchObject({
      name: 'MetadataError',
      message: 'listWidgets: x-isc-filter-single-composite must be true or false',
    });
  });

  it('lists the search indices from the Index enum, without *', () => {
    const info = { title: 'Search fixture', version: '1.0.0' };
    const document = (values: unknown) => ({
      openapi: '3.1.0',
      info,
      paths: {},
      components: { schemas: { Index: { type: 'string', enum: values } } },
    });
    expect(describeSearchIndices(document(['identities', 'roles', '*']))).toEqual([
      'identities',
      'roles',
    ]);
    expect(describeSearchIndices({ openapi: '3.1.0', info, paths: {} })).toEqual([]);
    expect(() => describeSearchIndices(document([1]))).toThrow(
      'components.schemas.Index must be a string enum of search index names',
    );
  });

  it('writes into the output root and removes generated files it no longer produces', async () => {
    const root = await temporaryRoot();
    await generate({ specPath: fixture('mini/spec.yaml'), outRoot: root });
    const dir = path.join(root, generatedDirs.types);
    expect((await readdir(dir)).sort()).toEqual(['named.ts', 'operations.ts', 'schema.ts']);
    const written = await readFile(path.join(dir, 'schema.ts'), 'utf8');
    expect(written).toContain('export interface paths');
  });
});

describe('named types', () => {
  const named = async () => {
    const files = await renderGeneratedFiles(fixture('mini/spec.yaml'));
    return {
      named: files.find((file) => file.path.endsWith('named.ts'))?.content ?? '',
      schema: files.find((file) => file.path.endsWith('schema.ts'))?.content ?? '',
    };
  };

  it('declares each schema by name, in the shape a response has', async () => {
    const { named: source } = await named();
    expect(source).toMatch(/export interface Widget \{\n(?:.*\n)*? {2}id: string;/);
    expect(source).toMatch(/export interface Maker \{/);
    expect(source).toMatch(/maker\?: Maker;/);
    expect(source).not.toContain('$Read');
  });

  it('gives server-set fields in requests a deprecated, optional slot in <Name>Input', async () => {
    const { named: source } = await named();
    // Widget's id is server-set, and Maker's name: both get an Input view; Widget's refers to Maker's.
    expect(source).toMatch(/export interface WidgetInput \{/);
    expect(source).toMatch(
      /export interface WidgetInput \{\n {2}\/\*\*\n {3}\* @deprecated Set by the server: ignored in requests\.\n.*\n {3}\*\/\n {2}id\?: string;/,
    );
    expect(source).toMatch(/maker\?: MakerInput;/);
    expect(source).not.toMatch(/WidgetChangeInput|RoundWidgetInput/);
  });

  it('names each request body <OperationId>Body, shared request bodies included', async () => {
    const { named: source } = await named();
    expect(source).toContain('export type CreateWidgetBody = WidgetInput & WidgetShapeRules;');
    expect(source).toContain('export type PatchWidgetBody = WidgetChange[];');
    expect(source).toMatch(/createWidget: CreateWidgetBody;\n {2}patchWidget: PatchWidgetBody;/);
  });

  it('renders a refused field as null or NotAllowedHere with the reason', async () => {
    const { named: source, schema } = await named();
    expect(source).toContain(
      "corners?: null | NotAllowedHere<'corners are only for SQUARE widgets'>;",
    );
    expect(source).toContain(
      'export type NotAllowedHere<Reason extends string> = {\n  readonly [K in Reason]: Reason;\n};',
    );
    expect(schema).toContain(
      "corners?: null | NotAllowedHere<'corners are only for SQUARE widgets'>;",
    );
  });

  it('points the request bodies of paths and operations at the request views', async () => {
    const { schema } = await named();
    expect(schema).toContain(
      "import type { NotAllowedHere, WidgetChange, WidgetInput, WidgetShapeRules } from './named.js';",
    );
    expect(schema).toContain("'application/json': WidgetInput & WidgetShapeRules;");
    expect(schema).toContain("'application/json': WidgetChange[];");
    // Responses keep openapi-typescript's own references, with the $Read markers.
    expect(schema).toContain("'application/json': components['schemas']['Widget'];");
    expect(schema).toContain('id: $Read<string>;');
  });

  it.each([
    [
      'a schema named like a request view',
      'WidgetInput',
      /WidgetInput is needed for the request view of Widget/,
    ],
    [
      'a schema named like a body',
      'CreateWidgetBody',
      /CreateWidgetBody is needed for the body of createWidget/,
    ],
  ])('refuses %s, naming both', async (_name, clash, message) => {
    const { document } = await loadSpec(fixture('mini/spec.yaml'));
    const schemas = { ...document.components?.schemas, [clash]: { type: 'string' } };
    const attempt = renderNamedTypes({
      ...document,
      components: { ...document.components, schemas },
    });
    await expect(attempt).rejects.toMatchObject({
      name: 'NamedTypesError',
      message: expect.stringMatching(message),
    });
  });

  it('refuses a request body with two content types', async () => {
    const { document } = await loadSpec(fixture('mini/spec.yaml'));
    const paths = structuredClone(document.paths) as Record<string, any>;
    const content = paths['/widgets'].post.requestBody.content;
    content['application/xml'] = content['application/json'];
    await expect(renderNamedTypes({ ...document, paths })).rejects.toMatchObject({
      name: 'NamedTypesError',
      message:
        'createWidget: a request body with 2 content types cannot get one <OperationId>Body type',
    });
  });
});

describe('generate with a broken spec', () => {
  it.each([
    ['a dangling $ref', 'broken-ref.yaml', /broken-ref\.yaml:\d+:\d+\s+no-unresolved-refs/],
    [
      'a missing operationId',
      'no-operation-id.yaml',
      /no-operation-id\.yaml:\d+:\d+\s+operation-operationId/,
    ],
    ['a YAML syntax error', 'bad-yaml.yaml', /bad-yaml\.yaml:\d+:\d+/],
  ])('fails on %s, naming the file and location, and writes nothing', async (_name, file, want) => {
    const root = await temporaryRoot();
    const attempt = generate({ specPath: fixture(file), outRoot: root });
    await expect(attempt).rejects.toMatchObject({
      name: 'SpecError',
      message: expect.stringMatching(want),
    });
    expect(await readdir(root)).toEqual([]);
  });

  it('rejects a filters parameter without collection metadata', async () => {
    const attempt = renderGeneratedFiles(fixture('filters-without-metadata.yaml'));
    await expect(attempt).rejects.toMatchObject({
      name: 'MetadataError',
      message: 'listWidgets takes a filters parameter but has no x-isc-filters',
    });
  });
});
