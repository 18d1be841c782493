/** @import { OpenApiDocument } from './spec-document.js' */

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const FILTER_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'in',
  'co',
  'sw',
  'ca',
  'pr',
  'isnull',
];
const FILTER_VALUE_TYPES = ['string', 'number', 'boolean', 'date-time'];
const COMPOSITES = ['and', 'or', 'not'];

/**
 * @typedef {{ operators: string[], type: string, enum?: string[] }} FilterFieldMetadata
 */

/**
 * What the generated metadata module records for one operation.
 * @typedef {{
 *   operationId: string,
 *   method: string,
 *   path: string,
 *   successStatus: number,
 *   paged: boolean,
 *   maxPageSize: number | null,
 *   filters: Record<string, FilterFieldMetadata> | null,
 *   filterComposites: string[] | null,
 *   filterSingleComposite: boolean | null,
 *   sorters: string[] | null,
 * }} OperationMetadata
 */

/** Raised when the spec's operations cannot be described; names the operation and the problem. */
export class MetadataError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'MetadataError';
  }
}

/** @typedef {Record<string, unknown>} JsonObject */

/**
 * @param {unknown} value
 * @returns {value is JsonObject}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Follows local `#/...` references (after bundling, every reference is local).
 * @param {OpenApiDocument} document
 * @param {unknown} value
 * @param {Set<string>} [seen]
 * @returns {JsonObject}
 */
function resolve(document, value, seen = new Set()) {
  if (!isObject(value)) return {};
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  if (!ref.startsWith('#/') || seen.has(ref))
    throw new MetadataError(`cannot follow reference ${ref}`);
  seen.add(ref);
  /** @type {unknown} */
  let target = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) ? target[key] : undefined;
  }
  if (target === undefined) throw new MetadataError(`dangling reference ${ref}`);
  return resolve(document, target, seen);
}

/**
 * @param {string} operationId
 * @param {unknown} value
 * @returns {Record<string, FilterFieldMetadata>}
 */
function readFilters(operationId, value) {
  if (!isObject(value)) {
    throw new MetadataError(`${operationId}: x-isc-filters must map field names to descriptions`);
  }
  /** @type {Record<string, FilterFieldMetadata>} */
  const fields = {};
  for (const [field, raw] of Object.entries(value)) {
    const where = `${operationId}: x-isc-filters.${field}`;
    if (!isObject(raw) || !Array.isArray(raw.operators) || raw.operators.length === 0) {
      throw new MetadataError(`${where} needs a non-empty operators list`);
    }
    const operators = raw.operators.map(String);
    const unknown = operators.filter((op) => !FILTER_OPERATORS.includes(op));
    if (unknown.length > 0)
      throw new MetadataError(`${where} has unknown operator(s) ${unknown.join(', ')}`);
    const type = String(raw.type ?? '');
    if (!FILTER_VALUE_TYPES.includes(type)) {
      throw new MetadataError(`${where}.type must be one of ${FILTER_VALUE_TYPES.join(', ')}`);
    }
    /** @type {FilterFieldMetadata} */
    const entry = { operators, type };
    if (raw.enum !== undefined) {
      if (!Array.isArray(raw.enum)) throw new MetadataError(`${where}.enum must be a list`);
      entry.enum = raw.enum.map(String);
    }
    fields[field] = entry;
  }
  return fields;
}

/**
 * Checks that a `filters`/`sorters` parameter and its vendor extension come together.
 * @param {string} operationId
 * @param {string} parameter
 * @param {boolean} hasParameter
 * @param {unknown} extension
 * @param {string} extensionName
 */
function requirePair(operationId, parameter, hasParameter, extension, extensionName) {
  if (hasParameter && extension === undefined) {
    throw new MetadataError(
      `${operationId} takes a ${parameter} parameter but has no ${extensionName}`,
    );
  }
  if (!hasParameter && extension !== undefined) {
    throw new MetadataError(
      `${operationId} has ${extensionName} but takes no ${parameter} parameter`,
    );
  }
}

