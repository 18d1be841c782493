// Reads the TypeScript snippets out of the repository's READMEs and type-checks them, all in one
// TypeScript program, against the built packages as a consumer resolves them (through each
// package's `exports`, from node_modules). test/readme-snippets.test.ts runs it on every README.
//
// What a README can say about a snippet, in an HTML comment (invisible on GitHub and npm) just
// before its ```ts or ```typescript fence; blank lines may stand between comment and fence:
//
//   <!-- snippet-preamble: declare const certificationId: string; -->
//       Code compiled before the snippet but not shown: free variables, imports an excerpt leaves
//       out. It may span several lines; two preambles before one fence are joined in order.
//   <!-- snippet-skip: pseudo-code, shows the shape of a response only -->
//       The snippet is not compiled. The reason is required.
//
// And inside a snippet, a line whose comment starts with `// compile error` documents something
// that must not compile: the check fails if that line compiles, and accepts the errors it has.
//
// Each snippet is its own ES module (its `const`s do not clash with the next snippet's), compiled
// with `strict`, NodeNext resolution, the DOM and Node types, and top-level await.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * @typedef {object} Snippet
 * @property {string} readme The README's path from the repository root, with forward slashes.
 * @property {number} ordinal 1 for the README's first TypeScript snippet, 2 for the next, ...
 * @property {number} line The README line (1-based) of the snippet's first line of code.
 * @property {string} code The snippet as shown.
 * @property {string | undefined} preamble Hidden code compiled before the snippet.
 * @property {number | undefined} preambleLine The README line of the (first) preamble comment.
 * @property {string | undefined} skip Why the snippet is not compiled, when it is not.
 * @property {number[]} expectedErrorLines README lines marked `// compile error`.
 */

/**
 * @typedef {object} MarkdownProblem A marker comment or fence the extractor cannot make sense of.
 * @property {string} readme
 * @property {number} line
 * @property {string} message
 */

/**
 * @typedef {object} SnippetFailure
 * @property {number} line The README line the compiler complained about.
 * @property {string} message The compiler's message (`TS2304: Cannot find name 'x'.`), or why a
 *   line marked `// compile error` failed the check.
 */

/** @typedef {{ snippet: Snippet, failures: SnippetFailure[] }} SnippetResult */

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'coverage', 'reports']);
const TYPESCRIPT_INFO = new Set(['ts', 'typescript']);
const MARKER = /^<!--\s*snippet-([a-z-]+)\s*(?::\s*)?([\s\S]*?)\s*-->$/;
const COMPILE_ERROR = /\/\/\s*compile error\b/;

/**
 * The README.md files under `root`, as sorted paths from `root` with forward slashes. Skips
 * node_modules, build output (dist, coverage, reports) and hidden folders (.git, .changeset,
 * .stryker-tmp, ...).
 * @param {string} root
 * @returns {string[]}
 */
export function findReadmes(root) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} relative */
  const walk = (relative) => {
    const entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) walk(child);
      } else if (entry.isFile() && entry.name === 'README.md') {
        found.push(child);
      }
    }
  };
  walk('');
  return found.sort();
}

/**
 * The TypeScript snippets of one README, with the markers that apply to each, and every marker or
 * fence that could not be understood (a marker that is not followed by a TypeScript fence, an
 * unknown marker, a skip without a reason, a fence that is never closed).
 * @param {string} markdown
 * @param {string} readme The README's path, for the results.
 * @returns {{ snippets: Snippet[], problems: MarkdownProblem[] }}
 */
