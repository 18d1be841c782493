// The public configuration types of `createIscClient`. Every duration is in milliseconds.

/**
 * OAuth2 client credentials: a personal access token (PAT) or an API client. The client exchanges them
 * at `{origin of baseUrl}/oauth/token`, caches the token until shortly before it expires, and refreshes it
 * once when the API answers 401.
 */
export interface IscClientCredentials {
  /** The client ID of the PAT or API client. */
  clientId: string;
  /** The client secret. Sent only in the form-encoded body of the token request; never logged. */
  clientSecret: string;
  /**
   * The token endpoint, for tenants whose OAuth server is not at `{origin of baseUrl}/oauth/token`
   * (vanity domains: `GET {origin}/oauth/info` names it as `tokenEndpoint`). Same `https:` rule as
   * `baseUrl`.
   * @default `${origin of baseUrl}/oauth/token`
   * @example tokenUrl: 'https://acme.api.identitynow.com/oauth/token'
   */
  tokenUrl?: string;
}

/** A ready-made access token, or a function that returns one (called before every request). */
export interface IscAccessTokenAuth {
  /**
   * A token string (without the `Bearer ` prefix), or a function returning one. A function is called for
   * every request (cache inside it if it is expensive) and once more after a 401, whose request is then
   * retried once. Errors the function throws reach the caller unchanged.
   * @example accessToken: () => myVault.currentIscToken()
   */
  accessToken: string | (() => string | Promise<string>);
}

/** How the client authenticates: client credentials, or an access token you manage. */
export type IscAuth = IscClientCredentials | IscAccessTokenAuth;

/**
 * Retry policy. 429 is retried for every method; the server errors in `statuses`, network errors and
 * bodies cut off mid-way only for idempotent calls (GET, HEAD, PUT, DELETE, OPTIONS, or any call made
 * with `idempotent: true`); POST and PATCH also when the connection provably never carried the request
 * (connection refused, DNS failure). A streamed request body is never retried.
 */
export interface IscRetryOptions {
  /**
   * Attempts in total, the first one included; `1` disables retrying.
   * @default 3
   */
  maxAttempts?: number;
  /**
   * Longest `Retry-After` the client will wait for, in milliseconds. When the server asks for more, the
   * 429 is returned at once (`unwrap` raises `IscRateLimitError` carrying `retryAfter`).
   * @default 60000
   */
  maxRetryAfter?: number;
  /**
   * Longest total time spent waiting between attempts of one call, in milliseconds.
   * @default 60000
   */
  maxTotalWait?: number;
  /**
   * Base of the exponential backoff, in milliseconds: the wait before retry n is a random value between
   * 0 and `min(maxDelay, baseDelay * 2^(n-1))` ("full jitter"). Not used when `Retry-After` is present.
   * @default 500
   */
  baseDelay?: number;
  /**
   * Upper bound of one backoff wait, in milliseconds.
   * @default 10000
   */
  maxDelay?: number;
  /**
   * Server-error statuses retried for idempotent calls (429 is always retried). SailPoint's gateway
   * answers 500 "Internal Fault" for transient faults too, so it is included.
   * @default [500, 502, 503, 504]
   */
  statuses?: readonly number[];
}

/**
 * A request budget for client-side pacing: at most `requests` requests start in any `windowMs`
 * milliseconds.
 */
export interface IscRateLimitOptions {
  /** Requests allowed per window. @example requests: 100 */
  requests: number;
  /** The window, in milliseconds. @example windowMs: 10_000 */
  windowMs: number;
}

/** The `fetch` the client sends requests with; `globalThis.fetch` is compatible. */
export type IscFetch = (input: string, init: RequestInit) => Promise<Response>;

/** Fields every log event has. */
interface IscLogEventBase {
  /** A one-line human-readable summary. */
  message: string;
}

/**
 * A structured, redacted log event. URLs have credential-looking query parameters redacted; tokens,
 * secrets, headers and bodies are never included.
 */
export type IscLogEvent =
  | (IscLogEventBase & { type: 'request'; method: string; url: string; attempt: number })
  | (IscLogEventBase & {
      type: 'response';
      method: string;
      url: string;
      attempt: number;
      /** HTTP status, or 0 when the attempt failed without a response. */
      status: number;
      /** Time from sending to receiving the response head, in milliseconds. */
      durationMs: number;
    })
  | (IscLogEventBase & {
      type: 'retry';
      method: string;
      url: string;
      /** The attempt that failed (1 for the first). */
      attempt: number;
      reason: 'rate-limited' | 'server-error' | 'network-error';
      /** HTTP status that caused the retry, when there was a response. */
      status: number | undefined;
      /** How long the client waits before the next attempt, in milliseconds. */
      waitMs: number;
    })
  | (IscLogEventBase & {
      type: 'pacing';
      method: string;
      url: string;
      /** How long the request waited for its turn under `rateLimit`, in milliseconds. */
      waitMs: number;
      /** Requests that were queued ahead of it. */
      queued: number;
    })
  | (IscLogEventBase & { type: 'redirect'; method: string; url: string; location: string })
  | (IscLogEventBase & { type: 'reauthenticate'; method: string; url: string })
  | (IscLogEventBase & {
      type: 'token';
      /** Token lifetime from `expires_in`, in seconds (undefined when the server sent none). */
      expiresIn: number | undefined;
      durationMs: number;
    });

/**
 * A destination for log events. Any method may be omitted; `console`, pino and winston loggers fit.
 * Requests, responses, redirects and pacing waits are `debug`, token requests and re-authentication
 * `info`, retries `warn`.
 * A logger that throws is ignored.
 */