/**
 * Describes one operation.
 * @param {OpenApiDocument} document
 * @param {string} path
 * @param {string} method
 * @param {JsonObject} operation
 * @param {unknown[]} sharedParameters
 * @returns {OperationMetadata}
 */
function describeOperation(document, path, method, operation, sharedParameters) {
  const operationId = operation.operationId;
  if (typeof operationId !== 'string') {
    throw new MetadataError(`${method.toUpperCase()} ${path} has no operationId`);
  }
  const own = Array.isArray(operation.parameters) ? operation.parameters : [];
  const parameters = [...sharedParameters, ...own].map((p) => resolve(document, p));
  const query = new Map(parameters.filter((p) => p.in === 'query').map((p) => [String(p.name), p]));

  const responses = isObject(operation.responses) ? operation.responses : {};
  const successStatus = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  if (successStatus === undefined)
    throw new MetadataError(`${operationId} declares no 2xx response`);
  const success = resolve(document, responses[successStatus]);
  const content = isObject(success.content) ? success.content : {};
  const json = isObject(content['application/json']) ? content['application/json'] : {};
  const bodySchema = resolve(document, json.schema);

  const limit = query.get('limit');
  const limitSchema = limit ? resolve(document, limit.schema) : undefined;
  const maxPageSize = typeof limitSchema?.maximum === 'number' ? limitSchema.maximum : null;
  if (limit && maxPageSize === null)
    throw new MetadataError(`${operationId}: limit has no maximum`);
  const paged = limit !== undefined && query.has('offset') && bodySchema.type === 'array';

  const hasFilters = query.has('filters');
  const filters = operation['x-isc-filters'];
  requirePair(operationId, 'filters', hasFilters, filters, 'x-isc-filters');
  const hasSorters = query.has('sorters');
  const sorters = operation['x-isc-sorters'];
  requirePair(operationId, 'sorters', hasSorters, sorters, 'x-isc-sorters');
  if (sorters !== undefined && !Array.isArray(sorters)) {
    throw new MetadataError(`${operationId}: x-isc-sorters must be a list of field names`);
  }
  const composites = operation['x-isc-filter-composites'];
  if (composites !== undefined) {
    if (!hasFilters)
      throw new MetadataError(`${operationId} has x-isc-filter-composites but no filters`);
    if (!Array.isArray(composites) || composites.some((c) => !COMPOSITES.includes(String(c)))) {
      throw new MetadataError(
        `${operationId}: x-isc-filter-composites must list some of ${COMPOSITES.join(', ')}`,
      );
    }
  }
  const single = operation['x-isc-filter-single-composite'];
  if (single !== undefined) {
    if (!hasFilters)
      throw new MetadataError(`${operationId} has x-isc-filter-single-composite but no filters`);
    if (typeof single !== 'boolean')
      throw new MetadataError(
        `${operationId}: x-isc-filter-single-composite must be true or false`,
      );
  }

  return {
    operationId,
    method: method.toUpperCase(),
    path,
    successStatus: Number(successStatus),
    paged,
    maxPageSize,
    filters: hasFilters ? readFilters(operationId, filters) : null,
    filterComposites: hasFilters
      ? Array.isArray(composites)
        ? composites.map(String)
        : [...COMPOSITES]
      : null,
    filterSingleComposite: hasFilters ? single === true : null,
    sorters: Array.isArray(sorters) ? sorters.map(String) : null,
  };
}

/**
 * Describes every operation of the bundled document, in document order.
 * @param {OpenApiDocument} document
 * @returns {OperationMetadata[]}
 */
export function describeOperations(document) {
  /** @type {OperationMetadata[]} */
  const result = [];
  const seen = new Set();
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const pathItem = resolve(document, rawItem);
    const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const described = describeOperation(document, path, method, operation, shared);
      if (seen.has(described.operationId)) {
        throw new MetadataError(`operationId ${described.operationId} is used twice`);
      }
      seen.add(described.operationId);
      result.push(described);
    }
  }
  return result;
}

