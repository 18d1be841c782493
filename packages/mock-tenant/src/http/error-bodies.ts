import type { Readable, components } from '@isc-sdk/types';
import { createIdFactory } from '../core/id-factory.js';
import { DETAIL_CODES, type ProblemStatus } from './api-problem.js';

type Schemas = components['schemas'];

/** The ErrorResponseDto as the tenant sends it. */
export type ErrorBody = Readable<Schemas['ErrorResponseDto']>;

function message(text: string): Readable<Schemas['ErrorMessageDto']> {
  return { locale: 'en-US', localeOrigin: 'DEFAULT', text };
}

/** Builds an ErrorResponseDto with one message and optional causes. */
export function errorBody(
  status: ProblemStatus,
  trackingId: string,
  text: string,
  causes: readonly string[] = [],
): ErrorBody {
  return {
    detailCode: DETAIL_CODES[status],
    trackingId,
    messages: [message(text)],
    causes: causes.map(message),
  };
}

/** The body of a 401: `{ error }`, as the gateway sends it. */
export function unauthorizedBody(error: string): Readable<Schemas['UnauthorizedError']> {
  return { error };
}

/** The body of a 429: `{ message }`, with the spacing of the spec's example. */
export function rateLimitBody(): Readable<Schemas['RateLimitError']> {
  return { message: ' Rate Limit Exceeded ' };
}

/** Hands out tracking IDs: 32 hex digits from their own seeded stream, so runs are reproducible. */
export function createTrackingIds(seed: number): () => string {
  const ids = createIdFactory(seed, 4);
  return () => ids.next();
}
