import type { CreationCounters } from '../domain/tenant-state.js';

/** Counts of injected faults, by kind. */
export interface FaultCounts {
  serverError: number;
  rateLimited: number;
  connectionReset: number;
  truncatedBody: number;
}

/** A snapshot of what the tenant did since it started (or since `resetStats`). */
export interface TenantStats extends CreationCounters {
  /** Access tokens issued by `POST /oauth/token`. */
  tokensIssued: number;
  /** Requests received per operationId (`oauthToken` for the token endpoint), faulted ones included. */
  requests: Record<string, number>;
  /** Responses sent per status code; resets are not responses and are not counted here. */
  responses: Record<string, number>;
  /** Faults injected, by kind. */
  faults: FaultCounts;
  /**
   * Faults injected per operationId (`oauthToken` for the token endpoint), for operations that got
   * any. A soak test uses it to tell, e.g., how many createCampaign calls took effect although the
   * client saw a cut-off body.
   */
  faultsByOperation: Record<string, FaultCounts>;
  /** Requests answered 401 because the token was missing, unknown or expired. */
  unauthorized: number;
  /**
   * Requests answered 429 by the gateway rate limit (the `rateLimit` option); randomly injected
   * 429s are counted in `faults.rateLimited` instead.
   */
  rateLimitHits: number;
}

function noFaults(): FaultCounts {
  return { serverError: 0, rateLimited: 0, connectionReset: 0, truncatedBody: 0 };
}

/** Mutable counters behind {@link TenantStats}. */
export class StatsRecorder {
  tokensIssued = 0;
  unauthorized = 0;
  rateLimitHits = 0;
  requests: Record<string, number> = {};
  responses: Record<string, number> = {};
  faults: FaultCounts = noFaults();
  faultsByOperation: Record<string, FaultCounts> = {};

  request(operationId: string): void {
    this.requests[operationId] = (this.requests[operationId] ?? 0) + 1;
  }

  response(status: number): void {
    this.responses[status] = (this.responses[status] ?? 0) + 1;
  }

  fault(operationId: string, kind: keyof FaultCounts): void {
    this.faults[kind] += 1;
    const counts = (this.faultsByOperation[operationId] ??= noFaults());
    counts[kind] += 1;
  }

  /** Clears the request, response and fault counters. */
  reset(): void {
    this.tokensIssued = 0;
    this.unauthorized = 0;
    this.rateLimitHits = 0;
    this.requests = {};
    this.responses = {};
    this.faults = noFaults();
    this.faultsByOperation = {};
  }

  /** A deep copy merged with the creation counters. */
  snapshot(counters: CreationCounters): TenantStats {
    return {
      ...counters,
      tokensIssued: this.tokensIssued,
      unauthorized: this.unauthorized,
      rateLimitHits: this.rateLimitHits,
      requests: { ...this.requests },
      responses: { ...this.responses },
      faults: { ...this.faults },
      faultsByOperation: Object.fromEntries(
        Object.entries(this.faultsByOperation).map(([operationId, counts]) => [
          operationId,
          { ...counts },
        ]),
      ),
    };
  }
}