export function extractSnippets(markdown, readme) {
  const lines = markdown.split(/\r?\n/);
  /** @type {Snippet[]} */
  const snippets = [];
  /** @type {MarkdownProblem[]} */
  const problems = [];
  /** @type {{ kind: string, body: string, line: number }[]} */
  let pending = [];
  const problem = (/** @type {number} */ line, /** @type {string} */ message) =>
    problems.push({ readme, line, message });
  const dropPending = () => {
    for (const marker of pending) {
      problem(marker.line, `snippet-${marker.kind} is not followed by a \`\`\`ts fence.`);
    }
    pending = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const text = /** @type {string} */ (lines[index]);
    const fence = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(text);
    if (fence !== null) {
      const opener = /** @type {string} */ (fence[1]);
      const info = /** @type {string} */ (fence[2]).toLowerCase();
      const close = findClosingFence(lines, index + 1, opener);
      if (close < 0) {
        problem(index + 1, `The ${opener}${info} fence opened here is never closed.`);
        break;
      }
      if (TYPESCRIPT_INFO.has(info)) {
        snippets.push(snippetFrom(lines, index, close, readme, snippets.length + 1, pending));
        pending = [];
      } else {
        dropPending();
      }
      index = close;
      continue;
    }
    if (/^\s*<!--\s*snippet-/.test(text)) {
      let end = index;
      while (end < lines.length && !(/** @type {string} */ (lines[end]).includes('-->'))) end++;
      const comment = lines
        .slice(index, end + 1)
        .join('\n')
        .trim();
      const marker = MARKER.exec(comment);
      if (end === lines.length || marker === null) {
        problem(
          index + 1,
          'A snippet marker must be one HTML comment: <!-- snippet-kind: ... -->.',
        );
      } else {
        const kind = /** @type {string} */ (marker[1]);
        const body = /** @type {string} */ (marker[2]);
        if (kind !== 'preamble' && kind !== 'skip') {
          problem(
            index + 1,
            `Unknown marker snippet-${kind}: use snippet-preamble or snippet-skip.`,
          );
        } else if (body === '') {
          problem(index + 1, `snippet-${kind} needs ${kind === 'skip' ? 'a reason' : 'code'}.`);
        } else {
          pending.push({ kind, body, line: index + 1 });
        }
      }
      index = end;
      continue;
    }
    if (text.trim() !== '') dropPending();
  }
  dropPending();
  return { snippets, problems };
}

/**
 * The index of the line that closes a fence opened with `opener`, or -1.
 * @param {string[]} lines
 * @param {number} from
 * @param {string} opener
 */
function findClosingFence(lines, from, opener) {
  const closing = new RegExp(`^ {0,3}${opener[0]}{${opener.length},}\\s*$`);
  for (let index = from; index < lines.length; index++) {
    if (closing.test(/** @type {string} */ (lines[index]))) return index;
  }
  return -1;
}

/**
 * @param {string[]} lines
 * @param {number} open The index of the opening fence line.
 * @param {number} close The index of the closing fence line.
 * @param {string} readme
 * @param {number} ordinal
 * @param {{ kind: string, body: string, line: number }[]} markers
 * @returns {Snippet}
 */
function snippetFrom(lines, open, close, readme, ordinal, markers) {
  const body = lines.slice(open + 1, close);
  const preambles = markers.filter((marker) => marker.kind === 'preamble');
  const skip = markers.find((marker) => marker.kind === 'skip');
  /** @type {number[]} */
  const expectedErrorLines = [];
  body.forEach((text, offset) => {
    if (COMPILE_ERROR.test(text)) expectedErrorLines.push(open + 2 + offset);
  });
  return {
    readme,
    ordinal,
    line: open + 2,
    code: body.join('\n'),
    preamble: preambles.length === 0 ? undefined : preambles.map((p) => p.body).join('\n'),
    preambleLine: preambles[0]?.line,
    skip: skip?.body,
    expectedErrorLines,
  };
}

/** How every snippet is compiled: a strict ESM consumer on Node, resolving packages by `exports`. */
export const snippetCompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/** Parsed library and package declaration files, shared by every program this process builds. */
const sourceFileCache = new Map();

/**
 * Type-checks `snippets` (skipped ones aside) in one program. Each snippet becomes a module in
 * `directory`, which must be inside a package whose node_modules holds the packages the snippets
 * import and whose package.json says `"type": "module"`.
 * @param {readonly Snippet[]} snippets
 * @param {{ directory: string }} options
 * @returns {{ results: SnippetResult[], globalProblems: string[] }} One result per compiled
 *   snippet, in order, and any problem not tied to a snippet (a bad compiler option, a missing
 *   `@types/node`).
 */
