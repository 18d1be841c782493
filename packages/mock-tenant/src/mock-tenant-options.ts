// The options of `startMockTenant` and of `tenant.setFaults`. Every field is optional.

/** HTTP methods, upper case, as used by {@link FaultOptions.truncateMethods}. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The name under which `tenant.stats().requests` counts `POST /oauth/token`, which is not one of
 * the spec's operations.
 */
export const TOKEN_OPERATION = 'oauthToken';

/** Latency added before a response, fixed or uniformly drawn from a range. */
export type LatencyOption = number | { readonly min: number; readonly max: number };

/**
 * The gateway rate limit: at most `requests` requests in any `windowMs` milliseconds, per client ID.
 * @example { requests: 100, windowMs: 10_000 } (the documented limit, which `rateLimit: true` means)
 */
export interface RateLimitOptions {
  /**
   * Requests admitted per window and client ID.
   * @default 100
   */
  readonly requests?: number;
  /**
   * Length of the sliding window, in milliseconds of the tenant clock.
   * @default 10000
   */
  readonly windowMs?: number;
}

/**
 * Fault injection. 5xx, 429 and connection resets are decided before the operation runs, so a
 * faulted request provably changed nothing; a truncated body is decided up front too but applied
 * after the operation ran, so the client sees a broken response to a request that did take effect.
 * Rates are probabilities in [0, 1] drawn from a seeded generator, and the kinds are mutually
 * exclusive per request (reset, then 5xx, then 429, then truncation, in that order of precedence).
 * @example { serverErrorRate: 0.1, rateLimitRate: 0.05, connectionResetRate: 0.02, truncatedBodyRate: 0.01 }
 */
export interface FaultOptions {
  /**
   * Seed of the fault generator; the same seed and the same order of requests give the same faults.
   * @default the tenant's `seed`
   */
  readonly seed?: number;
  /**
   * Fraction of requests answered with a 5xx `ErrorResponseDto` before the operation runs.
   * @default 0
   */
  readonly serverErrorRate?: number;
  /**
   * The statuses a server error is drawn from, uniformly.
   * @default [500, 503]
   */
  readonly serverErrorStatuses?: readonly number[];
  /**
   * Fraction of requests answered with 429 `{ message }` and a `Retry-After` header, at random (for
   * a deterministic limit like the gateway's, see the `rateLimit` option of `startMockTenant`).
   * @default 0
   */
  readonly rateLimitRate?: number;
  /**
   * The `Retry-After` value, in seconds, of randomly injected 429 responses.
   * @default 1
   */
  readonly retryAfterSeconds?: number;
  /**
   * Fraction of requests whose connection is reset (TCP RST) before the operation runs.
   * @default 0
   */
  readonly connectionResetRate?: number;
  /**
   * Fraction of requests whose response body is cut in half and the connection closed, after the
   * operation ran. Responses without a body (204) are never truncated.
   * @default 0
   */
  readonly truncatedBodyRate?: number;
  /**
   * Methods whose responses may be truncated.
   * @default ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
   */
  readonly truncateMethods?: readonly HttpMethod[];
  /**
   * Latency added to every request that faults apply to, in milliseconds.
   * @default 0
   */
  readonly latencyMs?: LatencyOption;
  /**
   * When set, faults and latency apply only to these operationIds of the spec.
   * @default undefined (every operation)
   * @example { serverErrorRate: 1, onlyOperations: ['createCampaign'] }
   */
  readonly onlyOperations?: readonly string[];
  /**
   * OperationIds of the spec that never get faults or latency.
   * @default []
   */
  readonly excludeOperations?: readonly string[];
  /**
   * Whether faults and latency also apply to `POST /oauth/token`. Off by default, so tests of API
   * faults are not disturbed by failing token requests; turn it on to test a client's token retries.
   * @default false
   */
  readonly tokenEndpoint?: boolean;
}

/** Sizes of the seeded directory. Larger values cost startup time and memory. */
export interface SizeOptions {
  /**
   * Number of identities, including the admin the credentials act as.
   * @default 300
   */
  readonly identities?: number;
  /**
   * Number of sources (applications) holding entitlements.
   * @default 6
   */
  readonly sources?: number;
  /**
   * Entitlements per source.
   * @default 25
   */
  readonly entitlementsPerSource?: number;
  /**
   * Number of access profiles (each bundles a few entitlements of one source).
   * @default 30
   */
  readonly accessProfiles?: number;
  /**
   * Number of roles (each bundles a few access profiles).
   * @default 12
   */
  readonly roles?: number;
  /**
   * Average number of access items (entitlements, access profiles, roles) per identity.
   * @default 6
   */
  readonly accessPerIdentity?: number;
  /**
   * When set, every certification created by activation holds exactly this many review items
   * (the reviewer's real items first, then distinct identity-access pairs from the directory).
   * Meant for benchmarks with the preloaded campaign or a one-reviewer SEARCH campaign (a MANAGER
   * campaign would get this many items in each of its certifications).
   * @default undefined (the items the campaign type selects)
   * @example { preloadActiveCampaign: true, size: { reviewItemsPerCertification: 50_000 } }
   */
  readonly reviewItemsPerCertification?: number;
}

