import { operationMetadata, type OperationId } from '@isc-sdk/types';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { handleTokenRequest, type ClientCredentials } from '../auth/token-endpoint.js';
import { TOKEN_OPERATION } from '../mock-tenant-options.js';
import { allOperations } from '../operations/all-operations.js';
import type { ResolvedOptions } from '../resolve-options.js';
import { describeBytes, limitBody } from './body-limit.js';
import { earlyFault } from './early-fault.js';
import { errorBody } from './error-bodies.js';
import {
  alreadySent,
  operationRoute,
  type PipelineServices,
  type TenantEnv,
} from './operation-route.js';

/** The API lives under this prefix, as on a real tenant (`https://{tenant}.api.identitynow.com/v3`). */
export const API_PREFIX = '/v3';

/**
 * Operations ordered so that literal path segments win over parameters at the same position
 * (`/campaigns/reports-configuration` before `/campaigns/{id}`): Hono runs the first matching route.
 */
export function routeOrder(): OperationId[] {
  const ids = Object.keys(operationMetadata) as OperationId[];
  const rank = (path: string) =>
    path
      .split('/')
      .map((segment) => (segment.startsWith('{') ? '1' : '0'))
      .join('');
  return ids.sort((a, b) => {
    const x = rank(operationMetadata[a].path);
    const y = rank(operationMetadata[b].path);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** True for an origin whose host is a loopback name or address. */
function isLoopbackOrigin(origin: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(origin).hostname;
  } catch {
    return false;
  }
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

function corsOrigin(origin: NonNullable<ResolvedOptions['cors']>['origin']) {
  if (origin === 'loopback') return (sent: string) => (isLoopbackOrigin(sent) ? sent : null);
  return typeof origin === 'string' ? origin : [...origin];
}

/** Builds the Hono app: CORS, the body limit, the token endpoint and the 41 operations. */
export function createApp(
  options: ResolvedOptions,
  services: PipelineServices,
  credentials: ClientCredentials,
  tenantId: string,
) {
  const app = new Hono<TenantEnv>();
  if (options.cors) {
    app.use(
      '*',
      cors({
        origin: corsOrigin(options.cors.origin),
        allowHeaders: [...options.cors.allowHeaders],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        exposeHeaders: ['X-Total-Count', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }
  const tooLargeText = `The request body is larger than the limit of ${describeBytes(options.maxBodyBytes)}.`;
  const refused = (operationId: string) => () => {
    services.stats.request(operationId);
    services.stats.response(413);
  };
  const tokenBodyLimit = limitBody(
    options.maxBodyBytes,
    (c) => c.json({ error: 'invalid_request', error_description: tooLargeText }, 413),
    refused(TOKEN_OPERATION),
  );
  app.post('/oauth/token', tokenBodyLimit, async (c) => {
    services.stats.request(TOKEN_OPERATION);
    const decision = services.faults.decide(TOKEN_OPERATION, 'POST');
    const fault = await earlyFault(
      TOKEN_OPERATION,
      decision,
      c.env,
      services.stats,
      services.trackingId,
    );
    if (fault === 'reset') return alreadySent();
    if (fault) {
      services.stats.response(fault.status);
      return c.json(fault.body as object, fault.status as 500, fault.headers ?? {});
    }
    const response = await handleTokenRequest(
      c,
      credentials,
      services.tokens,
      services.stats,
      tenantId,
    );
    services.stats.response(response.status);
    return response;
  });
  for (const operationId of routeOrder()) {
    const { method, path } = operationMetadata[operationId];
    const honoPath = API_PREFIX + path.replace(/\{([^}]+)\}/g, ':$1');
    const apiBodyLimit = limitBody(
      options.maxBodyBytes,
      (c) => c.json(errorBody(413, services.trackingId(), tooLargeText), 413),
      refused(operationId),
    );
    app.on(
      method,
      honoPath,
      apiBodyLimit,
      operationRoute(operationId, allOperations[operationId], services),
    );
  }
  app.notFound((c) => {
    services.stats.response(404);
    const text = `No operation of the mock tenant matches ${c.req.method} ${new URL(c.req.url).pathname}.`;
    return c.json(errorBody(404, services.trackingId(), text), 404);
  });
  app.onError((error, c) => {
    services.stats.response(500);
    return c.json(
      errorBody(
        500,
        services.trackingId(),
        `An internal fault occurred in the mock tenant: ${error.message}`,
      ),
      500,
    );
  });
  return app;
}