/** @param {unknown} value */
const literal = (value) => JSON.stringify(value);

/**
 * The search index names: the `Index` schema's enum without `*` (which stands for all of them), or
 * none when the document has no `Index` schema.
 * @param {OpenApiDocument} document
 * @returns {string[]}
 */
export function describeSearchIndices(document) {
  const schema = document.components?.schemas?.Index;
  if (schema === undefined) return [];
  const values = isObject(schema) ? schema.enum : undefined;
  if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
    throw new MetadataError('components.schemas.Index must be a string enum of search index names');
  }
  return values.filter((value) => value !== '*');
}

/**
 * Renders the metadata module (TypeScript source, before formatting).
 * @param {OperationMetadata[]} operations
 * @param {string[]} [searchIndices]
 * @returns {string}
 */
export function renderOperationMetadata(operations, searchIndices = []) {
  const entries = operations.map((op) => `  ${op.operationId}: ${literal(op)},`).join('\n');
  const paged = operations
    .filter((op) => op.paged)
    .map((op) => {
      const value = { operationId: op.operationId, maxPageSize: op.maxPageSize };
      return `  ${literal(`${op.method} ${op.path}`)}: ${literal(value)},`;
    })
    .join('\n');
  return `
/** How a filterable field may be used in the \`filters\` query parameter. */
export interface FilterFieldMetadata {
  /** The comparison operators the API accepts for this field. */
  readonly operators: readonly FilterOperator[];
  /** The kind of value the field holds. */
  readonly type: FilterValueType;
  /** The allowed values, when the field is an enumeration. */
  readonly enum?: readonly string[];
}

/** Every comparison operator of the V3 filter grammar. */
export type FilterOperator = ${FILTER_OPERATORS.map(literal).join(' | ')};

/** The composite operators of the V3 filter grammar. */
export type FilterComposite = ${COMPOSITES.map(literal).join(' | ')};

/** The kinds of values a filter can compare against. */
export type FilterValueType = ${FILTER_VALUE_TYPES.map(literal).join(' | ')};

/** What the SDK knows about one operation, read from the spec. */
export interface OperationMetadata {
  readonly operationId: string;
  /** HTTP method, upper case. */
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  /** Path template relative to the API base URL. */
  readonly path: string;
  /** The status code of a successful response. */
  readonly successStatus: number;
  /** True when the operation pages by \`limit\`/\`offset\` and returns an array of items. */
  readonly paged: boolean;
  /** The largest \`limit\` the operation accepts, or null when it takes no \`limit\`. */
  readonly maxPageSize: number | null;
  /** Filterable fields, or null when the operation takes no \`filters\` parameter. */
  readonly filters: { readonly [field: string]: FilterFieldMetadata } | null;
  /** Composite operators allowed in \`filters\`, or null when there is no \`filters\` parameter. */
  readonly filterComposites: readonly FilterComposite[] | null;
  /**
   * True when a filter may hold at most one \`and\`/\`or\`, joining terms on different fields (the
   * API answers 400 otherwise); null when there is no \`filters\` parameter.
   */
  readonly filterSingleComposite: boolean | null;
  /** Sortable fields, or null when the operation takes no \`sorters\` parameter. */
  readonly sorters: readonly string[] | null;
}

/** Metadata for every operation, keyed by operationId, in spec order. */
export const operationMetadata = {
${entries}
} as const satisfies { readonly [operationId: string]: OperationMetadata };

/** The operationIds of the spec. */
export type OperationId = keyof typeof operationMetadata;

/**
 * Paged operations keyed by \`"METHOD /path"\` with their largest page size. Kept apart from
 * \`operationMetadata\` so that the client can import it without the rest.
 */
export const pagedOperations = {
${paged}
} as const;

/**
 * The search indices, from the spec's \`Index\` enum without \`*\` (which means all of them). Each holds
 * the documents whose \`_type\` is the singular of its name.
 */
export const searchIndices = ${literal(searchIndices)} as const;
`;
}
