// OAuth2 client credentials against `{origin}/oauth/token`. The token is cached until a margin before
// `expires_in`; all callers that need a token while one is being fetched share that single request.

import { IscAuthError } from '../errors/isc-auth-error.js';
import { abortable } from './abortable.js';
import { apiErrorFromResponse } from './api-error-from-response.js';
import { ActiveCall } from './call-context.js';
import { decodeText } from './decode-text.js';
import type { Log } from './log.js';
import type { RetryPolicy } from './retry-policy.js';
import type { TokenSource } from './token-source.js';
import type { Exchange } from './transport.js';

/** What the token source needs from the client. */
export interface ClientCredentialsSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenUrl: string;
  /** Milliseconds before expiry at which the token is replaced (capped at half its lifetime). */
  readonly refreshMargin: number;
  /** Total time for one token request, in milliseconds (0: none). */
  readonly timeout: number;
  /** Whether a timeout aborts the connection itself (see `Platform`). */
  readonly abortsFetchOnTimeout: boolean;
  readonly retry: RetryPolicy | undefined;
  readonly log: Log;
  /** Headers sent with every request (User-Agent, Accept, the caller's own). */
  readonly headers: Readonly<Record<string, string>>;
  /** Sends a request through the retrying transport (called without a token source). */
  readonly exchange: Exchange;
}

interface CachedToken {
  readonly token: string;
  /** Epoch milliseconds after which the token is no longer handed out. */
  readonly refreshAt: number;
}

/** A token source that exchanges client credentials for access tokens. */
export function clientCredentialsToken(settings: ClientCredentialsSettings): TokenSource {
  let cached: CachedToken | undefined;
  let pending: Promise<string> | undefined;
  // The secret and the latest tokens (a replaced one may still be echoed by a late error body).
  let secrets: readonly string[] = [settings.clientSecret];

  const refresh = (): Promise<string> => {
    if (pending === undefined) {
      pending = requestToken(settings).then(
        (fresh) => {
          cached = fresh;
          secrets = [settings.clientSecret, fresh.token, ...secrets.slice(1, 3)];
          pending = undefined;
          return fresh.token;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      // Callers may all stop waiting (their own abort or timeout); that must not leave an unhandled rejection.
      pending.catch(() => undefined);
    }
    return pending;
  };

  return {
    peek: () => (cached !== undefined && Date.now() < cached.refreshAt ? cached.token : undefined),
    get: (signal) => abortable(refresh(), signal),
    reject(token) {
      if (cached?.token === token) cached = undefined;
      return true;
    },
    secrets: () => secrets,
  };
}

async function requestToken(settings: ClientCredentialsSettings): Promise<CachedToken> {
  const { tokenUrl, timeout } = settings;
  const started = Date.now();
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
  });
  const headers: Record<string, string> = {
    ...settings.headers,
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const call = new ActiveCall({
    method: 'POST',
    url: tokenUrl,
    timeout,
    retry: settings.retry,
    // Asking for a token changes nothing on the server: safe to retry like a GET.
    idempotent: true,
    signal: undefined,
    readsBody: true,
    expectsJson: false,
    abortsFetchOnTimeout: settings.abortsFetchOnTimeout,
  });
  try {
    const { response, bytes } = await settings.exchange(
      {
        url: tokenUrl,
        // Never follow a redirect with the client secret in the body.
        redirect: 'error',
        replayable: true,
        init: { method: 'POST', headers, body: form.toString() },
      },
      call,
    );
    const text = bytes === undefined ? await response.text() : decodeText(bytes);
    if (!response.ok) throw apiErrorFromResponse(response, text, 'token-endpoint');
    const token = readTokenResponse(text);
    if (typeof token === 'string') {
      throw new IscAuthError(
        {
          status: response.status,
          statusText: response.statusText,
          method: 'POST',
          url: tokenUrl,
          messages: [token],
          response,
        },
        'token-endpoint',
      );
    }
    const lifetime = token.expiresIn === undefined ? undefined : token.expiresIn * 1000;
    settings.log.info?.({
      type: 'token',
      message: `Obtained an access token from ${tokenUrl}`,
      expiresIn: token.expiresIn,
      durationMs: Date.now() - started,
    });
    return {
      token: token.accessToken,
      refreshAt:
        lifetime === undefined
          ? Infinity
          : started + lifetime - Math.min(settings.refreshMargin, lifetime / 2),
    };
  } catch (error) {
    throw call.failure(error);
  } finally {
    call.end();
  }
}

/** The token and its lifetime, or a sentence saying what is wrong with the response. */
function readTokenResponse(text: string): { accessToken: string; expiresIn?: number } | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the token endpoint answered with something that is not JSON';
  }
  const { access_token: accessToken, expires_in: expiresIn } = (body ?? {}) as {
    access_token?: unknown;
    expires_in?: unknown;
  };
  if (typeof accessToken !== 'string' || accessToken === '' || /\s/.test(accessToken)) {
    return 'the token endpoint answered without a usable access_token';
  }
  const seconds = Number(expiresIn);
  return expiresIn !== undefined && Number.isFinite(seconds) && seconds > 0
    ? { accessToken, expiresIn: seconds }
    : { accessToken };
}
