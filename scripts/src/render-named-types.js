// The named types of @isc-sdk/types: one declaration per schema, named after it, in the shape the
// API returns (what openapi-fetch's `Readable` makes of `components['schemas'][Name]`), and one
// `<OperationId>Body` per operation with a request body, in the shape to send.
//
// Both come from openapi-typescript, run on two views of the bundled document:
// - the response view drops `writeOnly` properties and the `readOnly` flags (a server-set field is
//   an ordinary field of a response);
// - the request view keeps every property but turns server-set (`readOnly`) ones into optional,
//   `@deprecated` fields, so that a body copied from a response or from SailPoint's examples still
//   compiles while editors strike those fields through and say the server ignores them.
// A schema whose request view differs from its response view gets a second declaration named
// `<Name>Input`. References between schemas become references between the named declarations.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/** @typedef {import('./spec-document.js').OpenApiDocument} OpenApiDocument */
/** @typedef {Record<string, unknown>} JsonObject */

/** Raised when the named types cannot be produced; names the schema or operation. */
export class NamedTypesError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'NamedTypesError';
  }
}

/** The generic type a refused property (`x-isc-not-allowed`) is rendered with. */
export const NOT_ALLOWED_TYPE = 'NotAllowedHere';

const SERVER_SET_NOTE =
  'Set by the server: ignored in requests. Accepted so that a body copied from a response or from ' +
  "SailPoint's examples compiles as it is.";

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * @param {unknown} value
 * @returns {value is JsonObject}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {string} text */
function pascalCase(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The options every openapi-typescript run here shares with the main run (render-types.js).
 * `x-isc-not-allowed` on a property renders it as `null | NotAllowedHere<'reason'>`: JSON-wise
 * the field must be null or absent, and the reason shows up in the compile error. (A plain `null`
 * type would not do: openapi-fetch's Readable and Writable drop properties that can only be null.)
 * @param {boolean} readWriteMarkers
 * @returns {import('openapi-typescript').OpenAPITSOptions}
 */
export function openapiTsOptions(readWriteMarkers) {
  return {
    readWriteMarkers,
    emptyObjectsUnknown: true,
    defaultNonNullable: false,
    /** @param {import('openapi-typescript').SchemaObject} schema */
    transform(schema) {
      const reason = /** @type {Record<string, unknown>} */ (schema)['x-isc-not-allowed'];
      if (typeof reason !== 'string') return undefined;
      return ts.factory.createUnionTypeNode([
        ts.factory.createLiteralTypeNode(ts.factory.createNull()),
        ts.factory.createTypeReferenceNode(NOT_ALLOWED_TYPE, [
          ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(reason)),
        ]),
      ]);
    },
  };
}

/**
 * A copy of the document without `discriminator` keywords, for openapi-typescript. Every union in
 * the spec is told apart by a single-value enum on each member, which TypeScript narrows on by
 * itself; openapi-typescript, on the other hand, reads a discriminator inside `allOf` as
 * inheritance and wraps the union in `Omit<..., 'type'>`, which flattens it.
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function withoutDiscriminators(value) {
  if (Array.isArray(value)) return /** @type {T} */ (value.map(withoutDiscriminators));
  if (!isObject(value)) return value;
  /** @type {JsonObject} */
  const copy = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'discriminator') copy[key] = withoutDiscriminators(child);
  }
  return /** @type {T} */ (copy);
}

/**
 * Follows local references.
 * @param {JsonObject} document
 * @param {unknown} value
 * @returns {JsonObject}
 */
function deref(document, value) {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 32) throw new NamedTypesError(`reference loop at ${current.$ref}`);
    /** @type {unknown} */
    let node = document;
    for (const raw of current.$ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObject(node) ? node[key] : undefined;
    }
    current = node;
  }
  return isObject(current) ? current : {};
}

/**
 * The schema name a `#/components/schemas/Name` reference points at.
 * @param {unknown} ref
 */
function schemaName(ref) {
  if (typeof ref !== 'string') return undefined;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return match?.[1];
}

/**
 * Every schema name referenced anywhere inside `value`.
 * @param {unknown} value
 * @param {Set<string>} [into]
 */
