import openapiTS, { astToString } from 'openapi-typescript';

/**
 * Runs openapi-typescript over the bundled document and returns the TypeScript source.
 * @param {import('./spec-document.js').OpenApiDocument} document
 * @returns {Promise<string>}
 */
export async function renderTypes(document) {
  const ast = await openapiTS(/** @type {never} */ (document), {
    // Request bodies drop readOnly properties and responses drop writeOnly ones.
    readWriteMarkers: true,
    // Exported aliases such as `Campaign` next to `components['schemas']['Campaign']`.
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    // Unknown keys in free-form objects stay `unknown` rather than `any`.
    emptyObjectsUnknown: true,
    // A default is what the server assumes when a field is left out, so the field stays optional
    // (openapi-typescript 7 would otherwise make it required, in request bodies too).
    defaultNonNullable: false,
  });
  return astToString(ast);
}
