// Flattens a JSON Schema (as an OpenAPI 3.0 or 3.1 document holds it) into one entry per field path,
// so that two documents can be compared field by field whichever way each one composes its schemas
// ($ref, allOf, oneOf, anyOf, 3.0 `nullable`, 3.1 type arrays).
//
// Paths: `name`, `campaign.name`, `accounts[].owner.id`, `[]` for the items of a top-level array,
// `attributes.*` for the values of a map (additionalProperties); the body itself is the empty path.
// Depth counts property names (and map values), not array levels: `accounts[].owner.id` is depth 3.

/** @typedef {Record<string, unknown>} JsonObject */

/**
 * What is known about one field once every alternative that can hold it is merged.
 * - `types`: JSON types, sorted (`string`, `number`, `integer`, `boolean`, `object`, `array`, `null`,
 *   or `any` when nothing constrains it).
 * - `enum`: the allowed values (as strings, sorted, null left to `types`), or null when open.
 * - `required`: whether every object alternative that can hold the field requires it.
 * - `keys`: names for the field itself, `Schema.path` after the component that declares it.
 * - `childKeys`: prefixes under which the field's own properties are declared (for fields that
 *   only the other document has).
 * @typedef {{
 *   types: string[],
 *   enum: string[] | null,
 *   required: boolean,
 *   bounds: Record<string, number>,
 *   keys: string[],
 *   childKeys: string[],
 * }} FieldFacts
 */

/** Keywords whose numeric value is compared as a bound. */
export const BOUND_KEYWORDS = /** @type {const} */ ([
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
]);

/** How many alternatives one schema may expand to before the flattener gives up. */
const MAX_ALTERNATIVES = 256;

/**
 * @param {unknown} value
 * @returns {value is JsonObject}
 */
export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Follows a local reference (`#/components/schemas/Name`) inside `document`.
 * @param {JsonObject} document
 * @param {string} ref
 * @returns {unknown}
 */
