// The rule of operations whose metadata sets `filterSingleComposite` (the permissions endpoint): a
// filter holds at most one `and`/`or`, and that one joins terms on different fields. The API
// answers 400 to anything else, so the validators and the builders refuse it the same way.

import type { FilterExpression } from '../ast.js';
import type { ResolvedCapabilities } from '../capabilities.js';
import type { FilterProblem } from './problems.js';

interface Occurrence {
  readonly composite: 'and' | 'or';
  readonly start: number | undefined;
}

/** The problems of `tree` under the single-composite rule; empty when the rule does not apply. */
export function singleCompositeProblems(
  tree: FilterExpression,
  capabilities: ResolvedCapabilities,
): FilterProblem[] {
  if (!capabilities.singleComposite) return [];
  const occurrences: Occurrence[] = [];
  collect(tree, occurrences);
  occurrences.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  if (occurrences.length > 1) {
    return occurrences.slice(1).map(({ composite, start }) => ({
      code: 'too-many-composites',
      message: `${capabilities.label} allows one "and" or "or" per filter; this filter has ${occurrences.length}.`,
      ...(start === undefined ? {} : { start, end: start + composite.length }),
      field: null,
      operator: composite,
      expected: [],
    }));
  }
  if (tree.kind !== 'and' && tree.kind !== 'or') return [];
  if (tree.operands.length !== 2) return [];
  const [left, right] = tree.operands.map(fieldOf);
  if (left === undefined || left !== right) return [];
  const start = (tree as { operatorStarts?: readonly number[] }).operatorStarts?.[0];
  const others = Object.keys(capabilities.filters ?? {}).filter((field) => field !== left);
  return [
    {
      code: 'composite-same-field',
      message: `${capabilities.label} needs "${tree.kind}" to join terms on different fields; both terms are on "${left}"${
        others.length > 0 ? ` (join it with ${others.join(' or ')})` : ''
      }.`,
      ...(start === undefined ? {} : { start, end: start + tree.kind.length }),
      field: left,
      operator: tree.kind,
      expected: others,
    },
  ];
}

/** Every `and`/`or` operator in the tree, in source order when the tree has positions. */
function collect(node: FilterExpression, into: Occurrence[]): void {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const starts = (node as { operatorStarts?: readonly number[] }).operatorStarts;
      for (let index = 0; index < node.operands.length - 1; index += 1) {
        into.push({ composite: node.kind, start: starts?.[index] });
      }
      for (const operand of node.operands) collect(operand, into);
      return;
    }
    case 'not':
      collect(node.operand, into);
      return;
    default:
  }
}

/** The field a term filters on, looking through `not`; undefined for a composite. */
function fieldOf(node: FilterExpression): string | undefined {
  if (node.kind === 'not') return fieldOf(node.operand);
  if (node.kind === 'and' || node.kind === 'or') return undefined;
  return node.field;
}
