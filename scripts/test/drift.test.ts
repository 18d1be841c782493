import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../src/drift/compare-documents.js';
import { measureCoverage } from '../src/drift/coverage.js';
import {
  classifyDifferences,
  DeliberateListError,
  keyCovers,
  parseDeliberateList,
} from '../src/drift/deliberate.js';
import { depthOf, flattenSchema } from '../src/drift/flatten-schema.js';
import { loadDocument } from '../src/drift/load-document.js';
import { runDrift } from '../src/drift/run-drift.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures/drift', name);
const options = (upstream: string) => ({
  upstreamPath: fixture(upstream),
  curatedPath: fixture('curated.yaml'),
  readmePath: fixture('README.md'),
});

describe('flattenSchema', () => {
  const document = {
    components: {
      schemas: {
        Node: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string' }, next: { $ref: '#/components/schemas/Node' } },
        },
        Cat: {
          type: 'object',
          required: ['kind'],
          properties: { kind: { enum: ['cat'] }, lives: { type: 'integer', maximum: 9 } },
        },
        Dog: {
          type: 'object',
          required: ['kind'],
          properties: { kind: { enum: ['dog'] }, barks: { type: 'boolean' } },
        },
      },
    },
  };

  it('merges allOf parts, 3.0 nullable and 3.1 type arrays into one entry per path', () => {
    const fields = flattenSchema(document, {
      allOf: [
        { type: 'object', properties: { a: { type: 'string', nullable: true } } },
        { type: 'object', required: ['a'], properties: { b: { type: ['integer', 'null'] } } },
      ],
    });
    expect([...fields.keys()]).toEqual(['', 'a', 'b']);
    expect(fields.get('a')).toMatchObject({ types: ['null', 'string'], required: true });
    expect(fields.get('b')).toMatchObject({ types: ['integer', 'null'], required: false });
  });

  it('unites union members: types and enum values join, required only where all require', () => {
    const fields = flattenSchema(document, {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
    });
    expect([...fields.keys()].sort()).toEqual(['', 'barks', 'kind', 'lives']);
    expect(fields.get('kind')).toMatchObject({ enum: ['cat', 'dog'], required: true });
    expect(fields.get('lives')).toMatchObject({ bounds: { maximum: 9 }, required: false });
    expect(fields.get('barks')?.keys).toEqual(['Dog.barks']);
  });

  it('names array items with [] and map values with *, and counts depth by names', () => {
    const fields = flattenSchema(document, {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          tags: { type: 'array', items: { type: 'string' } },
          attributes: { type: 'object', additionalProperties: { type: 'number' } },
        },
      },
    });
    expect([...fields.keys()]).toEqual([
      '',
      '[]',
      '[].tags',
      '[].tags[]',
      '[].attributes',
      '[].attributes.*',
    ]);
    expect(depthOf('[].tags[]')).toBe(1);
    expect(depthOf('[].attributes.*')).toBe(2);
  });

  it('stops where a reference recurs, and at the depth limit', () => {
    const node = flattenSchema(document, { $ref: '#/components/schemas/Node' });
    expect([...node.keys()]).toEqual(['', 'id', 'next']);
    expect(node.get('next')?.types).toEqual(['object']);
    const nested = { type: 'object', properties: { c: { type: 'string' } } };
    const deep = {
      type: 'object',
      properties: { a: { type: 'object', properties: { b: nested } } },
    };
    expect([...flattenSchema(document, deep, { maxDepth: 2 }).keys()]).toEqual(['', 'a', 'a.b']);
    expect([...flattenSchema(document, deep).keys()]).toEqual(['', 'a', 'a.b', 'a.b.c']);
  });

  it('reads `nullable: true` next to $ref as "or null"', () => {
    const fields = flattenSchema(document, {
      type: 'object',
      properties: { pet: { $ref: '#/components/schemas/Cat', nullable: true } },
    });
    expect(fields.get('pet')?.types).toEqual(['null', 'object']);
  });
});

