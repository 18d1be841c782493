// The client's `fetch`, handed to openapi-fetch: everything openapi-fetch leaves to the caller. It paces
// requests under the rate limit, attaches the token (only for the API's origin), follows redirects,
// refreshes the token once after a 401, retries what may safely be retried, reads the final body to the
// end, and turns what goes wrong into typed errors. Everything it waits for gives up when the call's
// signal (the caller's, or the timeout) aborts.

import { IscInvalidResponseError, IscNetworkError } from '../errors/request-errors.js';
import { isIscError } from '../errors/isc-error.js';
import { abortable, ActiveCall, sleep } from './call.js';
import { isSameOrigin, type ClientConfig } from './config.js';
import type { Log } from './log.js';
import { describeNetworkFailure } from './network-failure.js';
import type { Pacer } from './pacing.js';
import { callSettings, outgoing, type Outgoing } from './request.js';
import {
  bufferedResponse,
  discardBody,
  ERROR_BODY_LIMIT,
  readBody,
  type ResponseInfo,
} from './responses.js';
import {
  backoffDelay,
  isIdempotentMethod,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from './retry.js';
import type { TokenSource } from './tokens.js';

/** The final response of a request, its body read (undefined for an opaque or 1xx response). */
export interface Delivery {
  readonly response: Response;
  readonly bytes: Uint8Array;
  readonly truncated: boolean;
}

/** How one request is sent. */
export interface ExchangeOptions {
  readonly policy: RetryPolicy | undefined;
  readonly idempotent: boolean;
  /** Omitted for the token request itself. */
  readonly tokens?: TokenSource | undefined;
  /** Omitted when no rate limit applies. */
  readonly pacer?: Pacer | undefined;
}

/** Sends one logical request: every attempt, redirect and wait. */
export type Exchange = (
  request: Outgoing,
  call: ActiveCall,
  options: ExchangeOptions,
) => Promise<Delivery>;

type RetryReason = 'rate-limited' | 'server-error' | 'network-error';

/** The exchange function over the configured fetch. */
export function createExchange(config: ClientConfig, log: Log): Exchange {
  const send = config.fetch;
  const { followRedirects, inspectFailure } = config.platform;

  /** Fetches one hop, logging it when the logger listens. */
  async function fetchHop(hop: Outgoing, call: ActiveCall, attempt: number): Promise<Response> {
    call.url = hop.url;
    const { method, url } = hop;
    const init: RequestInit & { duplex?: 'half' } = {
      method,
      headers: hop.headers,
      body: hop.body,
      signal: call.fetchSignal ?? null,
      redirect: followRedirects ? 'manual' : hop.redirect,
    };
    if (!hop.replayable) init.duplex = 'half';
    const started = log.debug && Date.now();
    log.debug?.({ type: 'request', message: `${method} ${url}`, method, url, attempt });
    const response = await abortable(send(url, init), call.signal, discardBody);
    log.debug?.({
      type: 'response',
      message: `${method} ${url} -> ${response.status}`,
      method,
      url,
      attempt,
      status: response.status,
      durationMs: Date.now() - (started as number),
    });
    return response;
  }

  return async function exchange(request, call, options) {
    const { method, headers } = request;
    const { tokens, pacer } = options;
    const idempotent = options.idempotent;
    // A streamed body can be sent once only: no retry, no re-authentication.
    const policy = request.replayable ? options.policy : undefined;
    const authorizes = tokens !== undefined && isSameOrigin(request.url, config.origin);
    let attempt = 0;
    let waited = 0;
    let reauthenticated = false;

    /**
     * Waits before the next attempt and resolves true, or resolves false at once when the policy, the
     * wait budget or the call's deadline forbid another attempt. `response` is released when it waits.
     */
    async function retried(
      reason: RetryReason,
      status?: number,
      response?: Response,
      retryAfter?: number,
    ): Promise<boolean> {
      if (!policy || attempt >= policy.maxAttempts || (retryAfter ?? 0) > policy.maxRetryAfter)
        return false;
      const wait = retryAfter ?? backoffDelay(policy, attempt);
      if (waited + wait > policy.maxTotalWait || Date.now() + wait >= call.deadline) return false;
      waited += wait;
      log.warn?.({
        type: 'retry',
        message: `${method} ${call.url}: attempt ${attempt} failed (${status ?? reason}), retrying in ${wait} ms`,
        method,
        url: call.url,
        attempt,
        reason,
        status,
        waitMs: wait,
      });
      if (response) discardBody(response);
      await sleep(wait, call.signal);
      return true;
    }

    for (;;) {
      attempt += 1;
      // The token first: a slot of the rate limit is taken only when the request can go at once.
      let token = authorizes ? (tokens.peek() ?? (await tokens.get(call.signal))) : undefined;
      if (pacer) {
        const queued = pacer.queued;
        const waitedMs = await pacer.take(call.signal);
        if (waitedMs > 0) {
          log.debug?.({
            type: 'pacing',
            message: `${method} ${request.url} waited ${waitedMs} ms for the rate limit (${queued} ahead)`,
            method,
            url: request.url,
            waitMs: waitedMs,
            queued,
          });
          // A cached token may have been refreshed meanwhile.
          if (token !== undefined) token = tokens?.peek() ?? token;
        }
      }
      if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
      else delete headers['authorization'];

      let response: Response;
      try {
        try {
          response = await fetchHop(request, call, attempt);
        } finally {
          // Answered or failed, the gateway has counted the request (or never will): its slot is
          // held from here.
          pacer?.settle();
        }
        if (followRedirects) {
          response = await followRedirects(response, request, {
            origin: config.origin,
            allowInsecureHttp: config.allowInsecureHttp,
            log,
            fetchHop: (next) => fetchHop(next, call, attempt),
          });
        }
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        if (isIscError(error)) throw error;
        const failure = inspectFailure?.(error) ?? {};
        if (
          !failure.permanent &&
          (idempotent || failure.notSent) &&
          (await retried('network-error'))
        ) {
          continue;
        }
        throw new IscNetworkError(
          method,
          call.url,
          describeNetworkFailure(error),
          error,
          failure.code,
        );
      }

      const status = response.status;
      if (
        status === 401 &&
        token &&
        !reauthenticated &&
        request.replayable &&
        tokens?.reject(token)
      ) {
        reauthenticated = true;
        attempt -= 1;
        discardBody(response);
        log.info?.({
          type: 'reauthenticate',
          message: `${method} ${call.url} answered 401; fetching a new token and retrying once`,
          method,
          url: call.url,
        });
        continue;
      }
      if (status === 429 || (policy && isRetryableStatus(status, idempotent, policy))) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        if (status === 429) pacer?.slowDown(retryAfter ?? 1000);
        if (
          policy &&
          (await retried(
            status === 429 ? 'rate-limited' : 'server-error',
            status,
            response,
            retryAfter,
          ))
        ) {
          continue;
        }
      }
      if (status < 200) return { response, bytes: new Uint8Array(0), truncated: false };
      const ok = status < 300;
      const limit = ok ? config.maxResponseBytes : ERROR_BODY_LIMIT;
      const { bytes, end, error } = await readBody(response, limit, call.signal);
      if (end === 'complete' || !ok) return { response, bytes, truncated: end !== 'complete' };
      if (end === 'over-limit') {
        throw new IscInvalidResponseError({
          reason: 'too-large',
          status,
          method,
          url: call.url,
          contentType: response.headers.get('content-type') ?? undefined,
          problem: `the body is over maxResponseBytes (${limit})`,
        });
      }
      // A body cut off mid-way is a network failure like any other.
      if (!(idempotent && (await retried('network-error', status)))) {
        throw new IscNetworkError(
          method,
          call.url,
          'the connection closed before the whole body arrived',
          error,
          'BODY_TRUNCATED',
        );
      }
    }
  };
}

/** openapi-fetch's `fetch` for this client: the exchange with the token, pacing and call options. */
export function createApiFetch(
  config: ClientConfig,
  exchange: Exchange,
  tokens: TokenSource,
  pacer: Pacer | undefined,
): (request: Request) => Promise<Response> {
  const { abortsFetchOnTimeout } = config.platform;
  return async (request) => {
    const settings = callSettings(request, config);
    const { method } = request;
    const call = new ActiveCall(
      method,
      request.url,
      settings.timeout,
      settings.signal,
      abortsFetchOnTimeout,
    );
    try {
      if (call.signal?.aborted) throw call.signal.reason;
      const out = await outgoing(request);
      const { response, bytes, truncated } = await exchange(out, call, {
        policy: settings.retry,
        idempotent: settings.idempotent ?? isIdempotentMethod(method),
        tokens,
        pacer,
      });
      if (response.status < 200) return response;
      const info: ResponseInfo = { method, url: response.url || call.url, truncated };
      return bufferedResponse(response, bytes, info, tokens.secrets());
    } catch (error) {
      throw call.failure(error);
    } finally {
      call.end();
    }
  };
}
