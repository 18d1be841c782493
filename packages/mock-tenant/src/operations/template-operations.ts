import type { Readable, components } from '@isc-sdk/types';
import type { FieldReaders } from '../collection/field-readers.js';
import { campaignSettingsFrom, createCampaign } from '../domain/campaign-lifecycle.js';
import { presentCampaignReference } from '../domain/present-campaign.js';
import type { CampaignSettings, TemplateBody, TemplateRecord } from '../domain/records.js';
import { checkDeadlineDuration, generatedCampaignFields } from '../domain/template-preview.js';
import type { TenantState } from '../domain/tenant-state.js';
import { badRequest, notFound } from '../http/api-problem.js';
import { applyJsonPatch, type PatchOperation } from '../json-patch/apply-json-patch.js';
import {
  ok,
  listResult,
  type OperationHandler,
  type OperationHandlers,
} from './operation-handler.js';

type Schedule = Readable<components['schemas']['Schedule']>;

function findTemplate(state: TenantState, id: string): TemplateRecord {
  const template = state.templates.get(id);
  if (!template) throw notFound('campaign template', id);
  return template;
}

/** A template body. */
export function presentTemplate(state: TenantState, template: TemplateRecord): TemplateBody {
  const owner = state.directory.identities[template.ownerIndex]!;
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    created: template.created,
    modified: template.modified,
    scheduled: template.schedule !== undefined,
    ownerRef: { id: owner.id, type: 'IDENTITY', name: owner.displayName, email: owner.email },
    deadlineDuration: template.deadlineDuration,
    campaign: template.campaign,
  };
}

/** The template's own fields from a validated body: checks the duration and the embedded campaign. */
function templateFields(
  body: TemplateBody,
): Pick<TemplateRecord, 'name' | 'description' | 'deadlineDuration' | 'campaign'> {
  checkDeadlineDuration(body.deadlineDuration);
  let campaign: CampaignSettings;
  try {
    campaign = campaignSettingsFrom(body.campaign as unknown as Record<string, unknown>);
  } catch (error) {
    // campaignSettingsFrom throws only its 400s; this one names where the problem is.
    throw badRequest(`In 'campaign': ${(error as Error).message}`);
  }
  return {
    name: body.name,
    description: body.description,
    deadlineDuration: body.deadlineDuration ?? null,
    campaign,
  };
}

const templateFieldsReaders: FieldReaders<TemplateRecord> = {
  id: (t) => t.id,
  name: (t) => t.name,
  created: (t) => t.created,
  modified: (t) => t.modified,
};

const createCampaignTemplate: OperationHandler = (request, { state }) => {
  const fields = templateFields(request.body as TemplateBody);
  const template: TemplateRecord = {
    ...fields,
    id: state.ids.next(),
    created: state.now(),
    modified: null,
    ownerIndex: 0,
    schedule: undefined,
  };
  state.templates.set(template.id, template);
  state.counters.templatesCreated += 1;
  return ok(200, presentTemplate(state, template));
};

const getCampaignTemplates: OperationHandler = (request, { state }) => {
  return listResult(request, [...state.templates.values()], templateFieldsReaders, (t) =>
    presentTemplate(state, t),
  );
};

const getCampaignTemplate: OperationHandler = (request, { state }) =>
  ok(200, presentTemplate(state, findTemplate(state, request.path.id!)));

const PATCHABLE = ['name', 'description', 'deadlineDuration', 'campaign'];

const patchCampaignTemplate: OperationHandler = (request, { state, validators }) => {
  const template = findTemplate(state, request.path.id!);
  const before = presentTemplate(state, template) as unknown as Record<string, unknown>;
  const after = applyJsonPatch(before, request.body as PatchOperation[]);
  if (typeof after !== 'object' || after === null || Array.isArray(after)) {
    throw badRequest('The patched template must still be an object.');
  }
  const refused = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !PATCHABLE.includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (refused.length > 0)
    throw badRequest(
      `Only ${PATCHABLE.join(', ')} can be patched; the patch changes ${refused.join(', ')}.`,
    );
  const check = validators.schema('CampaignTemplate', after);
  if (!check.ok) throw badRequest(check.messages[0]!, check.messages.slice(1));
  Object.assign(template, templateFields(after as unknown as TemplateBody));
  template.modified = state.now();
  return ok(200, presentTemplate(state, template));
};

const deleteCampaignTemplate: OperationHandler = (request, { state }) => {
  findTemplate(state, request.path.id!);
  state.templates.delete(request.path.id!);
  state.counters.templatesDeleted += 1;
  return ok(204);
};

const getCampaignTemplateSchedule: OperationHandler = (request, { state }) => {
  const template = findTemplate(state, request.path.id!);
  if (!template.schedule) throw notFound('schedule of campaign template', template.id);
  return ok(200, template.schedule);
};

function checkSchedule(schedule: Schedule): void {
  if (schedule.months && schedule.type !== 'ANNUALLY') {
    throw badRequest(
      `Request body field 'months' is only allowed on ANNUALLY schedules, not ${schedule.type}.`,
    );
  }
  if (schedule.type === 'CALENDAR' && schedule.days?.type === 'RANGE') {
    throw badRequest("CALENDAR schedules take a LIST of dates in 'days', not a RANGE.");
  }
  if (schedule.type !== 'ANNUALLY' && schedule.type !== 'CALENDAR' && !schedule.days) {
    throw badRequest(`Request body field 'days' is required for ${schedule.type} schedules.`);
  }
  for (const [field, selector] of [
    ['hours', schedule.hours],
    ['days', schedule.days],
    ['months', schedule.months],
  ] as const) {
    if (selector?.type === 'RANGE' && selector.values.length !== 2) {
      throw badRequest(
        `Request body field '${field}.values' must hold exactly two values for a RANGE.`,
      );
    }
  }
}

const setCampaignTemplateSchedule: OperationHandler = (request, { state }) => {
  const template = findTemplate(state, request.path.id!);
  if (request.body === undefined) throw badRequest('A schedule is required in the request body.');
  const schedule = request.body as Schedule;
  checkSchedule(schedule);
  template.schedule = schedule;
  return ok(204);
};

const deleteCampaignTemplateSchedule: OperationHandler = (request, { state }) => {
  const template = findTemplate(state, request.path.id!);
  if (!template.schedule) throw notFound('schedule of campaign template', template.id);
  template.schedule = undefined;
  return ok(204);
};

const startGenerateCampaignTemplate: OperationHandler = (request, { state, search }) => {
  // The spec declares no 404 here; an unknown template is a 400 like other bad input.
  const template = state.templates.get(request.path.id!);
  if (!template) throw badRequest(`No campaign template has the ID ${request.path.id!}.`);
  const generated = generatedCampaignFields(presentTemplate(state, template), state.clock());
  const settings: CampaignSettings = { ...template.campaign, ...generated };
  const campaign = createCampaign(state, search, settings);
  state.counters.campaignsGenerated += 1;
  return ok(200, presentCampaignReference(campaign));
};

/** The 9 campaign template operations. */
export const templateOperations = {
  createCampaignTemplate,
  getCampaignTemplates,
  getCampaignTemplate,
  patchCampaignTemplate,
  deleteCampaignTemplate,
  getCampaignTemplateSchedule,
  setCampaignTemplateSchedule,
  deleteCampaignTemplateSchedule,
  startGenerateCampaignTemplate,
} satisfies Partial<OperationHandlers>;
