import type { Readable, components } from '@isc-sdk/types';
import type { FieldReaders } from '../collection/field-readers.js';
import { sortRecords } from '../collection/sort-records.js';
import { queueTask } from '../domain/certification-tasks.js';
import {
  presentCertification,
  presentReviewItem,
  presentTask,
} from '../domain/present-certification.js';
import {
  moveReviewWork,
  resolveReassignment,
  type ReviewReassignBody,
} from '../domain/reassign-review-work.js';
import type { CertificationRecord, ReviewItemRecord, TaskRecord } from '../domain/records.js';
import { sortCacheKey } from '../domain/records.js';
import { decide, signOff, type ReviewDecisionBody } from '../domain/review-decisions.js';
import type { TenantState } from '../domain/tenant-state.js';
import { badRequest, notFound } from '../http/api-problem.js';
import type { Directory } from '../seed/directory.js';
import {
  ok,
  listResult,
  type OperationHandler,
  type OperationHandlers,
} from './operation-handler.js';

/** Finds a certification or answers 404. */
export function findCertification(state: TenantState, id: string): CertificationRecord {
  const certification = state.certifications.get(id);
  if (!certification) throw notFound('certification', id);
  return certification;
}

/** The identity an optional `reviewer-identity` parameter names: `me` is the admin (index 0). */
export function reviewerFilter(state: TenantState, value: unknown): number | undefined | 'nobody' {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value === 'me') return 0;
  // Stryker disable next-line StringLiteral: equivalent; any text stands for "no identity", as no reviewer index is a string
  return state.directory.identityIndexById.get(value) ?? 'nobody';
}

const certificationFields = (state: TenantState): FieldReaders<CertificationRecord> => ({
  id: (c) => c.id,
  'campaign.id': (c) => c.campaignId,
  phase: (c) => c.phase,
  completed: (c) => c.phase === 'SIGNED',
  name: (c) => c.name,
  // A certification goes with its campaign, so the campaign is always there.
  due: (c) => state.campaigns.get(c.campaignId)!.settings.deadline ?? null,
  signed: (c) => c.signed,
});

const sourceName = (
  directory: Directory,
  item: ReviewItemRecord,
  kind: 'ENTITLEMENT' | 'ACCESS_PROFILE',
) => {
  const access = directory.access[item.accessIndex]!;
  return access.kind === kind ? directory.sources[access.sourceIndex]!.name : null;
};

/** How review item filter and sorter names map onto review items. */
export function reviewItemFields(directory: Directory): FieldReaders<ReviewItemRecord> {
  return {
    id: (i) => i.id,
    type: (i) => directory.access[i.accessIndex]!.kind,
    'access.type': (i) => directory.access[i.accessIndex]!.kind,
    completed: (i) => i.decision !== undefined,
    'identitySummary.id': (i) => i.summary.id,
    'identitySummary.name': (i) => directory.identities[i.summary.identityIndex]!.displayName,
    'access.id': (i) => directory.access[i.accessIndex]!.id,
    'access.name': (i) => directory.access[i.accessIndex]!.name,
    'entitlement.sourceName': (i) => sourceName(directory, i, 'ENTITLEMENT'),
    'accessProfile.sourceName': (i) => sourceName(directory, i, 'ACCESS_PROFILE'),
  };
}

const listIdentityCertifications: OperationHandler = (request, { state }) => {
  const reviewer = reviewerFilter(state, request.query['reviewer-identity']);
  let records = [...state.certifications.values()];
  if (reviewer !== undefined) records = records.filter((c) => c.reviewerIndex === reviewer);
  return listResult(request, records, certificationFields(state), (c) =>
    presentCertification(state, c),
  );
};

const getIdentityCertification: OperationHandler = (request, { state }) =>
  ok(200, presentCertification(state, findCertification(state, request.path.id!)));

const ACCESS_PARAMETERS = [
  ['entitlements', 'ENTITLEMENT'],
  ['access-profiles', 'ACCESS_PROFILE'],
  ['roles', 'ROLE'],
] as const;

