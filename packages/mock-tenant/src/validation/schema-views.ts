// The spec's schemas describe both directions at once: `readOnly` properties appear only in
// responses and `writeOnly` ones only in requests, yet `required` lists them regardless. Ajv knows
// nothing about that, so the tenant validates against two derived copies of the schemas:
// - request view: readOnly properties are optional and accept anything (clients may echo them back;
//   the tenant ignores them), and
// - response view: writeOnly properties are optional.
// Both copies rewrite `#/components/...` references to absolute ones (`<viewId>#/components/...`),
// so any sub-schema can be compiled on its own, and drop OpenAPI-only keywords Ajv does not know
// (a discriminator keeps its property name only).
import { NOT_ALLOWED } from './describe-ajv-errors.js';
import {
  isJsonObject,
  openApiDocument,
  resolveLocal,
  type JsonObject,
} from './openapi-document.js';

/** Which side of the exchange a view describes. */
export type Direction = 'request' | 'response';

/** The `$id` under which each view is registered with Ajv. */
export const VIEW_IDS: Record<Direction, string> = {
  request: 'isc-request',
  response: 'isc-response',
};

const DROPPED_KEYWORDS = new Set(['example', 'examples', 'xml', 'externalDocs']);

function flagOf(schema: unknown, flag: 'readOnly' | 'writeOnly'): boolean {
  if (!isJsonObject(schema)) return false;
  if (schema[flag] === true) return true;
  return typeof schema.$ref === 'string' && resolveLocal(schema)[flag] === true;
}

/** Copies a schema for one direction; see the file comment for what changes. */
export function viewOf(schema: unknown, direction: Direction): unknown {
  if (Array.isArray(schema)) return schema.map((entry) => viewOf(entry, direction));
  if (!isJsonObject(schema)) return schema;
  const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    // x-isc-not-allowed stays: it is the reason a field must be null, for the error message.
    if (DROPPED_KEYWORDS.has(key) || (key.startsWith('x-') && key !== NOT_ALLOWED)) continue;
    if (key === 'discriminator' && isJsonObject(value)) {
      // Ajv reads the tag from each member's single-value enum; it refuses `mapping`.
      copy.discriminator = { propertyName: value.propertyName };
    } else if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      copy.$ref = `${VIEW_IDS[direction]}${value}`;
    } else if (key === 'properties' && isJsonObject(value)) {
      const properties: JsonObject = {};
      for (const [name, property] of Object.entries(value)) {
        properties[name] =
          direction === 'request' && flagOf(property, hidden) ? {} : viewOf(property, direction);
      }
      copy.properties = properties;
    } else {
      copy[key] = viewOf(value, direction);
    }
  }
  if (Array.isArray(schema.required) && isJsonObject(schema.properties)) {
    const properties = schema.properties;
    copy.required = schema.required.filter((name) => !flagOf(properties[String(name)], hidden));
  }
  return copy;
}

/** The whole `components` section for one direction, as a schema document Ajv can register. */
export function componentsView(direction: Direction): JsonObject {
  const components = isJsonObject(openApiDocument.components) ? openApiDocument.components : {};
  return {
    $id: VIEW_IDS[direction],
    components: { schemas: viewOf(components.schemas ?? {}, direction) },
  };
}
