import type { AbortWatch } from './call-abort.js';

/** Where the transport gets bearer tokens from. */
export interface TokenSource {
  /** A token that is valid right now, without waiting; undefined when one must be fetched. */
  peek(): string | undefined;
  /** A token, fetching one when needed. Concurrent callers share one fetch; `signal` stops only the wait. */
  get(signal: AbortWatch | undefined): Promise<string>;
  /** Reports that the API answered 401 to `token`; true when asking again may give a different token. */
  reject(token: string): boolean;
  /** Strings that must never appear in error bodies, messages or logs (secret, current token). */
  secrets(): readonly string[];
}
