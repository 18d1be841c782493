import { describe, expect, it } from 'vitest';
import { parseCliArguments } from '../src/cli-arguments.js';
import { runCli } from '../src/run-cli.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe('parseCliArguments', () => {
  it.each([
    [[], { port: 0 }],
    [['--port', '8080'], { port: 8080 }],
    [
      ['--seed', '7', '--identities', '50', '--review-items', '50000', '--preload'],
      {
        port: 0,
        seed: 7,
        size: { identities: 50, reviewItemsPerCertification: 50_000 },
        preloadActiveCampaign: true,
      },
    ],
    [
      ['--client-id', 'a', '--client-secret', 'b', '--token-lifetime', '5'],
      { port: 0, clientId: 'a', clientSecret: 'b', tokenLifetimeSeconds: 5 },
    ],
    [
      [
        '--server-error-rate',
        '0.1',
        '--rate-limit-rate',
        '0.05',
        '--reset-rate',
        '0.02',
        '--truncate-rate',
        '0.01',
        '--latency',
        '3',
      ],
      {
        port: 0,
        latencyMs: 3,
        faults: {
          serverErrorRate: 0.1,
          rateLimitRate: 0.05,
          connectionResetRate: 0.02,
          truncatedBodyRate: 0.01,
        },
      },
    ],
    [
      ['--no-cors', '--background-delay', '250', '--host', '::1'],
      { port: 0, cors: false, backgroundDelayMs: 250, host: '::1' },
    ],
    [['--max-body-bytes', '65536'], { port: 0, maxBodyBytes: 65_536 }],
    [
      ['--cors-origin', 'http://127.0.0.1:5173', '--cors-origin', 'https://app.example'],
      { port: 0, cors: { origin: ['http://127.0.0.1:5173', 'https://app.example'] } },
    ],
    [['--cors-origin', '*'], { port: 0, cors: { origin: '*' } }],
    [['--rate-limit'], { port: 0, rateLimit: true }],
    [
      ['--rate-limit', '--rate-limit-requests', '40', '--rate-limit-window', '1000'],
      { port: 0, rateLimit: { requests: 40, windowMs: 1000 } },
    ],
    [['--rate-limit-requests', '5'], { port: 0, rateLimit: { requests: 5 } }],
  ])('reads %j', (args, options) => {
    expect(parseCliArguments(args)).toEqual({ help: false, options });
  });

  it('recognises --help and -h', () => {
    expect(parseCliArguments(['-h'])).toEqual({ help: true });
    expect(parseCliArguments(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--port', 'eighty'], '--port'],
    [['--server-error-rate', ''], '--server-error-rate'],
    [['--max-body-bytes', '1MB'], '--max-body-bytes'],
  ])('refuses the non-number in %j, naming the flag', (args, flag) => {
    expect(() => parseCliArguments(args)).toThrow(
      `Invalid mock tenant option ${flag}: got ${JSON.stringify(args[1])}, expected a number.`,
    );
  });

  it('refuses --cors-origin beside --no-cors', () => {
    expect(() => parseCliArguments(['--no-cors', '--cors-origin', '*'])).toThrow(
      'Invalid mock tenant option --cors-origin',
    );
  });
});

