// Path parameters go into the URL as exactly one percent-encoded segment each. openapi-fetch's own
// serializer leaves a missing parameter as a literal `{id}` and passes `.` and `..` through, which a URL
// parser then resolves to a different resource; this one refuses all of those before anything is sent.

import { IscPathParamError } from '../errors/request-errors.js';

/**
 * Places the path parameters of `url` (a path such as `/campaigns/{id}`, or a whole URL) as one encoded
 * segment each; usable as openapi-fetch's `pathSerializer`. Errors name the path without `base`.
 */
export function encodePath(url: string, params: Record<string, unknown>, base = ''): string {
  const template = base && url.startsWith(base) ? url.slice(base.length) : url;
  const prefix = url.slice(0, url.length - template.length);
  let out = prefix;
  let from = 0;
  for (let open = template.indexOf('{'); open !== -1; open = template.indexOf('{', from)) {
    const close = template.indexOf('}', open);
    if (close === -1) break;
    const name = template.slice(open + 1, close);
    out += template.slice(from, open) + encodeSegment(name, template, params[name]);
    from = close + 1;
  }
  return from === 0 ? url : out + template.slice(from);
}

function encodeSegment(name: string, template: string, value: unknown): string {
  if (value === undefined || value === null) {
    throw new IscPathParamError(name, template, 'is missing');
  }
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
    throw new IscPathParamError(
      name,
      template,
      `must be a string or a finite number, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  const text = String(value);
  if (text === '') throw new IscPathParamError(name, template, 'is an empty string');
  if (text === '.' || text === '..') {
    throw new IscPathParamError(
      name,
      template,
      `is "${text}", which URL parsers resolve to another path`,
    );
  }
  try {
    return encodeURIComponent(text);
  } catch {
    throw new IscPathParamError(name, template, 'is not well-formed Unicode');
  }
}
