// The campaign state machine the tenant implements (transitions marked "later" happen as
// background work, visible from the next request on, or after `backgroundDelayMs`):
//
//   create ──► PENDING ──later──► STAGED ──activate──► ACTIVATING ──later──► ACTIVE
//   ACTIVE ──(every certification signed)──► COMPLETING ──later──► COMPLETED
//   ACTIVE ──complete (past due only)──► COMPLETING ──later──► COMPLETED
//   any state ──delete──► (gone, with its certifications)
import { badRequest } from '../http/api-problem.js';
import type { SearchIndex } from '../search/build-search-documents.js';
import { campaignAssignments } from './campaign-assignments.js';
import { buildCertifications } from './certification-builder.js';
import {
  CAMPAIGN_SYSTEM_FIELDS,
  type CampaignRecord,
  type CampaignSettings,
  type Decision,
} from './records.js';
import type { TenantState } from './tenant-state.js';

const TYPE_INFO = {
  sourceOwnerCampaignInfo: 'SOURCE_OWNER',
  searchCampaignInfo: 'SEARCH',
  roleCompositionCampaignInfo: 'ROLE_COMPOSITION',
  machineAccountCampaignInfo: 'MACHINE_ACCOUNT',
} as const;

/**
 * Turns a validated Campaign body into stored settings: drops the read-only system fields, fills
 * the defaults the API applies, and checks the rules the schema cannot express.
 * @throws ApiProblem (400) naming the rule that failed
 */
export function campaignSettingsFrom(body: Record<string, unknown>): CampaignSettings {
  const settings: Record<string, unknown> = { ...body };
  for (const field of CAMPAIGN_SYSTEM_FIELDS) delete settings[field];
  const result = settings as unknown as CampaignSettings;
  for (const [field, type] of Object.entries(TYPE_INFO)) {
    if (settings[field] != null && result.type !== type) {
      throw badRequest(
        `${field} can only be set on ${type} campaigns, not on ${result.type} campaigns.`,
      );
    }
  }
  if (result.type === 'SEARCH' && !result.searchCampaignInfo) {
    throw badRequest('A SEARCH campaign needs searchCampaignInfo.');
  }
  if (result.type === 'ROLE_COMPOSITION' && !result.roleCompositionCampaignInfo) {
    throw badRequest('A ROLE_COMPOSITION campaign needs roleCompositionCampaignInfo.');
  }
  const search = result.searchCampaignInfo;
  if (
    search &&
    (search.query != null) === (search.identityIds != null && search.identityIds.length > 0)
  ) {
    throw badRequest('searchCampaignInfo needs exactly one of query or identityIds.');
  }
  search?.accessConstraints?.forEach((constraint, n) => {
    const field = `searchCampaignInfo.accessConstraints[${n}].ids`;
    const listed = (constraint.ids ?? []).length > 0;
    if (constraint.operator === 'ALL' && listed) {
      throw badRequest(`${field} is only allowed with operator SELECTED; ALL takes no IDs.`);
    }
    if (constraint.operator === 'SELECTED' && !listed) {
      throw badRequest(`${field} must list at least one ID with operator SELECTED.`);
    }
  });
  const roles = result.roleCompositionCampaignInfo;
  if (roles && roles.query != null && roles.roleIds != null && roles.roleIds.length > 0) {
    throw badRequest('roleCompositionCampaignInfo takes at most one of roleIds and query.');
  }
  if (result.correlatedStatus === 'UNCORRELATED' && result.type !== 'SOURCE_OWNER') {
    throw badRequest('Only SOURCE_OWNER campaigns can be UNCORRELATED.');
  }
  return {
    ...result,
    correlatedStatus: result.correlatedStatus ?? 'CORRELATED',
    mandatoryCommentRequirement: result.mandatoryCommentRequirement ?? 'NO_DECISIONS',
  };
}

/** Stores a new PENDING campaign and queues its staging. */
export function createCampaign(
  state: TenantState,
  index: SearchIndex,
  settings: CampaignSettings,
): CampaignRecord {
  // Resolve reviewers and items now, so that bad IDs or queries fail the create call with 400.
  campaignAssignments(state.directory, index, settings);
  const now = state.now();
  const campaign: CampaignRecord = {
    id: state.ids.next(),
    settings,
    status: 'PENDING',
    created: now,
    modified: now,
    certificationIds: [],
    reports: new Map(),
  };
  state.campaigns.set(campaign.id, campaign);
  // The preload activates a campaign at once, before this runs.
  state.background.later(() => {
    if (campaign.status === 'PENDING') campaign.status = 'STAGED';
  });
  return campaign;
}

const TIME_ZONE = /^(Z|[+-]\d{2}(:?\d{2})?)$/;

/** Builds the certifications and makes the campaign ACTIVE, at once (used by the preload). */
export function activateNow(
  state: TenantState,
  index: SearchIndex,
  campaign: CampaignRecord,
): void {
  buildCertifications(
    state,
    campaign,
    campaignAssignments(state.directory, index, campaign.settings),
  );
  campaign.status = 'ACTIVE';
  campaign.modified = state.now();
}

