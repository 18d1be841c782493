import type { Readable, components } from '@isc-sdk/types';
import type { FieldReaders } from '../collection/field-readers.js';
import {
  activateCampaign,
  campaignSettingsFrom,
  completeCampaign,
  createCampaign,
  deleteCampaigns,
  PATCHABLE_FIELDS,
} from '../domain/campaign-lifecycle.js';
import { queueTask } from '../domain/certification-tasks.js';
import { presentCampaign, presentReport, presentSlimCampaign } from '../domain/present-campaign.js';
import { presentTask } from '../domain/present-certification.js';
import { reassignCertification } from '../domain/reassign-review-work.js';
import type { CampaignRecord, CampaignSettings, ReportRecord } from '../domain/records.js';
import type { TenantState } from '../domain/tenant-state.js';
import { badRequest, notFound } from '../http/api-problem.js';
import { applyJsonPatch, type PatchOperation } from '../json-patch/apply-json-patch.js';
import {
  ok,
  listResult,
  type OperationHandler,
  type OperationHandlers,
} from './operation-handler.js';

type Schemas = components['schemas'];

/** Finds a campaign or answers 404. */
export function findCampaign(state: TenantState, id: string): CampaignRecord {
  const campaign = state.campaigns.get(id);
  if (!campaign) throw notFound('campaign', id);
  return campaign;
}

const campaignFields: FieldReaders<CampaignRecord> = {
  id: (c) => c.id,
  name: (c) => c.settings.name,
  status: (c) => c.status,
  created: (c) => c.created,
};

const getActiveCampaigns: OperationHandler = (request, { state }) => {
  const present = request.query.detail === 'FULL' ? presentCampaign : presentSlimCampaign;
  return listResult(request, [...state.campaigns.values()], campaignFields, (c) =>
    present(state, c),
  );
};

const createCampaignOperation: OperationHandler = (request, { state, search }) => {
  const settings = campaignSettingsFrom(request.body as Record<string, unknown>);
  const campaign = createCampaign(state, search, settings);
  state.counters.campaignsCreated += 1;
  return ok(202, presentCampaign(state, campaign));
};

const getCampaign: OperationHandler = (request, { state }) => {
  const campaign = findCampaign(state, request.path.id!);
  return ok(
    200,
    request.query.detail === 'FULL'
      ? presentCampaign(state, campaign)
      : presentSlimCampaign(state, campaign),
  );
};

const updateCampaign: OperationHandler = (request, { state, validators }) => {
  const campaign = findCampaign(state, request.path.id!);
  const before = presentCampaign(state, campaign) as Record<string, unknown>;
  const after = applyJsonPatch(before, request.body as PatchOperation[]);
  if (typeof after !== 'object' || after === null || Array.isArray(after)) {
    throw badRequest('The patched campaign must still be an object.');
  }
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) =>
      JSON.stringify(before[key]) !== JSON.stringify((after as Record<string, unknown>)[key]),
  );
  const allowed = PATCHABLE_FIELDS[campaign.status] ?? [];
  const refused = changed.filter((key) => !allowed.includes(key));
  if (refused.length > 0) {
    throw badRequest(
      allowed.length === 0
        ? `Campaign ${campaign.id} is ${campaign.status}; it cannot be changed.`
        : `While ${campaign.status}, only ${allowed.join(', ')} can be changed; the patch changes ${refused.join(', ')}.`,
    );
  }
  const check = validators.schema('Campaign', after);
  if (!check.ok) throw badRequest(check.messages[0]!, check.messages.slice(1));
  const patched = after as CampaignSettings;
  if (changed.includes('deadline') && campaign.status === 'ACTIVE') {
    if (patched.deadline == null || Date.parse(patched.deadline) <= state.clock()) {
      throw badRequest('The deadline of an ACTIVE campaign can only move to a time in the future.');
    }
  }
  const settings: Record<string, unknown> = { ...campaign.settings };
  for (const key of changed) settings[key] = (after as Record<string, unknown>)[key];
  campaign.settings = settings as unknown as CampaignSettings;
  campaign.modified = state.now();
  return ok(200, presentSlimCampaign(state, campaign));
};

