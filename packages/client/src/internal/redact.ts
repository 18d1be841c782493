// Scrubs credentials out of text that may end up in error messages, log events or `toJSON` output.
// Known secrets (the client secret, live tokens) are replaced wherever they appear, also when a server
// echoed them JSON-escaped (`\/`, `\u0041`) or percent-encoded; patterns catch bearer tokens, JWTs and
// credential-looking `name=value` pairs whoever they belong to.

const REDACTED = '[REDACTED]';

/** `Bearer <anything>` (an Authorization header value copied into some text). */
const BEARER = /\b(bearer\s+)[^\s"',;]+/gi;

/** Anything shaped like a JWT (three base64url parts, the first starting with `eyJ`). */
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;

/** `name=value` pairs (query strings, form bodies) whose name suggests a credential. */
const SENSITIVE_PAIR =
  /((?:^|[?&#\s;,])[^=&#\s]*(?:secret|token|password|passwd|pwd|api[_-]?key|signature|credential|authorization|assertion)[^=&#\s]*=)[^&#\s]*/gi;

/** A JSON string escape: `\uXXXX` or a one-character escape. */
const JSON_ESCAPE = /\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])/g;

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

/**
 * Removes every known secret from `text`, as written or percent-encoded. When the text holds JSON
 * escapes that spell a secret once decoded, the decoded text is returned instead (scrubbed), so that no
 * later `JSON.parse` can bring the secret back. Then applies `redactText`.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = replaceSecrets(text, secrets);
  if (out.includes('\\')) {
    const decoded = out.replace(JSON_ESCAPE, (escape) => JSON.parse(`"${escape}"`) as string);
    const scrubbed = replaceSecrets(decoded, secrets);
    if (scrubbed !== decoded) out = scrubbed;
  }
  return redactText(out);
}

/**
 * A response body with the secrets removed after decoding: JSON is parsed, every string in it (keys
 * too) scrubbed, and serialised again; anything else is scrubbed as text.
 */
export function redactBody(text: string, secrets: readonly string[]): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"')) {
    try {
      return JSON.stringify(redactValue(JSON.parse(text), secrets));
    } catch {
      // Not JSON after all: scrubbed as text below.
    }
  }
  return redactSecrets(text, secrets);
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty, so that a `__proto__` key stays a key instead of replacing the prototype.
    Object.defineProperty(out, redactSecrets(key, secrets), {
      value: redactValue(item, secrets),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function replaceSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of [secret, encodeURIComponent(secret)]) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
  }
  return out;
}