/**
 * Activates a STAGED campaign whose deadline is in the future: ACTIVATING now, ACTIVE with its
 * certifications once the background work ran.
 * @throws ApiProblem (400) when the campaign is not STAGED or the deadline is missing or past
 */
export function activateCampaign(
  state: TenantState,
  index: SearchIndex,
  campaign: CampaignRecord,
  timeZone: string,
): void {
  if (!TIME_ZONE.test(timeZone)) {
    throw badRequest(
      `timeZone '${timeZone}' is not an ISO-8601 UTC offset (Z, ±hh:mm, ±hhmm or ±hh).`,
    );
  }
  if (campaign.status !== 'STAGED') {
    throw badRequest(
      `Campaign ${campaign.id} is ${campaign.status}; only a STAGED campaign can be activated.`,
    );
  }
  const deadline = campaign.settings.deadline;
  if (deadline == null) {
    throw badRequest(
      `Campaign ${campaign.id} has no deadline; set a deadline in the future before activating it.`,
    );
  }
  if (Date.parse(deadline) <= state.clock()) {
    throw badRequest(
      `The campaign deadline ${deadline} is not in the future; a campaign can only be activated with a deadline in the future.`,
    );
  }
  campaign.status = 'ACTIVATING';
  campaign.modified = state.now();
  // Nothing changes an ACTIVATING campaign's status; only a delete can come in between.
  state.background.later(() => {
    if (state.campaigns.has(campaign.id)) activateNow(state, index, campaign);
  });
}

function closeCampaign(
  state: TenantState,
  campaign: CampaignRecord,
  action: Decision | undefined,
): void {
  campaign.status = 'COMPLETING';
  campaign.modified = state.now();
  state.background.later(() => {
    const now = state.now();
    for (const id of campaign.certificationIds) {
      // Missing when the campaign was deleted meanwhile, with its certifications.
      const certification = state.certifications.get(id);
      if (!certification || certification.phase === 'SIGNED') continue;
      // Stryker disable next-line ConditionalExpression: equivalent; there is no action only when every certification is signed, and signed ones are skipped above
      if (action) {
        for (const item of certification.items) {
          if (item.decision !== undefined) continue;
          item.decision = action;
          item.comments = 'Decided automatically when the campaign was completed.';
          item.summary.decidedCount += 1;
        }
        certification.decisionsMade = certification.items.length;
        certification.identitiesCompleted = certification.summaries.length;
      }
      certification.phase = 'SIGNED';
      certification.signed = now;
      certification.modified = now;
    }
    campaign.status = 'COMPLETED';
    campaign.modified = now;
  });
}

/**
 * Completes a past-due ACTIVE campaign, deciding open items with `action`.
 * @throws ApiProblem (400) when the campaign is not ACTIVE or not past due
 */
export function completeCampaign(
  state: TenantState,
  campaign: CampaignRecord,
  action: Decision,
): void {
  if (campaign.status !== 'ACTIVE') {
    throw badRequest(
      `Campaign ${campaign.id} is ${campaign.status}; only an ACTIVE campaign can be completed.`,
    );
  }
  // An ACTIVE campaign always has a deadline: activation needs one, and PATCH cannot remove it.
  const deadline = campaign.settings.deadline!;
  if (Date.parse(deadline) > state.clock()) {
    throw badRequest(
      `Campaign ${campaign.id} is not past due (deadline ${deadline}); only past-due campaigns can be completed.`,
    );
  }
  closeCampaign(state, campaign, action);
}

/**
 * Completes the campaign once every one of its certifications is signed. Called by sign-off, which
 * only signs a certification of an ACTIVE campaign, so the campaign is ACTIVE and has one.
 */
export function completeWhenAllSigned(state: TenantState, campaign: CampaignRecord): void {
  const allSigned = campaign.certificationIds.every(
    (id) => state.certifications.get(id)!.phase === 'SIGNED',
  );
  if (allSigned) closeCampaign(state, campaign, undefined);
}

/** Deletes campaigns with their certifications and tasks. */
export function deleteCampaigns(state: TenantState, campaigns: readonly CampaignRecord[]): void {
  for (const campaign of campaigns) {
    for (const id of campaign.certificationIds) state.certifications.delete(id);
    for (const [id, task] of state.tasks) {
      if (task.targetId === campaign.id || campaign.certificationIds.includes(task.targetId))
        state.tasks.delete(id);
    }
    state.campaigns.delete(campaign.id);
    state.counters.campaignsDeleted += 1;
  }
}

/** Fields a PATCH may change, by campaign status. */
export const PATCHABLE_FIELDS: Partial<Record<CampaignRecord['status'], readonly string[]>> = {
  STAGED: [
    'name',
    'description',
    'recommendationsEnabled',
    'deadline',
    'emailNotificationEnabled',
    'autoRevokeAllowed',
  ],
  ACTIVE: ['deadline'],
};