export interface IscLogger {
  debug?(event: IscLogEvent): void;
  info?(event: IscLogEvent): void;
  warn?(event: IscLogEvent): void;
  error?(event: IscLogEvent): void;
}

/** Options of `createIscClient`. */
export interface IscClientOptions {
  /**
   * Tenant name; the API base becomes `https://{tenant}.api.identitynow.com/v3`. Give this or `baseUrl`.
   * @example tenant: 'acme'
   */
  tenant?: string;
  /**
   * Base URL of the V3 API (proxies, vanity domains, a mock tenant). Give this or `tenant`; in the Node
   * entry, when both are omitted, `SAIL_BASE_URL` is used. A URL without a path gets `/v3`. Must be
   * `https:`, or `http:` to a loopback address (`localhost`, `127.0.0.0/8`, `[::1]`; not names under
   * `.localhost`, which go to DNS) or with `allowInsecureHttp`.
   * @example baseUrl: 'https://acme.api.identitynow.com/v3'
   */
  baseUrl?: string;
  /**
   * Credentials: `{ clientId, clientSecret }` or `{ accessToken }`. In the Node entry, when omitted,
   * `SAIL_CLIENT_ID` and `SAIL_CLIENT_SECRET` are used (the SailPoint CLI's variables).
   * @example auth: { clientId: process.env.ISC_ID!, clientSecret: process.env.ISC_SECRET! }
   */
  auth?: IscAuth;
  /**
   * Total time one call may take, in milliseconds: token request, every attempt, the waits between them
   * and reading the body. `0` disables it. Per call: `isc.GET(path, { timeout: 5000 })`.
   * @default 60000
   */
  timeout?: number;
  /**
   * Retry policy, or `false` to send every request once. Per call: `{ retry: false }` or
   * `{ retry: { maxAttempts: 5 } }`.
   * @default { maxAttempts: 3, maxRetryAfter: 60000, maxTotalWait: 60000, baseDelay: 500, maxDelay: 10000 }
   */
  retry?: IscRetryOptions | false;
  /**
   * Client-side pacing under the tenant's gateway limit: requests queue locally (in order) so that a
   * steady job stays under the limit and gets no 429. All clients of one process with the same
   * credentials and origin share one budget. A 429 that still arrives (another process using the same
   * client id) is honoured: everyone waits for its `Retry-After` and the budget is halved, then grows
   * back by a tenth per quiet window. Time spent queued counts toward the call's `timeout`, and a
   * caller's `signal` cancels the wait; nothing is dropped or sent twice. `false` turns pacing off.
   * @default { requests: 100, windowMs: 10000 } for SailPoint tenant hosts (`*.identitynow.com`,
   * `*.identitynow-demo.com`, `*.sailpoint.com`), off for other hosts (proxies, mock tenants)
   * @example rateLimit: { requests: 100, windowMs: 10_000 }
   */
  rateLimit?: IscRateLimitOptions | false;
  /**
   * How long before its expiry a cached token is replaced, in milliseconds; never more than half the
   * token's lifetime. A token response without a usable `expires_in` (missing, zero, negative, not a
   * number) is treated as valid for 60 s, and the logger says so.
   * @default 60000
   */
  tokenRefreshMargin?: number;
  /**
   * Allow a plain `http:` base URL (and redirects to `http:`) for hosts that are not loopback. Only for
   * trusted networks: the token and client secret would travel unencrypted.
   * @default false
   */
  allowInsecureHttp?: boolean;
  /** The `fetch` to send requests with (undici agents, proxies, tests). @default globalThis.fetch */
  fetch?: IscFetch;
  /** Receives structured, redacted events. The client never writes to the console. @default silent */
  logger?: IscLogger;
  /**
   * Appended to the `User-Agent` header (`isc-sdk-client/<version> node/<version> <suffix>`), e.g. your
   * app's name and version. Printable ASCII only. Browsers do not let scripts set `User-Agent`, so the
   * browser entry sends no User-Agent of its own and ignores this option.
   * @example userAgentSuffix: 'campaign-bot/1.4.0'
   */
  userAgentSuffix?: string;
  /** Headers added to every request (the Authorization header is managed by the client). */
  headers?: Record<string, string>;
  /**
   * Largest response body the client reads, in bytes. A bigger body fails with
   * `IscInvalidResponseError` (`reason: "too-large"`) instead of filling memory.
   * @default 134217728 (128 MiB: a 10,000-document search fits)
   */
  maxResponseBytes?: number;
}

/**
 * The client's own options of one call, next to openapi-fetch's (`params`, `body`, `signal`, ...).
 * openapi-fetch hands unknown `init` keys through to the client's fetch, which reads these; its
 * `Client` type accepts any extra key, so the compiler does not check them: the client does, at run
 * time (`IscConfigError` naming the option). Write `{ ...({ timeout: 5000 } satisfies IscCallOptions) }`
 * to have them checked while you type. A middleware that replaces the Request drops them (the call
 * then uses the client's settings).
 * @example isc.POST('/search', { body, idempotent: true, timeout: 10_000 })
 */
export interface IscCallOptions {
  /** Total time for this call, in milliseconds (`0` disables). @default the client's `timeout` */
  timeout?: number;
  /** Retry policy for this call, or `false`. @default the client's `retry` */
  retry?: IscRetryOptions | false;
  /**
   * Treat this call as idempotent: retry 5xx and network errors even for POST/PATCH. Read-only POSTs
   * such as `/search`, `/search/count` and `/search/aggregate` qualify.
   * @default false for POST and PATCH, true for the other methods
   */
  idempotent?: boolean;
}
