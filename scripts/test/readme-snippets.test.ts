// Every TypeScript snippet in every README compiles against the built packages, the way a user who
// copies it would compile it. Run it with `pnpm test:readmes` from the root (which builds the
// packages first), or as part of this package's tests.
//
// How a README talks to this test (details in src/readme-snippets.js), with HTML comments that
// GitHub and npm do not show, placed just before the ```ts fence:
//
//   <!-- snippet-preamble: declare const certificationId: string; -->
//       hidden code compiled before the snippet: its free variables and the imports it leaves out
//   <!-- snippet-skip: pseudo-code, shows the shape of a response only -->
//       the snippet is not compiled (a reason is required)
//
// and inside a snippet, a line commented `// compile error: ...` must fail to compile.
//
// The packages are resolved from this package's node_modules through their package.json
// `exports`, so they must be built (`pnpm build`); turbo builds them before this package's tests
// because each is one of its devDependencies.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/layout.js';
import {
  checkSnippets,
  describeFailures,
  extractSnippets,
  readAllSnippets,
  type Snippet,
  type SnippetResult,
} from '../src/readme-snippets.js';

/**
 * TEMPORARY known failures: snippets that do not compile today and belong to work in progress
 * elsewhere, as `README#ordinal` (1 = the README's first ```ts snippet) with the reason. The test
 * fails when a listed snippet starts to compile, so an entry cannot outlive its fix.
 */
const KNOWN_FAILURES = new Map<string, string>([]);

const PUBLISHED = ['client', 'filters', 'mock-tenant', 'templates', 'types'];
/** The published packages with a README of their own (types has none). */
const WITH_README = ['client', 'filters', 'mock-tenant', 'templates'];
const directory = path.join(repoRoot, 'scripts');

const key = (snippet: Snippet) => `${snippet.readme}#${snippet.ordinal}`;

