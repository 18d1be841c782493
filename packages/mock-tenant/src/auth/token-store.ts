import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';

/** Why a bearer token was refused; the text goes into the 401 body's `error`. */
export type TokenVerdict =
  { readonly ok: true; readonly clientId: string } | { readonly ok: false; readonly error: string };

/** What the token endpoint hands out. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly jti: string;
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * Issues JWT-shaped access tokens (HS256 with a per-tenant random key, `exp` set from the tenant
 * clock) and remembers them, so a token is valid only if this tenant issued it and it has not
 * expired.
 */
export class TokenStore {
  private readonly key = randomBytes(32);
  private readonly expiries = new Map<string, { clientId: string; expiresAt: number }>();
  private issued = 0;

  constructor(
    private readonly clock: Clock,
    public lifetimeSeconds: number,
    private readonly claims: {
      readonly tenant: string;
      readonly identityId: string;
      readonly identityName: string;
    },
  ) {}

  /** Issues a token for a client. */
  issue(clientId: string): IssuedToken {
    const now = this.clock();
    this.prune(now);
    this.issued += 1;
    const jti = `${this.issued.toString(16).padStart(8, '0')}${randomBytes(12).toString('hex')}`;
    const expiresAt = now + this.lifetimeSeconds * 1000;
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({
        tenant_id: this.claims.tenant,
        pod: 'mock-pod',
        org: 'mock',
        identity_id: this.claims.identityId,
        user_name: this.claims.identityName,
        authorities: ['ORG_ADMIN'],
        client_id: clientId,
        scope: ['sp:scopes:all'],
        iat: Math.floor(now / 1000),
        exp: Math.floor(expiresAt / 1000),
        jti,
      }),
    );
    const signature = createHmac('sha256', this.key)
      .update(`${header}.${payload}`)
      .digest('base64url');
    const accessToken = `${header}.${payload}.${signature}`;
    this.expiries.set(accessToken, { clientId, expiresAt });
    return { accessToken, expiresIn: this.lifetimeSeconds, jti };
  }

  /** Checks an `Authorization` header value. */
  verify(header: string | undefined): TokenVerdict {
    if (!header)
      return {
        ok: false,
        error: 'JWT validation failed: no Authorization header with a bearer token',
      };
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match)
      return {
        ok: false,
        error: 'JWT validation failed: the Authorization header is not a bearer token',
      };
    const entry = this.expiries.get(match[1]!);
    if (!entry) return { ok: false, error: 'JWT validation failed: JWT is not valid' };
    if (this.clock() >= entry.expiresAt)
      return { ok: false, error: 'JWT validation failed: JWT is expired' };
    return { ok: true, clientId: entry.clientId };
  }

  /** Makes every issued token expired at once. */
  expireAll(): void {
    for (const entry of this.expiries.values()) entry.expiresAt = Number.NEGATIVE_INFINITY;
  }

  private prune(now: number): void {
    // Keep the map small in long runs with short-lived tokens.
    if (this.expiries.size < 1024) return;
    for (const [token, entry] of this.expiries)
      if (entry.expiresAt + 60_000 < now) this.expiries.delete(token);
  }
}
