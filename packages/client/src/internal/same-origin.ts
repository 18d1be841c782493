/**
 * True when the absolute, normalised `url` (as `Request.url` or `URL.href` gives it) belongs to `origin`.
 * A plain prefix test is not enough: `https://acme.example.com.evil.test` starts with
 * `https://acme.example.com`, so the next character must end the authority.
 */
export function isSameOrigin(url: string, origin: string): boolean {
  if (!url.startsWith(origin)) return false;
  if (url.length === origin.length) return true;
  const next = url.charCodeAt(origin.length);
  return next === 47 /* / */ || next === 63 /* ? */ || next === 35; /* # */
}
