// The client's fetch: attaches the token (only for the API's origin), follows redirects, refreshes the
// token once after a 401, retries what may safely be retried, and reads the final body to the end.
// Everything a call waits for gives up when the call's signal aborts.

import { isIscError } from '../errors/isc-error.js';
import { IscNetworkError } from '../errors/isc-network-error.js';
import { abortable, sleep } from './abortable.js';
import { discardBody, readErrorBody, readSuccessBody } from './buffered-response.js';
import type { CallContext } from './call-context.js';
import type { Log } from './log.js';
import { describeNetworkFailure, type NetworkFailure } from './network-failure.js';
import type { OutgoingRequest } from './outgoing-request.js';
import type { RedirectHop } from './redirect.js';
import type { ClientConfig } from './resolve-options.js';
import { parseRetryAfter } from './retry-after.js';
import { backoffDelay, isIdempotentMethod, isRetryableStatus } from './retry-policy.js';
import { isSameOrigin } from './same-origin.js';
import type { TokenSource } from './token-source.js';

/**
 * The final response of a call. `bytes` holds its body, already read (the response's own body is then
 * used up; an error body with secrets scrubbed); a streamed call (`readsBody: false`) gets a success
 * response untouched.
 */
export interface Delivery {
  readonly response: Response;
  readonly bytes: Uint8Array | undefined;
}

/** Sends one logical request; `tokens` is omitted for the token request itself. */
export type Exchange = (
  request: OutgoingRequest,
  call: CallContext,
  tokens?: TokenSource,
) => Promise<Delivery>;

type RetryReason = 'rate-limited' | 'server-error' | 'network-error';

/** Creates the exchange function over the configured fetch. `secrets` lists what to scrub from bodies. */
export function createTransport(
  config: ClientConfig,
  log: Log,
  secrets: () => readonly string[],
): Exchange {
  const send = config.fetch;
  const { followRedirects, inspectFailure } = config.platform;

  /** Fetches one hop (no extra async step when nothing is logged). */
  function fetchHop(hop: RedirectHop, call: CallContext, attempt: number): Promise<Response> {
    call.url = hop.url;
    if (log.debug === undefined)
      return abortable(send(hop.url, hop.init), call.signal, discardBody);
    return fetchHopLogged(hop, call, attempt);
  }

  /** Fetches one hop and logs the request and the response. */
  async function fetchHopLogged(
    hop: RedirectHop,
    call: CallContext,
    attempt: number,
  ): Promise<Response> {
    const { method } = hop.init;
    const started = Date.now();
    log.debug?.({
      type: 'request',
      message: `${method} ${hop.url}`,
      method,
      url: hop.url,
      attempt,
    });
    const response = await abortable(send(hop.url, hop.init), call.signal, discardBody);
    log.debug?.({
      type: 'response',
      message: `${method} ${hop.url} -> ${response.status}`,
      method,
      url: hop.url,
      attempt,
      status: response.status,
      durationMs: Date.now() - started,
    });
    return response;
  }

  return async function exchange(request, call, tokens) {
    const method = request.init.method;
    const idempotent = call.idempotent ?? isIdempotentMethod(method);
    // A streamed body can be sent once only: no retry, no re-authentication.
    const policy = request.replayable ? call.retry : undefined;
    const headers = request.init.headers;
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
      let token: string | undefined;
      if (authorizes) {
        token = tokens.peek() ?? (await tokens.get(call.signal));
        headers['authorization'] = `Bearer ${token}`;
      } else {
        delete headers['authorization'];
      }
      const hop: RedirectHop = {
        url: request.url,
        init: {
          ...request.init,
          signal: call.fetchSignal ?? null,
          redirect: followRedirects ? 'manual' : request.redirect,
        },
      };

      let response: Response;
      try {
        response = await fetchHop(hop, call, attempt);
        if (followRedirects) {
          response = await followRedirects(response, hop, request, {
            origin: config.origin,
            allowInsecureHttp: config.allowInsecureHttp,
            log,
            fetchHop: (next) => fetchHop(next, call, attempt),
          });
        }
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        if (isIscError(error)) throw error;
        const failure: NetworkFailure = inspectFailure?.(error) ?? {};
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
      if (
        policy &&
        isRetryableStatus(status, idempotent, policy) &&
        (await retried(
          status === 429 ? 'rate-limited' : 'server-error',
          status,
          response,
          parseRetryAfter(response.headers.get('retry-after'), Date.now()),
        ))
      ) {
        continue;
      }
      if (!response.ok) return { response, bytes: await readErrorBody(response, call, secrets()) };
      if (!call.readsBody) return { response, bytes: undefined };
      try {
        return {
          response,
          bytes: await readSuccessBody(response, call, config.maxResponseBytes, secrets()),
        };
      } catch (error) {
        // A body cut off mid-way is a network failure like any other.
        const cut = (error as { code?: unknown }).code === 'BODY_TRUNCATED';
        if (!(cut && idempotent && (await retried('network-error', status)))) throw error;
      }
    }
  };
}
