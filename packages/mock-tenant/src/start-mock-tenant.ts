import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { TokenStore } from './auth/token-store.js';
import { activateNow, createCampaign } from './domain/campaign-lifecycle.js';
import { TenantState } from './domain/tenant-state.js';
import { MockTenantOptionsError } from './errors/mock-tenant-options-error.js';
import { MockTenantStartError } from './errors/mock-tenant-start-error.js';
import { FaultInjector } from './faults/fault-injector.js';
import { API_PREFIX, createApp } from './http/create-app.js';
import { createTrackingIds } from './http/error-bodies.js';
import { RateLimiter } from './http/rate-limiter.js';
import type { FaultOptions, MockTenantOptions } from './mock-tenant-options.js';
import { resolveFaults, resolveOptions } from './resolve-options.js';
import { SearchIndex } from './search/build-search-documents.js';
import { generateDirectory } from './seed/generate-directory.js';
import { StatsRecorder, type TenantStats } from './stats/tenant-stats.js';
import { OperationValidators } from './validation/operation-validators.js';

/** IDs from the seeded directory, for tests that need real identities, sources or roles. */
export interface SeedSummary {
  /** The identity the credentials act as (an ORG_ADMIN who also manages a few people). */
  readonly adminIdentityId: string;
  /** Every identity ID, the admin first. */
  readonly identityIds: readonly string[];
  /** Identities with direct reports: the reviewers of a MANAGER campaign. */
  readonly managerIds: readonly string[];
  readonly sourceIds: readonly string[];
  readonly entitlementIds: readonly string[];
  readonly accessProfileIds: readonly string[];
  readonly roleIds: readonly string[];
}

/** A running mock tenant. */
export interface MockTenant {
  /** Base URL of the V3 API, e.g. `http://127.0.0.1:51234/v3`; give it to `createIscClient`. */
  readonly baseUrl: string;
  /** Scheme, host and port, e.g. `http://127.0.0.1:51234`. */
  readonly origin: string;
  /** The token endpoint: `{origin}/oauth/token`. */
  readonly tokenUrl: string;
  /** The client ID the token endpoint accepts (fake). */
  readonly clientId: string;
  /** The client secret the token endpoint accepts (fake). */
  readonly clientSecret: string;
  /** The port the server listens on. */
  readonly port: number;
  /** The preloaded ACTIVE campaign, when `preloadActiveCampaign` was set. */
  readonly preloaded:
    { readonly campaignId: string; readonly certificationIds: readonly string[] } | undefined;
  /** IDs from the seeded directory. */
  seed(): SeedSummary;
  /** Counters of requests, responses, faults and created objects. */
  stats(): TenantStats;
  /** Clears the request, response and fault counters (creation counters keep counting). */
  resetStats(): void;
  /**
   * Replaces the fault settings (missing fields take their defaults, so `setFaults({})` turns
   * faults off) and restarts the fault generator from the seed.
   * @throws MockTenantOptionsError for an invalid value
   */
  setFaults(faults: FaultOptions): void;
  /** Changes the lifetime of tokens issued from now on, in seconds. */
  setTokenLifetime(seconds: number): void;
  /** Makes every token issued so far expired, so the next API call gets 401. */
  expireTokens(): void;
  /** Stops listening and closes every open connection. */
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(new MockTenantStartError(host, port, error));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function preload(state: TenantState, search: SearchIndex): MockTenant['preloaded'] {
  const directory = state.directory;
  const admin = directory.identities[0]!;
  const campaign = createCampaign(state, search, {
    name: 'Preloaded access review',
    description:
      'An ACTIVE search campaign the mock tenant starts with; the admin reviews everyone.',
    type: 'SEARCH',
    deadline: new Date(state.clock() + 30 * 86_400_000).toISOString(),
    emailNotificationEnabled: false,
    autoRevokeAllowed: false,
    recommendationsEnabled: false,
    correlatedStatus: 'CORRELATED',
    mandatoryCommentRequirement: 'NO_DECISIONS',
    sunsetCommentsRequired: true,
    searchCampaignInfo: {
      type: 'IDENTITY',
      identityIds: directory.identities.slice(1).map((i) => i.id),
      reviewer: { type: 'IDENTITY', id: admin.id, name: admin.displayName },
    },
  });
  activateNow(state, search, campaign);
  return { campaignId: campaign.id, certificationIds: [...campaign.certificationIds] };
}

/**
 * Starts an in-memory, stateful fake tenant on a real HTTP server (127.0.0.1, random port by
 * default) implementing all 41 operations of the curated V3 spec, the client-credentials token
 * endpoint, and optional fault injection.
 * @throws MockTenantOptionsError for an invalid option, MockTenantStartError when it cannot listen
 * @example
 * const tenant = await startMockTenant();
 * const isc = createIscClient({ baseUrl: tenant.baseUrl, auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret } });
 * // ...
 * await tenant.stop();
 */
export async function startMockTenant(options: MockTenantOptions = {}): Promise<MockTenant> {
  const resolved = resolveOptions(options);
  const directory = generateDirectory(resolved.seed, resolved.size);
  const state = new TenantState(
    directory,
    resolved.clock,
    resolved.size,
    resolved.seed,
    resolved.backgroundDelayMs,
  );
  const search = new SearchIndex(directory);
  const admin = directory.identities[0]!;
  const tenantId = `mock-tenant-${resolved.seed}`;
  const stats = new StatsRecorder();
  const tokens = new TokenStore(resolved.clock, resolved.tokenLifetimeSeconds, {
    tenant: tenantId,
    identityId: admin.id,
    identityName: admin.name,
  });
  const faults = new FaultInjector(resolved.faults);
  const services = {
    limiter: resolved.rateLimit && new RateLimiter(resolved.rateLimit, resolved.clock),
    state,
    search,
    validators: new OperationValidators(),
    tokens,
    faults,
    stats,
    trackingId: createTrackingIds(resolved.seed),
    validateResponses: resolved.validateResponses,
  };
  const preloaded = resolved.preloadActiveCampaign ? preload(state, search) : undefined;
  const app = createApp(resolved, services, resolved, tenantId);
  // overrideGlobalObjects: false keeps the adapter from replacing the process's Request and
  // Response, which the tests' own fetch calls use.
  const server = createAdaptorServer({
    fetch: app.fetch,
    hostname: resolved.host,
    overrideGlobalObjects: false,
  }) as Server;
  const port = await listen(server, resolved.port, resolved.host);
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  const origin = `http://${host}:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    baseUrl: origin + API_PREFIX,
    origin,
    tokenUrl: `${origin}/oauth/token`,
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    port,
    preloaded,
    seed: () => ({
      adminIdentityId: admin.id,
      identityIds: directory.identities.map((i) => i.id),
      managerIds: [...directory.reports.keys()]
        .sort((a, b) => a - b)
        .map((i) => directory.identities[i]!.id),
      sourceIds: directory.sources.map((s) => s.id),
      entitlementIds: directory.entitlements.map((e) => e.id),
      accessProfileIds: directory.accessProfiles.map((a) => a.id),
      roleIds: directory.roles.map((r) => r.id),
    }),
    stats: () => stats.snapshot(state.counters),
    resetStats: () => stats.reset(),
    setFaults: (next) => faults.configure(resolveFaults(next, resolved.seed)),
    setTokenLifetime: (seconds) => {
      if (!Number.isInteger(seconds) || seconds < 1) {
        throw new MockTenantOptionsError('tokenLifetimeSeconds', seconds, 'an integer from 1 up');
      }
      tokens.lifetimeSeconds = seconds;
    },
    expireTokens: () => tokens.expireAll(),
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
