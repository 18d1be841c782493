/** A search document as a plain JSON object. */
export type SearchDocumentValue = { readonly [key: string]: unknown };

/**
 * The values at a dotted path, descending into arrays at any step (`access.source.name` gives the
 * source name of every access item). A leading `@` (SailPoint's nested marker) is ignored.
 */
export function rawValuesAt(document: unknown, path: string): unknown[] {
  let current: unknown[] = [document];
  for (const key of path.replace(/^@/, '').split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      const objects = Array.isArray(value) ? value : [value];
      for (const object of objects) {
        if (
          typeof object === 'object' &&
          object !== null &&
          !Array.isArray(object) &&
          key in object
        ) {
          const child = (object as Record<string, unknown>)[key];
          if (Array.isArray(child)) next.push(...child);
          else next.push(child);
        }
      }
    }
    current = next;
  }
  return current;
}

/** The primitive (string, number, boolean) values at a path; null and objects are left out. */
export function valuesAt(document: unknown, path: string): Array<string | number | boolean> {
  return rawValuesAt(document, path).filter(
    (v): v is string | number | boolean =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
  );
}

/** Every primitive value anywhere in a document, for clauses without a field. */
export function allValues(
  document: unknown,
  out: Array<string | number | boolean> = [],
): Array<string | number | boolean> {
  if (typeof document === 'string' || typeof document === 'number' || typeof document === 'boolean')
    out.push(document);
  else if (Array.isArray(document)) for (const entry of document) allValues(entry, out);
  else if (typeof document === 'object' && document !== null) {
    for (const entry of Object.values(document)) allValues(entry, out);
  }
  return out;
}
