// What the isc-mock-tenant command does, apart from the process wiring in cli.ts, so it can be
// tested in-process.
import { flagOfOption, parseCliArguments, USAGE } from './cli-arguments.js';
import { isMockTenantError } from './errors/mock-tenant-error.js';
import {
  isMockTenantOptionsError,
  MockTenantOptionsError,
} from './errors/mock-tenant-options-error.js';
import { startMockTenant, type MockTenant } from './start-mock-tenant.js';

/** Where the command writes. */
export interface CliOutput {
  /** Normal output: the banner with the base URL and credentials, or the usage text. */
  out(text: string): void;
  /** Problems: a bad argument, a port that is taken. */
  err(text: string): void;
}

/** The outcome of {@link runCli}: the running tenant when it started, and the exit code otherwise. */
export type CliOutcome =
  { readonly exitCode: 0; readonly tenant: MockTenant | undefined } | { readonly exitCode: 1 | 2 };

/**
 * The lines the command prints once the tenant listens: where it is, its credentials (fake by
 * design) and, with `--preload`, the IDs of the campaign and certifications it created.
 */
export function formatBanner(tenant: MockTenant): string {
  const preloaded = tenant.preloaded;
  return [
    `Mock ISC tenant listening on ${tenant.origin}`,
    `Base URL:      ${tenant.baseUrl}`,
    `Token URL:     ${tenant.tokenUrl}`,
    `Client ID:     ${tenant.clientId}`,
    `Client secret: ${tenant.clientSecret}`,
    ...(preloaded
      ? [
          `Preloaded ACTIVE campaign: ${preloaded.campaignId}`,
          `  certification IDs:       ${preloaded.certificationIds.join(', ')}`,
        ]
      : []),
    '(fake credentials; for the SDK environment variables:)',
    `  export SAIL_BASE_URL=${tenant.baseUrl}`,
    `  export SAIL_CLIENT_ID=${tenant.clientId}`,
    `  export SAIL_CLIENT_SECRET=${tenant.clientSecret}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

/** The same error, naming the flag that set the option (`--server-error-rate`), when one did. */
function asFlagError(error: MockTenantOptionsError): MockTenantOptionsError {
  const flag = flagOfOption(error.option);
  return flag === undefined ? error : new MockTenantOptionsError(flag, error.value, error.expected);
}

/**
 * Parses the arguments, starts the tenant and prints the banner. Exit code 2 for bad arguments, 1
 * when the tenant cannot start, 0 otherwise (with the tenant, or without one for `--help`).
 * @example const outcome = await runCli(['--port', '8080'], { out: console.log, err: console.error });
 */
export async function runCli(args: readonly string[], output: CliOutput): Promise<CliOutcome> {
  let request;
  try {
    request = parseCliArguments(args);
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return { exitCode: 2 };
  }
  if (request.help) {
    output.out(`${USAGE}\n`);
    return { exitCode: 0, tenant: undefined };
  }
  try {
    const tenant = await startMockTenant(request.options);
    output.out(formatBanner(tenant));
    return { exitCode: 0, tenant };
  } catch (error) {
    if (!isMockTenantError(error)) throw error;
    if (isMockTenantOptionsError(error)) {
      output.err(`${asFlagError(error).message}\n\n${USAGE}\n`);
      return { exitCode: 2 };
    }
    output.err(`${error.message}\n`);
    return { exitCode: 1 };
  }
}