export function resolvePointer(document, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local references can be followed, not ${ref}`);
  /** @type {unknown} */
  let node = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
    if (node === undefined) throw new Error(`reference ${ref} points at nothing`);
  }
  return node;
}

/**
 * The component name a `#/components/schemas/...` reference names, or undefined.
 * @param {string} ref
 */
function schemaNameOf(ref) {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return match?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * A subschema with where it was declared: `owner` is the component (or the label of the inline
 * root), `rel` the path from there, `stack` the references followed to reach it. `also` names the
 * same place from the enclosing components the references were followed from (an account
 * document's `accountId` is declared by BaseAccount and also reached as `AccountDocument.accountId`).
 * @typedef {{ owner: string, rel: string }} Place
 * @typedef {{
 *   schema: JsonObject,
 *   owner: string,
 *   rel: string,
 *   stack: readonly string[],
 *   also: readonly Place[],
 * }} Located
 */

/** How many enclosing names a place keeps. */
const MAX_ALSO = 3;

/**
 * The same places one step further down.
 * @param {readonly Place[]} places
 * @param {(rel: string) => string} step
 * @returns {Place[]}
 */
function stepAll(places, step) {
  return places.map((place) => ({ owner: place.owner, rel: step(place.rel) }));
}

/**
 * One way a value can look: a flat shape with its own types, enum, bounds and members.
 * @typedef {{
 *   types: Set<string>,
 *   enumValues: Set<string> | null,
 *   bounds: Map<string, number>,
 *   properties: Map<string, { parts: Located[], required: boolean }>,
 *   items: Located[],
 *   values: Located[],
 *   base: string[],
 * }} Alternative
 */

/**
 * @param {string} owner
 * @param {string} rel
 */
export function keyOf(owner, rel) {
  if (!rel) return owner;
  return rel.startsWith('[') ? `${owner}${rel}` : `${owner}.${rel}`;
}

/**
 * @param {string} path
 * @param {string} name
 */
function child(path, name) {
  return path ? `${path}.${name}` : name;
}

/**
 * The alternative described by a schema's own keywords (not its compositions).
 * @param {Located} located
 * @returns {Alternative}
 */
function ownAlternative(located) {
  const { schema, owner, rel, stack, also } = located;
  /** @type {Alternative} */
  const alternative = {
    types: new Set(),
    enumValues: null,
    bounds: new Map(),
    properties: new Map(),
    items: [],
    values: [],
    base: [keyOf(owner, rel), ...also.map((place) => keyOf(place.owner, place.rel))],
  };
  const type = schema.type;
  for (const name of Array.isArray(type) ? type : typeof type === 'string' ? [type] : []) {
    alternative.types.add(String(name));
  }
  if (schema.nullable === true) alternative.types.add('null');
  const listed = Array.isArray(schema.enum)
    ? schema.enum
    : 'const' in schema && schema.const !== undefined
      ? [schema.const]
      : undefined;
  if (listed) {
    alternative.enumValues = new Set();
    for (const value of listed) {
      if (value === null) alternative.types.add('null');
      else alternative.enumValues.add(String(value));
    }
  }
  for (const keyword of BOUND_KEYWORDS) {
    const value = schema[keyword];
    if (typeof value === 'number') alternative.bounds.set(keyword, value);
  }
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  if (isObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (!isObject(sub)) continue;
      alternative.properties.set(name, {
        parts: [
          {
            schema: sub,
            owner,
            rel: child(rel, name),
            stack,
            also: stepAll(also, (r) => child(r, name)),
          },
        ],
        required: required.has(name),
      });
      required.delete(name);
    }
  }
  // `required` may name a property that a sibling allOf member declares: keep it as a marker.
  for (const name of required) alternative.properties.set(name, { parts: [], required: true });
  if (isObject(schema.items)) {
    alternative.items.push({
      schema: schema.items,
      owner,
      rel: `${rel}[]`,
      stack,
      also: stepAll(also, (r) => `${r}[]`),
    });
  }
  if (isObject(schema.additionalProperties)) {
    alternative.values.push({
      schema: schema.additionalProperties,
      owner,
      rel: child(rel, '*'),
      stack,
      also: stepAll(also, (r) => child(r, '*')),
    });
  }
  if (
    alternative.types.size === 0 ||
    (alternative.types.size === 1 && alternative.types.has('null'))
  ) {
    if (alternative.properties.size > 0 || alternative.values.length > 0)
      alternative.types.add('object');
    else if (alternative.items.length > 0) alternative.types.add('array');
  }
  return alternative;
}

/**
 * One property described by two schemas that both apply (allOf members, or a union member and the
 * schema's own keywords): a single part whose schema is the allOf of both, named after the first
 * and also after the others.
 * @param {Located[]} a
 * @param {Located[]} b
 * @returns {Located[]}
 */
function intersectParts(a, b) {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const [first, ...rest] = [...a, ...b];
  const head = /** @type {Located} */ (first);
  return [
    {
      schema: { allOf: [head, ...rest].map((part) => part.schema) },
      owner: head.owner,
      rel: head.rel,
      stack: head.stack,
      also: [
        ...head.also,
        ...rest.flatMap((part) => [{ owner: part.owner, rel: part.rel }, ...part.also]),
      ].slice(0, MAX_ALSO * 2),
    },
  ];
}

/**
 * Both alternatives at once (allOf, or a union member with the schema's own keywords).
 * @param {Alternative} a
 * @param {Alternative} b
 * @returns {Alternative}
 */
function combine(a, b) {
  const types = new Set([...a.types, ...b.types]);
  let enumValues = a.enumValues ?? b.enumValues;
  if (a.enumValues && b.enumValues) {
    enumValues = new Set([...a.enumValues].filter((value) => b.enumValues?.has(value)));
  }
  const properties = new Map(a.properties);
  for (const [name, entry] of b.properties) {
    const existing = properties.get(name);
    properties.set(
      name,
      existing
        ? {
            parts: intersectParts(existing.parts, entry.parts),
            required: existing.required || entry.required,
          }
        : entry,
    );
  }
  return {
    types,
    enumValues,
    bounds: new Map([...a.bounds, ...b.bounds]),
    properties,
    items: [...a.items, ...b.items],
    values: [...a.values, ...b.values],
    // The components that hold the properties.
    base: [...new Set([...a.base, ...b.base])],
  };
}

/**
 * Every alternative a located schema can take.
 * @param {JsonObject} document
 * @param {Located} located
 * @returns {Alternative[]}
 */
function alternativesOf(document, located) {
  const { schema } = located;
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (located.stack.includes(ref)) {
      // Recursion: the shape is the one being expanded further up; stop here.
      const stop = ownAlternative({ ...located, schema: {} });
      stop.types.add('object');
      return [stop];
    }
    const target = resolvePointer(document, ref);
    if (!isObject(target)) throw new Error(`reference ${ref} is not a schema`);
    const name = schemaNameOf(ref);
    const stack = [...located.stack, ref];
    const resolved = alternativesOf(
      document,
      name
        ? {
            schema: target,
            owner: name,
            rel: '',
            stack,
            also: [
              ...(located.owner ? [{ owner: located.owner, rel: located.rel }] : []),
              ...located.also,
            ].slice(0, MAX_ALSO),
          }
        : { ...located, schema: target, stack },
    );
    // OpenAPI 3.0 ignores a reference's siblings, but upstream writes `nullable: true` next to
    // `$ref` to mean "or null", and 3.1 honours siblings: read it that way.
    if (schema.nullable === true) {
      const nothing = ownAlternative({ ...located, schema: { type: 'null' } });
      return [...resolved, nothing];
    }
    return resolved;
  }
  let result = [ownAlternative(located)];
  /** @param {Alternative[]} options */
  const product = (options) => {
    const next = result.flatMap((left) => options.map((right) => combine(left, right)));
    if (next.length > MAX_ALTERNATIVES) {
      throw new Error(`${keyOf(located.owner, located.rel)} expands to too many alternatives`);
    }
    result = next;
  };
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf.filter(isObject)) {
      product(alternativesOf(document, { ...located, schema: member }));
    }
  }
  for (const key of ['oneOf', 'anyOf']) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    product(
      members
        .filter(isObject)
        .flatMap((member) => alternativesOf(document, { ...located, schema: member })),
    );
  }
  return result;
}

