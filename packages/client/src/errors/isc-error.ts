// The base of every error the client throws, and the brand that recognises them across copies of the
// package: `Symbol.for` returns the same symbol in every copy that is loaded (two versions in
// node_modules, or an ESM and a CJS copy), where `instanceof` would answer no.

import { redactText } from '../internal/redact.js';

/** The registered symbol that marks every isc-sdk error. */
const BRAND = Symbol.for('isc-sdk.error');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Inspect = (value: unknown, options?: unknown) => string;

/**
 * The base class of every error the client throws. Messages, `toJSON()` and Node's `util.inspect` output
 * never contain client secrets, access tokens or Authorization headers; the original `cause` is kept as a
 * non-enumerable property and summarised (redacted) when serialised.
 */
export class IscError extends Error {
  override readonly name: string = 'IscError';

  constructor(message: string, cause?: unknown) {
    super(message);
    if (cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: cause, writable: true, configurable: true });
    }
  }

  /** The brand that the `isIscError`-style guards check. */
  get [BRAND](): true {
    return true;
  }

  /** A plain, secret-free view of the error: name, message, public fields and a summary of the cause. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of Object.keys(this))
      out[key] = (this as unknown as Record<string, unknown>)[key];
    if (this.cause !== undefined) out['cause'] = summariseCause(this.cause, 3);
    return out;
  }

  /** Node's `util.inspect` hook: the stack followed by the same fields as `toJSON()`. */
  [INSPECT](_depth: number, options: unknown, inspect?: Inspect): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const head = this.stack ?? `${this.name}: ${this.message}`;
    if (Object.keys(fields).length === 0) return head;
    return `${head} ${inspect ? inspect(fields, options) : JSON.stringify(fields)}`;
  }
}

/** A redacted summary of an arbitrary cause chain (name, code and message only). */
function summariseCause(cause: unknown, depth: number): unknown {
  if (hasErrorBrand(cause)) return (cause as IscError).toJSON();
  if (typeof cause !== 'object' || cause === null) return redactText(String(cause));
  const { name, message, code } = cause as { name?: unknown; message?: unknown; code?: unknown };
  const out: Record<string, unknown> = { name: String(name), message: redactText(String(message)) };
  if (typeof code === 'string' || typeof code === 'number') out['code'] = code;
  const inner = (cause as { cause?: unknown }).cause;
  if (inner !== undefined && depth > 1) out['cause'] = summariseCause(inner, depth - 1);
  return out;
}

/** True when `value` is an isc-sdk error (from any copy of the package) whose `name` is in `names`. */
export function hasErrorBrand(value: unknown, names?: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [BRAND]?: unknown })[BRAND] !== true) return false;
  return names === undefined || names.includes((value as { name?: unknown }).name as string);
}

/** True when `value` is any error thrown by isc-sdk (from this or another copy of the package). */
export function isIscError(value: unknown): value is IscError {
  return hasErrorBrand(value);
}
