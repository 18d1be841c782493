#!/usr/bin/env node
// The isc-mock-tenant command: starts a tenant, prints where it is and its (fake) credentials,
// and stays up until SIGINT or SIGTERM.
import { runCli } from './run-cli.js';

const outcome = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = outcome.exitCode;
const tenant = outcome.exitCode === 0 ? outcome.tenant : undefined;
if (tenant) {
  const shutdown = (signal: string) => {
    process.stdout.write(`Received ${signal}, stopping.\n`);
    void tenant.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
