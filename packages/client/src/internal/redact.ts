// Scrubs credentials out of text that may end up in error messages, log events or `toJSON` output.
// The patterns are compiled once, at module load, never per call.

const REDACTED = '[REDACTED]';

/** `Bearer <anything>` (an Authorization header value copied into some text). */
const BEARER = /\b(bearer\s+)[^\s"',;]+/gi;

/** Anything shaped like a JWT (three base64url parts, the first starting with `eyJ`). */
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;

/** `name=value` pairs (query strings, form bodies) whose name suggests a credential. */
const SENSITIVE_PAIR =
  /((?:^|[?&#\s;,])[^=&#\s]*(?:secret|token|password|passwd|pwd|api[_-]?key|signature|credential|authorization|assertion)[^=&#\s]*=)[^&#\s]*/gi;

/** Replaces bearer tokens, JWTs and credential-looking `name=value` pairs in `text`. */
export function redactText(text: string): string {
  return text
    .replace(BEARER, `$1${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SENSITIVE_PAIR, `$1${REDACTED}`);
}

/** A URL for display: user info removed and credential-looking query parameters redacted. */
export function redactUrl(url: string): string {
  const at = url.indexOf('@');
  let out = url;
  if (at !== -1) {
    const scheme = url.indexOf('://');
    const slash = url.indexOf('/', scheme + 3);
    if (scheme !== -1 && at > scheme && (slash === -1 || at < slash)) {
      out = url.slice(0, scheme + 3) + url.slice(at + 1);
    }
  }
  return out.includes('?') || out.includes('#') ? redactText(out) : out;
}

/** Replaces every occurrence of each known secret (a client secret, a live token) in `text`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return redactText(out);
}