const move: OperationHandler = (request, { state }) => {
  const campaign = findCampaign(state, request.path.id!);
  const body = request.body as Readable<Schemas['AdminReviewReassign']>;
  if (campaign.status !== 'ACTIVE') {
    throw badRequest(
      `Campaign ${campaign.id} is ${campaign.status}; only an ACTIVE campaign's certifications can be reassigned.`,
    );
  }
  const ids = body.certificationIds ?? [];
  if (ids.length === 0)
    throw badRequest("Request body field 'certificationIds' must list at least one certification.");
  for (const id of ids) {
    if (!campaign.certificationIds.includes(id)) {
      throw badRequest(`Certification ${id} is not part of campaign ${campaign.id}.`);
    }
  }
  const reviewerId = body.reassignTo?.id;
  const reviewerIndex =
    // Stryker disable next-line ConditionalExpression: equivalent; a Map answers undefined for an undefined key too, the check is there for the key's type
    reviewerId === undefined ? undefined : state.directory.identityIndexById.get(reviewerId);
  if (reviewerIndex === undefined) {
    throw badRequest(
      `Request body field 'reassignTo.id' must be the ID of an identity; got ${reviewerId ?? 'nothing'}.`,
    );
  }
  const reason = body.reason ?? '';
  const task = queueTask(
    state,
    { type: 'ADMIN_REASSIGN', targetType: 'CAMPAIGN', targetId: campaign.id, reviewerIndex },
    () => {
      for (const id of ids)
        reassignCertification(state, state.certifications.get(id)!, reviewerIndex, reason);
    },
  );
  return ok(202, presentTask(state, task));
};

const startCampaign: OperationHandler = (request, { state, search }) => {
  const campaign = findCampaign(state, request.path.id!);
  const options = (request.body ?? {}) as Readable<Schemas['ActivateCampaignOptions']>;
  activateCampaign(state, search, campaign, options.timeZone ?? 'Z');
  return ok(202, {});
};

const completeCampaignOperation: OperationHandler = (request, { state }) => {
  const campaign = findCampaign(state, request.path.id!);
  const options = (request.body ?? {}) as Readable<Schemas['CampaignCompleteOptions']>;
  completeCampaign(state, campaign, options.autoCompleteAction ?? 'APPROVE');
  return ok(202, {});
};

const deleteCampaignsOperation: OperationHandler = (request, { state }) => {
  const ids = (request.body as Readable<Schemas['CampaignsDeleteRequest']>).ids ?? [];
  if (ids.length === 0)
    throw badRequest("Request body field 'ids' must list at least one campaign.");
  const missing = ids.filter((id) => !state.campaigns.has(id));
  if (missing.length > 0) throw notFound('campaign', missing.join(', '));
  deleteCampaigns(
    state,
    [...new Set(ids)].map((id) => state.campaigns.get(id)!),
  );
  return ok(202, {});
};

function requireReportable(campaign: CampaignRecord, what: string): void {
  if (campaign.status === 'PENDING' || campaign.status === 'STAGED') {
    throw badRequest(
      `Campaign ${campaign.id} is ${campaign.status}; ${what} is available once the campaign is active.`,
    );
  }
}

const startCampaignRemediationScan: OperationHandler = (request, { state }) => {
  const campaign = findCampaign(state, request.path.id!);
  requireReportable(campaign, 'a remediation scan');
  state.counters.remediationScans += 1;
  return ok(202, {});
};

const getCampaignReports: OperationHandler = (request, { state }) => {
  const campaign = findCampaign(state, request.path.id!);
  return ok(200, [...campaign.reports.values()].map(presentReport));
};

const startCampaignReport: OperationHandler = (request, { state }) => {
  const campaign = findCampaign(state, request.path.id!);
  requireReportable(campaign, 'reporting');
  const reportType = request.path.type as ReportRecord['reportType'];
  const report: ReportRecord = {
    id: state.ids.next(),
    reportType,
    status: 'PENDING',
    lastRunAt: state.now(),
  };
  campaign.reports.set(reportType, report);
  state.counters.reportsRun += 1;
  state.background.later(() => {
    report.status = 'SUCCESS';
  });
  return ok(202, {});
};

const getCampaignReportsConfig: OperationHandler = (_request, { state }) =>
  ok(200, state.reportsConfig);

const setCampaignReportsConfig: OperationHandler = (request, { state }) => {
  const body = request.body as Readable<Schemas['CampaignReportsConfig']>;
  state.reportsConfig = { identityAttributeColumns: body.identityAttributeColumns ?? null };
  return ok(200, state.reportsConfig);
};

/** The 13 campaign operations. */
export const campaignOperations = {
  getActiveCampaigns,
  createCampaign: createCampaignOperation,
  getCampaign,
  updateCampaign,
  move,
  startCampaign,
  completeCampaign: completeCampaignOperation,
  deleteCampaigns: deleteCampaignsOperation,
  startCampaignRemediationScan,
  getCampaignReports,
  startCampaignReport,
  getCampaignReportsConfig,
  setCampaignReportsConfig,
} satisfies Partial<OperationHandlers>;
