/**
 * True when `hostname` (as `URL.hostname` gives it, IPv4 addresses normalised) names this machine:
 * `localhost`, `*.localhost`, an address in 127.0.0.0/8, or `[::1]`.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^(?:(?:.+\.)?localhost|\[::1\]|127(?:\.\d{1,3}){3})$/.test(hostname);
}