/**
 * Cross-origin settings, for SDK tests that run in a browser on another loopback origin. The tenant
 * answers with fixed, published default credentials, so by default only pages served from this
 * machine (`localhost`, `127.0.0.0/8`, `[::1]`) may read its answers.
 */
export interface CorsOptions {
  /**
   * Allowed origins: `'loopback'` for any origin on a loopback host (any scheme and port), a list
   * of exact origins (`scheme://host:port`, no path), or `'*'` for any origin at all (only for a
   * tenant you expose on purpose).
   * @default 'loopback'
   * @example { origin: ['http://127.0.0.1:5173'] }
   */
  readonly origin?: 'loopback' | '*' | string | readonly string[];
  /**
   * Request headers allowed in preflights. When empty, the headers the preflight asks for are
   * allowed, which covers `Authorization`, `Content-Type` and any custom SDK header.
   * @default []
   */
  readonly allowHeaders?: readonly string[];
}

/** Options of {@link startMockTenant}. */
export interface MockTenantOptions {
  /**
   * TCP port to listen on; 0 picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * Interface to listen on. Keep it on loopback: the credentials are fake and printed freely.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * The client ID `POST /oauth/token` accepts.
   * @default 'mock-client-id-0000-0000-000000000000'
   */
  readonly clientId?: string;
  /**
   * The client secret `POST /oauth/token` accepts.
   * @default 'mock-client-secret-not-a-real-secret'
   */
  readonly clientSecret?: string;
  /**
   * Lifetime of issued access tokens, in seconds of the tenant clock.
   * @default 749 (the value in SailPoint's documented example)
   */
  readonly tokenLifetimeSeconds?: number;
  /**
   * Seed of the directory (identities, access, IDs) and, unless `faults.seed` is set, of faults.
   * @default 1
   */
  readonly seed?: number;
  /** Sizes of the seeded directory. */
  readonly size?: SizeOptions;
  /**
   * When true, the tenant starts with one ACTIVE campaign ("Preloaded access review") holding a
   * single certification reviewed by the admin, ready for decisions and paging benchmarks.
   * @default false
   */
  readonly preloadActiveCampaign?: boolean;
  /** Fault injection; change it later with `tenant.setFaults`. */
  readonly faults?: FaultOptions;
  /**
   * Latency added to every request that faults apply to, in milliseconds (same as
   * `faults.latencyMs`, which wins when both are set).
   * @default 0
   */
  readonly latencyMs?: LatencyOption;
  /**
   * The tenant clock, used for deadlines, token expiry, timestamps and rate-limit windows.
   * @default Date.now
   * @example let t = Date.parse('2030-01-01T00:00:00Z'); startMockTenant({ now: () => t })
   */
  readonly now?: () => Date | number;
  /**
   * Delay, in milliseconds of the tenant clock, before background work completes: PENDING to
   * STAGED, ACTIVATING to ACTIVE, COMPLETING to COMPLETED and certification tasks to SUCCESS. With
   * 0 the change is visible from the next request on.
   * @default 0
   */
  readonly backgroundDelayMs?: number;
  /**
   * Cross-origin resource sharing; `false` disables it, `true` is the default setting.
   * @default true (pages on loopback origins only; see {@link CorsOptions.origin})
   */
  readonly cors?: boolean | CorsOptions;
  /**
   * When true, every response the tenant sends is checked against the spec and a mismatch becomes
   * a 500 naming the problem. The package's own tests run with it on.
   * @default false
   */
  readonly validateResponses?: boolean;
  /**
   * The gateway rate limit, like the real tenant's: each client ID may make at most `requests` API
   * calls in any `windowMs` (a sliding window, counted on the tenant clock). A call beyond it gets
   * 429 with the API's 429 body and a `Retry-After` in whole seconds: the time until the oldest call
   * in the window leaves it, rounded up. Refused calls do not count; neither do `POST /oauth/token`,
   * calls refused with 401, and calls answered by an injected fault. `true` means the documented
   * limit, 100 requests per 10 seconds; off by default, so demos and tests run at full speed.
   * `tenant.stats().rateLimitHits` counts the 429s it answered.
   * @default false
   * @example { rateLimit: true } or { rateLimit: { requests: 40, windowMs: 1000 } }
   */
  readonly rateLimit?: boolean | RateLimitOptions;
  /**
   * The largest request body the tenant reads, in bytes, for the API and the token endpoint. A
   * larger one gets 413 (an `ErrorResponseDto`, or `{ error, error_description }` from the token
   * endpoint) and the connection is closed: a declared `Content-Length` above it is refused before
   * the body is read, a chunked body as soon as it passes it. The default is more than twice the
   * largest body the spec's item limits allow (a SEARCH campaign with 1,000 identity IDs and 1,000
   * access constraints is about 440 KB; 250 decisions with 1,000-character comments about 320 KB).
   * @default 1048576 (1 MiB)
   */
  readonly maxBodyBytes?: number;
}
