import type { HttpBindings } from '@hono/node-server';
import type { FaultDecision } from '../faults/fault-injector.js';
import type { OperationResult } from '../operations/operation-handler.js';
import type { StatsRecorder } from '../stats/tenant-stats.js';
import { errorBody, rateLimitBody } from './error-bodies.js';
import { resetConnection } from './raw-socket.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits the drawn latency, then carries out a fault decided before the operation runs: resets the
 * connection (returns 'reset'), or returns the 5xx or 429 answer. Returns undefined when the
 * request may proceed.
 */
export async function earlyFault(
  operationId: string,
  decision: FaultDecision,
  env: HttpBindings,
  stats: StatsRecorder,
  trackingId: () => string,
): Promise<OperationResult | 'reset' | undefined> {
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  const early = decision.early;
  if (!early) return undefined;
  switch (early.kind) {
    case 'connectionReset':
      stats.fault(operationId, 'connectionReset');
      resetConnection(env.outgoing);
      return 'reset';
    case 'serverError': {
      stats.fault(operationId, 'serverError');
      const unavailable = early.status === 503;
      const text = unavailable
        ? 'The service is temporarily unavailable (injected fault).'
        : 'An internal fault occurred (injected fault).';
      return { status: early.status, body: errorBody(unavailable ? 503 : 500, trackingId(), text) };
    }
    case 'rateLimited':
      stats.fault(operationId, 'rateLimited');
      return {
        status: 429,
        body: rateLimitBody(),
        headers: { 'Retry-After': String(early.retryAfterSeconds) },
      };
  }
}
