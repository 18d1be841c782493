import { describe, expect, it } from 'vitest';
import { operationMetadata, pagedOperations } from '../src/index.js';

// The upstream V3 operations of the four families, by method and path.
const upstream: Array<[operationId: string, route: string, successStatus: number]> = [
  // Certification campaigns (13)
  ['getActiveCampaigns', 'GET /campaigns', 200],
  ['createCampaign', 'POST /campaigns', 202],
  ['getCampaign', 'GET /campaigns/{id}', 200],
  ['updateCampaign', 'PATCH /campaigns/{id}', 200],
  ['move', 'POST /campaigns/{id}/reassign', 202],
  ['startCampaign', 'POST /campaigns/{id}/activate', 202],
  ['completeCampaign', 'POST /campaigns/{id}/complete', 202],
  ['deleteCampaigns', 'POST /campaigns/delete', 202],
  ['startCampaignRemediationScan', 'POST /campaigns/{id}/run-remediation-scan', 202],
  ['getCampaignReports', 'GET /campaigns/{id}/reports', 200],
  ['startCampaignReport', 'POST /campaigns/{id}/run-report/{type}', 202],
  ['getCampaignReportsConfig', 'GET /campaigns/reports-configuration', 200],
  ['setCampaignReportsConfig', 'PUT /campaigns/reports-configuration', 200],
  // Campaign templates (9)
  ['createCampaignTemplate', 'POST /campaign-templates', 200],
  ['getCampaignTemplates', 'GET /campaign-templates', 200],
  ['getCampaignTemplate', 'GET /campaign-templates/{id}', 200],
  ['patchCampaignTemplate', 'PATCH /campaign-templates/{id}', 200],
  ['deleteCampaignTemplate', 'DELETE /campaign-templates/{id}', 204],
  ['getCampaignTemplateSchedule', 'GET /campaign-templates/{id}/schedule', 200],
  ['setCampaignTemplateSchedule', 'PUT /campaign-templates/{id}/schedule', 204],
  ['deleteCampaignTemplateSchedule', 'DELETE /campaign-templates/{id}/schedule', 204],
  ['startGenerateCampaignTemplate', 'POST /campaign-templates/{id}/generate', 200],
  // Certifications, summaries and tasks (15)
  ['listIdentityCertifications', 'GET /certifications', 200],
  ['getIdentityCertification', 'GET /certifications/{id}', 200],
  ['listIdentityAccessReviewItems', 'GET /certifications/{id}/access-review-items', 200],
  ['makeIdentityDecision', 'POST /certifications/{id}/decide', 200],
  ['reassignIdentityCertifications', 'POST /certifications/{id}/reassign', 200],
  ['signOffIdentityCertification', 'POST /certifications/{id}/sign-off', 200],
  ['getIdentityDecisionSummary', 'GET /certifications/{id}/decision-summary', 200],
  ['getIdentitySummaries', 'GET /certifications/{id}/identity-summaries', 200],
  ['getIdentityAccessSummaries', 'GET /certifications/{id}/access-summaries/{type}', 200],
  ['getIdentitySummary', 'GET /certifications/{id}/identity-summaries/{identitySummaryId}', 200],
  [
    'getIdentityCertificationItemPermissions',
    'GET /certifications/{certificationId}/access-review-items/{itemId}/permissions',
    200,
  ],
  ['listCertificationReviewers', 'GET /certifications/{id}/reviewers', 200],
  ['submitReassignCertsAsync', 'POST /certifications/{id}/reassign-async', 200],
  ['getCertificationTask', 'GET /certification-tasks/{id}', 200],
  ['getPendingCertificationTasks', 'GET /certification-tasks', 200],
  // Search (4)
  ['searchPost', 'POST /search', 200],
  ['searchCount', 'POST /search/count', 204],
  ['searchAggregate', 'POST /search/aggregate', 200],
  ['searchGet', 'GET /search/{index}/{id}', 200],
];

describe('operationMetadata', () => {
  it('has exactly the 41 upstream operationIds', () => {
    expect(upstream).toHaveLength(41);
    expect(Object.keys(operationMetadata).sort()).toEqual(upstream.map(([id]) => id).sort());
  });

  it.each(upstream)('%s is %s answering %i', (operationId, route, successStatus) => {
    const metadata = operationMetadata[operationId as keyof typeof operationMetadata];
    expect(`${metadata.method} ${metadata.path}`).toBe(route);
    expect(metadata.successStatus).toBe(successStatus);
  });

  it('pages every list operation with the documented maximum', () => {
    const paged = Object.values(operationMetadata)
      .filter((op) => op.paged)
      .map((op) => [op.operationId, op.maxPageSize]);
    expect(Object.fromEntries(paged)).toEqual({
      getActiveCampaigns: 250,
      getCampaignTemplates: 250,
      listIdentityCertifications: 250,
      listIdentityAccessReviewItems: 250,
      getIdentitySummaries: 250,
      getIdentityAccessSummaries: 250,
      getIdentityCertificationItemPermissions: 250,
      listCertificationReviewers: 250,
      getPendingCertificationTasks: 250,
      searchPost: 10000,
    });
    expect(Object.keys(pagedOperations)).toHaveLength(paged.length);
  });

  it('records the documented filters and sorters', () => {
    expect(operationMetadata.getActiveCampaigns.filters).toMatchObject({
      id: { operators: ['eq', 'in'] },
      name: { operators: ['eq', 'sw'] },
      status: { operators: ['eq', 'in'] },
    });
    expect(operationMetadata.getActiveCampaigns.sorters).toEqual(['name', 'created']);
    expect(Object.keys(operationMetadata.listIdentityAccessReviewItems.filters)).toEqual([
      'id',
      'type',
      'access.type',
      'completed',
      'identitySummary.id',
      'identitySummary.name',
      'access.id',
      'access.name',
      'entitlement.sourceName',
      'accessProfile.sourceName',
    ]);
    expect(operationMetadata.listIdentityAccessReviewItems.filters.completed).toMatchObject({
      operators: ['eq', 'ne'],
      type: 'boolean',
    });
    expect(operationMetadata.getIdentityCertificationItemPermissions).toMatchObject({
      filters: { target: { operators: ['eq', 'sw'] }, rights: { operators: ['ca'] } },
      filterComposites: ['and', 'or'],
      sorters: null,
    });
    expect(operationMetadata.getIdentityDecisionSummary).toMatchObject({
      paged: false,
      filters: { 'identitySummary.id': { operators: ['eq', 'in'] } },
    });
    expect(operationMetadata.searchPost.filters).toBeNull();
  });
});
