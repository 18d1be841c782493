import type {
  CampaignRecord,
  CertificationRecord,
  IdentitySummaryRecord,
  ReviewItemRecord,
} from './records.js';
import type { TenantState } from './tenant-state.js';

/** An identity-access pair, by directory positions. */
export interface AccessPair {
  readonly identityIndex: number;
  readonly accessIndex: number;
}

/** The work of one reviewer: the pairs they certify. */
export interface ReviewAssignment {
  readonly reviewerIndex: number;
  readonly pairs: readonly AccessPair[];
}

/**
 * Pads or cuts a reviewer's pairs to exactly `wanted` (the `reviewItemsPerCertification` size
 * option). Padding walks the identity x access product in a fixed order, skipping pairs already
 * present, and repeats pairs only once the product is exhausted.
 */
function resize(state: TenantState, pairs: readonly AccessPair[], wanted: number): AccessPair[] {
  if (pairs.length >= wanted) return pairs.slice(0, wanted);
  const result = [...pairs];
  const seen = new Set(pairs.map((p) => p.identityIndex * 1_000_003 + p.accessIndex));
  const identities = state.directory.identities.length;
  const access = state.directory.access.length;
  const capacity = identities * access;
  for (let k = 0; result.length < wanted; k++) {
    const slot = k % capacity;
    const pair = { identityIndex: slot % identities, accessIndex: Math.floor(slot / identities) };
    const key = pair.identityIndex * 1_000_003 + pair.accessIndex;
    if (k < capacity && seen.has(key)) continue;
    result.push(pair);
  }
  return result;
}

/** Groups pairs by identity (in first-seen order) and keeps each identity's access in order. */
function groupByIdentity(pairs: readonly AccessPair[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const pair of pairs) {
    const list = groups.get(pair.identityIndex);
    if (list) list.push(pair.accessIndex);
    else groups.set(pair.identityIndex, [pair.accessIndex]);
  }
  return groups;
}

/** An empty certification of `reviewerIndex` in `campaign`, registered with the state. */
export function createCertification(
  state: TenantState,
  campaign: CampaignRecord,
  reviewerIndex: number,
): CertificationRecord {
  const reviewer = state.directory.identities[reviewerIndex]!;
  const now = state.now();
  const certification: CertificationRecord = {
    id: state.ids.next(),
    name: `${campaign.settings.name} - ${reviewer.displayName}`,
    campaignId: campaign.id,
    reviewerIndex,
    created: now,
    modified: now,
    signed: null,
    phase: 'ACTIVE',
    items: [],
    itemsById: new Map(),
    summaries: [],
    summariesById: new Map(),
    decisionsMade: 0,
    identitiesCompleted: 0,
    reassignment: null,
    sortedItems: new Map(),
  };
  state.certifications.set(certification.id, certification);
  campaign.certificationIds.push(certification.id);
  state.counters.certificationsCreated += 1;
  return certification;
}

/** The summary of `identityIndex` in a certification, created when missing. */
export function summaryFor(
  state: TenantState,
  certification: CertificationRecord,
  identityIndex: number,
): IdentitySummaryRecord {
  let summary = certification.summaries.find((s) => s.identityIndex === identityIndex);
  if (!summary) {
    summary = { id: state.itemIds.next(), identityIndex, itemCount: 0, decidedCount: 0 };
    certification.summaries.push(summary);
    certification.summariesById.set(summary.id, summary);
  }
  return summary;
}

function fillCertification(
  state: TenantState,
  certification: CertificationRecord,
  pairs: readonly AccessPair[],
): void {
  const items: ReviewItemRecord[] = [];
  for (const [identityIndex, accessIndexes] of groupByIdentity(pairs)) {
    const summary: IdentitySummaryRecord = {
      id: state.itemIds.next(),
      identityIndex,
      itemCount: accessIndexes.length,
      decidedCount: 0,
    };
    certification.summaries.push(summary);
    certification.summariesById.set(summary.id, summary);
    for (const accessIndex of accessIndexes) {
      items.push({
        id: state.itemIds.next(),
        summary,
        accessIndex,
        // Deterministic: about one item in seven counts as new since the last review.
        newAccess: (identityIndex + accessIndex) % 7 === 0,
        decision: undefined,
        comments: null,
        proposedEndDate: undefined,
      });
    }
  }
  certification.items = items;
  certification.itemsById = new Map(items.map((item) => [item.id, item]));
}

/** Creates one certification per assignment, with its review items. */
export function buildCertifications(
  state: TenantState,
  campaign: CampaignRecord,
  assignments: readonly ReviewAssignment[],
): CertificationRecord[] {
  const wanted = state.size.reviewItemsPerCertification;
  return assignments.map((assignment) => {
    const certification = createCertification(state, campaign, assignment.reviewerIndex);
    const pairs = wanted === undefined ? assignment.pairs : resize(state, assignment.pairs, wanted);
    fillCertification(state, certification, pairs);
    return certification;
  });
}
