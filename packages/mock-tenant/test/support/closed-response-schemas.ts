// Response validation for the conformance test with *closed* schemas: an object the spec describes
// accepts only the properties the spec names, unless the spec itself allows more
// (`additionalProperties: true` or a map schema, as on search `attributes` and aggregation output).
// JSON Schema leaves objects open by default, so the tenant's own validators would let a misspelled
// or invented field through; these do not. The closed copies are built here from the bundled spec
// document (the spec itself is not changed), on top of its response view (writeOnly fields hidden).
//
// Closing uses `unevaluatedProperties: false` rather than `additionalProperties: false`, because
// the latter cannot see properties that sibling `allOf` members declare. For the same reason the
// members of an `allOf` stay open themselves: the object that holds the `allOf` is closed instead,
// and a `$ref` inside an `allOf` points at an open copy of the component.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describeAjvErrors } from '../../src/validation/describe-ajv-errors.js';
import {
  isJsonObject,
  openApiDocument,
  operationSpecs,
  type JsonObject,
} from '../../src/validation/openapi-document.js';
import { VIEW_IDS, viewOf } from '../../src/validation/schema-views.js';

/** The outcome of one check: nothing when the body conforms, else messages naming the field. */
export type ClosedCheck =
  { readonly ok: true } | { readonly ok: false; readonly messages: readonly string[] };

const SCHEMAS = `${VIEW_IDS.response}#/components/schemas/`;
const OPEN_SCHEMAS = `${VIEW_IDS.response}#/components/openSchemas/`;

/** Whether a schema describes an object whose properties the spec lists. */
function describesObject(schema: JsonObject): boolean {
  const type = schema.type;
  const objectType = type === 'object' || (Array.isArray(type) && type.includes('object'));
  return isJsonObject(schema.properties) || Array.isArray(schema.allOf) || objectType;
}

/**
 * A closed copy of a (response-view) schema. `open` leaves this node itself open (an `allOf`
 * member); everything nested inside is closed regardless.
 */
export function closeSchema(schema: unknown, open = false): unknown {
  if (Array.isArray(schema)) return schema.map((entry) => closeSchema(entry));
  if (!isJsonObject(schema)) return schema;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'allOf' && Array.isArray(value)) {
      copy.allOf = value.map((member) =>
        isJsonObject(member) && typeof member.$ref === 'string'
          ? { $ref: member.$ref.replace(SCHEMAS, OPEN_SCHEMAS) }
          : closeSchema(member, true),
      );
    } else if ((key === 'properties' || key === '$defs') && isJsonObject(value)) {
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, closeSchema(property)]),
      );
    } else {
      copy[key] = closeSchema(value);
    }
  }
  const declaresExtras = 'additionalProperties' in schema || 'unevaluatedProperties' in schema;
  if (!open && !declaresExtras && typeof schema.$ref !== 'string' && describesObject(schema)) {
    copy.unevaluatedProperties = false;
  }
  return copy;
}

/** The response view of every component, closed, plus open copies for `allOf` members. */
function closedComponents(): JsonObject {
  const components = isJsonObject(openApiDocument.components) ? openApiDocument.components : {};
  const view = viewOf(components.schemas ?? {}, 'response') as JsonObject;
  return {
    $id: VIEW_IDS.response,
    components: {
      schemas: Object.fromEntries(
        Object.entries(view).map(([name, schema]) => [name, closeSchema(schema)]),
      ),
      openSchemas: Object.fromEntries(
        Object.entries(view).map(([name, schema]) => [name, closeSchema(schema, true)]),
      ),
    },
  };
}

/** `/0/reviewer` as `[0].reviewer`, the way the tenant's messages name fields. */
function fieldName(instancePath: string, property: string): string {
  return [...instancePath.split('/').slice(1), property]
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

function describe(errors: readonly ErrorObject[]): string[] {
  const extras = errors
    .filter((e) => e.keyword === 'unevaluatedProperties')
    .map((e) => {
      const property = String((e.params as { unevaluatedProperty: unknown }).unevaluatedProperty);
      return `Response field '${fieldName(e.instancePath, property)}' is not in the spec`;
    });
  const others = describeAjvErrors(
    errors.filter((e) => e.keyword !== 'unevaluatedProperties'),
    'response',
  );
  return [...extras, ...others];
}

// ajv-formats is CommonJS; depending on the loader its plugin is the default export or its `default`.
const formatsPlugin =
  (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;

/** Validates response bodies against the closed schemas of each operation and status. */
export class ClosedResponseValidators {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
    formatsPlugin(this.ajv);
    this.ajv.addFormat('comma-separated', true);
    this.ajv.addSchema(closedComponents());
  }

  /** Checks a JSON body (undefined for none) of `status` against what the operation declares. */
  response(operationId: string, status: number, body: unknown): ClosedCheck {
    const spec = operationSpecs().get(operationId);
    if (!spec) return { ok: false, messages: [`The spec has no operation ${operationId}`] };
    if (!spec.responses.has(status)) {
      return {
        ok: false,
        messages: [`The spec declares no ${status} response for ${operationId}`],
      };
    }
    const schema = spec.responses.get(status);
    if (!schema) {
      return body === undefined
        ? { ok: true }
        : { ok: false, messages: [`A ${status} response of ${operationId} has no body`] };
    }
    const key = `${operationId} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(closeSchema(viewOf(schema, 'response')) as JsonObject);
      this.cache.set(key, validate);
    }
    return validate(body) ? { ok: true } : { ok: false, messages: describe(validate.errors ?? []) };
  }
}