/**
 * @param {Alternative[]} alternatives
 * @param {boolean} required
 * @param {Located[]} parts
 * @returns {FieldFacts}
 */
function factsOf(alternatives, required, parts) {
  const types = new Set(alternatives.flatMap((a) => [...a.types]));
  if (types.size === 0) types.add('any');
  // An open alternative (no enum) that can hold a value makes the field open.
  const valued = alternatives.filter((a) => !(a.types.size === 1 && a.types.has('null')));
  /** @type {string[] | null} */
  let enumValues = null;
  if (valued.length > 0 && valued.every((a) => a.enumValues !== null)) {
    enumValues = [...new Set(valued.flatMap((a) => [...(a.enumValues ?? [])]))].sort();
  }
  /** @type {Record<string, number>} */
  const bounds = {};
  for (const alternative of alternatives) {
    for (const [keyword, value] of alternative.bounds) bounds[keyword] ??= value;
  }
  return {
    types: [...types].sort(),
    enum: enumValues,
    required,
    bounds,
    keys: [
      ...new Set(
        parts.flatMap((part) => [
          keyOf(part.owner, part.rel),
          ...part.also.map((place) => keyOf(place.owner, place.rel)),
        ]),
      ),
    ].sort(),
    childKeys: [
      ...new Set(alternatives.filter((a) => a.types.has('object')).flatMap((a) => a.base)),
    ].sort(),
  };
}

/**
 * Flattens a schema into its fields.
 * @param {JsonObject} document the bundled document `schema`'s references point into
 * @param {JsonObject} schema
 * @param {{ maxDepth?: number, owner?: string }} [options] `owner` labels an inline root
 * @returns {Map<string, FieldFacts>}
 */
export function flattenSchema(document, schema, options = {}) {
  const maxDepth = options.maxDepth ?? 8;
  /** @type {Map<string, FieldFacts>} */
  const fields = new Map();
  /**
   * @param {Located[]} parts
   * @param {string} path
   * @param {number} depth
   * @param {boolean} required
   */
  const walk = (parts, path, depth, required) => {
    const alternatives = parts.flatMap((part) => alternativesOf(document, part));
    const facts = factsOf(alternatives, required, parts);
    const existing = fields.get(path);
    fields.set(path, existing ? mergeFacts(existing, facts) : facts);
    const objects = alternatives.filter((a) => a.types.has('object') || a.properties.size > 0);
    if (depth < maxDepth) {
      /** @type {Map<string, { parts: Located[], required: boolean }>} */
      const properties = new Map();
      for (const alternative of objects) {
        for (const [name, entry] of alternative.properties) {
          const existingEntry = properties.get(name);
          if (existingEntry) existingEntry.parts.push(...entry.parts);
          else properties.set(name, { parts: [...entry.parts], required: false });
        }
      }
      for (const [name, entry] of properties) {
        if (entry.parts.length === 0) continue;
        const requiredEverywhere = objects.every((a) => a.properties.get(name)?.required === true);
        walk(entry.parts, child(path, name), depth + 1, requiredEverywhere);
      }
      const values = alternatives.flatMap((a) => a.values);
      if (values.length > 0) walk(values, child(path, '*'), depth + 1, false);
    }
    const items = alternatives.flatMap((a) => a.items);
    if (items.length > 0) walk(items, `${path}[]`, depth, false);
  };
  walk([{ schema, owner: options.owner ?? '', rel: '', stack: [], also: [] }], '', 0, true);
  return fields;
}

/**
 * @param {FieldFacts} a
 * @param {FieldFacts} b
 * @returns {FieldFacts}
 */
function mergeFacts(a, b) {
  return {
    types: [...new Set([...a.types, ...b.types])].sort(),
    enum: a.enum && b.enum ? [...new Set([...a.enum, ...b.enum])].sort() : null,
    required: a.required && b.required,
    bounds: { ...b.bounds, ...a.bounds },
    keys: [...new Set([...a.keys, ...b.keys])].sort(),
    childKeys: [...new Set([...a.childKeys, ...b.childKeys])].sort(),
  };
}

/**
 * Depth of a field path: its property names and map levels.
 * @param {string} path
 */
export function depthOf(path) {
  if (path === '') return 0;
  return path.replace(/\[\]/g, '').split('.').filter(Boolean).length;
}
