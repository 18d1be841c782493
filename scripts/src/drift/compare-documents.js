// Compares the curated document with an upstream one, operation by operation: the operations
// themselves, operationIds, parameters, request bodies, status codes, content types, and every
// request and response field (its JSON types, enum values, whether it is required, and its bounds).
import { depthOf, flattenSchema, isObject, keyOf, resolvePointer } from './flatten-schema.js';

/** @typedef {import('./flatten-schema.js').JsonObject} JsonObject */
/** @typedef {import('./flatten-schema.js').FieldFacts} FieldFacts */

/**
 * One difference between the two documents.
 * - `operation`: the operationId (the curated one when both documents have the operation).
 * - `where`: `operation`, `operationId`, `parameter <in>.<name>`, `request`, `request <media>`,
 *   `status <code>`, `response <code> <media>`.
 * - `field`: the field path inside a body (`''` is the body itself), or null.
 * - `side`: which document has it (`upstream`, `curated`), or `both` when it changed.
 * - `nested`: for a field only one side has, how many fields below it come with it.
 * - `keys`: the names a deliberate-difference entry may use for it (see deliberate.js).
 * @typedef {{
 *   operation: string,
 *   method: string,
 *   path: string,
 *   where: string,
 *   field: string | null,
 *   side: 'upstream' | 'curated' | 'both',
 *   detail: string,
 *   nested: number,
 *   keys: string[],
 * }} Difference
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * @typedef {{
 *   method: string,
 *   path: string,
 *   operation: JsonObject,
 *   parameters: unknown[],
 * }} OperationEntry
 */

/** @param {string} path */
export function normalizePath(path) {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/**
 * Every operation of a document, keyed by `METHOD /normalized/{}/path`.
 * @param {JsonObject} document
 * @returns {Map<string, OperationEntry>}
 */
export function operationsOf(document) {
  /** @type {Map<string, OperationEntry>} */
  const operations = new Map();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      operations.set(`${method.toUpperCase()} ${normalizePath(path)}`, {
        method: method.toUpperCase(),
        path,
        operation,
        parameters: [...shared, ...own],
      });
    }
  }
  return operations;
}

/**
 * Follows `$ref`s to a non-reference object.
 * @param {JsonObject} document
 * @param {unknown} value
 * @returns {JsonObject}
 */
function deref(document, value) {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 32) throw new Error(`reference loop at ${current.$ref}`);
    current = resolvePointer(document, current.$ref);
  }
  return isObject(current) ? current : {};
}

/**
 * @param {JsonObject} document
 * @param {unknown[]} parameters
 * @returns {Map<string, JsonObject>} by `<in>.<name>`; an operation's own entry wins over its path's
 */
function parametersOf(document, parameters) {
  /** @type {Map<string, JsonObject>} */
  const byKey = new Map();
  for (const raw of parameters) {
    const parameter = deref(document, raw);
    byKey.set(`${String(parameter.in)}.${String(parameter.name)}`, parameter);
  }
  return byKey;
}

/**
 * `{ media: schema }` of a request body or response.
 * @param {JsonObject} document
 * @param {unknown} holder
 * @returns {Map<string, JsonObject>}
 */
function contentOf(document, holder) {
  const resolved = deref(document, holder);
  /** @type {Map<string, JsonObject>} */
  const content = new Map();
  if (!isObject(resolved.content)) return content;
  for (const [media, entry] of Object.entries(resolved.content)) {
    content.set(media, isObject(entry) && isObject(entry.schema) ? entry.schema : {});
  }
  return content;
}

/**
 * @param {FieldFacts} facts
 * @returns {string}
 */
export function describeFacts(facts) {
  const parts = [facts.types.join('|')];
  if (facts.enum) parts.push(`enum ${facts.enum.join(',')}`);
  if (facts.required) parts.push('required');
  return parts.join(', ');
}

/**
 * What changed between two sets of facts about the same field, or undefined if nothing did.
 * @param {FieldFacts} curated
 * @param {FieldFacts} upstream
 * @param {{ compareRequired: boolean }} options
 */
