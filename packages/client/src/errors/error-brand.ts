// Every error this package throws carries one registered symbol. `Symbol.for` returns the same symbol in
// every copy of the package that is loaded, so the guards below recognise errors created by another copy
// (two versions in node_modules, or an ESM and a CJS copy) where `instanceof` would answer no.

/** The registered symbol that marks every isc-sdk error. */
export const ISC_ERROR_BRAND: unique symbol = Symbol.for('isc-sdk.error') as never;

/** True when `value` is an isc-sdk error (from any copy of the package) whose `name` is in `names`. */
export function hasErrorBrand(value: unknown, names?: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [ISC_ERROR_BRAND]?: unknown })[ISC_ERROR_BRAND] !== true) return false;
  return names === undefined || names.includes((value as { name?: unknown }).name as string);
}
