// Part of `pnpm test` for @isc-sdk/e2e: runs the real-browser test when a Chromium is installed
// (CHROMIUM_PATH, or Debian's /usr/bin/chromium), and says plainly when it is not. CI installs one, so
// there the test always runs; `pnpm test:browser` runs it unconditionally (and fails without a browser).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executable)) {
  console.log(
    `browser test not run: no Chromium at ${executable} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
  if (process.env.CI === 'true') {
    console.error('CI must run the browser test: install Chromium first (see .ci/run)');
    process.exit(1);
  }
  process.exit(0);
}
const result = spawnSync('vitest', ['run', '--config', 'vitest.browser.config.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
