// The package version, inlined at build time by tsup's `define` (and by vitest's for tests), so no
// package.json is read at runtime.
declare const __ISC_SDK_VERSION__: string;

/** This package's version, e.g. `"0.1.0"`. */
export const SDK_VERSION: string = __ISC_SDK_VERSION__;