describe('runCli', () => {
  it('starts the tenant and prints its base URL and credentials', async () => {
    const { out, output } = capture();
    const outcome = await runCli(['--port', '0', '--seed', '3'], output);
    expect(outcome.exitCode).toBe(0);
    const tenant = outcome.exitCode === 0 ? outcome.tenant! : undefined;
    try {
      const banner = out.join('');
      expect(banner).toContain(`Base URL:      ${tenant!.baseUrl}`);
      expect(banner).toContain(`Client ID:     ${tenant!.clientId}`);
      expect(banner).toContain(`export SAIL_CLIENT_SECRET=${tenant!.clientSecret}`);
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: tenant!.clientId,
        client_secret: tenant!.clientSecret,
      });
      expect((await fetch(tenant!.tokenUrl, { method: 'POST', body })).status).toBe(200);
    } finally {
      await tenant?.stop();
    }
  });

  it.each([
    ['an unknown flag', ['--bogus'], "Unknown option '--bogus'"],
    [
      'a port out of range',
      ['--port', '99999'],
      'Invalid mock tenant option --port: got 99999, expected an integer from 0 to 65535.',
    ],
    [
      'a rate above 1',
      ['--server-error-rate', '2'],
      'Invalid mock tenant option --server-error-rate: got 2, expected a probability from 0 to 1.',
    ],
    [
      'a negative latency',
      ['--latency=-5'],
      'Invalid mock tenant option --latency: got -5, expected milliseconds >= 0.',
    ],
    [
      'a fractional review item count',
      ['--review-items', '2.5'],
      'Invalid mock tenant option --review-items: got 2.5',
    ],
    [
      'a CORS origin with a path',
      ['--cors-origin', 'http://127.0.0.1:5173/app'],
      'Invalid mock tenant option --cors-origin: got ["http://127.0.0.1:5173/app"]',
    ],
    ['an empty host', ['--host', ''], 'Invalid mock tenant option --host: got ""'],
  ])('exits with 2 on %s, naming the flag', async (_name, args, text) => {
    const { err, output } = capture();
    const outcome = await runCli(args, output);
    expect(outcome.exitCode).toBe(2);
    expect(err.join('')).toContain(text);
    expect(err.join('')).toContain('Usage: isc-mock-tenant');
  });

  it('names the flag for every option a flag sets', async () => {
    for (const [args, flag] of [
      [['--seed=-1e12'], '--seed'],
      [['--identities', '1'], '--identities'],
      [['--token-lifetime', '0'], '--token-lifetime'],
      [['--rate-limit-rate=-1'], '--rate-limit-rate'],
      [['--reset-rate', '7'], '--reset-rate'],
      [['--truncate-rate', '1.5'], '--truncate-rate'],
      [['--background-delay=-1'], '--background-delay'],
      [['--max-body-bytes', '0'], '--max-body-bytes'],
      [['--client-id', ''], '--client-id'],
      [['--client-secret', ''], '--client-secret'],
      [['--rate-limit-requests', '0'], '--rate-limit-requests'],
      [['--rate-limit-window', '0'], '--rate-limit-window'],
    ] as const) {
      const { err, output } = capture();
      expect((await runCli(args, output)).exitCode).toBe(2);
      expect(err.join('')).toContain(`Invalid mock tenant option ${flag}: `);
    }
  });

  it('prints the IDs of the preloaded campaign and certification with --preload', async () => {
    const { out, output } = capture();
    const outcome = await runCli(['--preload', '--identities', '20'], output);
    expect(outcome.exitCode).toBe(0);
    const tenant = outcome.exitCode === 0 ? outcome.tenant! : undefined;
    try {
      const { campaignId, certificationIds } = tenant!.preloaded!;
      expect(certificationIds).toHaveLength(1);
      const banner = out.join('');
      expect(banner).toContain(`Preloaded ACTIVE campaign: ${campaignId}\n`);
      expect(banner).toContain(`  certification IDs:       ${certificationIds[0]}\n`);
    } finally {
      await tenant?.stop();
    }
  });

  it('prints no preload lines without --preload', async () => {
    const { out, output } = capture();
    const outcome = await runCli([], output);
    const tenant = outcome.exitCode === 0 ? outcome.tenant! : undefined;
    try {
      expect(out.join('')).not.toContain('Preloaded');
    } finally {
      await tenant?.stop();
    }
  });

  it('prints the usage for --help', async () => {
    const { out, output } = capture();
    expect(await runCli(['--help'], output)).toEqual({ exitCode: 0, tenant: undefined });
    expect(out.join('')).toContain('Usage: isc-mock-tenant [options]');
  });
});