export function changeBetween(curated, upstream, options) {
  /** @type {string[]} */
  const changes = [];
  if (curated.types.join('|') !== upstream.types.join('|')) {
    changes.push(`type ${curated.types.join('|')} (upstream ${upstream.types.join('|')})`);
  }
  const curatedEnum = curated.enum ?? [];
  const upstreamEnum = upstream.enum ?? [];
  if (curated.enum === null && upstream.enum !== null) {
    changes.push(`open (upstream enum ${upstreamEnum.join(',')})`);
  } else if (curated.enum !== null && upstream.enum === null) {
    changes.push(`enum ${curatedEnum.join(',')} (upstream open)`);
  } else {
    const added = curatedEnum.filter((value) => !upstreamEnum.includes(value));
    const removed = upstreamEnum.filter((value) => !curatedEnum.includes(value));
    if (added.length > 0) changes.push(`enum also allows ${added.join(',')} (upstream does not)`);
    if (removed.length > 0) changes.push(`upstream's enum also allows ${removed.join(',')}`);
  }
  if (options.compareRequired && curated.required !== upstream.required) {
    changes.push(
      curated.required ? 'required (upstream optional)' : 'optional (upstream required)',
    );
  }
  for (const keyword of new Set([
    ...Object.keys(curated.bounds),
    ...Object.keys(upstream.bounds),
  ])) {
    const ours = curated.bounds[keyword];
    const theirs = upstream.bounds[keyword];
    if (ours !== theirs)
      changes.push(`${keyword} ${ours ?? 'none'} (upstream ${theirs ?? 'none'})`);
  }
  return changes.length > 0 ? changes.join('; ') : undefined;
}

/**
 * The nearest ancestor of `path` that `fields` holds, and the rest of the path below it.
 * @param {Map<string, FieldFacts>} fields
 * @param {string} path
 */
function nearestAncestor(fields, path) {
  let ancestor = path;
  while (ancestor !== '') {
    ancestor = ancestor.endsWith('[]')
      ? ancestor.slice(0, -2)
      : ancestor.includes('.')
        ? ancestor.slice(0, ancestor.lastIndexOf('.'))
        : '';
    const facts = fields.get(ancestor);
    if (facts) return { ancestor, facts, rest: path.slice(ancestor.length).replace(/^\./, '') };
  }
  return undefined;
}

/**
 * Keys for a field that only `present` has, named from the other side's nearest ancestor.
 * @param {Map<string, FieldFacts>} other
 * @param {string} path
 * @param {string} label
 */
export function keysFromAncestor(other, path, label) {
  const found = nearestAncestor(other, path);
  if (!found) return [keyOf(label, path)];
  const prefixes = found.facts.childKeys.length > 0 ? found.facts.childKeys : found.facts.keys;
  return prefixes.map((prefix) => keyOf(prefix, found.rest));
}

/**
 * Whether `path` lies below `ancestor` (a strict descendant).
 * @param {string} path
 * @param {string} ancestor
 */
