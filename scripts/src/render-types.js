import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import {
  NOT_ALLOWED_TYPE,
  openapiTsOptions,
  renameSchemaReferences,
  withoutDiscriminators,
} from './render-named-types.js';

/**
 * Points every schema reference inside a request body (an operation's `requestBody`, or a shared
 * one in `components.requestBodies`) at the request view of that schema, so that openapi-fetch,
 * which applies `Writable` to request bodies, accepts what the named `<OperationId>Body` types hold
 * (server-set fields included, as the named types document them).
 * @param {ts.Node} node
 * @param {(schema: string) => string} requestName
 * @param {Set<string>} used
 * @returns {ts.Node}
 */
function pointRequestBodiesAtRequestView(node, requestName, used) {
  if (!ts.isInterfaceDeclaration(node)) return node;
  const name = node.name.text;
  if (name !== 'operations' && name !== 'components') return node;
  const members = node.members.map((member) => {
    if (!ts.isPropertySignature(member) || !member.type || !member.name) return member;
    const key =
      ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : '';
    if (name === 'components') {
      if (key !== 'requestBodies') return member;
      return renameSchemaReferences(member, requestName, used);
    }
    // operations: each member is one operation; rewrite its requestBody only.
    if (!ts.isTypeLiteralNode(member.type)) return member;
    const operation = member.type;
    const rewritten = operation.members.map((field) =>
      ts.isPropertySignature(field) &&
      field.name &&
      ts.isIdentifier(field.name) &&
      field.name.text === 'requestBody'
        ? renameSchemaReferences(field, requestName, used)
        : field,
    );
    return ts.factory.updatePropertySignature(
      member,
      member.modifiers,
      member.name,
      member.questionToken,
      ts.factory.updateTypeLiteralNode(operation, ts.factory.createNodeArray(rewritten)),
    );
  });
  return ts.factory.updateInterfaceDeclaration(
    node,
    node.modifiers,
    node.name,
    node.typeParameters,
    node.heritageClauses,
    members,
  );
}

/**
 * Runs openapi-typescript over the bundled document and returns the TypeScript source of
 * `paths`, `components` and `operations`. Request bodies refer to the request views that the
 * named types module (render-named-types.js) declares, which this source imports.
 * @param {import('./spec-document.js').OpenApiDocument} document
 * @param {(schema: string) => string} requestName the request view's name of each schema
 * @returns {Promise<string>}
 */
export async function renderTypes(document, requestName) {
  const ast = await openapiTS(/** @type {never} */ (withoutDiscriminators(document)), {
    // Request bodies drop readOnly properties and responses drop writeOnly ones; openapi-fetch
    // reads the markers. Request bodies then point at request views without markers (above).
    ...openapiTsOptions(true),
  });
  /** @type {Set<string>} */
  const used = new Set();
  const source = astToString(
    ast.map((node) => pointRequestBodiesAtRequestView(node, requestName, used)),
  );
  if (source.includes(`${NOT_ALLOWED_TYPE}<`)) used.add(NOT_ALLOWED_TYPE);
  if (used.size === 0) return source;
  return `import type { ${[...used].sort().join(', ')} } from './named.js';\n${source}`;
}