export function checkSnippets(snippets, { directory }) {
  /** @type {Map<string, { snippet: Snippet, text: string, preambleLines: number }>} */
  const modules = new Map();
  const base = directory.split(path.sep).join('/');
  for (const snippet of snippets) {
    if (snippet.skip !== undefined) continue;
    const name = `${snippet.readme.replace(/[^A-Za-z0-9]+/g, '_')}_${snippet.ordinal}.ts`;
    const preamble = snippet.preamble === undefined ? '' : `${snippet.preamble}\n`;
    modules.set(`${base}/readme-snippets/${name}`, {
      snippet,
      text: `${preamble}${snippet.code}\n`,
      preambleLines: preamble === '' ? 0 : preamble.split('\n').length - 1,
    });
  }

  const host = ts.createCompilerHost(snippetCompilerOptions, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.getCurrentDirectory = () => base;
  host.fileExists = (file) => modules.has(file) || fileExists.call(host, file);
  host.readFile = (file) => modules.get(file)?.text ?? readFile.call(host, file);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const module = modules.get(file);
    if (module !== undefined) return ts.createSourceFile(file, module.text, languageVersion, true);
    const key = `${file}\0${JSON.stringify(languageVersion)}`;
    let cached = sourceFileCache.get(key);
    if (cached === undefined) {
      cached = getSourceFile.call(host, file, languageVersion, onError, shouldCreate);
      if (cached !== undefined) sourceFileCache.set(key, cached);
    }
    return cached;
  };
  const program = ts.createProgram({
    rootNames: [...modules.keys()],
    options: snippetCompilerOptions,
    host,
  });

  /** @type {Map<Snippet, SnippetResult>} */
  const results = new Map();
  /** @type {Map<Snippet, Set<number>>} */
  const linesWithErrors = new Map();
  for (const { snippet } of modules.values()) {
    results.set(snippet, { snippet, failures: [] });
    linesWithErrors.set(snippet, new Set());
  }
  /** @type {string[]} */
  const globalProblems = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    const module =
      diagnostic.file === undefined ? undefined : modules.get(diagnostic.file.fileName);
    if (module === undefined || diagnostic.file === undefined) {
      globalProblems.push(message);
      continue;
    }
    const { snippet, preambleLines } = module;
    const result = /** @type {SnippetResult} */ (results.get(snippet));
    const at = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    if (at < preambleLines) {
      result.failures.push({
        line: /** @type {number} */ (snippet.preambleLine),
        message: `in the snippet-preamble: ${message}`,
      });
      continue;
    }
    const line = snippet.line + at - preambleLines;
    /** @type {Set<number>} */ (linesWithErrors.get(snippet)).add(line);
    if (!snippet.expectedErrorLines.includes(line)) result.failures.push({ line, message });
  }
  for (const [snippet, result] of results) {
    for (const line of snippet.expectedErrorLines) {
      if (linesWithErrors.get(snippet)?.has(line)) continue;
      result.failures.push({
        line,
        message: 'This line is marked `// compile error` but compiles.',
      });
    }
    result.failures.sort((a, b) => a.line - b.line);
  }
  return { results: [...results.values()], globalProblems };
}

/**
 * One line per failure, `README:line: message`, for a test's failure message.
 * @param {SnippetResult} result
 */
export function describeFailures(result) {
  return result.failures
    .map((failure) => `${result.snippet.readme}:${failure.line}: ${failure.message}`)
    .join('\n');
}

/**
 * Reads every README under `root` and returns their snippets and marker problems.
 * @param {string} root
 */
export function readAllSnippets(root) {
  /** @type {Snippet[]} */
  const snippets = [];
  /** @type {MarkdownProblem[]} */
  const problems = [];
  const readmes = findReadmes(root);
  for (const readme of readmes) {
    const extracted = extractSnippets(readFileSync(path.join(root, readme), 'utf8'), readme);
    snippets.push(...extracted.snippets);
    problems.push(...extracted.problems);
  }
  return { readmes, snippets, problems };
}
