import { IscConfigError } from '../errors/isc-config-error.js';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_HEADER_VALUE = /[\r\n\0]/;

/** Throws `IscConfigError` (`headers.<name>`) unless `name` is a header name and `value` a safe value. */
export function checkHeader(name: string, value: string): void {
  if (!HEADER_NAME.test(name) || BAD_HEADER_VALUE.test(value)) {
    throw new IscConfigError(`headers.${name}`, 'is not a valid HTTP header name or value');
  }
}
