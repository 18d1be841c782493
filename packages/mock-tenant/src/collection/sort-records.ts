import type { FieldReader, FieldReaders, FieldValue } from './field-readers.js';

/** One sort key: a field name and its direction. */
export interface SortKey {
  readonly field: string;
  readonly descending: boolean;
}

function comparable(value: FieldValue): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return value.join(',').toLowerCase();
  return String(value).toLowerCase();
}

/**
 * Returns a sorted copy. Strings sort case-insensitively, missing values last in either direction,
 * and ties keep their original order.
 */
export function sortRecords<T>(
  records: readonly T[],
  keys: readonly SortKey[],
  readers: FieldReaders<T>,
): T[] {
  if (keys.length === 0) return [...records];
  const readersInOrder: Array<{ read: FieldReader<T>; sign: number }> = keys.map((key) => {
    const read = readers[key.field];
    if (!read) throw new RangeError(`No reader for sort field ${key.field}`);
    return { read, sign: key.descending ? -1 : 1 };
  });
  // Read every key once per record (decorate-sort-undecorate): far cheaper on large lists.
  const decorated = records.map((record, index) => ({
    record,
    index,
    values: readersInOrder.map((k) => comparable(k.read(record))),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < readersInOrder.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * readersInOrder[i]!.sign;
    }
    return a.index - b.index;
  });
  return decorated.map((d) => d.record);
}
