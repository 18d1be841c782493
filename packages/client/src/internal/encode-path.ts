// Path parameters go into the URL as exactly one percent-encoded segment each. openapi-fetch's own
// serializer leaves a missing parameter as a literal `{id}` and passes `.` and `..` through, which a URL
// parser then resolves to a different resource; this one refuses all of those before anything is sent.

import { IscPathParamError } from '../errors/isc-path-param-error.js';

/** Builds openapi-fetch's `pathSerializer` for a client whose requests start with `baseUrl`. */
export function createPathEncoder(baseUrl: string) {
  return function encodePath(url: string, params: Record<string, unknown>): string {
    let out = '';
    let from = 0;
    for (let open = url.indexOf('{'); open !== -1; open = url.indexOf('{', from)) {
      const close = url.indexOf('}', open);
      if (close === -1) break;
      const name = url.slice(open + 1, close);
      const template = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
      out += url.slice(from, open) + encodeSegment(name, template, params[name]);
      from = close + 1;
    }
    return from === 0 ? url : out + url.slice(from);
  };
}

/** Throws `IscPathParamError` naming the first placeholder of `template`, when it has any. */
export function refuseMissingPathParams(template: string): void {
  const first = /\{([^{}]+)\}/.exec(template);
  if (first !== null)
    throw new IscPathParamError(
      first[1] as string,
      template,
      'is missing (params.path is not set)',
    );
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
    throw new IscPathParamError(
      name,
      template,
      'is not well-formed Unicode (it contains a lone surrogate)',
    );
  }
}
