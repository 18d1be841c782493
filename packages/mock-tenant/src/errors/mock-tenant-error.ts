const BRAND = Symbol.for('@isc-sdk/mock-tenant/MockTenantError');

/**
 * The base class of every error `@isc-sdk/mock-tenant` throws to its caller. Each subclass has a
 * literal `name` and fields saying exactly what went wrong. (Problems with a request sent to the
 * tenant are never thrown: they are HTTP answers with the spec's error bodies.)
 */
export class MockTenantError extends Error {
  override readonly name: string = 'MockTenantError';

  /** The brand the `isXError` guards check, so they work across copies of the package. */
  get [BRAND](): true {
    return true;
  }
}

/**
 * True when `value` carries the package's brand (and, when given, has that `name`), also for an
 * error created by another copy of the package.
 */
export function hasMockTenantBrand(value: unknown, name?: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
  return name === undefined || (value as { name?: unknown }).name === name;
}

/** True for any error thrown by `@isc-sdk/mock-tenant`, also by another copy of the package. */
export function isMockTenantError(value: unknown): value is MockTenantError {
  return hasMockTenantBrand(value);
}