function isBelow(path, ancestor) {
  if (ancestor === '') return path !== '';
  return path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[]`);
}

/**
 * @typedef {{
 *   operation: string,
 *   method: string,
 *   path: string,
 *   where: string,
 *   label: string,
 * }} Site
 */

/**
 * Compares two flattened bodies and appends each difference.
 * @param {Site} site
 * @param {Map<string, FieldFacts>} curated
 * @param {Map<string, FieldFacts>} upstream
 * @param {Difference[]} out
 * @param {{ compareRequired: boolean }} options
 */
function compareFields(site, curated, upstream, out, options) {
  const base = {
    operation: site.operation,
    method: site.method,
    path: site.path,
    where: site.where,
  };
  /** @type {string[]} */
  const reportedMissing = [];
  for (const [path, theirs] of upstream) {
    const ours = curated.get(path);
    if (ours) {
      const change = changeBetween(ours, theirs, options);
      if (change) {
        out.push({
          ...base,
          field: path,
          side: 'both',
          detail: change,
          nested: 0,
          keys: ours.keys,
        });
      }
      continue;
    }
    if (reportedMissing.some((ancestor) => isBelow(path, ancestor))) continue;
    reportedMissing.push(path);
    const nested = [...upstream.keys()].filter((p) => isBelow(p, path) && !curated.has(p)).length;
    out.push({
      ...base,
      field: path,
      side: 'upstream',
      detail: describeFacts(theirs),
      nested,
      keys: [...new Set([...theirs.keys, ...keysFromAncestor(curated, path, site.label)])],
    });
  }
  /** @type {string[]} */
  const reportedExtra = [];
  for (const [path, ours] of curated) {
    if (upstream.has(path) || reportedExtra.some((ancestor) => isBelow(path, ancestor))) continue;
    reportedExtra.push(path);
    const nested = [...curated.keys()].filter((p) => isBelow(p, path) && !upstream.has(p)).length;
    out.push({
      ...base,
      field: path,
      side: 'curated',
      detail: describeFacts(ours),
      nested,
      keys: ours.keys.length > 0 ? ours.keys : [keyOf(site.label, path)],
    });
  }
}

/**
 * The scope of a comparison: the curated operations, plus upstream operations tagged like them.
 * @param {Map<string, OperationEntry>} curated
 * @param {Map<string, OperationEntry>} upstream
 */
function scopeOf(curated, upstream) {
  const tags = new Set(
    [...curated.values()].flatMap(({ operation }) =>
      Array.isArray(operation.tags) ? operation.tags.map(String) : [],
    ),
  );
  const keys = new Set(curated.keys());
  for (const [key, { operation }] of upstream) {
    const ownTags = Array.isArray(operation.tags) ? operation.tags.map(String) : [];
    if (ownTags.some((tag) => tags.has(tag))) keys.add(key);
  }
  return [...keys];
}

/**
 * @typedef {{
 *   key: string,
 *   site: Omit<Site, 'where' | 'label'>,
 *   curated: OperationEntry | undefined,
 *   upstream: OperationEntry | undefined,
 * }} OperationPair
 */

/**
 * The operations in scope, paired across the two documents.
 * @param {JsonObject} curatedDocument
 * @param {JsonObject} upstreamDocument
 * @returns {OperationPair[]}
 */
export function pairOperations(curatedDocument, upstreamDocument) {
  const curated = operationsOf(curatedDocument);
  const upstream = operationsOf(upstreamDocument);
  return scopeOf(curated, upstream).map((key) => {
    const ours = curated.get(key);
    const theirs = upstream.get(key);
    const entry = /** @type {OperationEntry} */ (ours ?? theirs);
    return {
      key,
      site: {
        operation: String(entry.operation.operationId ?? key),
        method: entry.method,
        path: entry.path,
      },
      curated: ours,
      upstream: theirs,
    };
  });
}

/**
 * The bodies of one operation that are compared field by field: its request body and each
 * response, per media type.
 * @typedef {{ where: string, curated: JsonObject | undefined, upstream: JsonObject | undefined }} BodyPair
 */

/**
 * @param {JsonObject} curatedDocument
 * @param {JsonObject} upstreamDocument
 * @param {OperationEntry} ours
 * @param {OperationEntry} theirs
 * @returns {{ bodies: BodyPair[], statuses: { curated: string[], upstream: string[] } }}
 */
export function bodiesOf(curatedDocument, upstreamDocument, ours, theirs) {
  /** @type {BodyPair[]} */
  const bodies = [];
  const requestOurs = contentOf(curatedDocument, ours.operation.requestBody);
  const requestTheirs = contentOf(upstreamDocument, theirs.operation.requestBody);
  for (const media of new Set([...requestOurs.keys(), ...requestTheirs.keys()])) {
    bodies.push({
      where: `request ${media}`,
      curated: requestOurs.get(media),
      upstream: requestTheirs.get(media),
    });
  }
  const responsesOurs = isObject(ours.operation.responses) ? ours.operation.responses : {};
  const responsesTheirs = isObject(theirs.operation.responses) ? theirs.operation.responses : {};
  const statuses = {
    curated: Object.keys(responsesOurs).sort(),
    upstream: Object.keys(responsesTheirs).sort(),
  };
  for (const status of statuses.curated.filter((s) => statuses.upstream.includes(s))) {
    const contentOurs = contentOf(curatedDocument, responsesOurs[status]);
    const contentTheirs = contentOf(upstreamDocument, responsesTheirs[status]);
    for (const media of new Set([...contentOurs.keys(), ...contentTheirs.keys()])) {
      bodies.push({
        where: `response ${status} ${media}`,
        curated: contentOurs.get(media),
        upstream: contentTheirs.get(media),
      });
    }
  }
  return { bodies, statuses };
}

/**
 * Every difference between the curated and the upstream document, in a stable order.
 * @param {JsonObject} curatedDocument
 * @param {JsonObject} upstreamDocument
 * @param {{ maxDepth?: number, compareRequired?: boolean }} [options]
 * @returns {Difference[]}
 */
export function compareDocuments(curatedDocument, upstreamDocument, options = {}) {
  const maxDepth = options.maxDepth ?? 8;
  const compareOptions = { compareRequired: options.compareRequired ?? true };
  /** @type {Difference[]} */
  const out = [];
  for (const { site, curated: ours, upstream: theirs } of pairOperations(
    curatedDocument,
    upstreamDocument,
  )) {
    const operationKeys = (/** @type {string} */ where) => [
      `${site.operation} ${where}`,
      `${site.method} ${site.path} ${where}`,
    ];
    if (!ours || !theirs) {
      out.push({
        ...site,
        where: 'operation',
        field: null,
        side: ours ? 'curated' : 'upstream',
        detail: ours ? 'not in the upstream document' : 'not in the curated spec',
        nested: 0,
        keys: operationKeys('operation'),
      });
      continue;
    }
    const push = (
      /** @type {string} */ where,
      /** @type {Difference['side']} */ side,
      /** @type {string} */ detail,
    ) =>
      out.push({
        ...site,
        where,
        field: null,
        side,
        detail,
        nested: 0,
        keys: operationKeys(where),
      });

    if (ours.operation.operationId !== theirs.operation.operationId) {
      push(
        'operationId',
        'both',
        `${String(ours.operation.operationId)} (upstream ${String(theirs.operation.operationId)})`,
      );
    }

    const parametersOurs = parametersOf(curatedDocument, ours.parameters);
    const parametersTheirs = parametersOf(upstreamDocument, theirs.parameters);
    for (const name of new Set([...parametersOurs.keys(), ...parametersTheirs.keys()])) {
      const where = `parameter ${name}`;
      const a = parametersOurs.get(name);
      const b = parametersTheirs.get(name);
      if (!a || !b) {
        push(where, a ? 'curated' : 'upstream', a ? 'not upstream' : 'not in the curated spec');
        continue;
      }
      /** @type {string[]} */
      const changes = [];
      if (Boolean(a.required) !== Boolean(b.required)) {
        changes.push(a.required ? 'required (upstream optional)' : 'optional (upstream required)');
      }
      const schemaOurs = flattenSchema(curatedDocument, isObject(a.schema) ? a.schema : {}, {
        maxDepth,
      });
      const schemaTheirs = flattenSchema(upstreamDocument, isObject(b.schema) ? b.schema : {}, {
        maxDepth,
      });
      for (const [path, facts] of schemaTheirs) {
        const mine = schemaOurs.get(path);
        const change = mine ? changeBetween(mine, facts, { compareRequired: false }) : 'missing';
        if (change) changes.push(path ? `${path}: ${change}` : change);
      }
      const defaultOurs = JSON.stringify(isObject(a.schema) ? a.schema.default : undefined);
      const defaultTheirs = JSON.stringify(isObject(b.schema) ? b.schema.default : undefined);
      if (defaultOurs !== defaultTheirs) {
        changes.push(`default ${defaultOurs ?? 'none'} (upstream ${defaultTheirs ?? 'none'})`);
      }
      if (changes.length > 0) push(where, 'both', changes.join('; '));
    }

    const requestOurs = deref(curatedDocument, ours.operation.requestBody);
    const requestTheirs = deref(upstreamDocument, theirs.operation.requestBody);
    const hasRequestOurs = ours.operation.requestBody !== undefined;
    const hasRequestTheirs = theirs.operation.requestBody !== undefined;
    if (hasRequestOurs !== hasRequestTheirs) {
      push('request', hasRequestOurs ? 'curated' : 'upstream', 'request body on one side only');
    } else if (
      hasRequestOurs &&
      Boolean(requestOurs.required) !== Boolean(requestTheirs.required)
    ) {
      push(
        'request',
        'both',
        requestOurs.required
          ? 'body required (upstream optional)'
          : 'body optional (upstream required)',
      );
    }

    const { bodies, statuses } = bodiesOf(curatedDocument, upstreamDocument, ours, theirs);
    for (const status of statuses.upstream.filter((s) => !statuses.curated.includes(s))) {
      push(`status ${status}`, 'upstream', 'response not in the curated spec');
    }
    for (const status of statuses.curated.filter((s) => !statuses.upstream.includes(s))) {
      push(`status ${status}`, 'curated', 'response not upstream');
    }
    for (const body of bodies) {
      if (!body.curated || !body.upstream) {
        push(body.where, body.curated ? 'curated' : 'upstream', 'content type on one side only');
        continue;
      }
      const label = `${site.operation} ${body.where}`;
      const flatOurs = flattenSchema(curatedDocument, body.curated, { maxDepth, owner: label });
      const flatTheirs = flattenSchema(upstreamDocument, body.upstream, { maxDepth, owner: label });
      const before = out.length;
      compareFields(
        { ...site, where: body.where, label },
        flatOurs,
        flatTheirs,
        out,
        compareOptions,
      );
      for (const difference of out.slice(before)) {
        const field = difference.field ?? '';
        difference.keys = [
          ...difference.keys,
          `${site.operation} ${body.where} ${field}`.trimEnd(),
          `${site.method} ${site.path} ${body.where} ${field}`.trimEnd(),
        ];
      }
    }
  }
  return [...out, ...compareUnionMembers(curatedDocument, upstreamDocument, options)];
}

/**
 * Names of the components that are members of a union (oneOf/anyOf of references) anywhere in the
 * document. Flattening a union merges its members' fields, so a field one member lacks goes
 * unnoticed when another has it; these members are therefore also compared one by one.
 * @param {JsonObject} document
 * @returns {string[]}
 */
export function unionMembersOf(document) {
  /** @type {Set<string>} */
  const names = new Set();
  /** @param {unknown} node */
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    for (const key of ['oneOf', 'anyOf']) {
      const members = node[key];
      if (!Array.isArray(members)) continue;
      for (const member of members) {
        const match =
          isObject(member) && typeof member.$ref === 'string'
            ? /^#\/components\/schemas\/([^/]+)$/.exec(member.$ref)
            : null;
        if (match?.[1]) names.add(match[1]);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(document.paths);
  visit(document.components);
  return [...names].sort();
}

/**
 * The upstream component that corresponds to a curated one: the same name, or the same name with
 * the `-2`, `-3` suffix a bundler adds when two files share a name, whichever shares the most
 * top-level fields (at least half of the curated ones).
 * @param {JsonObject} upstreamDocument
 * @param {string[]} upstreamNames
 * @param {string} name
 * @param {Map<string, FieldFacts>} curatedFields
 */
function counterpartOf(upstreamDocument, upstreamNames, name, curatedFields) {
  const topLevel = (/** @type {Map<string, FieldFacts>} */ fields) =>
    new Set([...fields.keys()].filter((path) => path !== '' && !/[.[]/.test(path)));
  const ours = topLevel(curatedFields);
  let best;
  for (const candidate of upstreamNames) {
    if (candidate !== name && !new RegExp(`^${name}-\\d+$`).test(candidate)) continue;
    const fields = flattenSchema(
      upstreamDocument,
      { $ref: `#/components/schemas/${candidate}` },
      {
        maxDepth: 8,
      },
    );
    const theirs = topLevel(fields);
    const shared = [...ours].filter((field) => theirs.has(field)).length;
    if (shared * 2 >= ours.size && (!best || shared > best.shared)) best = { fields, shared };
  }
  return best;
}