const listIdentityAccessReviewItems: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  const directory = state.directory;
  const readers = reviewItemFields(directory);
  const given = ACCESS_PARAMETERS.filter(([name]) => typeof request.query[name] === 'string');
  if (given.length > 1) {
    throw badRequest(
      `Only one of entitlements, access-profiles and roles can be used per request; got ${given.map(([n]) => n).join(' and ')}.`,
    );
  }
  let records: readonly ReviewItemRecord[] = certification.items;
  let sorted:
    ((keys: Parameters<typeof sortCacheKey>[0]) => readonly ReviewItemRecord[]) | undefined = (
    keys,
  ) => {
    // Sort keys never change for an item, so each order is computed once per certification.
    const key = sortCacheKey(keys);
    let cached = certification.sortedItems.get(key);
    // Stryker disable next-line ConditionalExpression: equivalent; sorting again gives the same order, the cache only saves the time
    if (!cached) {
      cached = sortRecords(certification.items, keys, readers);
      certification.sortedItems.set(key, cached);
    }
    return cached;
  };
  if (given.length === 1) {
    const [name, kind] = given[0]!;
    const ids = new Set(
      String(request.query[name])
        .split(',')
        .map((id) => id.trim()),
    );
    records = certification.items.filter((item) => {
      const access = directory.access[item.accessIndex]!;
      return access.kind === kind && ids.has(access.id);
    });
    sorted = undefined;
  }
  return listResult(
    request,
    records,
    readers,
    (item) => presentReviewItem(directory, item),
    // Stryker disable next-line ObjectLiteral: equivalent; without the cache the items are sorted again, in the same order
    sorted ? { sorted } : {},
  );
};

const makeIdentityDecision: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  decide(state, certification, request.body as ReviewDecisionBody[]);
  return ok(200, presentCertification(state, certification));
};

const reassignIdentityCertifications: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  const body = request.body as ReviewReassignBody;
  const { items, reviewerIndex } = resolveReassignment(state, certification, body, 50);
  moveReviewWork(state, certification, items, reviewerIndex, body.reason);
  return ok(200, presentCertification(state, certification));
};

const submitReassignCertsAsync: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  const body = request.body as ReviewReassignBody;
  const { items, reviewerIndex } = resolveReassignment(state, certification, body, 500);
  const task = queueTask(
    state,
    {
      type: 'REASSIGN',
      targetType: 'CERTIFICATION',
      targetId: certification.id,
      reviewerIndex: certification.reviewerIndex,
    },
    () => {
      if (certification.phase === 'SIGNED') {
        throw new Error(
          `Certification ${certification.id} was signed off before the reassignment ran; nothing was moved.`,
        );
      }
      moveReviewWork(state, certification, items, reviewerIndex, body.reason);
    },
  );
  return ok(200, presentTask(state, task));
};

const signOffIdentityCertification: OperationHandler = (request, { state }) => {
  const certification = findCertification(state, request.path.id!);
  signOff(state, certification);
  return ok(200, presentCertification(state, certification));
};

const getCertificationTask: OperationHandler = (request, { state }) => {
  const task = state.tasks.get(request.path.id!);
  if (!task) throw notFound('certification task', request.path.id!);
  return ok(200, presentTask(state, task));
};

const taskFields: FieldReaders<TaskRecord> = {
  id: (t) => t.id,
  targetId: (t) => t.targetId,
  type: (t) => t.type,
};

const getPendingCertificationTasks: OperationHandler = (request, { state }) => {
  const reviewer = reviewerFilter(state, request.query['reviewer-identity']);
  const pending = [...state.tasks.values()].filter(
    (t) =>
      // A task's work runs in one step, so a pending task is QUEUED, never IN_PROGRESS.
      t.status === 'QUEUED' && (reviewer === undefined || t.reviewerIndex === reviewer),
  );
  return listResult(request, pending, taskFields, (t) => presentTask(state, t));
};

/** The certification operations that work on certifications, items and tasks. */
export const certificationOperations = {
  listIdentityCertifications,
  getIdentityCertification,
  listIdentityAccessReviewItems,
  makeIdentityDecision,
  reassignIdentityCertifications,
  submitReassignCertsAsync,
  signOffIdentityCertification,
  getCertificationTask,
  getPendingCertificationTasks,
} satisfies Partial<OperationHandlers>;

/** A decision summary counter set, for the summary operations. */
export type DecisionSummary = Readable<components['schemas']['IdentityCertDecisionSummary']>;
