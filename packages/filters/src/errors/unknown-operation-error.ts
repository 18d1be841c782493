import { hasErrorBrand } from './error-brand.js';
import { FiltersError } from './filters-error.js';

/** Thrown when an operationId is not in `operationMetadata` from `@isc-sdk/types`. */
export class UnknownOperationError extends FiltersError {
  override readonly name = 'UnknownOperationError' as const;
  /** The operationId that was asked for. */
  readonly operationId: string;

  constructor(operationId: string) {
    super(
      `Unknown operationId ${JSON.stringify(operationId)}: it is not in operationMetadata from @isc-sdk/types.`,
    );
    this.operationId = operationId;
  }
}

/** True when `value` is an {@link UnknownOperationError}, also one from another copy of this package. */
export function isUnknownOperationError(value: unknown): value is UnknownOperationError {
  return hasErrorBrand(value, 'UnknownOperationError');
}
