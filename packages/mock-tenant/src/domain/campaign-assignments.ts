// Who reviews what when a campaign is activated, per campaign type:
// - MANAGER: one certification per manager, covering every access of their direct reports.
// - SOURCE_OWNER: one per owner of the listed sources (all sources when none are listed), covering
//   the entitlements and access profiles of those sources.
// - SEARCH: the identities in `identityIds`, or those the `query` matches in the identities index;
//   `accessConstraints` keep only the access they name, so identities holding none of it drop out.
//   Reviewed by `reviewer` if set, else by each identity's manager (the admin, who has none, by
//   themselves).
// - ROLE_COMPOSITION: modelled as a review of who holds the selected roles (`roleIds`, the roles a
//   `query` matches, or all), reviewed by `reviewer` if set, else by each role's owner.
// An identity or role listed twice is reviewed once. Certifications come in the reviewers' order.
// - MACHINE_ACCOUNT: the seed has no machine accounts, so no certifications are created.
import { badRequest } from '../http/api-problem.js';
import type { SearchIndex } from '../search/build-search-documents.js';
import { compileQuery } from '../search/match-query.js';
import { parseQueryString } from '../search/parse-query-string.js';
import { SearchQueryError } from '../search/search-query-error.js';
import type { AccessItem, AccessKind, Directory } from '../seed/directory.js';
import type { AccessPair, ReviewAssignment } from './certification-builder.js';
import type { CampaignSettings } from './records.js';

/** One assignment per reviewer, ordered by the reviewers' places in the directory. */
function group(
  entries: Iterable<readonly [reviewerIndex: number, pair: AccessPair]>,
): ReviewAssignment[] {
  const byReviewer = new Map<number, AccessPair[]>();
  for (const [reviewer, pair] of entries) {
    const list = byReviewer.get(reviewer) ?? [];
    list.push(pair);
    byReviewer.set(reviewer, list);
  }
  return [...byReviewer.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([reviewerIndex, list]) => ({ reviewerIndex, pairs: list }));
}

function pairsOf(directory: Directory, identityIndexes: Iterable<number>): AccessPair[] {
  const pairs: AccessPair[] = [];
  for (const identityIndex of identityIndexes) {
    for (const accessIndex of directory.identities[identityIndex]!.accessIndexes)
      pairs.push({ identityIndex, accessIndex });
  }
  return pairs;
}

/** All pairs to one reviewer, or each pair to the reviewer `reviewerOf` names. */
function assign(
  pairs: readonly AccessPair[],
  fixed: number | undefined,
  reviewerOf: (pair: AccessPair) => number,
): ReviewAssignment[] {
  if (fixed === undefined) return group(pairs.map((pair) => [reviewerOf(pair), pair] as const));
  return pairs.length === 0 ? [] : [{ reviewerIndex: fixed, pairs }];
}

function identityIndex(directory: Directory, id: string, what: string): number {
  const index = directory.identityIndexById.get(id);
  if (index === undefined) throw badRequest(`${what}: no identity has the ID ${id}.`);
  return index;
}

/**
 * The identity that reviews every certification, when the campaign names one.
 * @throws ApiProblem (400) for a governance group, a reviewer without an ID or an unknown ID
 */
function fixedReviewer(
  directory: Directory,
  reviewer: { readonly type?: string; readonly id?: string } | null | undefined,
  field: string,
): number | undefined {
  if (reviewer == null) return undefined;
  if (reviewer.type === 'GOVERNANCE_GROUP') {
    throw badRequest(`${field}: governance group reviewers are not supported by the mock tenant.`);
  }
  if (!reviewer.id) throw badRequest(`${field}.id is required when a reviewer is set.`);
  return identityIndex(directory, reviewer.id, `${field}.id`);
}

/** IDs of the documents of one index that a campaign's search query matches. */
function queryMatches(
  index: SearchIndex,
  indexName: 'identities' | 'roles',
  query: string,
): Set<string> {
  let matches: ReturnType<typeof compileQuery>;
  try {
    matches = compileQuery(parseQueryString(query));
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent; the parser throws nothing but SearchQueryError, the check keeps a bug from passing as a 400
    if (error instanceof SearchQueryError)
      throw badRequest(`The campaign's search query is not usable: ${error.message}`);
    throw error;
  }
  return new Set(
    index
      .documents(indexName)
      .filter(matches)
      .map((d) => d.id),
  );
}

function managerAssignments(directory: Directory): ReviewAssignment[] {
  return [...directory.reports.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([reviewerIndex, reports]) => ({ reviewerIndex, pairs: pairsOf(directory, reports) }));
}

function sourceOwnerAssignments(
  directory: Directory,
  settings: CampaignSettings,
): ReviewAssignment[] {
  const ids = settings.sourceOwnerCampaignInfo?.sourceIds ?? [];
  const sources =
    ids.length === 0
      ? directory.sources.map((_, i) => i)
      : ids.map((id) => {
          const index = directory.sourceIndexById.get(id);
          if (index === undefined)
            throw badRequest(`sourceOwnerCampaignInfo.sourceIds: no source has the ID ${id}.`);
          return index;
        });
  const wanted = new Set(sources);
  const entries: Array<readonly [number, AccessPair]> = [];
  directory.identities.forEach((identity, identityIndex) => {
    for (const accessIndex of identity.accessIndexes) {
      const item = directory.access[accessIndex]!;
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent; a role has no sourceIndex, so wanted.has() is false for it too (the kind check is there for the type)
      if (item.kind !== 'ROLE' && wanted.has(item.sourceIndex)) {
        const owner = directory.sources[item.sourceIndex]!.ownerIndex;
        entries.push([owner, { identityIndex, accessIndex }]);
      }
    }
  });
  return group(entries);
}

