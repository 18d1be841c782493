/**
 * True when `hostname` (as `URL.hostname` gives it) names this machine: `localhost`, `*.localhost`,
 * an address in 127.0.0.0/8, or `[::1]`.
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]')
    return true;
  if (!hostname.startsWith('127.')) return false;
  const parts = hostname.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}
