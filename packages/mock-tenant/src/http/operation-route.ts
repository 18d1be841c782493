// The request pipeline every operation goes through, in this order (a body above the size limit
// is refused with 413 before it, see body-limit.ts):
//   1. count the request            6. settle due background work
//   2. decide faults (seeded)       7. validate path, query and body against the spec (Ajv)
//   3. latency, then early faults   8. parse filters/sorters (@isc-sdk/filters), run the operation
//      (reset, 5xx, 429): the       9. optionally check the response against the spec
//      operation never runs        10. send, or send a truncated body when that fault was drawn
//   4. check the bearer token (401)
//   5. the gateway rate limit per client ID (429 with Retry-After)
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { OperationId } from '@isc-sdk/types';
import type { Context } from 'hono';
import type { TokenStore } from '../auth/token-store.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type {
  OperationResult,
  OperationServices,
  OperationHandler,
} from '../operations/operation-handler.js';
import type { StatsRecorder } from '../stats/tenant-stats.js';
import { operationSpecs } from '../validation/openapi-document.js';
import { ApiProblem, badRequest, type ProblemStatus } from './api-problem.js';
import { errorBody, rateLimitBody, unauthorizedBody } from './error-bodies.js';
import { earlyFault } from './early-fault.js';
import { sendTruncated } from './raw-socket.js';
import { readCollectionQuery } from './read-collection-query.js';
import type { RateLimiter } from './rate-limiter.js';
import { readRequestBody } from './read-request-body.js';

/** Everything the pipeline needs besides the operation itself. */
export interface PipelineServices extends OperationServices {
  readonly tokens: TokenStore;
  readonly faults: FaultInjector;
  readonly stats: StatsRecorder;
  readonly trackingId: () => string;
  readonly validateResponses: boolean;
  /** The gateway rate limit, when it is on. */
  readonly limiter: RateLimiter | undefined;
}

/** The Hono environment of the tenant's app. */
export type TenantEnv = { Bindings: HttpBindings };

/** A fresh "already sent" marker (the adapter's shared one must not collect per-request headers). */
export function alreadySent(): Response {
  return new Response(null, { headers: RESPONSE_ALREADY_SENT.headers });
}

function problemResult(
  services: PipelineServices,
  status: ProblemStatus,
  text: string,
  causes?: readonly string[],
) {
  return { status, body: errorBody(status, services.trackingId(), text, causes) };
}

async function validatedRequest(
  c: Context<TenantEnv>,
  operationId: OperationId,
  services: PipelineServices,
) {
  const spec = operationSpecs().get(operationId)!;
  const path: Record<string, string> = { ...c.req.param() };
  const checkedPath = services.validators.parameters(operationId, 'path', path);
  if (!checkedPath.ok) throw badRequest(checkedPath.messages[0]!, checkedPath.messages.slice(1));
  const query: Record<string, unknown> = { ...c.req.query() };
  const checkedQuery = services.validators.parameters(operationId, 'query', query);
  if (!checkedQuery.ok) throw badRequest(checkedQuery.messages[0]!, checkedQuery.messages.slice(1));
  let body: unknown;
  if (spec.requestBody) {
    const accepted = [...spec.requestBody.content.keys()];
    const parsed = await readRequestBody(
      c,
      accepted.includes('application/json') ? accepted : [...accepted, 'application/json'],
    );
    if (parsed === undefined) {
      if (spec.requestBody.required) throw badRequest('This operation needs a JSON request body.');
    } else {
      const mediaType = spec.requestBody.content.has(parsed.mediaType)
        ? parsed.mediaType
        : accepted[0]!;
      const checked = services.validators.requestBody(operationId, mediaType, parsed.value);
      if (!checked.ok) throw badRequest(checked.messages[0]!, checked.messages.slice(1));
      body = parsed.value;
    }
  }
  return {
    operationId,
    path,
    query,
    body,
    collection: readCollectionQuery(operationId, query),
    accept: (c.req.header('accept') ?? '').toLowerCase(),
  };
}

function checkResponse(
  services: PipelineServices,
  operationId: OperationId,
  result: OperationResult,
): OperationResult {
  if (!services.validateResponses || typeof result.body === 'string') return result;
  const checked = services.validators.response(operationId, result.status, result.body);
  if (checked.ok) return result;
  return problemResult(
    services,
    500,
    `The mock tenant produced a response that breaks the spec (${operationId} ${result.status}).`,
    checked.messages,
  );
}

function serialise(
  c: Context<TenantEnv>,
  result: OperationResult,
): { response: Response; bytes: Uint8Array | undefined } {
  if (result.body === undefined) {
    return { response: c.body(null, result.status as 200, result.headers ?? {}), bytes: undefined };
  }
  const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
  const bytes = new TextEncoder().encode(text);
  const contentType = result.contentType ?? 'application/json';
  const headers = { 'Content-Type': `${contentType}; charset=UTF-8`, ...result.headers };
  return { response: c.body(bytes, result.status as 200, headers), bytes };
}

/** Creates the Hono handler of one operation. */
export function operationRoute(
  operationId: OperationId,
  handler: OperationHandler,
  services: PipelineServices,
) {
  return async (c: Context<TenantEnv>): Promise<Response> => {
    services.stats.request(operationId);
    const decision = services.faults.decide(operationId, c.req.method);
    const fault = await earlyFault(
      operationId,
      decision,
      c.env,
      services.stats,
      services.trackingId,
    );
    if (fault === 'reset') return alreadySent();
    let result: OperationResult;
    // Whether the request got past the gateway (token and rate limit) to the operation: only then
    // may a drawn truncation cut the answer, which tells the client "it ran, you saw a broken body".
    let reachedOperation = false;
    if (fault) {
      result = fault;
    } else {
      const verdict = services.tokens.verify(c.req.header('authorization'));
      const retryAfter = verdict.ok ? services.limiter?.admit(verdict.clientId) : undefined;
      if (!verdict.ok) {
        services.stats.unauthorized += 1;
        result = { status: 401, body: unauthorizedBody(verdict.error) };
      } else if (retryAfter !== undefined) {
        services.stats.rateLimitHits += 1;
        result = {
          status: 429,
          body: rateLimitBody(),
          headers: { 'Retry-After': String(retryAfter) },
        };
      } else {
        reachedOperation = true;
        try {
          services.state.background.settle();
          const request = await validatedRequest(c, operationId, services);
          result = checkResponse(services, operationId, await handler(request, services));
        } catch (error) {
          if (error instanceof ApiProblem)
            result = problemResult(services, error.status, error.message, error.causes);
          else {
            const reason = error instanceof Error ? error.message : String(error);
            result = problemResult(
              services,
              500,
              `An internal fault occurred in the mock tenant: ${reason}`,
            );
          }
        }
      }
    }
    services.stats.response(result.status);
    const { response, bytes } = serialise(c, result);
    if (decision.truncate && reachedOperation && bytes !== undefined && bytes.byteLength > 1) {
      services.stats.fault(operationId, 'truncatedBody');
      sendTruncated(c.env.outgoing, response, bytes);
      return alreadySent();
    }
    return response;
  };
}
