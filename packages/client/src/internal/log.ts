import type { IscLogEvent, IscLogger } from '../options.js';

/** Emits one event; undefined when the logger has no method for that level (so callers skip the work). */
export type Emit = ((event: IscLogEvent) => void) | undefined;

/** The logger's levels, each either a safe emitter or undefined. */
export interface Log {
  readonly debug: Emit;
  readonly info: Emit;
  readonly warn: Emit;
}

/** Binds the levels the logger has; a logger that throws cannot break a request. */
export function createLog(logger: IscLogger | undefined): Log {
  return { debug: bind(logger, 'debug'), info: bind(logger, 'info'), warn: bind(logger, 'warn') };
}

function bind(logger: IscLogger | undefined, level: 'debug' | 'info' | 'warn'): Emit {
  if (typeof logger?.[level] !== 'function') return undefined;
  return (event) => {
    try {
      // Stryker disable next-line OptionalChaining: a method removed later throws here, and the catch below ignores it
      logger[level]?.(event);
    } catch {
      // A broken logger must not turn a successful call into a failure.
    }
  };
}