describe('the deliberate-differences table', () => {
  it('reads every row with its keys, and rows without a key', async () => {
    const { readFile } = await import('node:fs/promises');
    const entries = parseDeliberateList(await readFile(fixture('README.md'), 'utf8'));
    expect(entries.map((entry) => entry.keys)).toEqual([
      ['Gadget.weight'],
      ['Screw.shape', 'Spring.shape'],
      ['getGadget status 404'],
      ['Gadget.retired'],
      [],
    ]);
    expect(entries[0]?.why).toBe('Weighing is optional; unweighed gadgets send null.');
  });

  it.each([
    [
      'no heading',
      '# Notes\n\nnothing here\n',
      /no "Deliberate differences from upstream" heading/,
    ],
    ['no table', '## Deliberate differences from upstream\n\nSoon.\n', /no table/],
    [
      'a row without a reason',
      '## Deliberate differences from upstream\n\n| Key | What | Why |\n| --- | --- | --- |\n| `A.b` | nullable | |\n',
      /README.md:5: every deliberate difference needs a reason/,
    ],
  ])('refuses %s, naming the problem', (_name, markdown, message) => {
    expect(() => parseDeliberateList(markdown, 'README.md')).toThrow(DeliberateListError);
    expect(() => parseDeliberateList(markdown, 'README.md')).toThrow(message);
  });

  it.each([
    ['SlimCampaign.id', 'SlimCampaign.id', true],
    ['SlimCampaign', 'SlimCampaign.id', false],
    ['SlimCampaign.**', 'SlimCampaign.id', true],
    ['IdentityDocument.owns.**', 'IdentityDocument.owns[].roles', true],
    ['IdentityDocument.owns.**', 'IdentityDocument.ownsCount', false],
    ['SlimCampaign.id', 'SlimCampaign.identity', false],
    ['getCampaign status 200', 'getCampaign status 2000', false],
    ['*Document._type', 'RoleDocument._type', true],
    ['*Document._type', 'Role.Document._type', false],
  ])('key %s covers %s: %s', (key, candidate, expected) => {
    expect(keyCovers(key, candidate)).toBe(expected);
  });

  it('sets apart the differences an entry covers and reports entries that cover nothing', () => {
    const entry = { keys: ['A.b.**', 'A.c'], what: 'nullable', why: 'because', line: 3 };
    const result = classifyDifferences(
      [{ keys: ['A.b.d'] }, { keys: ['X.y', 'A.c'] }, { keys: ['Z.z'] }],
      [entry, { keys: ['Q.q'], what: '', why: 'w', line: 4 }],
    );
    expect(result.deliberate).toHaveLength(2);
    expect(result.unexplained).toEqual([{ keys: ['Z.z'] }]);
    expect(result.unused.map((u) => u.key)).toEqual(['Q.q']);
  });
});

describe('compareDocuments', () => {
  it('finds no difference between a document and itself', async () => {
    const curated = await loadDocument(fixture('curated.yaml'));
    expect(compareDocuments(curated, curated)).toEqual([]);
  });

  it('sees through composition and naming: only the listed differences remain', async () => {
    const curated = await loadDocument(fixture('curated.yaml'));
    const upstream = await loadDocument(fixture('upstream.yaml'));
    const differences = compareDocuments(curated, upstream);
    const summary = differences.map((d) => `${d.operation} ${d.where} ${d.field ?? ''}`.trim());
    expect(summary).toEqual([
      'listGadgets response 200 application/json [].weight',
      'listGadgets response 200 application/json [].parts[].shape',
      'createGadget request application/json weight',
      'createGadget request application/json parts[].shape',
      'createGadget response 201 application/json weight',
      'createGadget response 201 application/json parts[].shape',
      'getGadget status 404',
      'getGadget response 200 application/json weight',
      'getGadget response 200 application/json parts[].shape',
    ]);
    expect(differences[0]).toMatchObject({
      side: 'both',
      detail: 'type null|number (upstream number)',
      keys: expect.arrayContaining(['Gadget.weight']),
    });
    expect(differences[1]?.detail).toBe('required (upstream optional)');
  });
});

