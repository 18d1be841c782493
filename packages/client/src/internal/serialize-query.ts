// The query string, serialised as openapi-fetch's default serialiser does (a test compares the two over
// every style and option): primitives as `name=value`, arrays exploded (`a=1&a=2`), objects as
// `deepObject` (`a[b]=1`), every name and value percent-encoded unless `allowReserved` is set.

import { IscConfigError } from '../errors/isc-config-error.js';
import type { IscQuerySerializerOptions } from '../operation-types.js';

/** Serialises a query object to a query string (without the leading `?`). */
export type QuerySerializer = (query: Record<string, unknown>) => string;

const ARRAY_JOINERS: Record<string, string> = { spaceDelimited: '%20', pipeDelimited: '|' };

/** A query serialiser for `options` (the styles of openapi-fetch's `QuerySerializerOptions`). */
export function createQuerySerializer(options: IscQuerySerializerOptions = {}): QuerySerializer {
  const reserved = options.allowReserved === true;
  const encode = (value: unknown): string =>
    reserved ? `${value as string}` : encodeURIComponent(value as string);
  const pair = (name: string, value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (typeof value === 'object') {
      throw new IscConfigError(
        `params.query.${name}`,
        'is nested too deeply; pass a querySerializer',
      );
    }
    return `${name}=${encode(value)}`;
  };
  const { style: arrayStyle = 'form', explode: explodeArrays = true } = options.array ?? {};
  const { style: objectStyle = 'deepObject', explode: explodeObjects = true } =
    options.object ?? {};
  return (query) => {
    const parts: string[] = [];
    for (const name in query) {
      const value = query[name];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        if (value.length === 0) continue;
        parts.push(
          explodeArrays
            ? value.map((item) => pair(name, item)).join('&')
            : `${name}=${(reserved ? value : value.map(encode)).join(ARRAY_JOINERS[arrayStyle] ?? ',')}`,
        );
      } else if (typeof value === 'object') {
        const object = value as Record<string, unknown>;
        const entries: unknown[] = [];
        if (objectStyle !== 'deepObject' && !explodeObjects) {
          for (const key in object) {
            entries.push(key, reserved ? object[key] : encodeURIComponent(object[key] as string));
          }
          parts.push(`${name}=${entries.join(',')}`);
        } else {
          for (const key in object) {
            entries.push(pair(objectStyle === 'deepObject' ? `${name}[${key}]` : key, object[key]));
          }
          parts.push(entries.join('&'));
        }
      } else {
        parts.push(pair(name, value));
      }
    }
    return parts.join('&');
  };
}
