// pnpm check:generated [spec]: fail when committed generated code differs from a fresh generation.
import { findStaleFiles } from '../check-generated.js';
import { reportFailure } from './report-failure.js';

try {
  const stale = await findStaleFiles({ specPath: process.argv[2] });
  if (stale.length === 0) {
    console.log('generated code is up to date with the spec');
  } else {
    console.error('generated code is stale:');
    for (const file of stale) console.error(`  ${file.reason.padEnd(10)} ${file.path}`);
    console.error(
      'fix: run `pnpm generate` and commit the result (with a changeset if users see it)',
    );
    process.exit(1);
  }
} catch (error) {
  reportFailure(error);
}
