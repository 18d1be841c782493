// Read access to the bundled spec that `pnpm generate` writes next to this package's sources.
// The JSON is imported (and so bundled into dist), never read from disk at run time.
import bundled from '../generated/openapi.json' with { type: 'json' };

/** A JSON object of unknown shape. */
export type JsonObject = { [key: string]: unknown };

/** The bundled OpenAPI document as a plain JSON value. */
export const openApiDocument: JsonObject = bundled as unknown as JsonObject;

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `#/...` reference (repeatedly) and returns the object it names. */
export function resolveLocal(value: unknown): JsonObject {
  let current = value;
  for (
    let hops = 0;
    hops < 16 && isJsonObject(current) && typeof current.$ref === 'string';
    hops++
  ) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return {};
    let target: unknown = openApiDocument;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isJsonObject(target) ? target[key] : undefined;
    }
    current = target;
  }
  return isJsonObject(current) ? current : {};
}

/** One parameter of an operation, with its schema. */
export interface ParameterSpec {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: JsonObject;
}

/** The parts of an operation the tenant uses for validation. */
export interface OperationSpec {
  readonly operationId: string;
  readonly parameters: readonly ParameterSpec[];
  /** Media types and schemas of the request body; undefined when the operation takes none. */
  readonly requestBody:
    { readonly required: boolean; readonly content: ReadonlyMap<string, JsonObject> } | undefined;
  /** JSON response schemas by status code. */
  readonly responses: ReadonlyMap<number, JsonObject | undefined>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function readOperation(operation: JsonObject, shared: unknown[]): OperationSpec {
  const parameters = [
    ...shared,
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ]
    .map(resolveLocal)
    .map((p) => ({
      name: String(p.name),
      in: p.in as ParameterSpec['in'],
      required: p.required === true,
      schema: isJsonObject(p.schema) ? p.schema : {},
    }));
  let requestBody: OperationSpec['requestBody'];
  if (operation.requestBody !== undefined) {
    const body = resolveLocal(operation.requestBody);
    const content = new Map<string, JsonObject>();
    for (const [mediaType, media] of Object.entries(
      isJsonObject(body.content) ? body.content : {},
    )) {
      if (isJsonObject(media) && isJsonObject(media.schema)) content.set(mediaType, media.schema);
    }
    requestBody = { required: body.required === true, content };
  }
  const responses = new Map<number, JsonObject | undefined>();
  for (const [status, raw] of Object.entries(
    isJsonObject(operation.responses) ? operation.responses : {},
  )) {
    const response = resolveLocal(raw);
    const content = isJsonObject(response.content) ? response.content : {};
    const json = content['application/json'];
    responses.set(
      Number(status),
      isJsonObject(json) && isJsonObject(json.schema) ? json.schema : undefined,
    );
  }
  return { operationId: String(operation.operationId), parameters, requestBody, responses };
}

let cache: Map<string, OperationSpec> | undefined;

/** Every operation of the spec by operationId. */
export function operationSpecs(): ReadonlyMap<string, OperationSpec> {
  if (cache) return cache;
  cache = new Map();
  const paths = isJsonObject(openApiDocument.paths) ? openApiDocument.paths : {};
  for (const rawItem of Object.values(paths)) {
    const item = resolveLocal(rawItem);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (isJsonObject(operation)) {
        const spec = readOperation(operation, shared);
        cache.set(spec.operationId, spec);
      }
    }
  }
  return cache;
}
