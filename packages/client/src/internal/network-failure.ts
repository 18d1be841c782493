// Reads what a rejected fetch says about itself. Node's undici rejects with `TypeError: fetch failed`
// whose `cause` (sometimes an AggregateError, for happy-eyeballs connects) carries a system error `code`.
// Browsers give only `TypeError: Failed to fetch`, which proves nothing.

/** Codes meaning that no connection carried the request, so even a POST can safely be sent again. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** What a transport failure tells us (nothing, in browsers). */
export interface NetworkFailure {
  /** The first error code in the cause chain, if any. */
  readonly code?: string | undefined;
  /** True when every code found says the request never left (connection refused, DNS failure). */
  readonly notSent?: boolean;
  /** True for failures that a retry cannot fix (certificate and TLS configuration errors). */
  readonly permanent?: boolean;
}

/** Collects the error codes in `error`'s cause chain (and in AggregateError members). */
export function inspectNetworkFailure(error: unknown): NetworkFailure {
  const codes: string[] = [];
  collectCodes(error, codes, 0);
  return {
    code: codes[0],
    notSent: codes.length > 0 && codes.every((code) => NOT_SENT_CODES.has(code)),
    permanent: codes.some((code) => code.includes('CERT') || code.startsWith('ERR_TLS')),
  };
}

function collectCodes(error: unknown, codes: string[], depth: number): void {
  if (typeof error !== 'object' || error === null || depth > 5) return;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') codes.push(code);
  if (Array.isArray(errors)) for (const inner of errors) collectCodes(inner, codes, depth + 1);
  collectCodes(cause, codes, depth + 1);
}

/**
 * One sentence about a rejected fetch: undici's outer `fetch failed` says nothing, so the innermost
 * cause's message is used (e.g. `connect ECONNREFUSED 127.0.0.1:9`), with the outer one as a fallback.
 */
export function describeNetworkFailure(error: unknown): string {
  let message = messageOf(error) ?? 'the request failed without a response';
  let cause = (error as { cause?: unknown } | null | undefined)?.cause;
  for (let depth = 0; cause !== undefined && cause !== null && depth < 5; depth++) {
    message = messageOf(cause) ?? message;
    cause = (cause as { cause?: unknown }).cause;
  }
  return message;
}

function messageOf(error: unknown): string | undefined {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}
