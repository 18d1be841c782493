// The tenant's mutable state, as in-memory records. Presenters turn them into API bodies.
import type { Readable, components } from '@isc-sdk/types';
import type { SortKey } from '../collection/sort-records.js';

type Schemas = components['schemas'];

/** A full campaign as the API returns it. */
export type CampaignBody = Readable<Schemas['Campaign']>;

/**
 * Campaign fields a client sets (everything except the read-only system fields), with the two
 * defaults the API fills in always present.
 */
export type CampaignSettings = Omit<
  CampaignBody,
  | 'id'
  | 'status'
  | 'created'
  | 'modified'
  | 'totalCertifications'
  | 'completedCertifications'
  | 'alerts'
  | 'sourcesWithOrphanEntitlements'
> &
  Required<Pick<CampaignBody, 'correlatedStatus' | 'mandatoryCommentRequirement'>>;

/** The read-only fields of a campaign, which the tenant owns. */
export const CAMPAIGN_SYSTEM_FIELDS = [
  'id',
  'status',
  'created',
  'modified',
  'totalCertifications',
  'completedCertifications',
  'alerts',
  'sourcesWithOrphanEntitlements',
] as const;

/** Campaign lifecycle states. */
export type CampaignStatus = NonNullable<CampaignBody['status']>;

export interface CampaignRecord {
  readonly id: string;
  settings: CampaignSettings;
  status: CampaignStatus;
  readonly created: string;
  modified: string;
  /** Certifications in creation order. */
  certificationIds: string[];
  reports: Map<string, ReportRecord>;
}

/** One run of a campaign report. */
export interface ReportRecord {
  readonly id: string;
  readonly reportType: Schemas['ReportType'];
  status: 'PENDING' | 'SUCCESS';
  lastRunAt: string;
}

/** Decision on a review item. */
export type Decision = Schemas['CertificationDecision'];

/** An identity under review in one certification. */
export interface IdentitySummaryRecord {
  readonly id: string;
  readonly identityIndex: number;
  itemCount: number;
  decidedCount: number;
}

/** One identity-access pair to decide. */
export interface ReviewItemRecord {
  readonly id: string;
  summary: IdentitySummaryRecord;
  /** Position of the access in the directory's `access` list. */
  readonly accessIndex: number;
  readonly newAccess: boolean;
  decision: Decision | undefined;
  comments: string | null;
  proposedEndDate: string | undefined;
}

/** Where a reassigned certification came from. */
export interface ReassignmentRecord {
  readonly fromId: string;
  readonly fromName: string;
  readonly fromReviewerIndex: number;
  readonly comment: string;
}

export interface CertificationRecord {
  readonly id: string;
  name: string;
  readonly campaignId: string;
  reviewerIndex: number;
  readonly created: string;
  modified: string;
  signed: string | null;
  phase: 'STAGED' | 'ACTIVE' | 'SIGNED';
  /** Items in their natural order (by identity, then access). */
  items: ReviewItemRecord[];
  itemsById: Map<string, ReviewItemRecord>;
  summaries: IdentitySummaryRecord[];
  summariesById: Map<string, IdentitySummaryRecord>;
  decisionsMade: number;
  identitiesCompleted: number;
  reassignment: ReassignmentRecord | null;
  /** Sorted copies of `items`, by sorters text; cleared when items move between certifications. */
  sortedItems: Map<string, ReviewItemRecord[]>;
}

/** A background task of a certification or campaign. */
export interface TaskRecord {
  readonly id: string;
  readonly type: NonNullable<Schemas['CertificationTask']['type']>;
  readonly targetType: 'CERTIFICATION' | 'CAMPAIGN';
  readonly targetId: string;
  status: 'QUEUED' | 'IN_PROGRESS' | 'SUCCESS' | 'ERROR';
  errors: Readable<Schemas['ErrorMessageDto']>[];
  readonly created: string;
  readonly reviewerIndex: number;
}

/** A campaign template as the API returns it. */
export type TemplateBody = Readable<Schemas['CampaignTemplate']>;

export interface TemplateRecord {
  readonly id: string;
  name: string;
  description: string;
  readonly created: string;
  modified: string | null;
  deadlineDuration: string | null;
  campaign: CampaignSettings;
  readonly ownerIndex: number;
  schedule: Readable<Schemas['Schedule']> | undefined;
}

/** Keys already applied to a sorted cache entry. */
export function sortCacheKey(keys: readonly SortKey[]): string {
  const names = keys.map((k) => (k.descending ? `-${k.field}` : k.field));
  // Stryker disable next-line StringLiteral: equivalent; the sortable fields are a fixed set of dotted names, and no list of them joins, without a separator, into the text of another list
  return names.join(',');
}
