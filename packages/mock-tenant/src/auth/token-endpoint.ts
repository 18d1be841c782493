import type { Context } from 'hono';
import type { StatsRecorder } from '../stats/tenant-stats.js';
import type { TokenStore } from './token-store.js';

/** The credentials the tenant accepts. */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

async function readParameters(c: Context): Promise<URLSearchParams> {
  const parameters = new URLSearchParams(new URL(c.req.url).search);
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(await c.req.text())) parameters.set(key, value);
  } else if (type.includes('multipart/form-data')) {
    const form = await c.req.formData();
    for (const [key, value] of form) if (typeof value === 'string') parameters.set(key, value);
  } else if (type.includes('application/json')) {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    for (const [key, value] of Object.entries(body))
      if (typeof value === 'string') parameters.set(key, value);
  }
  const basic = /^Basic\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    if (id !== undefined && !parameters.has('client_id'))
      parameters.set('client_id', decodeURIComponent(id));
    if (secret !== undefined && !parameters.has('client_secret')) {
      parameters.set('client_secret', decodeURIComponent(secret));
    }
  }
  return parameters;
}

/**
 * `POST /oauth/token` with the client-credentials grant. Parameters may come as a form body, as
 * query parameters (like the real tenant accepts) or through HTTP Basic authentication.
 */
export async function handleTokenRequest(
  c: Context,
  credentials: ClientCredentials,
  tokens: TokenStore,
  stats: StatsRecorder,
  tenantId: string,
): Promise<Response> {
  const parameters = await readParameters(c);
  const grant = parameters.get('grant_type');
  if (grant !== 'client_credentials') {
    return c.json(
      {
        error: 'unsupported_grant_type',
        error_description: `The mock tenant supports only grant_type=client_credentials, got ${grant ?? 'none'}.`,
      },
      400,
    );
  }
  if (
    parameters.get('client_id') !== credentials.clientId ||
    parameters.get('client_secret') !== credentials.clientSecret
  ) {
    return c.json({ error: 'invalid_client', error_description: 'Bad credentials' }, 401);
  }
  const token = tokens.issue(credentials.clientId);
  stats.tokensIssued += 1;
  return c.json(
    {
      access_token: token.accessToken,
      token_type: 'bearer',
      expires_in: token.expiresIn,
      scope: 'sp:scopes:all',
      tenant_id: tenantId,
      pod: 'mock-pod',
      org: 'mock',
      internal: true,
      strong_auth: true,
      claims_supported: false,
      jti: token.jti,
    },
    200,
    { 'Cache-Control': 'no-store' },
  );
}