describe('extractSnippets', () => {
  const cases: [string, { given: string; want: Partial<Snippet>[] }][] = [
    [
      'a ts fence and a typescript fence; other languages ignored',
      {
        given: '# T\n\n```ts\nconst a = 1;\n```\n\n```sh\nls\n```\n\n```typescript\nlet b;\n```\n',
        want: [
          { ordinal: 1, line: 4, code: 'const a = 1;' },
          { ordinal: 2, line: 12, code: 'let b;' },
        ],
      },
    ],
    [
      'a one-line preamble, with a blank line before the fence',
      {
        given: 'x\n<!-- snippet-preamble: declare const id: string; -->\n\n```ts\nuse(id);\n```',
        want: [{ line: 5, preamble: 'declare const id: string;', preambleLine: 2 }],
      },
    ],
    [
      'a preamble over several lines, and two preambles joined',
      {
        given:
          '<!-- snippet-preamble:\nimport { a } from "a";\ndeclare const b: 1;\n-->\n' +
          '<!-- snippet-preamble: declare const c: 2; -->\n```ts\na(b, c);\n```',
        want: [
          {
            line: 7,
            preamble: 'import { a } from "a";\ndeclare const b: 1;\ndeclare const c: 2;',
            preambleLine: 1,
          },
        ],
      },
    ],
    [
      'a skip with its reason; markers apply to the next fence only',
      {
        given: '<!-- snippet-skip: pseudo-code -->\n```ts\n…\n```\n```ts\nok();\n```',
        want: [
          { ordinal: 1, skip: 'pseudo-code' },
          { ordinal: 2, skip: undefined, preamble: undefined },
        ],
      },
    ],
    [
      'lines marked as compile errors, by README line',
      {
        given: 'a\n```ts\nf(1);\nf("x"); // compile error: a number\nf(); //compile error\n```',
        want: [{ line: 3, expectedErrorLines: [4, 5] }],
      },
    ],
    [
      'a fence inside a longer fence is content, and ~~~ fences count',
      {
        given: '````md\n```ts\nnot a snippet\n```\n````\n~~~ts\nreal();\n~~~',
        want: [{ ordinal: 1, line: 7, code: 'real();' }],
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const { snippets, problems } = extractSnippets(given, 'README.md');
    expect(problems).toEqual([]);
    expect(snippets).toHaveLength(want.length);
    snippets.forEach((snippet, index) => expect(snippet).toMatchObject(want[index] ?? {}));
  });

  const broken: [string, { given: string; want: { line: number; message: RegExp } }][] = [
    [
      'a marker before a shell fence',
      {
        given: '<!-- snippet-skip: no -->\n```sh\nls\n```',
        want: { line: 1, message: /not followed by a ```ts fence/ },
      },
    ],
    [
      'a marker before prose',
      {
        given: '<!-- snippet-preamble: declare const a: 1; -->\nSome text.\n```ts\na;\n```',
        want: { line: 1, message: /not followed by a ```ts fence/ },
      },
    ],
    [
      'a marker at the end of the file',
      {
        given: 'text\n<!-- snippet-preamble: declare const a: 1; -->\n',
        want: { line: 2, message: /not followed/ },
      },
    ],
    [
      'an unknown marker',
      {
        given: '<!-- snippet-ignore: x -->\n```ts\nx;\n```',
        want: { line: 1, message: /Unknown marker snippet-ignore/ },
      },
    ],
    [
      'a skip without a reason',
      {
        given: '<!-- snippet-skip -->\n```ts\nx;\n```',
        want: { line: 1, message: /snippet-skip needs a reason/ },
      },
    ],
    [
      'a marker comment that is never closed',
      {
        given: '<!-- snippet-preamble: declare const a: 1;\n```ts\na;\n```',
        want: { line: 1, message: /one HTML comment/ },
      },
    ],
    [
      'a fence that is never closed',
      { given: 'a\n```ts\nconst a = 1;\n', want: { line: 2, message: /never closed/ } },
    ],
  ];
  it.each(broken)('reports %s with its line', (_name, { given, want }) => {
    const { problems } = extractSnippets(given, 'docs/README.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ readme: 'docs/README.md', line: want.line });
    expect(problems[0]?.message).toMatch(want.message);
  });
});

describe('checkSnippets', () => {
  // One program for all of these, like the real check.
  const markdown = [
    '# Fixture', //                                                          1
    '```ts', //                                                              2
    "import { parseFilter } from '@isc-sdk/filters';", //                    3
    "const tree = parseFilter('a eq 1');", //                                4
    'parseFilter(tree.end);', //                                             5  wrong type
    '```', //                                                                6
    '<!-- snippet-preamble: declare const id: strin; -->', //                7  typo in preamble
    '```ts', //                                                              8
    'console.log(id, undeclared);', //                                       9  free variable
    '```', //                                                               10
    '```ts', //                                                             11
    "import { filterFor } from '@isc-sdk/filters';", //                     12
    "const f = filterFor('getActiveCampaigns');", //                        13
    "f.eq('status', 'RUNNING'); // compile error: not a campaign status", // 14 fails: accepted
    "f.eq('status', 'ACTIVE'); // compile error: claimed, but compiles", //  15 compiles: reported
    'const top = await Promise.resolve(1);', //                             16 top-level await
    'export {};', //                                                        17
    '```', //                                                               18
    '<!-- snippet-skip: would not compile -->', //                          19
    '```ts', //                                                             20
    'this is not TypeScript', //                                            21
    '```', //                                                               22
    '```ts', //                                                             23
    "import { nothing } from '@isc-sdk/no-such-package';", //               24
    '```', //                                                               25
  ].join('\n');
  let results: SnippetResult[];
  let globalProblems: string[];

  beforeAll(() => {
    const { snippets, problems } = extractSnippets(markdown, 'fixture/README.md');
    expect(problems).toEqual([]);
    expect(snippets).toHaveLength(5);
    ({ results, globalProblems } = checkSnippets(snippets, { directory }));
  });

  const failuresOf = (ordinal: number) =>
    results
      .find((result) => result.snippet.ordinal === ordinal)
      ?.failures.map((failure) => [failure.line, failure.message]);

  it('compiles every snippet but the skipped one, with no problem outside them', () => {
    expect(results.map((result) => result.snippet.ordinal)).toEqual([1, 2, 3, 5]);
    expect(globalProblems).toEqual([]);
  });

  it('reports a type error at its README line, with the compiler message', () => {
    expect(failuresOf(1)).toEqual([
      [5, "TS2345: Argument of type 'number' is not assignable to parameter of type 'string'."],
    ]);
  });

  it('reports an error inside the preamble at the preamble, and free variables in the snippet', () => {
    expect(failuresOf(2)).toEqual([
      [7, "in the snippet-preamble: TS2552: Cannot find name 'strin'. Did you mean 'string'?"],
      [9, "TS2304: Cannot find name 'undeclared'."],
    ]);
  });

  it('accepts a marked compile error that fails, and reports one that compiles', () => {
    expect(failuresOf(3)).toEqual([[15, 'This line is marked `// compile error` but compiles.']]);
  });

  it('resolves packages as a consumer does, so a package that is not installed fails', () => {
    const failures = failuresOf(5) ?? [];
    expect(failures).toHaveLength(1);
    expect(failures[0]?.[0]).toBe(24);
    expect(failures[0]?.[1]).toMatch(/^TS2307: Cannot find module '@isc-sdk\/no-such-package'/);
  });

  it('describes failures as README:line: message', () => {
    const result = results.find((r) => r.snippet.ordinal === 2) as SnippetResult;
    expect(describeFailures(result).split('\n')).toEqual([
      "fixture/README.md:7: in the snippet-preamble: TS2552: Cannot find name 'strin'. Did you mean 'string'?",
      "fixture/README.md:9: TS2304: Cannot find name 'undeclared'.",
    ]);
  });
});

describe("the repository's READMEs", () => {
  const { readmes, snippets, problems } = readAllSnippets(repoRoot);
  let results: Map<string, SnippetResult>;
  let globalProblems: string[];

  beforeAll(() => {
    const unbuilt = PUBLISHED.filter(
      (name) => !existsSync(path.join(repoRoot, 'packages', name, 'dist/index.d.ts')),
    );
    if (unbuilt.length > 0) {
      throw new Error(
        `Build the packages first (pnpm build, or pnpm test:readmes from the root): no dist/index.d.ts in ${unbuilt.join(', ')}.`,
      );
    }
    const checked = checkSnippets(snippets, { directory });
    results = new Map(checked.results.map((result) => [key(result.snippet), result]));
    globalProblems = checked.globalProblems;
  });

  it('finds the READMEs of the root and of every published package, with their snippets', () => {
    expect(readmes).toEqual(
      expect.arrayContaining(['README.md', ...WITH_README.map((p) => `packages/${p}/README.md`)]),
    );
    expect(snippets.length).toBeGreaterThanOrEqual(15);
    for (const readme of ['README.md', 'packages/filters/README.md']) {
      expect(snippets.filter((snippet) => snippet.readme === readme).length).toBeGreaterThan(0);
    }
  });

  it('has no marker that is misplaced, unknown or incomplete', () => {
    expect(problems.map((p) => `${p.readme}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it('compiles with no problem outside the snippets (options, @types/node)', () => {
    expect(globalProblems).toEqual([]);
  });

  it('lists only known failures that exist', () => {
    const keys = new Set(snippets.map(key));
    expect([...KNOWN_FAILURES.keys()].filter((known) => !keys.has(known))).toEqual([]);
  });

  it.each(snippets.map((snippet) => [`${snippet.readme}:${snippet.line}`, snippet] as const))(
    '%s',
    (_name, snippet) => {
      const result = results.get(key(snippet));
      if (snippet.skip !== undefined) {
        expect(result).toBeUndefined();
        return;
      }
      if (result === undefined) throw new Error(`${key(snippet)} was not compiled`);
      const known = KNOWN_FAILURES.get(key(snippet));
      if (known !== undefined) {
        expect(
          result.failures.length,
          `${key(snippet)} compiles now: remove it from KNOWN_FAILURES`,
        ).toBeGreaterThan(0);
        return;
      }
      expect(describeFailures(result), `Snippet at ${snippet.readme}:${snippet.line}`).toBe('');
    },
  );
});
