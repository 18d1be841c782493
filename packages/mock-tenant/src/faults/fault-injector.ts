import { createRandom, type Random } from '../core/random.js';
import { TOKEN_OPERATION } from '../mock-tenant-options.js';
import type { ResolvedFaults } from '../resolve-options.js';

/** What happens to one request, decided before its operation runs. */
export interface FaultDecision {
  /** Answer early with this fault instead of running the operation. */
  readonly early:
    | { readonly kind: 'connectionReset' }
    | { readonly kind: 'serverError'; readonly status: number }
    | { readonly kind: 'rateLimited'; readonly retryAfterSeconds: number }
    | undefined;
  /** Cut the response body after the operation ran. */
  readonly truncate: boolean;
  /** Milliseconds to wait before answering. */
  readonly latencyMs: number;
}

const NO_FAULT: FaultDecision = { early: undefined, truncate: false, latencyMs: 0 };

/**
 * Decides faults from a seeded generator. Every request that faults apply to draws the same
 * number of random values whatever the outcome, so the same seed and the same order of requests
 * always give the same faults.
 */
export class FaultInjector {
  private random: Random;

  constructor(private config: ResolvedFaults) {
    this.random = createRandom(config.seed);
  }

  /** Replaces the settings and restarts the generator. */
  configure(config: ResolvedFaults): void {
    this.config = config;
    this.random = createRandom(config.seed);
  }

  /** The current settings. */
  get settings(): ResolvedFaults {
    return this.config;
  }

  /** True when faults and latency apply to the operation. */
  appliesTo(operationId: string): boolean {
    const c = this.config;
    if (operationId === TOKEN_OPERATION) return c.tokenEndpoint;
    if (c.excludeOperations.has(operationId)) return false;
    return c.onlyOperations === undefined || c.onlyOperations.has(operationId);
  }

  /** Decides the fate of one request. */
  decide(operationId: string, method: string): FaultDecision {
    if (!this.appliesTo(operationId)) return NO_FAULT;
    const c = this.config;
    const r = this.random;
    const reset = r.next() < c.connectionResetRate;
    const serverError = r.next() < c.serverErrorRate;
    const status = c.serverErrorStatuses[r.int(c.serverErrorStatuses.length)]!;
    const rateLimited = r.next() < c.rateLimitRate;
    const truncate = r.next() < c.truncatedBodyRate && c.truncateMethods.has(method);
    const latencyMs = c.latency.min + r.next() * (c.latency.max - c.latency.min);
    if (reset) return { early: { kind: 'connectionReset' }, truncate: false, latencyMs };
    if (serverError) return { early: { kind: 'serverError', status }, truncate: false, latencyMs };
    if (rateLimited) {
      return {
        early: { kind: 'rateLimited', retryAfterSeconds: c.retryAfterSeconds },
        truncate: false,
        latencyMs,
      };
    }
    return { early: undefined, truncate, latencyMs };
  }
}
