import { mustBe } from './check-option.js';
import { abortable } from './abortable.js';
import type { TokenSource } from './token-source.js';

/** A fixed token: nothing to refresh, so a 401 is final. */
export function fixedToken(token: string): TokenSource {
  const secrets = [token];
  return {
    peek: () => token,
    get: () => Promise.resolve(token),
    reject: () => false,
    secrets: () => secrets,
  };
}

/** A caller's token function, asked before every request and once more after a 401. */
export function providedToken(provide: () => string | Promise<string>): TokenSource {
  let latest: string[] = [];
  const ask = async (): Promise<string> => {
    const token = await provide();
    if (typeof token !== 'string' || token === '') {
      throw mustBe('auth.accessToken', 'a function returning a non-empty string', token);
    }
    latest = [token];
    return token;
  };
  return {
    peek: () => undefined,
    get: (signal) => abortable(ask(), signal),
    reject: () => true,
    secrets: () => latest,
  };
}
