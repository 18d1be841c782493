import { hasMockTenantBrand, MockTenantError } from './mock-tenant-error.js';

/** Thrown by `startMockTenant` when the server cannot listen, e.g. because the port is taken. */
export class MockTenantStartError extends MockTenantError {
  override readonly name: 'MockTenantStartError' = 'MockTenantStartError';
  /** The host the server tried to listen on. */
  readonly host: string;
  /** The port the server tried to listen on (0 for a random one). */
  readonly port: number;

  constructor(host: string, port: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`The mock tenant could not listen on ${host}:${port}: ${reason}`, { cause });
    this.host = host;
    this.port = port;
  }
}

/** True for a {@link MockTenantStartError}, also one thrown by another copy of this package. */
export function isMockTenantStartError(value: unknown): value is MockTenantStartError {
  return hasMockTenantBrand(value, 'MockTenantStartError');
}
