// pnpm generate [spec]: regenerate every generated file from the spec.
import { performance } from 'node:perf_hooks';
import { generate } from '../generate.js';
import { reportFailure } from './report-failure.js';

const started = performance.now();
try {
  const files = await generate({ specPath: process.argv[2] });
  const ms = Math.round(performance.now() - started);
  console.log(`generated ${files.length} files in ${ms} ms:`);
  for (const file of files) console.log(`  ${file.path}`);
} catch (error) {
  reportFailure(error);
}
