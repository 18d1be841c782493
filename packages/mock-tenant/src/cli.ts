#!/usr/bin/env node
// The isc-mock-tenant command: starts a tenant, prints where it is and its (fake) credentials,
// and stays up until SIGINT or SIGTERM.
import { parseCliArguments, USAGE } from './cli-arguments.js';
import { startMockTenant } from './start-mock-tenant.js';

async function main(): Promise<void> {
  let request;
  try {
    request = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (request.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const tenant = await startMockTenant(request.options);
  process.stdout.write(
    [
      `Mock ISC tenant listening on ${tenant.origin}`,
      `Base URL:      ${tenant.baseUrl}`,
      `Token URL:     ${tenant.tokenUrl}`,
      `Client ID:     ${tenant.clientId}`,
      `Client secret: ${tenant.clientSecret}`,
      '(fake credentials; for the SDK environment variables:)',
      `  export SAIL_BASE_URL=${tenant.baseUrl}`,
      `  export SAIL_CLIENT_ID=${tenant.clientId}`,
      `  export SAIL_CLIENT_SECRET=${tenant.clientSecret}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const shutdown = (signal: string) => {
    process.stdout.write(`Received ${signal}, stopping.\n`);
    void tenant.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
