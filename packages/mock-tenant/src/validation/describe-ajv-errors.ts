import type { ErrorObject } from 'ajv';

/** The spec extension that gives the reason a field must be null or absent. */
export const NOT_ALLOWED = 'x-isc-not-allowed';

/** Where the validated value came from, for messages: "Request body field 'name'". */
export type ValueOrigin = 'body' | 'query' | 'path' | 'response';

const NOUNS: Record<ValueOrigin, string> = {
  body: 'Request body field',
  query: 'Query parameter',
  path: 'Path parameter',
  response: 'Response field',
};

function pointerToField(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

function fieldOf(error: ErrorObject): string {
  const base = pointerToField(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const child =
    error.keyword === 'required'
      ? params.missingProperty
      : error.keyword === 'additionalProperties'
        ? params.additionalProperty
        : error.keyword === 'discriminator'
          ? params.tag
          : undefined;
  if (typeof child === 'string') return base ? `${base}.${child}` : child;
  return base;
}

function count(limit: unknown, noun: string): string {
  return `${String(limit)} ${noun}${limit === 1 ? '' : 's'}`;
}

function phrase(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      // A field another kind of object owns (a SEARCH campaign's searchCampaignInfo on a MANAGER one).
      if (params.type === 'null') {
        const reason = (error.parentSchema as Record<string, unknown> | undefined)?.[NOT_ALLOWED];
        return typeof reason === 'string'
          ? `must be null or left out: ${reason}`
          : 'must be null or left out here';
      }
      return `must be of type ${String(params.type).split(',').join(' or ')}`;
    case 'discriminator':
      return params.tagValue === undefined
        ? 'is required'
        : `has no variant named ${JSON.stringify(params.tagValue)}`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    case 'minItems':
      return `must hold at least ${count(params.limit, 'item')}`;
    case 'maxItems':
      return `must hold at most ${count(params.limit, 'item')}`;
    case 'minLength':
      return `must be at least ${count(params.limit, 'character')} long`;
    case 'maxLength':
      return `must be at most ${count(params.limit, 'character')} long`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    default:
      return error.message ?? `fails the ${error.keyword} rule`;
  }
}

/** Keywords that only summarise failures of their branches. */
const SUMMARY_KEYWORDS = new Set(['oneOf', 'anyOf', 'if', 'not', 'allOf']);

/**
 * Turns Ajv errors into readable sentences naming the field, most specific first, without the
 * noise of composite keywords when a more precise error exists.
 * @param root the name of the value itself when the error is about it as a whole (e.g. the query
 *   parameter name when validating a single parameter)
 */
export function describeAjvErrors(
  errors: readonly ErrorObject[],
  origin: ValueOrigin,
  root = '',
): string[] {
  const precise = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const chosen = precise.length > 0 ? precise : errors;
  const sorted = [...chosen].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const texts = sorted.map((error) => {
    const field = fieldOf(error) || root;
    if (!field)
      return origin === 'body' ? `The request body ${phrase(error)}` : `The value ${phrase(error)}`;
    return `${NOUNS[origin]} '${field}' ${phrase(error)}`;
  });
  return [...new Set(texts)];
}
