import type { FieldReaders } from '../collection/field-readers.js';
import { compileFilter } from '../collection/filter-evaluator.js';
import {
  accessSummaryOf,
  identityReference,
  presentIdentitySummary,
} from '../domain/present-certification.js';
import type { IdentitySummaryRecord, ReviewItemRecord } from '../domain/records.js';
import { badRequest, notFound } from '../http/api-problem.js';
import type { Permission } from '../seed/directory.js';
import { findCertification, type DecisionSummary } from './certification-operations.js';
import {
  ok,
  listResult,
  type OperationHandler,
  type OperationHandlers,
} from './operation-handler.js';

const getIdentityDecisionSummary: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  let items: readonly ReviewItemRecord[] = certification.items;
  const filter = request.collection.filter;
  if (filter) {
    const matches = compileFilter(filter, {
      'identitySummary.id': (i: ReviewItemRecord) => i.summary.id,
    });
    items = items.filter(matches);
  }
  const summary: DecisionSummary = {
    entitlementDecisionsMade: 0,
    accessProfileDecisionsMade: 0,
    roleDecisionsMade: 0,
    accountDecisionsMade: 0,
    entitlementDecisionsTotal: 0,
    accessProfileDecisionsTotal: 0,
    roleDecisionsTotal: 0,
    accountDecisionsTotal: 0,
    entitlementsApproved: 0,
    entitlementsRevoked: 0,
    accessProfilesApproved: 0,
    accessProfilesRevoked: 0,
    rolesApproved: 0,
    rolesRevoked: 0,
    accountsApproved: 0,
    accountsRevoked: 0,
  };
  const counters = summary as Record<string, number>;
  const prefixes = {
    ENTITLEMENT: ['entitlement', 'entitlements'],
    ACCESS_PROFILE: ['accessProfile', 'accessProfiles'],
    ROLE: ['role', 'roles'],
  } as const;
  for (const item of items) {
    const [singular, plural] = prefixes[state.directory.access[item.accessIndex]!.kind];
    counters[`${singular}DecisionsTotal`]! += 1;
    if (item.decision === undefined) continue;
    counters[`${singular}DecisionsMade`]! += 1;
    counters[`${plural}${item.decision === 'APPROVE' ? 'Approved' : 'Revoked'}`]! += 1;
  }
  return ok(200, summary);
};

const getIdentitySummaries: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  const directory = state.directory;
  const readers: FieldReaders<IdentitySummaryRecord> = {
    id: (s) => s.id,
    completed: (s) => s.decidedCount === s.itemCount,
    name: (s) => directory.identities[s.identityIndex]!.displayName,
  };
  return listResult(request, certification.summaries, readers, (s) =>
    presentIdentitySummary(directory, s),
  );
};

const getIdentitySummary: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  const summary = certification.summariesById.get(request.path.identitySummaryId!);
  if (!summary) throw notFound('identity summary', request.path.identitySummaryId!);
  return ok(200, presentIdentitySummary(state.directory, summary));
};

/** One distinct access item of a certification and the review items that cover it. */
interface AccessGroup {
  readonly accessIndex: number;
  readonly items: ReviewItemRecord[];
}

const getIdentityAccessSummaries: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  const directory = state.directory;
  const kind = request.path.type;
  const groups = new Map<number, AccessGroup>();
  for (const item of certification.items) {
    if (directory.access[item.accessIndex]!.kind !== kind) continue;
    const group = groups.get(item.accessIndex) ?? { accessIndex: item.accessIndex, items: [] };
    group.items.push(item);
    groups.set(item.accessIndex, group);
  }
  const source = (group: AccessGroup, wanted: 'ENTITLEMENT' | 'ACCESS_PROFILE') => {
    const access = directory.access[group.accessIndex]!;
    return access.kind === wanted ? directory.sources[access.sourceIndex]!.name : null;
  };
  const readers: FieldReaders<AccessGroup> = {
    completed: (g) => g.items.every((i) => i.decision !== undefined),
    'access.id': (g) => directory.access[g.accessIndex]!.id,
    'access.name': (g) => directory.access[g.accessIndex]!.name,
    'entitlement.sourceName': (g) => source(g, 'ENTITLEMENT'),
    'accessProfile.sourceName': (g) => source(g, 'ACCESS_PROFILE'),
  };
  return listResult(request, [...groups.values()], readers, (g) =>
    accessSummaryOf(directory, g.accessIndex),
  );
};

const permissionFields: FieldReaders<Permission> = {
  target: (p) => p.target,
  rights: (p) => p.rights,
};

const getIdentityCertificationItemPermissions: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.certificationId!);
  const item = certification.itemsById.get(request.path.itemId!);
  if (!item) throw notFound('access review item', request.path.itemId!);
  // The one-and/or rule of this endpoint is checked with the filter itself (@isc-sdk/filters,
  // from the spec's x-isc-filter-single-composite), before the handler runs.
  const access = state.directory.access[item.accessIndex]!;
  const permissions = access.kind === 'ENTITLEMENT' ? access.permissions : [];
  return listResult(request, permissions, permissionFields, (p) => ({
    rights: [...p.rights],
    target: p.target,
  }));
};

const listCertificationReviewers: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  const directory = state.directory;
  const reviewers = [identityReference(directory, certification.reviewerIndex)];
  return listResult(
    request,
    reviewers,
    {
      id: (r) => r.id,
      name: (r) => r.name,
      email: (r) => r.email,
    },
    (r) => r,
  );
};

/** The certification summary operations and the item permissions and reviewers lists. */
export const summaryOperations = {
  getIdentityDecisionSummary,
  getIdentitySummaries,
  getIdentitySummary,
  getIdentityAccessSummaries,
  getIdentityCertificationItemPermissions,
  listCertificationReviewers,
} satisfies Partial<OperationHandlers>;
