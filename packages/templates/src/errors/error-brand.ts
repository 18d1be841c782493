// Every error of this package carries one symbol registered with `Symbol.for`. The registry is shared by
// all copies of the package loaded in a process (an ESM and a CJS copy, two versions in node_modules), so
// the `isXError` guards recognise errors from another copy, where `instanceof` would answer no.

/** The registered symbol that marks every error thrown by @isc-sdk/templates. */
export const TEMPLATES_ERROR_BRAND: unique symbol = Symbol.for('@isc-sdk/templates.error') as never;

/** True when `value` carries the package's brand and, if `name` is given, has that `name`. */
export function hasErrorBrand(value: unknown, name?: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [TEMPLATES_ERROR_BRAND]?: unknown })[TEMPLATES_ERROR_BRAND] !== true)
    return false;
  return name === undefined || (value as { name?: unknown }).name === name;
}