function referencedSchemas(value, into = new Set()) {
  if (Array.isArray(value)) for (const item of value) referencedSchemas(item, into);
  else if (isObject(value)) {
    const name = schemaName(value.$ref);
    if (name) into.add(name);
    for (const child of Object.values(value)) referencedSchemas(child, into);
  }
  return into;
}

/**
 * Whether a property schema is set by the server: `readOnly` itself, or a reference to a schema
 * that is `readOnly` as a whole.
 * @param {JsonObject} document
 * @param {unknown} property
 */
function isServerSet(document, property) {
  if (!isObject(property)) return false;
  if (property.readOnly === true) return true;
  return typeof property.$ref === 'string' && deref(document, property).readOnly === true;
}

/**
 * Whether a schema (its own keywords and inline subschemas, not its references) has a server-set
 * or a write-only property.
 * @param {JsonObject} document
 * @param {unknown} schema
 * @returns {boolean}
 */
function hasOwnDirectionalFields(document, schema) {
  if (Array.isArray(schema)) return schema.some((item) => hasOwnDirectionalFields(document, item));
  if (!isObject(schema) || typeof schema.$ref === 'string') return false;
  const properties = isObject(schema.properties) ? Object.values(schema.properties) : [];
  if (
    properties.some(
      (property) =>
        isServerSet(document, property) || (isObject(property) && property.writeOnly === true),
    )
  ) {
    return true;
  }
  return Object.values(schema).some((value) => hasOwnDirectionalFields(document, value));
}

/**
 * A deep copy of `schema` for one direction.
 * @param {JsonObject} document
 * @param {unknown} schema
 * @param {'request' | 'response'} direction
 * @returns {unknown}
 */
function viewOf(document, schema, direction) {
  if (Array.isArray(schema)) return schema.map((item) => viewOf(document, item, direction));
  if (!isObject(schema)) return schema;
  /** @type {JsonObject} */
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'readOnly' || key === 'writeOnly' || key === 'example' || key === 'examples')
      continue;
    if (key === 'properties' && isObject(value)) {
      /** @type {JsonObject} */
      const properties = {};
      for (const [name, property] of Object.entries(value)) {
        if (direction === 'response' && isObject(property) && property.writeOnly === true) continue;
        const view = /** @type {JsonObject} */ (viewOf(document, property, direction));
        if (direction === 'request' && isServerSet(document, property)) {
          const own =
            isObject(property) && typeof property.description === 'string'
              ? property.description
              : typeof deref(document, property).description === 'string'
                ? String(deref(document, property).description)
                : '';
          view.deprecated = true;
          view.description = own ? `${SERVER_SET_NOTE} ${own}` : SERVER_SET_NOTE;
        }
        properties[name] = view;
      }
      copy.properties = properties;
    } else copy[key] = viewOf(document, value, direction);
  }
  if (Array.isArray(schema.required) && isObject(schema.properties)) {
    const properties = schema.properties;
    copy.required = schema.required.filter((name) => {
      const property = properties[String(name)];
      if (direction === 'request') return !isServerSet(document, property);
      return !(isObject(property) && property.writeOnly === true);
    });
  }
  return copy;
}

/**
 * One operation with a request body.
 * @typedef {{ operationId: string, method: string, path: string, media: string, schema: JsonObject, description: string, required: boolean }} BodyOperation
 */

/**
 * @param {OpenApiDocument} document
 * @returns {BodyOperation[]}
 */
export function operationsWithBodies(document) {
  /** @type {BodyOperation[]} */
  const out = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = isObject(item) ? item[method] : undefined;
      if (!isObject(operation) || operation.requestBody === undefined) continue;
      const operationId = String(operation.operationId);
      const body = deref(
        /** @type {JsonObject} */ (/** @type {unknown} */ (document)),
        operation.requestBody,
      );
      const content = isObject(body.content) ? body.content : {};
      const medias = Object.keys(content);
      if (medias.length !== 1) {
        throw new NamedTypesError(
          `${operationId}: a request body with ${medias.length} content types cannot get one <OperationId>Body type`,
        );
      }
      const media = /** @type {string} */ (medias[0]);
      const entry = content[media];
      out.push({
        operationId,
        method: method.toUpperCase(),
        path,
        media,
        schema: isObject(entry) && isObject(entry.schema) ? entry.schema : {},
        description: typeof body.description === 'string' ? body.description : '',
        required: body.required === true,
      });
    }
  }
  return out;
}

