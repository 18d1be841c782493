import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describeAjvErrors, type ValueOrigin } from './describe-ajv-errors.js';
import {
  isJsonObject,
  openApiDocument,
  operationSpecs,
  type JsonObject,
  type OperationSpec,
} from './openapi-document.js';
import { componentsView, viewOf, VIEW_IDS } from './schema-views.js';

/** The outcome of a validation: nothing when valid, else readable messages naming the field. */
export type ValidationResult =
  { readonly ok: true } | { readonly ok: false; readonly messages: readonly string[] };

const OK: ValidationResult = { ok: true };

function collectFormats(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const entry of value) collectFormats(entry, found);
  else if (isJsonObject(value)) {
    if (typeof value.format === 'string') found.add(value.format);
    for (const entry of Object.values(value)) collectFormats(entry, found);
  }
  return found;
}

// ajv-formats is CommonJS; depending on the loader its plugin is the default export or its `default`.
const formatsPlugin =
  (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;

function createAjv(options: { coerceTypes: boolean; useDefaults: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    useDefaults: options.useDefaults,
    coerceTypes: options.coerceTypes,
    logger: false,
    // Unions with a `discriminator` are checked against the member their tag names, so an error
    // is about that member (a MANAGER campaign's settings) rather than about all of them.
    discriminator: true,
    // Errors carry their schema, so a refused field's message can give the spec's reason.
    verbose: true,
    // The spec is linted before generation; checking it against the meta-schema again would
    // cost most of the instance's set-up time.
    validateSchema: false,
  });
  formatsPlugin(ajv);
  // Formats the spec uses that are annotations only (e.g. `comma-separated`) always pass.
  for (const format of collectFormats(openApiDocument, new Set())) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  ajv.addSchema(componentsView('request'));
  ajv.addSchema(componentsView('response'));
  return ajv;
}

/**
 * Compiles and caches the validators of every operation, each on first use: compiling all of them
 * up front costs more than the tenant's startup budget, and most tests touch a few operations.
 */
export class OperationValidators {
  private bodyAjv: Ajv2020 | undefined;
  private paramAjv: Ajv2020 | undefined;
  private responseAjv: Ajv2020 | undefined;
  private readonly cache = new Map<string, ValidateFunction>();

  private body(): Ajv2020 {
    this.bodyAjv ??= createAjv({ coerceTypes: false, useDefaults: true });
    return this.bodyAjv;
  }

  private params(): Ajv2020 {
    this.paramAjv ??= createAjv({ coerceTypes: true, useDefaults: true });
    return this.paramAjv;
  }

  private responses(): Ajv2020 {
    this.responseAjv ??= createAjv({ coerceTypes: false, useDefaults: false });
    return this.responseAjv;
  }

  private compiled(key: string, ajv: Ajv2020, schema: () => unknown): ValidateFunction {
    let validate = this.cache.get(key);
    if (!validate) {
      validate = ajv.compile(schema() as JsonObject);
      this.cache.set(key, validate);
    }
    return validate;
  }

  private run(validate: ValidateFunction, value: unknown, origin: ValueOrigin): ValidationResult {
    if (validate(value)) return OK;
    return { ok: false, messages: describeAjvErrors(validate.errors ?? [], origin) };
  }

  private spec(operationId: string): OperationSpec {
    const spec = operationSpecs().get(operationId);
    if (!spec) throw new Error(`The spec has no operation ${operationId}`);
    return spec;
  }

  /**
   * Validates path or query parameters in place: values are coerced from strings to the declared
   * types and defaults are filled in.
   */
  parameters(
    operationId: string,
    where: 'path' | 'query',
    values: Record<string, unknown>,
  ): ValidationResult {
    const validate = this.compiled(`${operationId} ${where}`, this.params(), () => {
      const declared = this.spec(operationId).parameters.filter((p) => p.in === where);
      return {
        type: 'object',
        properties: Object.fromEntries(declared.map((p) => [p.name, viewOf(p.schema, 'request')])),
        required: declared.filter((p) => p.required).map((p) => p.name),
      };
    });
    return this.run(validate, values, where);
  }

  /** Validates a parsed request body in place (defaults are filled in) for one media type. */
  requestBody(operationId: string, mediaType: string, body: unknown): ValidationResult {
    const schema = this.spec(operationId).requestBody?.content.get(mediaType);
    if (!schema) return OK;
    const validate = this.compiled(`${operationId} body ${mediaType}`, this.body(), () =>
      viewOf(schema, 'request'),
    );
    return this.run(validate, body, 'body');
  }

  /** Validates a JSON response body against the schema the spec gives for its status. */
  response(operationId: string, status: number, body: unknown): ValidationResult {
    const spec = this.spec(operationId);
    if (!spec.responses.has(status)) {
      return {
        ok: false,
        messages: [`The spec declares no ${status} response for ${operationId}`],
      };
    }
    const schema = spec.responses.get(status);
    if (!schema) {
      return body === undefined
        ? OK
        : { ok: false, messages: [`A ${status} response of ${operationId} has no body`] };
    }
    const validate = this.compiled(`${operationId} response ${status}`, this.responses(), () =>
      viewOf(schema, 'response'),
    );
    return this.run(validate, body, 'response');
  }

  /** Validates a value against a named component schema, as a request would send it. */
  schema(name: string, value: unknown): ValidationResult {
    const validate = this.compiled(`schema ${name}`, this.body(), () => ({
      $ref: `${VIEW_IDS.request}#/components/schemas/${name}`,
    }));
    return this.run(validate, value, 'body');
  }
}
