import type { Readable, components } from '@isc-sdk/types';
import type { AccessItem, Directory } from '../seed/directory.js';
import { presentCampaignReference } from './present-campaign.js';
import type {
  CertificationRecord,
  IdentitySummaryRecord,
  ReviewItemRecord,
  TaskRecord,
} from './records.js';
import type { TenantState } from './tenant-state.js';

type Schemas = components['schemas'];
type AccessSummary = Readable<Schemas['AccessSummary']>;
type Entitlement = Readable<Schemas['ReviewableEntitlement']>;
type AccessProfile = Readable<Schemas['ReviewableAccessProfile']>;

/** An identity reference with name and email. */
export function identityReference(
  directory: Directory,
  index: number,
): Readable<Schemas['IdentityReferenceWithNameAndEmail']> {
  const identity = directory.identities[index]!;
  return { type: 'IDENTITY', id: identity.id, name: identity.displayName, email: identity.email };
}

function reviewer(directory: Directory, index: number): Readable<Schemas['Reviewer']> {
  const identity = directory.identities[index]!;
  return {
    id: identity.id,
    name: identity.displayName,
    email: identity.email,
    type: 'IDENTITY',
    created: identity.created,
    modified: identity.created,
  };
}

function entitlement(directory: Directory, index: number): Entitlement {
  const e = directory.entitlements[index]!;
  const source = directory.sources[e.sourceIndex]!;
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    privileged: e.privileged,
    owner: identityReference(directory, e.ownerIndex),
    attributeName: e.attribute,
    attributeValue: e.value,
    sourceSchemaObjectType: 'group',
    sourceName: source.name,
    sourceType: source.type,
    sourceId: source.id,
    hasPermissions: e.permissions.length > 0,
    isPermission: false,
    revocable: true,
    cloudGoverned: false,
    containsDataAccess: false,
    dataAccess: null,
    account: null,
  };
}

function accessProfile(directory: Directory, index: number): AccessProfile {
  const ap = directory.accessProfiles[index]!;
  return {
    id: ap.id,
    name: ap.name,
    description: ap.description,
    privileged: ap.privileged,
    cloudGoverned: false,
    endDate: null,
    owner: identityReference(directory, ap.ownerIndex),
    entitlements: ap.entitlementIndexes.map((n) => entitlement(directory, n)),
    created: ap.created,
    modified: ap.modified,
  };
}

function buildAccessSummary(directory: Directory, item: AccessItem): AccessSummary {
  const access = { type: item.kind, id: item.id, name: item.name };
  switch (item.kind) {
    case 'ENTITLEMENT':
      return {
        access,
        entitlement: entitlement(directory, directory.accessIndexById.get(item.id)!),
        role: null,
      };
    case 'ACCESS_PROFILE': {
      const index = directory.accessIndexById.get(item.id)! - directory.entitlements.length;
      return {
        access,
        entitlement: null,
        accessProfile: accessProfile(directory, index),
        role: null,
      };
    }
    case 'ROLE':
      return {
        access,
        entitlement: null,
        role: {
          id: item.id,
          name: item.name,
          description: item.description,
          privileged: item.privileged,
          owner: identityReference(directory, item.ownerIndex),
          revocable: true,
          endDate: null,
          accessProfiles: item.accessProfileIndexes.map((n) => accessProfile(directory, n)),
          entitlements: [],
        },
      };
  }
}

const summaries = new WeakMap<Directory, Map<number, AccessSummary>>();

/**
 * The access summary of a directory access item. Built once per item and shared by every review
 * item that reviews it, so a 50,000-item certification costs no more than its distinct access.
 */
export function accessSummaryOf(directory: Directory, accessIndex: number): AccessSummary {
  let cache = summaries.get(directory);
  if (!cache) {
    cache = new Map();
    summaries.set(directory, cache);
  }
  let summary = cache.get(accessIndex);
  if (!summary) {
    summary = buildAccessSummary(directory, directory.access[accessIndex]!);
    cache.set(accessIndex, summary);
  }
  return summary;
}

/** A certification body. */
export function presentCertification(
  state: TenantState,
  certification: CertificationRecord,
): Readable<Schemas['IdentityCertificationDto']> {
  // Deleting a campaign deletes its certifications, so the campaign is always there.
  const campaign = state.campaigns.get(certification.campaignId)!;
  const directory = state.directory;
  const r = certification.reassignment;
  return {
    id: certification.id,
    name: certification.name,
    campaign: presentCampaignReference(campaign),
    completed: certification.phase === 'SIGNED',
    identitiesCompleted: certification.identitiesCompleted,
    identitiesTotal: certification.summaries.length,
    created: certification.created,
    modified: certification.modified,
    decisionsMade: certification.decisionsMade,
    decisionsTotal: certification.items.length,
    due: campaign.settings.deadline ?? null,
    signed: certification.signed,
    reviewer: reviewer(directory, certification.reviewerIndex),
    reassignment: r
      ? {
          from: {
            id: r.fromId,
            name: r.fromName,
            type: 'CERTIFICATION',
            reviewer: reviewer(directory, r.fromReviewerIndex),
          },
          comment: r.comment,
        }
      : null,
    hasErrors: false,
    errorMessage: null,
    phase: certification.phase,
  };
}

/** An identity summary body. */
export function presentIdentitySummary(
  directory: Directory,
  summary: IdentitySummaryRecord,
): Readable<Schemas['CertificationIdentitySummary']> {
  const identity = directory.identities[summary.identityIndex]!;
  return {
    id: summary.id,
    name: identity.displayName,
    identityId: identity.id,
    completed: summary.decidedCount === summary.itemCount,
  };
}

/** A review item body. */
export function presentReviewItem(
  directory: Directory,
  item: ReviewItemRecord,
): Readable<Schemas['AccessReviewItem']> {
  return {
    accessSummary: accessSummaryOf(directory, item.accessIndex),
    identitySummary: presentIdentitySummary(directory, item.summary),
    id: item.id,
    completed: item.decision !== undefined,
    newAccess: item.newAccess,
    ...(item.decision === undefined ? {} : { decision: item.decision }),
    comments: item.comments,
  };
}

/** A certification task body. */
export function presentTask(
  state: TenantState,
  task: TaskRecord,
): Readable<Schemas['CertificationTask']> {
  return {
    id: task.id,
    type: task.type,
    targetType: task.targetType,
    targetId: task.targetId,
    status: task.status,
    errors: task.errors,
    reassignmentTrailDTOs: [],
    created: task.created,
  };
}
