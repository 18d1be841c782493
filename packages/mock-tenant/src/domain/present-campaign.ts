import type { Readable, components } from '@isc-sdk/types';
import type { CampaignBody, CampaignRecord, CampaignSettings, ReportRecord } from './records.js';
import type { TenantState } from './tenant-state.js';

type Schemas = components['schemas'];
type SlimCampaign = Readable<Schemas['SlimCampaign']>;

function counts(
  state: TenantState,
  campaign: CampaignRecord,
): { total: number; completed: number } {
  let completed = 0;
  for (const id of campaign.certificationIds)
    if (state.certifications.get(id)!.phase === 'SIGNED') completed += 1;
  return { total: campaign.certificationIds.length, completed };
}

function alerts(campaign: CampaignRecord): NonNullable<CampaignBody['alerts']> {
  if (campaign.settings.type !== 'MACHINE_ACCOUNT' || campaign.status === 'PENDING') return [];
  return [
    {
      level: 'INFO',
      localizations: [
        {
          locale: 'en-US',
          localeOrigin: 'DEFAULT',
          text: 'The mock tenant seeds no machine accounts to review.',
        },
      ],
    },
  ];
}

/** The full campaign body (`detail=FULL`, create, and the template's generate). */
export function presentCampaign(state: TenantState, campaign: CampaignRecord): CampaignBody {
  const { total, completed } = counts(state, campaign);
  return {
    ...campaign.settings,
    id: campaign.id,
    status: campaign.status,
    created: campaign.created,
    modified: campaign.modified,
    totalCertifications: total,
    completedCertifications: completed,
    alerts: alerts(campaign),
    sourcesWithOrphanEntitlements: [],
  };
}

/** The slim campaign body (lists without `detail=FULL`, and PATCH). */
export function presentSlimCampaign(state: TenantState, campaign: CampaignRecord): SlimCampaign {
  const s = campaign.settings;
  const { total, completed } = counts(state, campaign);
  return {
    id: campaign.id,
    name: s.name,
    description: s.description,
    deadline: s.deadline ?? null,
    type: s.type,
    emailNotificationEnabled: s.emailNotificationEnabled,
    autoRevokeAllowed: s.autoRevokeAllowed,
    recommendationsEnabled: s.recommendationsEnabled,
    status: campaign.status,
    correlatedStatus: s.correlatedStatus,
    created: campaign.created,
    totalCertifications: total,
    completedCertifications: completed,
    alerts: alerts(campaign),
  };
}

/** The short reference certifications and the generate operation return. */
export function presentCampaignReference(campaign: {
  readonly id: string;
  readonly settings: CampaignSettings;
}): Readable<Schemas['CampaignReference']> {
  const s = campaign.settings;
  return {
    id: campaign.id,
    name: s.name,
    type: 'CAMPAIGN',
    campaignType: s.type,
    description: s.description,
    correlatedStatus: s.correlatedStatus,
    mandatoryCommentRequirement: s.mandatoryCommentRequirement,
  };
}

const REPORT_NAMES: Record<ReportRecord['reportType'], string> = {
  CAMPAIGN_COMPOSITION_REPORT: 'Campaign Composition Report',
  CAMPAIGN_REMEDIATION_STATUS_REPORT: 'Campaign Remediation Status Report',
  CAMPAIGN_STATUS_REPORT: 'Campaign Status Report',
  CERTIFICATION_SIGNOFF_REPORT: 'Certification Signoff Report',
};

/** One campaign report. */
export function presentReport(report: ReportRecord): Readable<Schemas['CampaignReport']> {
  return {
    type: 'REPORT_RESULT',
    id: report.id,
    name: REPORT_NAMES[report.reportType],
    status: report.status,
    reportType: report.reportType,
    lastRunAt: report.lastRunAt,
  };
}
