// Public surface of @isc-sdk/mock-tenant.
export { startMockTenant, type MockTenant, type SeedSummary } from './start-mock-tenant.js';
export {
  TOKEN_OPERATION,
  type CorsOptions,
  type FaultOptions,
  type HttpMethod,
  type LatencyOption,
  type MockTenantOptions,
  type RateLimitOptions,
  type SizeOptions,
} from './mock-tenant-options.js';
export type { TenantStats, FaultCounts } from './stats/tenant-stats.js';
export type { CreationCounters } from './domain/tenant-state.js';
export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './resolve-options.js';
export { MockTenantError, isMockTenantError } from './errors/mock-tenant-error.js';
export {
  MockTenantOptionsError,
  isMockTenantOptionsError,
} from './errors/mock-tenant-options-error.js';
export { MockTenantStartError, isMockTenantStartError } from './errors/mock-tenant-start-error.js';
