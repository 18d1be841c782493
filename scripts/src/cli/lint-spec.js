// pnpm lint:spec [spec]: lint the spec with redocly.yaml; exit 1 on any error.
import { defaultSpecPath, displayPath } from '../layout.js';
import { lintSpec } from '../spec-document.js';

const specPath = process.argv[2] ?? defaultSpecPath;
const problems = await lintSpec(specPath);
for (const problem of problems) {
  console.log(
    `${problem.location}  ${problem.severity.padEnd(5)}  ${problem.rule}  ${problem.message}`,
  );
}
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(`${displayPath(specPath)}: ${errors} error(s), ${problems.length - errors} warning(s)`);
process.exitCode = errors > 0 ? 1 : 0;
