// The client in a real browser: Debian's Chromium, headless, driven by playwright-core. A page on
// one loopback origin runs the client (bundled for the browser) against the mock tenant on another,
// so CORS, the browser entry and fetch-only code are all exercised. Needs /usr/bin/chromium
// (`apt-get install chromium`); run with `pnpm test:browser`.
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startMockTenant, type MockTenant } from '@isc-sdk/mock-tenant';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let tenant: MockTenant;
let pageServer: http.Server;
let pageOrigin: string;
let browser: Browser;

beforeAll(async () => {
  tenant = await startMockTenant({ preloadActiveCampaign: true });
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const config = JSON.stringify({
    baseUrl: tenant.baseUrl,
    clientId: tenant.clientId,
    clientSecret: tenant.clientSecret,
  });
  const html = `<!doctype html><meta charset="utf-8"><title>isc-sdk browser test</title>
<script>window.iscConfig = ${config};</script><script type="module" src="/page.js"></script>`;
  pageServer = http.createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH`,
    );
  }
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pageServer?.close(resolve));
  await tenant?.stop();
});

it('makes a token exchange, a paged list and a search from a page on another origin', async () => {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const before = tenant.stats();
  await page.goto(pageOrigin);
  await page.waitForFunction(() => window.iscResult !== undefined, undefined, { timeout: 20_000 });
  const result = await page.evaluate(() => window.iscResult);
  const after = tenant.stats();

  expect(pageErrors).toEqual([]);
  expect(result).toMatchObject({ ok: true, pagedItems: 9, searchHits: 3, firstHit: 'identity' });
  expect(after.tokensIssued - before.tokensIssued).toBe(1);
  // Nine items two at a time is five requests for items.
  expect(
    (after.requests.listIdentityAccessReviewItems ?? 0) -
      (before.requests.listIdentityAccessReviewItems ?? 0),
  ).toBe(5);
  await page.close();
}, 60_000);
