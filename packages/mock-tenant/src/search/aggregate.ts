// Aggregations over selected documents, shaped like Elasticsearch output. Supported:
// - SAILPOINT style (`aggregations`): bucket (TERMS), metric (COUNT, UNIQUE_COUNT, AVG, SUM, MEDIAN,
//   MIN, MAX), filter (TERM), nested (counts the nested objects), each with `subAggregation`.
// - DSL style (`aggregationsDsl`): terms, value_count, cardinality, avg, sum, min, max, filter
//   with a `term` query, and nested `aggs`/`aggregations`.
import type { Readable, components } from '@isc-sdk/types';
import { badRequest } from '../http/api-problem.js';
import type { IndexedDocument } from './build-search-documents.js';
import { rawValuesAt, valuesAt } from './document-values.js';

type Schemas = components['schemas'];
type Level = Readable<Schemas['Aggregations']> & { subAggregation?: Level };
type Output = Record<string, unknown>;

function numbers(documents: readonly IndexedDocument[], field: string): number[] {
  return documents
    .flatMap((d) => valuesAt(d, field))
    .filter((v): v is number => typeof v === 'number');
}

function metric(kind: string, documents: readonly IndexedDocument[], field: string): number | null {
  const values = documents.flatMap((d) => valuesAt(d, field));
  switch (kind) {
    case 'COUNT':
      return values.length;
    case 'UNIQUE_COUNT':
      return new Set(values.map((v) => String(v).toLowerCase())).size;
    default: {
      const list = numbers(documents, field).sort((a, b) => a - b);
      if (list.length === 0) return null;
      if (kind === 'SUM') return list.reduce((a, b) => a + b, 0);
      if (kind === 'AVG') return list.reduce((a, b) => a + b, 0) / list.length;
      if (kind === 'MIN') return list[0]!;
      if (kind === 'MAX') return list[list.length - 1]!;
      const middle = Math.floor(list.length / 2);
      return list.length % 2 ? list[middle]! : (list[middle - 1]! + list[middle]!) / 2;
    }
  }
}

function buckets(
  documents: readonly IndexedDocument[],
  field: string,
  size: number,
  minDocCount: number,
  inner: (subset: readonly IndexedDocument[]) => Output,
): Output {
  const groups = new Map<
    string,
    { key: string | number | boolean; documents: IndexedDocument[] }
  >();
  for (const document of documents) {
    for (const value of new Set(valuesAt(document, field))) {
      const id = String(value);
      const group = groups.get(id) ?? { key: value, documents: [] };
      group.documents.push(document);
      groups.set(id, group);
    }
  }
  const sorted = [...groups.values()]
    .filter((g) => g.documents.length >= minDocCount)
    .sort(
      (a, b) =>
        b.documents.length - a.documents.length || String(a.key).localeCompare(String(b.key)),
    );
  return {
    doc_count_error_upper_bound: 0,
    sum_other_doc_count: sorted.slice(size).reduce((n, g) => n + g.documents.length, 0),
    buckets: sorted
      .slice(0, size)
      .map((g) => ({ key: g.key, doc_count: g.documents.length, ...inner(g.documents) })),
  };
}

/** Runs SailPoint-style aggregations. */
export function sailPointAggregations(
  level: Level | undefined,
  documents: readonly IndexedDocument[],
): Output {
  if (!level) return {};
  const inner = (subset: readonly IndexedDocument[]) =>
    sailPointAggregations(level.subAggregation, subset);
  const out: Output = {};
  if (level.metric) {
    out[level.metric.name] = {
      value: metric(level.metric.type ?? 'UNIQUE_COUNT', documents, level.metric.field),
    };
  }
  if (level.bucket) {
    const b = level.bucket;
    out[b.name] = buckets(documents, b.field, b.size ?? 10, b.minDocCount ?? 1, inner);
  }
  if (level.filter) {
    const f = level.filter;
    const wanted = f.value.toLowerCase();
    const subset = documents.filter((d) =>
      valuesAt(d, f.field).some((v) => String(v).toLowerCase() === wanted),
    );
    out[f.name] = { doc_count: subset.length, ...inner(subset) };
  }
  if (level.nested) {
    const n = level.nested;
    const count = documents.reduce((sum, d) => sum + rawValuesAt(d, n.type).length, 0);
    out[n.name] = { doc_count: count, ...(level.bucket || level.filter ? {} : inner(documents)) };
  }
  if (!level.metric && !level.bucket && !level.filter && level.subAggregation) {
    Object.assign(out, inner(documents));
  }
  return out;
}

const DSL_METRICS: Record<string, string> = {
  value_count: 'COUNT',
  cardinality: 'UNIQUE_COUNT',
  avg: 'AVG',
  sum: 'SUM',
  min: 'MIN',
  max: 'MAX',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs Elasticsearch DSL aggregations (the supported subset). */
export function dslAggregations(spec: unknown, documents: readonly IndexedDocument[]): Output {
  if (!isObject(spec)) return {};
  const out: Output = {};
  for (const [name, raw] of Object.entries(spec)) {
    if (!isObject(raw)) throw badRequest(`Aggregation '${name}' must be an object.`);
    const sub = raw.aggs ?? raw.aggregations;
    const inner = (subset: readonly IndexedDocument[]) => dslAggregations(sub, subset);
    const kind = Object.keys(raw).find((key) => key !== 'aggs' && key !== 'aggregations');
    const body = kind ? raw[kind] : undefined;
    if (!kind || !isObject(body))
      throw badRequest(`Aggregation '${name}' has no aggregation type.`);
    if (kind === 'terms') {
      out[name] = buckets(
        documents,
        String(body.field),
        Number(body.size ?? 10),
        Number(body.min_doc_count ?? 1),
        inner,
      );
    } else if (kind in DSL_METRICS) {
      out[name] = { value: metric(DSL_METRICS[kind]!, documents, String(body.field)) };
    } else if (kind === 'filter' && isObject(body.term)) {
      const [field, value] = Object.entries(body.term)[0] ?? [];
      const wanted = String(isObject(value) ? value.value : value).toLowerCase();
      const subset = documents.filter((d) =>
        valuesAt(d, String(field)).some((v) => String(v).toLowerCase() === wanted),
      );
      out[name] = { doc_count: subset.length, ...inner(subset) };
    } else {
      throw badRequest(
        `Aggregation type '${kind}' is not supported by the mock tenant (terms, value_count, cardinality, avg, sum, min, max, filter with term).`,
      );
    }
  }
  return out;
}

/** The first bucket aggregation as CSV rows (`key,count`), for `Accept: text/csv`. */
export function aggregationsAsCsv(aggregations: Output): string {
  const quote = (value: unknown) => `"${String(value).replace(/"/g, '""')}"`;
  for (const [name, value] of Object.entries(aggregations)) {
    if (isObject(value) && Array.isArray(value.buckets)) {
      const rows = (value.buckets as Array<{ key: unknown; doc_count: number }>).map(
        (b) => `${quote(b.key)},${b.doc_count}`,
      );
      return [`${quote(name)},${quote('Count')}`, ...rows].join('\n') + '\n';
    }
  }
  return '';
}