type AccessConstraint = NonNullable<
  NonNullable<CampaignSettings['searchCampaignInfo']>['accessConstraints']
>[number];

const KIND_NAMES: Record<AccessKind, string> = {
  ENTITLEMENT: 'entitlement',
  ACCESS_PROFILE: 'access profile',
  ROLE: 'role',
};

/**
 * Which access a SEARCH campaign's `accessConstraints` keep: every access of an ALL constraint's
 * type, and the listed items of a SELECTED one (campaignSettingsFrom has checked that ALL lists no
 * IDs and SELECTED lists some).
 * @throws ApiProblem (400) for a listed ID that is not an access item of the constraint's type
 */
function constrainedAccess(
  directory: Directory,
  constraints: readonly AccessConstraint[],
): (item: AccessItem) => boolean {
  const kinds = new Set<AccessKind>();
  const ids = new Set<string>();
  constraints.forEach((constraint, n) => {
    const kind = constraint.type as AccessKind;
    if (constraint.operator === 'ALL') kinds.add(kind);
    for (const id of constraint.ids ?? []) {
      const position = directory.accessIndexById.get(id);
      if (position === undefined || directory.access[position]!.kind !== kind) {
        throw badRequest(
          `searchCampaignInfo.accessConstraints[${n}].ids: no ${KIND_NAMES[kind]} has the ID ${id}.`,
        );
      }
      ids.add(id);
    }
  });
  return (item) => kinds.has(item.kind) || ids.has(item.id);
}

// campaignSettingsFrom has checked the type's info: SEARCH has searchCampaignInfo with exactly one
// of a query and identity IDs; ROLE_COMPOSITION has roleCompositionCampaignInfo.

function searchAssignments(
  directory: Directory,
  index: SearchIndex,
  settings: CampaignSettings,
): ReviewAssignment[] {
  const info = settings.searchCampaignInfo!;
  let identities: number[];
  if (info.identityIds?.length) {
    // An identity listed twice is reviewed once.
    identities = [
      ...new Set(
        info.identityIds.map((id) =>
          identityIndex(directory, id, 'searchCampaignInfo.identityIds'),
        ),
      ),
    ];
  } else {
    const ids = queryMatches(index, 'identities', info.query!);
    identities = directory.identities
      .map((_, i) => i)
      .filter((i) => ids.has(directory.identities[i]!.id));
  }
  let pairs = pairsOf(directory, identities);
  if (info.accessConstraints?.length) {
    const allowed = constrainedAccess(directory, info.accessConstraints);
    pairs = pairs.filter((pair) => allowed(directory.access[pair.accessIndex]!));
  }
  const fixed = fixedReviewer(directory, info.reviewer, 'searchCampaignInfo.reviewer');
  // Without a reviewer each identity's manager reviews it; the admin, who has none, reviews itself.
  return assign(
    pairs,
    fixed,
    (pair) => directory.identities[pair.identityIndex]!.managerIndex ?? 0,
  );
}

function roleAssignments(
  directory: Directory,
  index: SearchIndex,
  settings: CampaignSettings,
): ReviewAssignment[] {
  const info = settings.roleCompositionCampaignInfo!;
  const roleOffset = directory.entitlements.length + directory.accessProfiles.length;
  let roles = directory.roles.map((_, i) => i);
  if (info.roleIds?.length) {
    // A role listed twice is reviewed once.
    roles = [
      ...new Set(
        info.roleIds.map((id) => {
          const position = directory.accessIndexById.get(id);
          if (position === undefined || position < roleOffset) {
            throw badRequest(`roleCompositionCampaignInfo.roleIds: no role has the ID ${id}.`);
          }
          return position - roleOffset;
        }),
      ),
    ];
  } else if (typeof info.query === 'string') {
    const ids = queryMatches(index, 'roles', info.query);
    roles = roles.filter((r) => ids.has(directory.roles[r]!.id));
  }
  const pairs = roles.flatMap((r) =>
    (directory.holders.get(roleOffset + r) ?? []).map((identityIndex) => ({
      identityIndex,
      accessIndex: roleOffset + r,
    })),
  );
  const fixed = fixedReviewer(directory, info.reviewer, 'roleCompositionCampaignInfo.reviewer');
  return assign(pairs, fixed, (pair) => directory.roles[pair.accessIndex - roleOffset]!.ownerIndex);
}

/**
 * Checks the type-specific settings at creation, so a campaign that could never be activated is
 * rejected with 400 right away, and returns who reviews what.
 */
export function campaignAssignments(
  directory: Directory,
  index: SearchIndex,
  settings: CampaignSettings,
): ReviewAssignment[] {
  switch (settings.type) {
    case 'MANAGER':
      return managerAssignments(directory);
    case 'SOURCE_OWNER':
      return sourceOwnerAssignments(directory, settings);
    case 'SEARCH':
      return searchAssignments(directory, index, settings);
    case 'ROLE_COMPOSITION':
      return roleAssignments(directory, index, settings);
    case 'MACHINE_ACCOUNT':
      return [];
  }
}