describe('runDrift', () => {
  it('exits 0 when every difference is deliberate, and lists those apart', async () => {
    const result = await runDrift(options('upstream.yaml'));
    expect(result.exitCode).toBe(0);
    expect(result.unexplained).toEqual([]);
    expect(result.deliberate).toBe(9);
    expect(result.report).toContain('No differences beyond the deliberate ones.');
    expect(result.report).toMatch(/Gadget\.weight {2}nullable {2}\(4 places\)/);
    expect(result.unusedKeys).toEqual(['Gadget.retired']);
  });

  it('exits 1 on a modified upstream and names each field, type and parameter change', async () => {
    const result = await runDrift(options('upstream-modified.yaml'));
    expect(result.exitCode).toBe(1);
    const lines = result.unexplained.map((d) =>
      [d.operation, d.where, d.field ?? '', d.side, d.detail].join(' | '),
    );
    expect(lines).toEqual([
      'listGadgets | parameter query.limit |  | both | maximum 50 (upstream 100)',
      "listGadgets | parameter query.colour |  | both | upstream's enum also allows blue",
      'listGadgets | parameter query.sort |  | upstream | not in the curated spec',
      'listGadgets | response 200 application/json | [].serial | upstream | string',
      'listGadgets | response 200 application/json | [].parts[].length | both | type integer (upstream string)',
      'listGadgets | response 200 text/csv |  | upstream | content type on one side only',
      'createGadget | status 409 |  | upstream | response not in the curated spec',
      'createGadget | request application/json | serial | upstream | string',
      'createGadget | request application/json | parts[].length | both | type integer (upstream string)',
      'createGadget | response 201 application/json | serial | upstream | string',
      'createGadget | response 201 application/json | parts[].length | both | type integer (upstream string)',
      'getGadget | response 200 application/json | serial | upstream | string',
      'getGadget | response 200 application/json | parts[].length | both | type integer (upstream string)',
      'deleteGadget | operation |  | upstream | not in the curated spec',
    ]);
    expect(result.report).toContain('request application/json serial  upstream only: string');
    expect(result.report).toContain(
      'response 200 application/json [].parts[].length  type integer (upstream string)',
    );
    expect(result.report).toContain('parameter query.limit  maximum 50 (upstream 100)');
    expect(result.report).toMatch(/14 difference\(s\) need a decision/);
  });

  it('measures field coverage with and without null as a type', async () => {
    const result = await runDrift({ ...options('upstream-modified.yaml'), coverage: true });
    // 15 request and 46 response fields upstream (the text/csv body has only its root); serial is
    // absent, parts[].length has another type, and weight is nullable here only, in each body.
    expect(result.coverage?.request).toEqual({
      total: 15,
      present: 14,
      sameTypes: 13,
      strict: 12,
      deliberate: 0,
    });
    expect(result.coverage?.response).toEqual({
      total: 46,
      present: 43,
      sameTypes: 40,
      strict: 37,
      deliberate: 0,
    });
    expect(result.coverage?.all.total).toBe(61);
    expect(result.report).toMatch(/requests {3}13\/15 \(86\.7%\)/);
    expect(result.report).toContain('createGadget request application/json serial  absent');
  });

  it('counts the gaps a deliberate difference explains apart', async () => {
    const curated = await loadDocument(fixture('curated.yaml'));
    const upstream = await loadDocument(fixture('upstream-modified.yaml'));
    const seen: string[][] = [];
    const coverage = measureCoverage(curated, upstream, {
      isDeliberate: (keys) => {
        seen.push(keys);
        return keys.includes('Screw.length');
      },
    });
    // parts[].length differs in three responses and the request; serial is not explained.
    expect(coverage.all.deliberate).toBe(4);
    expect(seen.length).toBe(coverage.all.total - coverage.all.sameTypes);
    expect(coverage.missing.filter((m) => m.deliberate).map((m) => m.field)).toEqual([
      '[].parts[].length',
      'parts[].length',
      'parts[].length',
      'parts[].length',
    ]);
  });

  it('counts coverage to the depth asked for', async () => {
    const curated = await loadDocument(fixture('curated.yaml'));
    const upstream = await loadDocument(fixture('upstream.yaml'));
    const shallow = measureCoverage(curated, upstream, { maxDepth: 1 });
    const deep = measureCoverage(curated, upstream, { maxDepth: 4 });
    expect(shallow.all.total).toBeGreaterThan(0);
    expect(shallow.all.total).toBeLessThan(deep.all.total);
    expect(deep.all.sameTypes).toBe(deep.all.total);
  });
});

describe('pnpm spec:drift', () => {
  const cli = path.join(import.meta.dirname, '../src/cli/spec-drift.js');
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [cli, ...args]).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('exits 1 on unexplained differences and 0 without them', async () => {
    const common = ['--curated', fixture('curated.yaml'), '--readme', fixture('README.md')];
    const modified = await run(fixture('upstream-modified.yaml'), ...common);
    expect(modified.code).toBe(1);
    expect(modified.stdout).toContain('deleteGadget  DELETE /gadgets/{gadgetId}');
    const same = await run(fixture('upstream.yaml'), ...common);
    expect(same.code).toBe(0);
  });

  it('exits 2 with a clear message on bad input', async () => {
    const missing = await run(fixture('nowhere.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.yaml/);
    const usage = await run();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: pnpm spec:drift/);
    const depth = await run(fixture('upstream.yaml'), '--depth', 'deep');
    expect(depth.code).toBe(2);
    expect(depth.stderr).toMatch(/--depth takes a positive whole number, not deep/);
  });
});
