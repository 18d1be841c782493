// What a consumer ships: the createCampaign + access-review-items consumer, bundled and minified with
// esbuild. The browser bundle must build, must not read environment variables or import Node
// built-ins, and stays under the size budget (gzip).

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundle } from './support/bundle.js';

/** The budget in bytes, gzip level 9. The measured figure is in the README. */
const BUDGET = 14 * 1024;

describe('consumer bundle', () => {
  it('builds for the browser without environment variables or Node built-ins, within budget', async () => {
    const code = await bundle('test/fixtures/consumer.ts', { minify: true, platform: 'browser' });
    // Booleans rather than string matchers, so that a failure does not print the whole bundle.
    expect(/SAIL_(BASE_URL|CLIENT_ID|CLIENT_SECRET)/.test(code)).toBe(false);
    expect(/\bprocess\.env\b/.test(code)).toBe(false);
    expect(/from\s*["']node:/.test(code)).toBe(false);
    expect(gzipSync(code, { level: 9 }).byteLength).toBeLessThan(BUDGET);
  });

  it('builds for Node with the User-Agent and the environment variables', async () => {
    const code = await bundle('src/index.ts', { minify: true, platform: 'node' });
    expect(code.includes('SAIL_CLIENT_SECRET')).toBe(true);
    expect(code.includes('isc-sdk-client/')).toBe(true);
  });
});
