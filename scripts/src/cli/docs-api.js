// pnpm docs:api: the API reference of the published packages, built by TypeDoc from their JSDoc
// into docs/api (ignored by git), as configured in scripts/typedoc.config.mjs. Fails (exit code 1)
// on any TypeDoc error or warning except the one that says nothing about the reference: a README
// links to a folder, which TypeDoc cannot copy into the output (the link is kept as written).
import path from 'node:path';
import {
  Application,
  ConsoleLogger,
  LogLevel,
  PackageJsonReader,
  TSConfigReader,
  TypeDocReader,
} from 'typedoc';
import { displayPath, repoRoot } from '../layout.js';

// TypeDoc hands the logger its messages with their context prefix ("[warning] ").
const HARMLESS = [
  /The relative path .+ is not a file and will not be copied to the output directory$/,
];

/** Counts the warnings and errors that matter; reports the harmless ones as notes. */
class ReferenceLogger extends ConsoleLogger {
  /** @type {string[]} */
  problems = [];

  /**
   * @override
   * @param {string} message
   * @param {Exclude<LogLevel, LogLevel.None>} level
   */
  log(message, level) {
    if (level === LogLevel.Warn && HARMLESS.some((pattern) => pattern.test(message))) {
      super.log(`(not a problem) ${message.replace(/^\[warning\] /, '')}`, LogLevel.Info);
      return;
    }
    if (level >= LogLevel.Warn) this.problems.push(message);
    super.log(message, level);
  }
}

const started = Date.now();
const logger = new ReferenceLogger();
const app = await Application.bootstrapWithPlugins(
  { options: path.join(repoRoot, 'scripts/typedoc.config.mjs') },
  [new TypeDocReader(), new PackageJsonReader(), new TSConfigReader()],
);
if (app.logger.hasErrors()) process.exit(1);
app.logger = logger;
const project = await app.convert();
if (project) {
  app.validate(project);
  if (logger.problems.length === 0) await app.generateOutputs(project);
}
if (!project || logger.problems.length > 0) {
  console.error(
    `docs:api failed: ${project ? `${logger.problems.length} problem(s) above` : 'TypeDoc could not convert the packages'}`,
  );
  process.exit(1);
}
const out = app.options.getValue('out');
console.log(
  `API reference written to ${displayPath(out)} in ${Math.round((Date.now() - started) / 1000)} s`,
);
