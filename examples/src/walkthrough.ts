#!/usr/bin/env node
// The isc-sdk walkthrough: a whole certification cycle through the public packages.
//
//   pnpm demo                      against an embedded mock tenant (started here, stopped at the end)
//   SAIL_BASE_URL=... SAIL_CLIENT_ID=... SAIL_CLIENT_SECRET=... pnpm demo
//                                  against a real tenant, read-only
//   ... pnpm demo -- --write       against a real tenant, creating and deciding for real
import { createIscClient, isIscError, unwrap } from '@isc-sdk/client';
import { startMockTenant } from '@isc-sdk/mock-tenant';
import { runCertificationCycle } from './walkthrough/certification-cycle.js';
import { runReadOnlyTour } from './walkthrough/read-only-tour.js';
import { createReporter } from './walkthrough/reporter.js';

const args = new Set(process.argv.slice(2));
if (args.has('--help')) {
  console.log(
    'usage: pnpm demo [-- --write]\n' +
      'Without SAIL_BASE_URL, SAIL_CLIENT_ID and SAIL_CLIENT_SECRET it runs against an embedded mock tenant.\n' +
      'With them it runs against that tenant, read-only unless --write is given.',
  );
  process.exit(0);
}
const unknown = [...args].filter((arg) => arg !== '--write');
if (unknown.length > 0) {
  console.error(`unknown argument ${unknown.join(' ')}; try --help`);
  process.exit(2);
}

const real = ['SAIL_BASE_URL', 'SAIL_CLIENT_ID', 'SAIL_CLIENT_SECRET'].filter(
  (name) => process.env[name],
);
if (real.length > 0 && real.length < 3) {
  console.error(
    `set all of SAIL_BASE_URL, SAIL_CLIENT_ID and SAIL_CLIENT_SECRET (only ${real.join(', ')} set)`,
  );
  process.exit(2);
}

const started = performance.now();
const tenant = real.length === 3 ? undefined : await startMockTenant();
const write = tenant !== undefined || args.has('--write');
const report = createReporter(write ? 12 : 13);

try {
  const isc = tenant
    ? createIscClient({
        baseUrl: tenant.baseUrl,
        auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
        userAgentSuffix: 'isc-sdk-walkthrough',
      })
    : createIscClient({ userAgentSuffix: 'isc-sdk-walkthrough' });

  console.log(
    tenant
      ? `isc-sdk walkthrough against the embedded mock tenant at ${tenant.baseUrl}`
      : `isc-sdk walkthrough against ${process.env.SAIL_BASE_URL} (${write ? 'WRITE mode' : 'read-only'})`,
  );

  await report.step('authenticate (client credentials)', async () => {
    const value = await unwrap(isc.GET('/campaigns', { params: { query: { limit: 1 } } }));
    return { value, detail: 'token issued, first call answered' };
  });

  if (write) {
    await runCertificationCycle(isc, report, {
      waitTimeoutMs: tenant ? 10_000 : 300_000,
      strictPreview: tenant !== undefined,
    });
  } else {
    await runReadOnlyTour(isc, report);
  }
  console.log(`walkthrough finished in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  process.exitCode = 1;
  if (isIscError(error)) console.error(`\n${error.name}: ${error.message}`);
  else console.error('\n', error);
} finally {
  await tenant?.stop();
}
