import type { Readable, components } from '@isc-sdk/types';
import { badRequest } from '../http/api-problem.js';
import { completeWhenAllSigned } from './campaign-lifecycle.js';
import type { CertificationRecord, ReviewItemRecord } from './records.js';
import type { TenantState } from './tenant-state.js';

/** One decision as the decide operation receives it. */
export type ReviewDecisionBody = Readable<components['schemas']['ReviewDecision']>;

/**
 * Refuses work on a certification that is signed off or whose campaign is not ACTIVE.
 * @param action what is refused, as in "it cannot be <action>"
 * @throws ApiProblem (400) naming the certification or campaign and its state
 */
export function requireOpen(
  state: TenantState,
  certification: CertificationRecord,
  action: string,
): void {
  if (certification.phase === 'SIGNED') {
    throw badRequest(
      `Certification ${certification.id} is already signed off; it cannot be ${action}.`,
    );
  }
  const campaign = state.campaigns.get(certification.campaignId)!;
  if (campaign.status !== 'ACTIVE') {
    throw badRequest(
      `Campaign ${campaign.id} is ${campaign.status}; certifications can only be ${action} while it is ACTIVE.`,
    );
  }
}

/**
 * Records decisions on review items. Every decision is checked before any is applied, so a bad
 * one changes nothing. Deciding an item again replaces its decision until sign-off.
 * @throws ApiProblem (400) naming the item and the rule it breaks
 */
export function decide(
  state: TenantState,
  certification: CertificationRecord,
  decisions: readonly ReviewDecisionBody[],
): void {
  requireOpen(state, certification, 'decided');
  const requirement = state.campaigns.get(certification.campaignId)!.settings
    .mandatoryCommentRequirement;
  const resolved: Array<[ReviewItemRecord, ReviewDecisionBody]> = decisions.map(
    (decision, position) => {
      const item = certification.itemsById.get(decision.id);
      if (!item) {
        throw badRequest(
          `Decision ${position}: review item ${decision.id} is not part of certification ${certification.id}.`,
        );
      }
      if (decision.proposedEndDate !== undefined && decision.decision !== 'REVOKE') {
        throw badRequest(
          `Decision ${position}: proposedEndDate is only allowed on REVOKE decisions.`,
        );
      }
      const needsComment =
        requirement === 'ALL_DECISIONS' ||
        (requirement === 'REVOKE_ONLY_DECISIONS' && decision.decision === 'REVOKE');
      if (needsComment && !decision.comments?.trim()) {
        throw badRequest(
          `Decision ${position}: the campaign requires a comment on ${requirement === 'ALL_DECISIONS' ? 'every decision' : 'REVOKE decisions'}.`,
        );
      }
      return [item, decision];
    },
  );
  for (const [item, decision] of resolved) {
    if (item.decision === undefined) {
      certification.decisionsMade += 1;
      item.summary.decidedCount += 1;
      if (item.summary.decidedCount === item.summary.itemCount)
        certification.identitiesCompleted += 1;
    }
    item.decision = decision.decision;
    item.comments = decision.comments ?? null;
    item.proposedEndDate = decision.proposedEndDate;
  }
  certification.modified = state.now();
  state.counters.decisionsRecorded += resolved.length;
}

/**
 * Signs a certification off: only when every item is decided. Completes the campaign when this
 * was its last open certification.
 * @throws ApiProblem (400) when items are undecided or it is already signed
 */
export function signOff(state: TenantState, certification: CertificationRecord): void {
  requireOpen(state, certification, 'signed off');
  const open = certification.items.length - certification.decisionsMade;
  if (open > 0) {
    throw badRequest(
      `Certification ${certification.id} cannot be signed off: ${open} of ${certification.items.length} review items are still undecided. Decide every item first.`,
    );
  }
  const now = state.now();
  certification.phase = 'SIGNED';
  certification.signed = now;
  certification.modified = now;
  state.counters.signOffs += 1;
  completeWhenAllSigned(state, state.campaigns.get(certification.campaignId)!);
}
