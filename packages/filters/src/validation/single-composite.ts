// The rule of operations whose metadata sets `filterSingleComposite` (the permissions endpoint): a
// filter holds at most one `and`/`or`, and that one joins terms on different fields. The API
// answers 400 to anything else, so the validators and the builders refuse it the same way.

import type { FieldExpression, FilterExpression } from '../ast.js';
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
  // A chain of one operand prints as that operand, so it is judged as that operand.
  const top = unwrap(tree);
  if (top.kind !== 'and' && top.kind !== 'or') return [];
  // With one composite in the filter, `top` is it and joins two terms.
  const left = fieldOf(top.operands[0] as FilterExpression);
  if (left !== fieldOf(top.operands[1] as FilterExpression)) return [];
  const start = (top as { operatorStarts?: readonly number[] }).operatorStarts?.[0];
  const others = Object.keys(capabilities.filters ?? {}).filter((field) => field !== left);
  return [
    {
      code: 'composite-same-field',
      message: `${capabilities.label} needs "${top.kind}" to join terms on different fields; both terms are on "${left}"${
        others.length > 0 ? ` (join it with ${others.join(' or ')})` : ''
      }.`,
      ...(start === undefined ? {} : { start, end: start + top.kind.length }),
      field: left,
      operator: top.kind,
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

/** What a node prints as: a chain of one operand prints as that operand. */
function unwrap(node: FilterExpression): FilterExpression {
  let current = node;
  while ((current.kind === 'and' || current.kind === 'or') && current.operands.length === 1) {
    current = current.operands[0] as FilterExpression;
  }
  return current;
}

/** The field a term filters on, looking through `not` and chains of one operand. */
function fieldOf(node: FilterExpression): string {
  const term = unwrap(node);
  if (term.kind === 'not') return fieldOf(term.operand);
  // Below the filter's one composite there is no other, so the term is a field's.
  return (term as FieldExpression).field;
}
