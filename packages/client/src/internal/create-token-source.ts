import { clientCredentialsToken } from './client-credentials-token.js';
import type { Log } from './log.js';
import { fixedToken, providedToken } from './provided-token.js';
import type { ClientConfig } from './resolve-options.js';
import type { TokenSource } from './token-source.js';
import type { Exchange } from './transport.js';

/** The token source for the configured kind of auth. */
export function createTokenSource(config: ClientConfig, log: Log, exchange: Exchange): TokenSource {
  const { auth } = config;
  if (auth.kind === 'static-token') return fixedToken(auth.token);
  if (auth.kind === 'token-provider') return providedToken(auth.provide);
  return clientCredentialsToken(auth, config, log, exchange);
}
