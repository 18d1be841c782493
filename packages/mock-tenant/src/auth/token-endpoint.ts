import type { Context } from 'hono';
import type { StatsRecorder } from '../stats/tenant-stats.js';
import type { TokenStore } from './token-store.js';
import { isUtf8, readMediaType } from '../http/media-type.js';

/** The body types the token endpoint reads (OAuth 2.0 prescribes the first). */
const BODY_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'];

/** The credentials the tenant accepts. */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The token request's parameters, or why they cannot be read (a 400 `invalid_request`). */
type ReadParameters =
  | { readonly ok: true; readonly parameters: URLSearchParams }
  | { readonly ok: false; readonly problem: string };

const refuse = (problem: string): ReadParameters => ({ ok: false, problem });

/** Sets the string fields of a JSON or multipart body; anything else is named, never dropped. */
function setFields(
  parameters: URLSearchParams,
  entries: Iterable<[string, unknown]>,
  kind: string,
): string | undefined {
  for (const [key, value] of entries) {
    if (typeof value !== 'string') return `The ${kind} field '${key}' must be a string.`;
    parameters.set(key, value);
  }
  return undefined;
}

async function readBody(c: Context, parameters: URLSearchParams): Promise<string | undefined> {
  const header = c.req.header('content-type');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) return undefined;
  const media = readMediaType(header ?? '');
  if (header === undefined || !media.ok) {
    return `A token request body needs a Content-Type of ${BODY_TYPES.join(', ')}.`;
  }
  if (!isUtf8(media.charset))
    return `The token request body must be UTF-8; got charset ${media.charset}.`;
  switch (media.type) {
    case 'application/x-www-form-urlencoded':
      for (const [key, value] of new URLSearchParams(new TextDecoder().decode(bytes)))
        parameters.set(key, value);
      return undefined;
    case 'multipart/form-data': {
      let form: FormData;
      try {
        form = await new Response(bytes, { headers: { 'Content-Type': header } }).formData();
      } catch {
        return 'The multipart/form-data body cannot be read (a missing or wrong boundary, or a cut-off part).';
      }
      return setFields(parameters, form.entries(), 'form');
    }
    case 'application/json': {
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        return 'The token request body is not valid JSON.';
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return 'A JSON token request body must be an object of string fields.';
      return setFields(parameters, Object.entries(body), 'JSON');
    }
    default:
      return `A token request body must be ${BODY_TYPES.join(', ')}; got Content-Type ${media.type}.`;
  }
}

/** Form-decodes one half of HTTP Basic credentials (RFC 6749 §2.3.1): `+` is a space. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

async function readParameters(c: Context): Promise<ReadParameters> {
  const parameters = new URLSearchParams(new URL(c.req.url).search);
  const bodyProblem = await readBody(c, parameters);
  if (bodyProblem !== undefined) return refuse(bodyProblem);
  const basic = /^Basic\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  if (basic) {
    // The secret may hold colons; the client ID may not (RFC 7617).
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return refuse('HTTP Basic credentials must be client_id:client_secret.');
    const id = formDecode(decoded.slice(0, colon));
    const secret = formDecode(decoded.slice(colon + 1));
    if (id === undefined || secret === undefined) {
      return refuse(
        'HTTP Basic credentials must be form-encoded (RFC 6749 section 2.3.1); a % escape in them is broken.',
      );
    }
    if (!parameters.has('client_id')) parameters.set('client_id', id);
    if (!parameters.has('client_secret')) parameters.set('client_secret', secret);
  }
  return { ok: true, parameters };
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
  const read = await readParameters(c);
  if (!read.ok) {
    return c.json({ error: 'invalid_request', error_description: read.problem }, 400);
  }
  const { parameters } = read;
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