/**
 * The `components['schemas']` members of an openapi-typescript AST, by name.
 * @param {ts.Node[]} ast
 * @returns {Map<string, ts.PropertySignature>}
 */
function schemaMembers(ast) {
  const components = ast.find(
    (node) => ts.isInterfaceDeclaration(node) && node.name.text === 'components',
  );
  if (!components || !ts.isInterfaceDeclaration(components)) {
    throw new NamedTypesError('openapi-typescript produced no components interface');
  }
  const schemas = components.members.find(
    (member) =>
      ts.isPropertySignature(member) &&
      member.name !== undefined &&
      ts.isIdentifier(member.name) &&
      member.name.text === 'schemas',
  );
  /** @type {Map<string, ts.PropertySignature>} */
  const members = new Map();
  if (!schemas || !ts.isPropertySignature(schemas) || !schemas.type) return members;
  if (!ts.isTypeLiteralNode(schemas.type)) return members;
  for (const member of schemas.type.members) {
    if (!ts.isPropertySignature(member) || !member.name) continue;
    const name = ts.isIdentifier(member.name)
      ? member.name.text
      : ts.isStringLiteral(member.name)
        ? member.name.text
        : undefined;
    if (name !== undefined) members.set(name, member);
  }
  return members;
}

/**
 * The schema name of a `components["schemas"]["Name"]` type node, or undefined.
 * @param {ts.Node} node
 */
export function schemaReferenceName(node) {
  if (!ts.isIndexedAccessTypeNode(node)) return undefined;
  const outer = node.objectType;
  if (!ts.isIndexedAccessTypeNode(outer)) return undefined;
  const root = outer.objectType;
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName)) return undefined;
  if (root.typeName.text !== 'components') return undefined;
  const section = outer.indexType;
  if (!ts.isLiteralTypeNode(section) || !ts.isStringLiteral(section.literal)) return undefined;
  if (section.literal.text !== 'schemas') return undefined;
  const index = node.indexType;
  if (!ts.isLiteralTypeNode(index) || !ts.isStringLiteral(index.literal)) return undefined;
  return index.literal.text;
}

/**
 * Replaces `components["schemas"]["Name"]` with a reference to `rename(Name)`.
 * @template {ts.Node} T
 * @param {T} node
 * @param {(name: string) => string} rename
 * @param {Set<string>} [used] collects the names referenced
 * @returns {T}
 */
export function renameSchemaReferences(node, rename, used) {
  const result = ts.transform(node, [
    (context) => (root) => {
      /** @param {ts.Node} current @returns {ts.Node} */
      const visit = (current) => {
        const name = schemaReferenceName(current);
        if (name !== undefined) {
          const target = rename(name);
          used?.add(target);
          return ts.factory.createTypeReferenceNode(target);
        }
        return ts.visitEachChild(current, visit, context);
      };
      return /** @type {T} */ (ts.visitNode(root, visit));
    },
  ]);
  const [transformed] = result.transformed;
  result.dispose();
  return /** @type {T} */ (transformed);
}

/**
 * An exported declaration named `name` for a type node, with the leading comments of `from`:
 * an interface for an object literal type, a type alias otherwise.
 * @param {string} name
 * @param {ts.TypeNode} type
 * @param {ts.Node | undefined} from
 * @param {string} [comment] a JSDoc body to use instead of `from`'s comments
 */
function declaration(name, type, from, comment) {
  const exported = [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)];
  /** @type {ts.Statement} */
  const node = ts.isTypeLiteralNode(type)
    ? ts.factory.createInterfaceDeclaration(exported, name, undefined, undefined, type.members)
    : ts.factory.createTypeAliasDeclaration(exported, name, undefined, type);
  if (comment !== undefined) {
    ts.addSyntheticLeadingComment(
      node,
      ts.SyntaxKind.MultiLineCommentTrivia,
      `*\n${comment}\n `,
      true,
    );
  } else if (from) {
    const comments = ts.getSyntheticLeadingComments(from);
    if (comments) ts.setSyntheticLeadingComments(node, comments);
  }
  return node;
}

