import { describe, expectTypeOf, it } from 'vitest';
import {
  startMockTenant,
  type FaultOptions,
  type MockTenant,
  type MockTenantOptions,
  type SeedSummary,
  type TenantStats,
} from '../src/index.js';

describe('startMockTenant', () => {
  it('resolves to a MockTenant with the URLs, credentials and controls', () => {
    expectTypeOf(startMockTenant).returns.resolves.toEqualTypeOf<MockTenant>();
    expectTypeOf<MockTenant['baseUrl']>().toEqualTypeOf<string>();
    expectTypeOf<MockTenant['clientId']>().toEqualTypeOf<string>();
    expectTypeOf<MockTenant['clientSecret']>().toEqualTypeOf<string>();
    expectTypeOf<MockTenant['stop']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<MockTenant['stats']>().returns.toEqualTypeOf<TenantStats>();
    expectTypeOf<MockTenant['seed']>().returns.toEqualTypeOf<SeedSummary>();
    expectTypeOf<MockTenant['setFaults']>().parameter(0).toEqualTypeOf<FaultOptions>();
  });

  it('counts creations and faults as numbers', () => {
    expectTypeOf<TenantStats['campaignsCreated']>().toEqualTypeOf<number>();
    expectTypeOf<TenantStats['templatesCreated']>().toEqualTypeOf<number>();
    expectTypeOf<TenantStats['faults']['connectionReset']>().toEqualTypeOf<number>();
    expectTypeOf<TenantStats['requests']>().toEqualTypeOf<Record<string, number>>();
    expectTypeOf<TenantStats['rateLimitHits']>().toEqualTypeOf<number>();
  });

  it('takes every option as optional', () => {
    expectTypeOf<{}>().toExtend<MockTenantOptions>();
    expectTypeOf<{
      faults: { serverErrorRate: 0.1; serverErrorStatuses: [500, 503] };
    }>().toExtend<MockTenantOptions>();
    expectTypeOf<{ rateLimit: true; maxBodyBytes: 65_536 }>().toExtend<MockTenantOptions>();
    expectTypeOf<{ rateLimit: { requests: 40; windowMs: 1000 } }>().toExtend<MockTenantOptions>();
  });

  it('refuses options of the wrong type or with a wrong name', () => {
    // @ts-expect-error rates are numbers
    void startMockTenant({ faults: { serverErrorRate: '0.1' } });
    // @ts-expect-error an unknown option
    void startMockTenant({ prot: 8080 });
    // @ts-expect-error only HTTP methods can be truncated
    void startMockTenant({ faults: { truncateMethods: ['FETCH'] } });
    // @ts-expect-error latency is milliseconds or a { min, max } range
    void startMockTenant({ latencyMs: '5ms' });
    // @ts-expect-error the rate limit is true, false or { requests, windowMs }
    void startMockTenant({ rateLimit: 100 });
    // @ts-expect-error the window is in milliseconds, named windowMs
    void startMockTenant({ rateLimit: { requests: 100, windowSeconds: 10 } });
    // @ts-expect-error the clock returns a Date or epoch milliseconds
    void startMockTenant({ now: () => '2030-01-01' });
  });

  it('exposes the tenant read-only', () => {
    const tenant = {} as MockTenant;
    // @ts-expect-error baseUrl is read-only
    tenant.baseUrl = 'http://example.com';
    expectTypeOf(tenant.preloaded).toEqualTypeOf<
      { readonly campaignId: string; readonly certificationIds: readonly string[] } | undefined
    >();
  });
});
