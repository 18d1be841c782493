import type { Readable, components } from '@isc-sdk/types';
import { badRequest } from '../http/api-problem.js';
import { createCertification, summaryFor } from './certification-builder.js';
import type { CertificationRecord, ReviewItemRecord } from './records.js';
import { requireOpen } from './review-decisions.js';
import type { TenantState } from './tenant-state.js';

/** The body of the certification reassign operations. */
export type ReviewReassignBody = Readable<components['schemas']['ReviewReassign']>;

/**
 * Resolves what a reassign request names: review items directly (ITEM) or every item of an
 * identity (IDENTITY_SUMMARY, and TARGET_SUMMARY, which the tenant treats the same way).
 * @throws ApiProblem (400) for an unknown reference or when nothing would move
 */
export function resolveReassignment(
  state: TenantState,
  certification: CertificationRecord,
  body: ReviewReassignBody,
  limit: number,
): { items: ReviewItemRecord[]; reviewerIndex: number } {
  if (body.reassign.length === 0)
    throw badRequest("'reassign' must name at least one item or identity.");
  if (body.reassign.length > limit) {
    throw badRequest(
      `At most ${limit} items or identities can be reassigned per call; got ${body.reassign.length}.`,
    );
  }
  const reviewerIndex = state.directory.identityIndexById.get(body.reassignTo);
  if (reviewerIndex === undefined)
    throw badRequest(`reassignTo: no identity has the ID ${body.reassignTo}.`);
  if (reviewerIndex === certification.reviewerIndex) {
    throw badRequest(
      `Identity ${body.reassignTo} already reviews certification ${certification.id}.`,
    );
  }
  requireOpen(state, certification, 'reassigned');
  const items = new Set<ReviewItemRecord>();
  body.reassign.forEach((reference, position) => {
    if (reference.type === 'ITEM') {
      const item = certification.itemsById.get(reference.id);
      if (!item)
        throw badRequest(
          `reassign[${position}]: review item ${reference.id} is not in this certification.`,
        );
      items.add(item);
      return;
    }
    const summary = certification.summariesById.get(reference.id);
    if (!summary)
      throw badRequest(
        `reassign[${position}]: identity summary ${reference.id} is not in this certification.`,
      );
    for (const item of certification.items) if (item.summary === summary) items.add(item);
  });
  return { items: [...items], reviewerIndex };
}

function removeItems(
  certification: CertificationRecord,
  moving: ReadonlySet<ReviewItemRecord>,
): void {
  certification.items = certification.items.filter((item) => !moving.has(item));
  for (const item of moving) {
    certification.itemsById.delete(item.id);
    const wasComplete = item.summary.decidedCount === item.summary.itemCount;
    item.summary.itemCount -= 1;
    if (item.decision !== undefined) {
      item.summary.decidedCount -= 1;
      certification.decisionsMade -= 1;
    }
    const isComplete =
      item.summary.itemCount > 0 && item.summary.decidedCount === item.summary.itemCount;
    if (wasComplete && !isComplete) certification.identitiesCompleted -= 1;
    if (!wasComplete && isComplete) certification.identitiesCompleted += 1;
  }
  const emptied = certification.summaries.filter((s) => s.itemCount === 0);
  for (const summary of emptied) certification.summariesById.delete(summary.id);
  certification.summaries = certification.summaries.filter((s) => s.itemCount > 0);
  certification.sortedItems.clear();
}

function addItem(
  state: TenantState,
  certification: CertificationRecord,
  item: ReviewItemRecord,
): void {
  const summary = summaryFor(state, certification, item.summary.identityIndex);
  const wasComplete = summary.itemCount > 0 && summary.decidedCount === summary.itemCount;
  summary.itemCount += 1;
  item.summary = summary;
  if (item.decision !== undefined) {
    summary.decidedCount += 1;
    certification.decisionsMade += 1;
  }
  const isComplete = summary.decidedCount === summary.itemCount;
  if (wasComplete && !isComplete) certification.identitiesCompleted -= 1;
  if (!wasComplete && isComplete) certification.identitiesCompleted += 1;
  certification.items.push(item);
  certification.itemsById.set(item.id, item);
  certification.sortedItems.clear();
}

/**
 * Moves review items to the new reviewer's open certification in the same campaign, creating one
 * (with a `reassignment` pointing back) when there is none. Items keep their decisions.
 * @returns the certification that received the items
 */
export function moveReviewWork(
  state: TenantState,
  source: CertificationRecord,
  items: readonly ReviewItemRecord[],
  reviewerIndex: number,
  reason: string,
): CertificationRecord {
  const campaign = state.campaigns.get(source.campaignId)!;
  let target = campaign.certificationIds
    .map((id) => state.certifications.get(id)!)
    // Not the source: resolveReassignment refused moving work to its own reviewer.
    .find((c) => c.reviewerIndex === reviewerIndex && c.phase !== 'SIGNED');
  if (!target) {
    target = createCertification(state, campaign, reviewerIndex);
    target.reassignment = {
      fromId: source.id,
      fromName: source.name,
      fromReviewerIndex: source.reviewerIndex,
      comment: reason,
    };
  }
  const moving = new Set(items.filter((item) => source.itemsById.get(item.id) === item));
  removeItems(source, moving);
  for (const item of moving) addItem(state, target, item);
  const now = state.now();
  source.modified = now;
  target.modified = now;
  return target;
}

/** Hands a whole certification to another reviewer (the campaign-level admin reassign). */
export function reassignCertification(
  state: TenantState,
  certification: CertificationRecord,
  reviewerIndex: number,
  reason: string,
): void {
  if (certification.reviewerIndex === reviewerIndex || certification.phase === 'SIGNED') return;
  certification.reassignment = {
    fromId: certification.id,
    fromName: certification.name,
    fromReviewerIndex: certification.reviewerIndex,
    comment: reason,
  };
  certification.reviewerIndex = reviewerIndex;
  certification.modified = state.now();
}
