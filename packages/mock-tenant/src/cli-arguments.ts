import { parseArgs } from 'node:util';
import { MockTenantOptionsError } from './errors/mock-tenant-options-error.js';
import type { MockTenantOptions } from './mock-tenant-options.js';

/** The CLI's usage text. */
export const USAGE = `Usage: isc-mock-tenant [options]

Starts a fake SailPoint Identity Security Cloud V3 tenant on 127.0.0.1 and prints its base URL and
(fake) credentials. Stops on SIGINT or SIGTERM. For tests and demos only, never production data.

Options:
  --port N                  port to listen on (default: 0, a random free port)
  --host HOST               interface to listen on (default: 127.0.0.1)
  --seed N                  seed of the directory and faults (default: 1)
  --identities N            number of seeded identities (default: 300)
  --review-items N          review items per certification (benchmarks, e.g. 50000)
  --preload                 start with one ACTIVE campaign reviewed by the admin (prints its IDs)
  --client-id ID            client ID to accept
  --client-secret SECRET    client secret to accept
  --token-lifetime SECONDS  access token lifetime (default: 749)
  --latency MS              latency added to every API request
  --server-error-rate P     fraction of requests answered 500/503 (0..1)
  --rate-limit              the gateway limit per client ID: 100 requests per 10 s, then 429
  --rate-limit-requests N   requests per window for the gateway limit (turns it on)
  --rate-limit-window MS    window of the gateway limit in ms (turns it on; default: 10000)
  --rate-limit-rate P       fraction of requests answered 429 at random (0..1)
  --reset-rate P            fraction of connections reset (0..1)
  --truncate-rate P         fraction of response bodies cut short (0..1)
  --background-delay MS     delay before background work completes (default: 0)
  --max-body-bytes N        largest request body read; larger ones get 413 (default: 1048576)
  --cors-origin ORIGIN      allow browser pages from ORIGIN (repeatable; '*' for any);
                            default: pages on loopback hosts only
  --no-cors                 disable CORS
  -h, --help                show this text`;

/**
 * The flags that take a number, and the `startMockTenant` option each sets (a dotted path). The
 * same table turns an option named in a MockTenantOptionsError back into its flag.
 */
const NUMBER_FLAGS: Readonly<Record<string, string>> = {
  port: 'port',
  seed: 'seed',
  identities: 'size.identities',
  'review-items': 'size.reviewItemsPerCertification',
  'token-lifetime': 'tokenLifetimeSeconds',
  latency: 'latencyMs',
  'server-error-rate': 'faults.serverErrorRate',
  'rate-limit-rate': 'faults.rateLimitRate',
  'reset-rate': 'faults.connectionResetRate',
  'truncate-rate': 'faults.truncatedBodyRate',
  'background-delay': 'backgroundDelayMs',
  'max-body-bytes': 'maxBodyBytes',
  'rate-limit-requests': 'rateLimit.requests',
  'rate-limit-window': 'rateLimit.windowMs',
};

/** The flags that take text or switch something on, and the option each sets. */
const OTHER_FLAGS: Readonly<Record<string, string>> = {
  host: 'host',
  'client-id': 'clientId',
  'client-secret': 'clientSecret',
  preload: 'preloadActiveCampaign',
  'rate-limit': 'rateLimit',
  'cors-origin': 'cors.origin',
  'no-cors': 'cors',
};

function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed))
    throw new MockTenantOptionsError(`--${flag}`, value, 'a number');
  return parsed;
}

/** Sets `value` at a dotted path, creating the objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = target;
  for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
  node[last] = value;
}

function corsOption(origins: readonly string[] | undefined, off: boolean): MockTenantOptions {
  if (origins === undefined) return off ? { cors: false } : {};
  if (off) throw new MockTenantOptionsError('--cors-origin', origins, 'no --no-cors beside it');
  const [first] = origins;
  const keyword = origins.length === 1 && (first === '*' || first === 'loopback');
  return { cors: { origin: keyword ? first : [...origins] } };
}

/**
 * The flag that sets an option, e.g. `--server-error-rate` for `faults.serverErrorRate`, or
 * undefined when no flag sets it.
 */
export function flagOfOption(option: string): string | undefined {
  const flag = Object.entries({ ...NUMBER_FLAGS, ...OTHER_FLAGS }).find(
    ([, path]) => path === option,
  )?.[0];
  return flag === undefined ? undefined : `--${flag}`;
}

/** What the command line asks for. */
export type CliRequest =
  { readonly help: true } | { readonly help: false; readonly options: MockTenantOptions };

/**
 * Reads the CLI arguments into `startMockTenant` options.
 * @throws MockTenantOptionsError naming the flag for a value that is not a number; parseArgs'
 *   TypeError for an unknown flag
 */
export function parseCliArguments(args: readonly string[]): CliRequest {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      ...Object.fromEntries(
        Object.keys(NUMBER_FLAGS).map((flag) => [flag, { type: 'string' } as const]),
      ),
      host: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      preload: { type: 'boolean' },
      'rate-limit': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      'no-cors': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const options: Record<string, unknown> = { port: 0 };
  const given = values as Readonly<Record<string, unknown>>;
  for (const [flag, path] of Object.entries(NUMBER_FLAGS)) {
    const value = given[flag];
    if (typeof value === 'string') setPath(options, path, number(flag, value));
  }
  for (const flag of ['host', 'client-id', 'client-secret'] as const) {
    const value = values[flag];
    if (value !== undefined) setPath(options, OTHER_FLAGS[flag]!, value);
  }
  if (values.preload) options.preloadActiveCampaign = true;
  // The window flags alone turn the limit on too; --rate-limit alone means the documented one.
  if (values['rate-limit'] && options.rateLimit === undefined) options.rateLimit = true;
  Object.assign(options, corsOption(values['cors-origin'], values['no-cors'] === true));
  return { help: false, options: options as MockTenantOptions };
}
