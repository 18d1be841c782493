import { isoTime, type Clock } from '../core/clock.js';
import { createIdFactory, type IdFactory } from '../core/id-factory.js';
import type { ResolvedSize } from '../resolve-options.js';
import type { Directory } from '../seed/directory.js';
import { BackgroundWork } from './background-work.js';
import type { CampaignRecord, CertificationRecord, TaskRecord, TemplateRecord } from './records.js';

/** Counters of what the tenant created, for tests that must prove nothing happened twice. */
export interface CreationCounters {
  campaignsCreated: number;
  campaignsGenerated: number;
  campaignsDeleted: number;
  templatesCreated: number;
  templatesDeleted: number;
  certificationsCreated: number;
  decisionsRecorded: number;
  signOffs: number;
  tasksCreated: number;
  reportsRun: number;
  remediationScans: number;
}

/** Everything the operations read and change, in one place. */
export class TenantState {
  readonly campaigns = new Map<string, CampaignRecord>();
  readonly certifications = new Map<string, CertificationRecord>();
  readonly templates = new Map<string, TemplateRecord>();
  readonly tasks = new Map<string, TaskRecord>();
  reportsConfig: { identityAttributeColumns: string[] | null } = { identityAttributeColumns: null };
  readonly background: BackgroundWork;
  readonly counters: CreationCounters = {
    campaignsCreated: 0,
    campaignsGenerated: 0,
    campaignsDeleted: 0,
    templatesCreated: 0,
    templatesDeleted: 0,
    certificationsCreated: 0,
    decisionsRecorded: 0,
    signOffs: 0,
    tasksCreated: 0,
    reportsRun: 0,
    remediationScans: 0,
  };
  /** IDs of campaigns, templates, certifications, tasks and reports. */
  readonly ids: IdFactory;
  /** IDs of review items and identity summaries (a separate stream, so object IDs stay stable). */
  readonly itemIds: IdFactory;

  constructor(
    readonly directory: Directory,
    readonly clock: Clock,
    readonly size: ResolvedSize,
    seed: number,
    backgroundDelayMs: number,
  ) {
    this.background = new BackgroundWork(clock, backgroundDelayMs);
    this.ids = createIdFactory(seed, 2);
    this.itemIds = createIdFactory(seed, 3);
  }

  /** The current tenant time as an RFC 3339 string. */
  now(): string {
    return isoTime(this.clock());
  }
}