/**
 * Compares the union members (see unionMembersOf) that both documents name alike, field by field.
 * @param {JsonObject} curatedDocument
 * @param {JsonObject} upstreamDocument
 * @param {{ maxDepth?: number, compareRequired?: boolean }} [options]
 * @returns {Difference[]}
 */
export function compareUnionMembers(curatedDocument, upstreamDocument, options = {}) {
  const maxDepth = options.maxDepth ?? 8;
  const upstreamSchemas =
    isObject(upstreamDocument.components) && isObject(upstreamDocument.components.schemas)
      ? upstreamDocument.components.schemas
      : {};
  /** @type {Difference[]} */
  const out = [];
  for (const name of unionMembersOf(curatedDocument)) {
    const ours = flattenSchema(
      curatedDocument,
      { $ref: `#/components/schemas/${name}` },
      { maxDepth },
    );
    const counterpart = counterpartOf(upstreamDocument, Object.keys(upstreamSchemas), name, ours);
    if (!counterpart) continue;
    const label = `schema ${name}`;
    const site = { operation: `(schema ${name})`, method: '', path: '', where: label, label };
    const before = out.length;
    // A component's own nullability is decided where it is used, so the root is left out.
    ours.delete('');
    counterpart.fields.delete('');
    compareFields(site, ours, counterpart.fields, out, {
      compareRequired: options.compareRequired ?? true,
    });
    for (const difference of out.slice(before)) {
      difference.keys = [...difference.keys, `${label} ${difference.field ?? ''}`.trimEnd()];
    }
  }
  return out;
}

export { depthOf };
