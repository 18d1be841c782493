import { hasMockTenantBrand, MockTenantError } from './mock-tenant-error.js';

/** Thrown by `startMockTenant`, `tenant.setFaults` and `tenant.setTokenLifetime` for an invalid option value. */
export class MockTenantOptionsError extends MockTenantError {
  override readonly name: 'MockTenantOptionsError' = 'MockTenantOptionsError';
  /** The option path, e.g. `faults.serverErrorRate`. */
  readonly option: string;
  /** The rejected value. */
  readonly value: unknown;
  /** What a valid value looks like. */
  readonly expected: string;

  constructor(option: string, value: unknown, expected: string) {
    super(`Invalid mock tenant option ${option}: got ${describe(value)}, expected ${expected}.`);
    this.option = option;
    this.value = value;
    this.expected = expected;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Array.isArray(value) ? 'an array' : 'an object';
  }
}

/** True for a {@link MockTenantOptionsError}, also one thrown by another copy of this package. */
export function isMockTenantOptionsError(value: unknown): value is MockTenantOptionsError {
  return hasMockTenantBrand(value, 'MockTenantOptionsError');
}
