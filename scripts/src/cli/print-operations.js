// Prints the table of operations from the built @isc-sdk/types metadata, as a consumer would see it.
import { operationMetadata } from '@isc-sdk/types';

const rows = Object.values(operationMetadata).map((op) => [
  op.method,
  op.path,
  op.operationId,
  op.paged ? `yes (<= ${op.maxPageSize})` : 'no',
  op.filters ? Object.keys(op.filters).join(', ') : '',
]);
const header = ['METHOD', 'PATH', 'OPERATION ID', 'PAGED', 'FILTERABLE FIELDS'];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
);
/** @param {string[]} cells */
const line = (cells) =>
  cells
    .map((cell, i) => String(cell).padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
console.log(`\n${rows.length} operations`);
