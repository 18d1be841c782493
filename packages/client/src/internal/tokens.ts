// Where bearer tokens come from: OAuth2 client credentials (cached until a margin before expiry, one
// request shared by every caller that needs a token meanwhile), a fixed token, or the caller's function.

import { IscAuthError, apiErrorFromResponse } from '../errors/api-errors.js';
import { abortable, ActiveCall, type AbortWatch } from './call.js';
import type { ClientConfig } from './config.js';
import type { Log } from './log.js';
import { mustBe } from './checks.js';
import { redactBody } from './redact.js';
import { decodeText } from './responses.js';
import type { Exchange } from './transport.js';

/** Where the transport gets bearer tokens from. */
export interface TokenSource {
  /** A token that is valid right now, without waiting; undefined when one must be fetched. */
  peek(): string | undefined;
  /** A token, fetching one when needed. Concurrent callers share one fetch; `signal` stops only the wait. */
  get(signal: AbortWatch | undefined): Promise<string>;
  /** Reports that the API answered 401 to `token`; true when asking again may give a different token. */
  reject(token: string): boolean;
  /** Strings that must never appear in error bodies, messages or logs (secret, current tokens). */
  secrets(): readonly string[];
}

/**
 * Lifetime assumed for a token whose response has no usable `expires_in` (absent, zero, negative or
 * not a number): short, so that a token the server meant to be short-lived is not used for long.
 */
export const UNKNOWN_LIFETIME_MS = 60_000;

/** The token source for the configured kind of auth. */
export function createTokenSource(config: ClientConfig, log: Log, exchange: Exchange): TokenSource {
  const { auth } = config;
  if (auth.kind === 'static-token') {
    const secrets = [auth.token];
    return {
      peek: () => auth.token,
      get: () => Promise.resolve(auth.token),
      // Nothing to refresh: a 401 is final.
      reject: () => false,
      secrets: () => secrets,
    };
  }
  if (auth.kind === 'token-provider') {
    let latest: string[] = [];
    const ask = async (): Promise<string> => {
      const token = await auth.provide();
      if (typeof token !== 'string' || token === '') {
        throw mustBe('auth.accessToken', 'a function returning a non-empty string', token);
      }
      latest = [token];
      return token;
    };
    return {
      peek: () => undefined,
      get: (signal) => abortable(ask(), signal),
      reject: () => true,
      secrets: () => latest,
    };
  }

  const { tokenUrl, clientId, clientSecret } = auth;
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;
  // The secret and the latest tokens (a replaced one may still be echoed by a late error body).
  let secrets: readonly string[] = [clientSecret];

  async function requestToken(): Promise<string> {
    const started = Date.now();
    const call = new ActiveCall(
      'POST',
      tokenUrl,
      config.timeout,
      undefined,
      config.platform.abortsFetchOnTimeout,
    );
    try {
      const { response, bytes } = await exchange(
        {
          url: tokenUrl,
          method: 'POST',
          headers: {
            ...config.headers,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: clientId,
            client_secret: clientSecret,
          }).toString(),
          replayable: true,
          // Never follow a redirect with the client secret in the body.
          redirect: 'error',
        },
        call,
        // Asking for a token changes nothing on the server: safe to retry like a GET.
        { policy: config.retry, idempotent: true },
      );
      const text = decodeText(bytes);
      if (!response.ok) {
        throw apiErrorFromResponse(response, redactBody(text, secrets), 'token-endpoint');
      }
      let body: { access_token?: unknown; expires_in?: unknown } | undefined;
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        // Reported below.
      }
      const token = body?.access_token;
      if (typeof token !== 'string' || !token || /\s/.test(token)) {
        throw new IscAuthError(
          {
            status: response.status,
            statusText: response.statusText,
            method: 'POST',
            url: tokenUrl,
            messages: [
              `the token endpoint answered ${body ? 'without a usable access_token' : 'with something that is not JSON'}`,
            ],
            response,
          },
          'token-endpoint',
        );
      }
      const raw = body?.expires_in;
      const seconds = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
      const usable = typeof seconds === 'number' && seconds > 0 && seconds < 1e9;
      const lifetime = usable ? seconds * 1000 : UNKNOWN_LIFETIME_MS;
      log.info?.({
        type: 'token',
        message: `Obtained an access token from ${tokenUrl}${
          usable
            ? ''
            : ` without a usable expires_in (${typeof raw}); treating it as valid for ${UNKNOWN_LIFETIME_MS / 1000} s`
        }`,
        expiresIn: usable ? seconds : undefined,
        durationMs: Date.now() - started,
      });
      cached = {
        token,
        refreshAt: started + lifetime - Math.min(config.tokenRefreshMargin, lifetime / 2),
      };
      secrets = [clientSecret, token, ...secrets.slice(1, 3)];
      return token;
    } catch (error) {
      throw call.failure(error);
    } finally {
      call.end();
    }
  }

  return {
    peek: () => (cached && Date.now() < cached.refreshAt ? cached.token : undefined),
    get(signal) {
      if (!pending) {
        pending = requestToken().finally(() => (pending = undefined));
        // Callers may all stop waiting (their own abort or timeout); that must not leave an unhandled rejection.
        pending.catch(() => undefined);
      }
      return abortable(pending, signal);
    },
    reject(token) {
      if (cached?.token === token) cached = undefined;
      return true;
    },
    secrets: () => secrets,
  };
}
