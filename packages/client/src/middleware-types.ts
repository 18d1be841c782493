// openapi-fetch's middleware contract, declared here so that a consumer's type-check does not load
// openapi-fetch's declarations. The types are interchangeable with openapi-fetch's own (a type test
// assigns each to the other): middleware written for openapi-fetch works with `isc.use` unchanged.

import type { IscParseAs } from './operation-types.js';

/** The parameters of the call, as given (`params` of the call's options). */
export interface MiddlewareRequestParams {
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  path?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
}

/** The call's effective options, read-only. */
export interface MiddlewareCallOptions {
  readonly baseUrl: string;
  readonly parseAs: IscParseAs;
  readonly querySerializer: (query: any) => string;
  readonly bodySerializer: (body: any) => any;
  readonly pathSerializer: (pathname: string, pathParams: Record<string, unknown>) => string;
  readonly fetch: typeof globalThis.fetch;
}

/** What every middleware callback receives. */
export interface MiddlewareCallbackParams {
  /** The request about to be sent (the client adds the Authorization header afterwards). */
  request: Request;
  /** The path template of the operation, e.g. `/campaigns/{id}`. */
  readonly schemaPath: string;
  /** The call's parameters, as given. */
  readonly params: MiddlewareRequestParams;
  /** A random ID, the same for every callback of one call. */
  readonly id: string;
  /** The call's options. */
  readonly options: MiddlewareCallOptions;
}

/** Runs before the request is sent: return a new Request to replace it, or a Response to answer it. */
export type MiddlewareOnRequest = (
  options: MiddlewareCallbackParams,
) => void | Request | Response | undefined | Promise<Request | Response | undefined | void>;

/** Runs on the final response (after retries; its body readable): return a Response to replace it. */
export type MiddlewareOnResponse = (
  options: MiddlewareCallbackParams & { response: Response },
) => void | Response | undefined | Promise<Response | undefined | void>;

/** Runs when the call fails without a response: return a Response to answer, or an Error to throw. */
export type MiddlewareOnError = (
  options: MiddlewareCallbackParams & { error: unknown },
) => void | Response | Error | Promise<void | Response | Error>;

/**
 * openapi-fetch middleware: an object with at least one of `onRequest`, `onResponse` and `onError`.
 * `onRequest` runs in the order of registration, `onResponse` and `onError` in reverse.
 */
export type Middleware =
  | {
      onRequest: MiddlewareOnRequest;
      onResponse?: MiddlewareOnResponse;
      onError?: MiddlewareOnError;
    }
  | {
      onRequest?: MiddlewareOnRequest;
      onResponse: MiddlewareOnResponse;
      onError?: MiddlewareOnError;
    }
  | {
      onRequest?: MiddlewareOnRequest;
      onResponse?: MiddlewareOnResponse;
      onError: MiddlewareOnError;
    };
