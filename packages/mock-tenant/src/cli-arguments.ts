import { parseArgs } from 'node:util';
import { MockTenantOptionsError } from './errors/mock-tenant-options-error.js';
import type { MockTenantOptions } from './mock-tenant-options.js';

/** The CLI's usage text. */
export const USAGE = `Usage: isc-mock-tenant [options]

Starts a fake SailPoint Identity Security Cloud V3 tenant on 127.0.0.1 and prints its base URL and
(fake) credentials. Stops on SIGINT or SIGTERM.

Options:
  --port N                  port to listen on (default: 0, a random free port)
  --host HOST               interface to listen on (default: 127.0.0.1)
  --seed N                  seed of the directory and faults (default: 1)
  --identities N            number of seeded identities (default: 300)
  --review-items N          review items per certification (benchmarks, e.g. 50000)
  --preload                 start with one ACTIVE campaign reviewed by the admin
  --client-id ID            client ID to accept
  --client-secret SECRET    client secret to accept
  --token-lifetime SECONDS  access token lifetime (default: 749)
  --latency MS              latency added to every API request
  --server-error-rate P     fraction of requests answered 500/503 (0..1)
  --rate-limit-rate P       fraction of requests answered 429 (0..1)
  --reset-rate P            fraction of connections reset (0..1)
  --truncate-rate P         fraction of response bodies cut short (0..1)
  --background-delay MS     delay before background work completes (default: 0)
  --max-body-bytes N        largest request body read; larger ones get 413 (default: 1048576)
  --cors-origin ORIGIN      allow browser pages from ORIGIN (repeatable; '*' for any);
                            default: pages on loopback hosts only
  --no-cors                 disable CORS
  -h, --help                show this text`;

function number(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed))
    throw new MockTenantOptionsError(option, value, 'a number');
  return parsed;
}

function corsOption(origins: readonly string[] | undefined, off: boolean): MockTenantOptions {
  if (origins === undefined) return off ? { cors: false } : {};
  if (off) throw new MockTenantOptionsError('--cors-origin', origins, 'no --no-cors beside it');
  const [first] = origins;
  const keyword = origins.length === 1 && (first === '*' || first === 'loopback');
  return { cors: { origin: keyword ? first : [...origins] } };
}

/** What the command line asks for. */
export type CliRequest =
  { readonly help: true } | { readonly help: false; readonly options: MockTenantOptions };

/**
 * Reads the CLI arguments into `startMockTenant` options.
 * @throws MockTenantOptionsError for a value that is not a number; parseArgs' TypeError for an
 *   unknown flag
 */
export function parseCliArguments(args: readonly string[]): CliRequest {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      identities: { type: 'string' },
      'review-items': { type: 'string' },
      preload: { type: 'boolean' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'token-lifetime': { type: 'string' },
      latency: { type: 'string' },
      'server-error-rate': { type: 'string' },
      'rate-limit-rate': { type: 'string' },
      'reset-rate': { type: 'string' },
      'truncate-rate': { type: 'string' },
      'background-delay': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'no-cors': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const size = {
    ...(values.identities === undefined
      ? {}
      : { identities: number('--identities', values.identities)! }),
    ...(values['review-items'] === undefined
      ? {}
      : { reviewItemsPerCertification: number('--review-items', values['review-items'])! }),
  };
  const faults = {
    ...(values['server-error-rate'] === undefined
      ? {}
      : { serverErrorRate: number('--server-error-rate', values['server-error-rate'])! }),
    ...(values['rate-limit-rate'] === undefined
      ? {}
      : { rateLimitRate: number('--rate-limit-rate', values['rate-limit-rate'])! }),
    ...(values['reset-rate'] === undefined
      ? {}
      : { connectionResetRate: number('--reset-rate', values['reset-rate'])! }),
    ...(values['truncate-rate'] === undefined
      ? {}
      : { truncatedBodyRate: number('--truncate-rate', values['truncate-rate'])! }),
  };
  const options: MockTenantOptions = {
    port: number('--port', values.port) ?? 0,
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values.seed === undefined ? {} : { seed: number('--seed', values.seed)! }),
    ...(Object.keys(size).length === 0 ? {} : { size }),
    ...(values.preload ? { preloadActiveCampaign: true } : {}),
    ...(values['client-id'] === undefined ? {} : { clientId: values['client-id'] }),
    ...(values['client-secret'] === undefined ? {} : { clientSecret: values['client-secret'] }),
    ...(values['token-lifetime'] === undefined
      ? {}
      : { tokenLifetimeSeconds: number('--token-lifetime', values['token-lifetime'])! }),
    ...(values.latency === undefined ? {} : { latencyMs: number('--latency', values.latency)! }),
    ...(Object.keys(faults).length === 0 ? {} : { faults }),
    ...(values['background-delay'] === undefined
      ? {}
      : { backgroundDelayMs: number('--background-delay', values['background-delay'])! }),
    ...(values['max-body-bytes'] === undefined
      ? {}
      : { maxBodyBytes: number('--max-body-bytes', values['max-body-bytes'])! }),
    ...corsOption(values['cors-origin'], values['no-cors'] === true),
  };
  return { help: false, options };
}
