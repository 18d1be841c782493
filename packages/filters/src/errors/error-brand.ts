// Every error of this package carries one symbol from the global `Symbol.for` registry. All copies of
// the package in a process (the ESM and the CJS build, two versions side by side) share that registry,
// so the `isXError` guards recognise an error thrown by another copy, where `instanceof` says no.

/** The registered symbol that marks every error thrown by @isc-sdk/filters. */
export const FILTERS_ERROR_BRAND: unique symbol = Symbol.for('@isc-sdk/filters.error') as never;

/** True when `value` carries the package's brand and, when `name` is given, has that `name`. */
export function hasErrorBrand(value: unknown, name?: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Reflect.get(value, FILTERS_ERROR_BRAND) !== true) return false;
  return name === undefined || Reflect.get(value, 'name') === name;
}
