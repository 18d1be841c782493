// OAuth2 client credentials against `{origin}/oauth/token`. The token is cached until a margin before
// `expires_in`; all callers that need a token while one is being fetched share that single request.

import { IscAuthError } from '../errors/isc-auth-error.js';
import { abortable } from './abortable.js';
import { apiErrorFromResponse } from './api-error-from-response.js';
import { ActiveCall } from './call-context.js';
import { decodeText } from './decode-text.js';
import type { Log } from './log.js';
import type { ResolvedAuth } from './resolve-auth.js';
import type { ClientConfig } from './resolve-options.js';
import type { TokenSource } from './token-source.js';
import type { Exchange } from './transport.js';

type Credentials = Extract<ResolvedAuth, { kind: 'client-credentials' }>;

interface CachedToken {
  readonly token: string;
  /** Epoch milliseconds after which the token is no longer handed out. */
  readonly refreshAt: number;
}

/** A token source that exchanges client credentials for access tokens (sent through `exchange`). */
export function clientCredentialsToken(
  auth: Credentials,
  config: ClientConfig,
  log: Log,
  exchange: Exchange,
): TokenSource {
  let cached: CachedToken | undefined;
  let pending: Promise<string> | undefined;
  // The secret and the latest tokens (a replaced one may still be echoed by a late error body).
  let secrets: readonly string[] = [auth.clientSecret];

  async function requestToken(): Promise<string> {
    const { tokenUrl } = auth;
    const started = Date.now();
    const call = new ActiveCall({
      method: 'POST',
      url: tokenUrl,
      timeout: config.timeout,
      retry: config.retry,
      // Asking for a token changes nothing on the server: safe to retry like a GET.
      idempotent: true,
      signal: undefined,
      readsBody: true,
      expectsJson: false,
      abortsFetchOnTimeout: config.platform.abortsFetchOnTimeout,
    });
    try {
      const { response, bytes } = await exchange(
        {
          url: tokenUrl,
          // Never follow a redirect with the client secret in the body.
          redirect: 'error',
          replayable: true,
          init: {
            method: 'POST',
            headers: {
              ...config.headers,
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
            },
            body: new URLSearchParams({
              grant_type: 'client_credentials',
              client_id: auth.clientId,
              client_secret: auth.clientSecret,
            }).toString(),
          },
        },
        call,
      );
      const text = bytes ? decodeText(bytes) : await response.text();
      if (!response.ok) throw apiErrorFromResponse(response, text, 'token-endpoint');
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
      const seconds = Number(body?.expires_in);
      const expiresIn = seconds > 0 && seconds < Infinity ? seconds : undefined;
      log.info?.({
        type: 'token',
        message: `Obtained an access token from ${tokenUrl}`,
        expiresIn,
        durationMs: Date.now() - started,
      });
      const lifetime = (expiresIn ?? Infinity) * 1000;
      cached = {
        token,
        refreshAt: started + lifetime - Math.min(config.tokenRefreshMargin, lifetime / 2),
      };
      secrets = [auth.clientSecret, token, ...secrets.slice(1, 3)];
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
