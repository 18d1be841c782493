// The one file that decides how tests talk to the tenant: @isc-sdk/client's createIscClient, the
// SDK's public client, authenticating with the tenant's client credentials. Retries are off so a
// test sees exactly what the tenant answered; tests that need raw HTTP (token endpoint, faults)
// use `fetch` with `fetchToken`.
import { createIscClient, type IscClient, type IscClientOptions } from '@isc-sdk/client';
import { startMockTenant, type MockTenant, type MockTenantOptions } from '../../src/index.js';

/** A typed client for the tenant's V3 API. */
export type TenantClient = IscClient;

/** Fetches an access token with the tenant's client credentials, over plain HTTP. */
export async function fetchToken(tenant: MockTenant): Promise<string> {
  const response = await fetch(tenant.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: tenant.clientId,
      client_secret: tenant.clientSecret,
    }),
  });
  if (!response.ok) throw new Error(`token request failed with ${response.status}`);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** A client for `tenant`, authenticated with its client credentials, without retries. */
export function connect(tenant: MockTenant, options: IscClientOptions = {}): TenantClient {
  return createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
    retry: false,
    ...options,
  });
}

/**
 * Starts a tenant for a test file. Responses are checked against the spec by the tenant itself
 * (`validateResponses`), so any response that breaks the spec fails the test as a 500.
 */
export async function startTestTenant(
  options: MockTenantOptions = {},
): Promise<{ tenant: MockTenant; isc: TenantClient }> {
  const tenant = await startMockTenant({ validateResponses: true, ...options });
  return { tenant, isc: connect(tenant) };
}

/**
 * The first message text of an error body: the `messages[0].text` of an ErrorResponseDto, the
 * `error` of a 401 or the `message` of a 429; undefined for anything else.
 */
export function errorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { messages, error, message } = body as {
    messages?: Array<{ text?: string }>;
    error?: unknown;
    message?: unknown;
  };
  if (Array.isArray(messages)) return messages[0]?.text;
  if (typeof error === 'string') return error;
  return typeof message === 'string' ? message : undefined;
}

/** A mutable clock for tests that move time (deadlines, token expiry). */
export function testClock(start = Date.parse('2030-01-01T09:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (iso: string) => {
      now = Date.parse(iso);
    },
  };
}

/** Days in milliseconds. */
export const days = (n: number) => n * 86_400_000;
