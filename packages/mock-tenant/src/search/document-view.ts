// What a query needs from a search document, computed once per document: the values at each path
// a query names (and every value, for clauses without a field), lower-cased and split into words.
// Before, every term of a query walked the document and split its values again, so a query of
// 2,000 terms did 2,000 times the work of one. A view is kept per document object (a WeakMap), so a
// document that is rebuilt gets a fresh view, and it grows only with the paths queries name (up to
// a cap, beyond which paths are computed each time instead of kept).
import { allValues, rawValuesAt } from './document-values.js';

type Primitive = string | number | boolean;

/** Where a value splits into words: anything but letters and digits. */
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** Paths kept per document; a query naming more unusual paths still works, uncached. */
const MAX_CACHED_PATHS = 256;

/** The values found at one path of a document (or anywhere in it), with what matching needs. */
export class FieldValues {
  /** Every value at the path, null and objects included (what `_exists_` looks at). */
  readonly raw: readonly unknown[];
  /** The string, number and boolean values at the path. */
  readonly values: readonly Primitive[];
  private tokenSet: ReadonlySet<string> | undefined;
  private lowerTexts: readonly string[] | undefined;
  private dateValues: readonly number[] | undefined;

  constructor(raw: readonly unknown[]) {
    this.raw = raw;
    this.values = raw.filter(
      (v): v is Primitive =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
    );
  }

  /** The values lower-cased, as text (what a phrase looks in). */
  get lowered(): readonly string[] {
    this.lowerTexts ??= this.values.map((v) => String(v).toLowerCase());
    return this.lowerTexts;
  }

  /**
   * Each value as epoch milliseconds when it is a string that starts like a date (`2024-01`), else
   * NaN (what a range compares dates by).
   */
  get dates(): readonly number[] {
    this.dateValues ??= this.values.map((v) =>
      typeof v === 'string' && /^\d{4}-\d{2}/.test(v) ? Date.parse(v) : Number.NaN,
    );
    return this.dateValues;
  }

  /**
   * Each lower-cased value and each of its words: a plain term matches when it is one of them, a
   * wildcard term when it matches one of them.
   */
  get tokens(): ReadonlySet<string> {
    if (!this.tokenSet) {
      const tokens = new Set<string>();
      for (const text of this.lowered) {
        tokens.add(text);
        for (const word of text.split(WORD_BREAK)) tokens.add(word);
      }
      this.tokenSet = tokens;
    }
    return this.tokenSet;
  }
}

/** The values of one document, by path, computed on first use and kept. */
export class DocumentView {
  private readonly paths = new Map<string, FieldValues>();
  private everything: FieldValues | undefined;

  constructor(readonly document: unknown) {}

  /** The values at a dotted path (see `rawValuesAt`). */
  at(path: string): FieldValues {
    const kept = this.paths.get(path);
    if (kept) return kept;
    const values = new FieldValues(rawValuesAt(this.document, path));
    if (this.paths.size < MAX_CACHED_PATHS) this.paths.set(path, values);
    return values;
  }

  /** Every primitive value anywhere in the document, for clauses without a field. */
  all(): FieldValues {
    this.everything ??= new FieldValues(allValues(this.document));
    return this.everything;
  }
}

const views = new WeakMap<object, DocumentView>();

/** The view of a document (or of a nested object a `@path(...)` query looks into). */
export function viewOf(document: unknown): DocumentView {
  if (typeof document !== 'object' || document === null) return new DocumentView(document);
  let view = views.get(document);
  if (!view) {
    view = new DocumentView(document);
    views.set(document, view);
  }
  return view;
}