/**
 * `export type NotAllowedHere<Reason extends string> = { readonly [K in Reason]: Reason };`
 * A mapped type, so that openapi-fetch's Readable and Writable keep it (its property is not
 * `never`), with the reason as its only key.
 */
function notAllowedDeclaration() {
  const node = ts.factory.createTypeAliasDeclaration(
    [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
    NOT_ALLOWED_TYPE,
    [
      ts.factory.createTypeParameterDeclaration(
        undefined,
        'Reason',
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
      ),
    ],
    ts.factory.createMappedTypeNode(
      ts.factory.createToken(ts.SyntaxKind.ReadonlyKeyword),
      ts.factory.createTypeParameterDeclaration(
        undefined,
        'K',
        ts.factory.createTypeReferenceNode('Reason'),
      ),
      undefined,
      undefined,
      ts.factory.createTypeReferenceNode('Reason'),
      undefined,
    ),
  );
  ts.addSyntheticLeadingComment(
    node,
    ts.SyntaxKind.MultiLineCommentTrivia,
    `*\n${jsdoc([
      'The type of a field a request body must leave out or set to null, for example',
      '`sourceOwnerCampaignInfo` in a MANAGER campaign. Its only key is the reason, so a compile',
      'error about this type says why the field is refused.',
    ])}\n `,
    true,
  );
  return node;
}

/** @param {string[]} lines */
function jsdoc(lines) {
  return lines.map((line) => ` * ${line}`.trimEnd()).join('\n');
}

/**
 * What render-types.js needs to point request bodies at the request view.
 * @typedef {{ source: string, requestName: (schema: string) => string, names: string[] }} NamedTypes
 */

/**
 * Renders the named types module (without banner; not yet formatted).
 * @param {OpenApiDocument} bundled
 * @returns {Promise<NamedTypes>}
 */
export async function renderNamedTypes(bundled) {
  const document = withoutDiscriminators(bundled);
  const raw = /** @type {JsonObject} */ (/** @type {unknown} */ (document));
  const schemas = isObject(document.components?.schemas) ? document.components.schemas : {};
  const names = Object.keys(schemas);
  const bodies = operationsWithBodies(document);

  // Which schemas look different in a request: those with server-set or write-only fields, and
  // those that refer to such a schema.
  const refs = new Map(names.map((name) => [name, referencedSchemas(schemas[name])]));
  const differs = new Set(names.filter((name) => hasOwnDirectionalFields(raw, schemas[name])));
  for (let changed = true; changed;) {
    changed = false;
    for (const name of names) {
      if (differs.has(name)) continue;
      if ([...(refs.get(name) ?? [])].some((target) => differs.has(target))) {
        differs.add(name);
        changed = true;
      }
    }
  }
  // Only schemas a request body can reach need a request view.
  const reachable = new Set();
  const queue = bodies.flatMap((body) => [...referencedSchemas(body.schema)]);
  while (queue.length > 0) {
    const name = /** @type {string} */ (queue.pop());
    if (reachable.has(name)) continue;
    reachable.add(name);
    queue.push(...(refs.get(name) ?? []));
  }
  const inputs = names.filter((name) => differs.has(name) && reachable.has(name));
  const inputName = (/** @type {string} */ name) => `${name}Input`;
  const requestName = (/** @type {string} */ name) =>
    differs.has(name) && reachable.has(name) ? inputName(name) : name;

  const bodyName = (/** @type {BodyOperation} */ body) => `${pascalCase(body.operationId)}Body`;
  const taken = new Map(names.map((name) => [name, `schema ${name}`]));
  for (const [name, what] of [
    ...inputs.map((name) => [inputName(name), `the request view of ${name}`]),
    ...bodies.map((body) => [bodyName(body), `the body of ${body.operationId}`]),
    [NOT_ALLOWED_TYPE, 'the refused-field helper'],
    ['Schemas', 'the map of named schema types'],
    ['RequestBodies', 'the map of body types'],
  ]) {
    const clash = taken.get(/** @type {string} */ (name));
    if (clash) {
      throw new NamedTypesError(
        `the name ${name} is needed for ${what} but is already used by ${clash}; rename the schema`,
      );
    }
    taken.set(/** @type {string} */ (name), /** @type {string} */ (what));
  }

  // Response view: every schema.
  /** @type {JsonObject} */
  const responseSchemas = {};
  for (const name of names) responseSchemas[name] = viewOf(raw, schemas[name], 'response');
  const responseAst = await openapiTS(
    /** @type {never} */ ({
      openapi: document.openapi,
      info: document.info,
      paths: {},
      components: { schemas: responseSchemas },
    }),
    openapiTsOptions(false),
  );
  const responseMembers = schemaMembers(responseAst);

  // Request view: the schemas that differ, plus one entry per request body.
  /** @type {JsonObject} */
  const requestSchemas = {};
  for (const name of names) requestSchemas[name] = viewOf(raw, schemas[name], 'request');
  const bodyKey = (/** @type {BodyOperation} */ body) => `__body_${body.operationId}`;
  for (const body of bodies) requestSchemas[bodyKey(body)] = viewOf(raw, body.schema, 'request');
  const requestAst = await openapiTS(
    /** @type {never} */ ({
      openapi: document.openapi,
      info: document.info,
      paths: {},
      components: { schemas: requestSchemas },
    }),
    openapiTsOptions(false),
  );
  const requestMembers = schemaMembers(requestAst);

  /** @type {ts.Statement[]} */
  const statements = [notAllowedDeclaration()];
  for (const name of names) {
    const member = /** @type {ts.PropertySignature} */ (responseMembers.get(name));
    const type = renameSchemaReferences(/** @type {ts.TypeNode} */ (member.type), (n) => n);
    statements.push(declaration(name, type, member));
  }
  for (const name of inputs) {
    const member = /** @type {ts.PropertySignature} */ (requestMembers.get(name));
    const type = renameSchemaReferences(/** @type {ts.TypeNode} */ (member.type), requestName);
    const own = schemas[name];
    const description =
      isObject(own) && typeof own.description === 'string' ? ` ${own.description}` : '';
    statements.push(
      declaration(
        inputName(name),
        type,
        undefined,
        jsdoc([
          `${name} as a request body sends it: the same fields, but those the server sets are`,
          `optional and marked \`@deprecated\` (the server ignores them).${description}`,
        ]),
      ),
    );
  }
  for (const body of bodies) {
    const member = /** @type {ts.PropertySignature} */ (requestMembers.get(bodyKey(body)));
    const type = renameSchemaReferences(/** @type {ts.TypeNode} */ (member.type), requestName);
    statements.push(
      declaration(
        bodyName(body),
        type,
        undefined,
        jsdoc([
          `The body of \`${body.operationId}\` (${body.method} ${body.path}, \`${body.media}\`)${body.required ? '' : ', optional'}.`,
          ...(body.description ? [body.description] : []),
        ]),
      ),
    );
  }
  statements.push(
    declaration(
      'Schemas',
      ts.factory.createTypeLiteralNode(
        names.map((name) =>
          ts.factory.createPropertySignature(
            undefined,
            name,
            undefined,
            ts.factory.createTypeReferenceNode(name),
          ),
        ),
      ),
      undefined,
      jsdoc([
        'Every named schema type by its schema name: what `Readable<components["schemas"][Name]>`',
        'gives, under the name a reader expects.',
      ]),
    ),
  );
  statements.push(
    declaration(
      'RequestBodies',
      ts.factory.createTypeLiteralNode(
        bodies.map((body) =>
          ts.factory.createPropertySignature(
            undefined,
            body.operationId,
            undefined,
            ts.factory.createTypeReferenceNode(bodyName(body)),
          ),
        ),
      ),
      undefined,
      jsdoc(['The body type of each operation that takes one, by operationId.']),
    ),
  );

  let source = astToString(statements);
  // openapi-typescript writes `@deprecated` and the description as two tags; editors show the
  // text after `@deprecated` when they strike a field through, so put the note there.
  source = source.replace(
    /\* @deprecated\n(\s*)\* @description Set by the server: ignored in requests\./g,
    '* @deprecated Set by the server: ignored in requests.\n$1* @description',
  );
  return {
    source,
    requestName,
    names: [
      NOT_ALLOWED_TYPE,
      ...names,
      ...inputs.map(inputName),
      ...bodies.map(bodyName),
      'Schemas',
      'RequestBodies',
    ],
  };
}
