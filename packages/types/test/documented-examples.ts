// SailPoint's documented request examples for createCampaign, createCampaignTemplate and the search
// operations, re-created with the same shapes and fields and values of our own. They must compile as
// they are: server-set fields (id, status, created, totalCertifications, ...) are accepted and marked
// deprecated, and every *CampaignInfo is where its campaign type allows it.
//
// This file is type-checked twice: against the sources by @isc-sdk/types' own tests (its tsconfig maps
// the package name to src/), and against the packed tarballs by `pnpm check:tarballs`, which copies it
// into the consumer project. It imports nothing but the package's public types.
import type {
  CreateCampaignBody,
  CreateCampaignTemplateBody,
  SearchAggregateBody,
  SearchCountBody,
  SearchPostBody,
} from '@isc-sdk/types';

// ---------------------------------------------------------------------------------------------
// createCampaign: the campaigns shown on SailPoint's "Create a campaign" page, one per type.
// ---------------------------------------------------------------------------------------------

export const createManagerCampaign: CreateCampaignBody = {
  id: '6a1f0c2e9b8d47f3a5e4d3c2b1a09f8e',
  name: 'Quarterly Manager Review',
  description: 'Each manager confirms what their direct reports can reach.',
  deadline: '2031-03-31T17:00:00.000Z',
  type: 'MANAGER',
  status: 'PENDING',
  emailNotificationEnabled: false,
  autoRevokeAllowed: false,
  recommendationsEnabled: false,
  created: '2030-12-01T09:15:30.250Z',
  modified: null,
  filter: {
    type: 'CAMPAIGN_FILTER',
    id: '0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a',
    name: 'Employees only',
  },
  sunsetCommentsRequired: true,
  sourceOwnerCampaignInfo: null,
  searchCampaignInfo: null,
  roleCompositionCampaignInfo: null,
  alerts: null,
  totalCertifications: 0,
  completedCertifications: 0,
  sourcesWithOrphanEntitlements: null,
  mandatoryCommentRequirement: 'NO_DECISIONS',
};

export const createSearchCampaign: CreateCampaignBody = {
  id: '7b2e1d3f0c9a48e4b6f5e4d3c2b1a0f9',
  name: 'Payroll Access Review',
  description: 'Everyone who can reach the payroll system.',
  deadline: '2031-03-31T17:00:00.000Z',
  type: 'SEARCH',
  status: 'PENDING',
  emailNotificationEnabled: false,
  autoRevokeAllowed: false,
  recommendationsEnabled: false,
  created: '2030-12-02T10:20:00.000Z',
  modified: null,
  filter: {
    type: 'CAMPAIGN_FILTER',
    id: '0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a',
    name: 'Payroll filter',
  },
  sunsetCommentsRequired: true,
  sourceOwnerCampaignInfo: null,
  searchCampaignInfo: {
    type: 'ACCESS',
    description: 'payroll',
    reviewer: {
      type: 'IDENTITY',
      id: '1c0b9a8f7e6d45c4b3a29180f7e6d5c4',
      name: null,
    },
    query: 'payroll',
    identityIds: null,
    accessConstraints: [],
  },
  roleCompositionCampaignInfo: null,
  alerts: null,
  totalCertifications: 0,
  completedCertifications: 0,
  sourcesWithOrphanEntitlements: null,
  mandatoryCommentRequirement: 'NO_DECISIONS',
};

// SailPoint's source-owner example has a YAML indentation slip upstream: `sourceIds` sits at the
// top level and `sourceOwnerCampaignInfo` is null. Here `sourceIds` is where the schema (and
// upstream's own create example) puts it; `notAsPrintedSourceOwnerCampaign` below shows that the
// printed form does not compile.
export const createSourceOwnerCampaign: CreateCampaignBody = {
  id: '8c3f2e4a1d0b49f5c7a6f5e4d3c2b1a0',
  name: 'Directory Owner Review',
  description: 'Source owners review the accounts their source holds.',
  deadline: '2031-03-31T17:00:00.000Z',
  type: 'SOURCE_OWNER',
  status: 'PENDING',
  emailNotificationEnabled: false,
  autoRevokeAllowed: false,
  recommendationsEnabled: false,
  created: '2030-12-03T11:00:00.000Z',
  modified: null,
  filter: {
    type: 'CAMPAIGN_FILTER',
    id: '0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a',
    name: 'Directory filter',
  },
  sunsetCommentsRequired: true,
  sourceOwnerCampaignInfo: {
    sourceIds: ['9d4a3f5b2e1c40a6d8b7a6f5e4d3c2b1'],
  },
  searchCampaignInfo: null,
  roleCompositionCampaignInfo: null,
  alerts: null,
  totalCertifications: 0,
  completedCertifications: 0,
  sourcesWithOrphanEntitlements: null,
  correlatedStatus: 'CORRELATED',
  mandatoryCommentRequirement: 'NO_DECISIONS',
};

export const createRoleCompositionCampaign: CreateCampaignBody = {
  id: '9d4a3f5b2e1c40a6d8b7a6f5e4d3c2b1',
  name: 'Role Makeup Review',
  description: 'Role owners confirm what their roles grant.',
  deadline: '2031-03-31T17:00:00.000Z',
  type: 'ROLE_COMPOSITION',
  status: 'PENDING',
  emailNotificationEnabled: false,
  autoRevokeAllowed: false,
  recommendationsEnabled: false,
  created: '2030-12-04T12:30:00.000Z',
  modified: null,
  filter: {
    type: 'CAMPAIGN_FILTER',
    id: '0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a',
    name: 'Roles filter',
  },
  sunsetCommentsRequired: true,
  sourceOwnerCampaignInfo: null,
  searchCampaignInfo: null,
  roleCompositionCampaignInfo: {
    remediatorRef: {
      type: 'IDENTITY',
      id: '1c0b9a8f7e6d45c4b3a29180f7e6d5c4',
      name: 'Access Desk',
    },
    reviewerId: null,
    reviewer: null,
    roleIds: ['2d1c0b9a8f7e46d5c4b3a29180f7e6d5'],
    query: null,
    description: null,
  },
  alerts: null,
  totalCertifications: 0,
  completedCertifications: 0,
  sourcesWithOrphanEntitlements: null,
  mandatoryCommentRequirement: 'NO_DECISIONS',
};

export const notAsPrintedSourceOwnerCampaign: CreateCampaignBody = {
  name: 'Directory Owner Review',
  description: 'Source owners review the accounts their source holds.',
  type: 'SOURCE_OWNER',
  sourceOwnerCampaignInfo: null,
  // @ts-expect-error sourceIds belongs inside sourceOwnerCampaignInfo, not at the top level
  sourceIds: ['9d4a3f5b2e1c40a6d8b7a6f5e4d3c2b1'],
};

// The page's "Example (from schema)" is not an example SailPoint wrote: the documentation renderer
// fills in every property of the schema, so it is a MANAGER campaign carrying the settings of every
// other type, which the type rules refuse (and the API answers 400).
// @ts-expect-error sourceOwnerCampaignInfo is only for SOURCE_OWNER campaigns
export const sampleFromSchema: CreateCampaignBody = {
  id: '3e2d1c0b9a8f47e6d5c4b3a29180f7e6',
  name: 'Manager Campaign',
  description: 'Everyone is reviewed by their manager.',
  deadline: '2031-03-15T10:00:01.456Z',
  type: 'MANAGER',
  emailNotificationEnabled: false,
  autoRevokeAllowed: false,
  recommendationsEnabled: true,
  status: 'ACTIVE',
  correlatedStatus: 'CORRELATED',
  created: '2030-03-03T22:15:13.611Z',
  modified: '2030-03-03T22:20:12.674Z',
  filter: { id: '0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a', type: 'CAMPAIGN_FILTER', name: 'Sample' },
  sunsetCommentsRequired: true,
  sourceOwnerCampaignInfo: { sourceIds: ['9d4a3f5b2e1c40a6d8b7a6f5e4d3c2b1'] },
  mandatoryCommentRequirement: 'NO_DECISIONS',
};

// ---------------------------------------------------------------------------------------------
// createCampaignTemplate: the templates shown on SailPoint's "Create a Campaign Template" page.
// ---------------------------------------------------------------------------------------------

const templateOwner = {
  email: 'access.desk@example.com',
  type: 'IDENTITY',
  id: '1c0b9a8f7e6d45c4b3a29180f7e6d5c4',
  name: 'Access Desk',
} as const;

export const createManagerTemplate: CreateCampaignTemplateBody = {
  id: '4f3e2d1c0b9a48f7e6d5c4b3a29180f7',
  name: 'Quarterly Manager Review',
  created: '2030-08-02T19:16:42.632Z',
  modified: null,
  description: 'Managers review their reports every quarter.',
  deadlineDuration: 'P14D',
  ownerRef: templateOwner,
  scheduled: false,
  campaign: {
    created: null,
    modified: null,
    filter: {
      type: 'CAMPAIGN_FILTER',
      id: '5a4f3e2d1c0b49a8f7e6d5c4b3a29180',
      name: 'Employees only',
    },
    sunsetCommentsRequired: true,
    sourceOwnerCampaignInfo: null,
    searchCampaignInfo: null,
    roleCompositionCampaignInfo: null,
    alerts: null,
    totalCertifications: null,
    completedCertifications: null,
    sourcesWithOrphanEntitlements: null,
    id: null,
    name: '%Y-%m Manager Review',
    description: 'Review what your reports can reach.',
    deadline: null,
    type: 'MANAGER',
    status: null,
    emailNotificationEnabled: true,
    autoRevokeAllowed: false,
    recommendationsEnabled: false,
    correlatedStatus: 'CORRELATED',
    mandatoryCommentRequirement: 'NO_DECISIONS',
  },
};

export const createSearchTemplate: CreateCampaignTemplateBody = {
  id: '5a4f3e2d1c0b49a8f7e6d5c4b3a29180',
  name: 'Reporting Tools Review',
  created: '2030-07-28T19:19:40.035Z',
  modified: null,
  description: 'Everyone who can run reports.',
  deadlineDuration: 'P14D',
  ownerRef: templateOwner,
  scheduled: false,
  campaign: {
    created: null,
    modified: null,
    filter: {
      type: 'CAMPAIGN_FILTER',
      id: '5a4f3e2d1c0b49a8f7e6d5c4b3a29180',
      name: 'Reporting filter',
    },
    sunsetCommentsRequired: true,
    sourceOwnerCampaignInfo: null,
    searchCampaignInfo: {
      type: 'ACCESS',
      description: 'Identities that can run reports',
      reviewerId: null,
      reviewer: null,
      query: '@access(name: ("report runner"))',
      identityIds: null,
      accessConstraints: [],
    },
    roleCompositionCampaignInfo: null,
    alerts: null,
    totalCertifications: null,
    completedCertifications: null,
    sourcesWithOrphanEntitlements: null,
    id: null,
    name: 'Reporting Tools Review',
    description: 'Review who can run reports.',
    deadline: null,
    type: 'SEARCH',
    status: null,
    emailNotificationEnabled: true,
    autoRevokeAllowed: false,
    recommendationsEnabled: false,
    correlatedStatus: 'CORRELATED',
    mandatoryCommentRequirement: 'NO_DECISIONS',
  },
};

export const createSourceOwnerTemplate: CreateCampaignTemplateBody = {
  id: '6b5a4f3e2d1c40b9a8f7e6d5c4b3a291',
  name: 'Directory Source Review',
  created: '2030-08-02T13:40:36.857Z',
  modified: null,
  description: 'The directory source, reviewed by its owners.',
  deadlineDuration: 'P1M',
  ownerRef: templateOwner,
  scheduled: false,
  campaign: {
    created: null,
    modified: null,
    filter: {
      type: 'CAMPAIGN_FILTER',
      id: '5a4f3e2d1c0b49a8f7e6d5c4b3a29180',
      name: 'Directory filter',
    },
    sunsetCommentsRequired: true,
    sourceOwnerCampaignInfo: {
      sourceIds: ['7c6b5a4f3e2d41c0b9a8f7e6d5c4b3a2'],
    },
    searchCampaignInfo: null,
    roleCompositionCampaignInfo: null,
    alerts: null,
    totalCertifications: null,
    completedCertifications: null,
    sourcesWithOrphanEntitlements: null,
    id: null,
    name: 'Directory Source Review',
    description: 'Review the directory accounts you own.',
    deadline: null,
    type: 'SOURCE_OWNER',
    status: null,
    emailNotificationEnabled: true,
    autoRevokeAllowed: false,
    recommendationsEnabled: false,
    correlatedStatus: 'CORRELATED',
    mandatoryCommentRequirement: 'NO_DECISIONS',
  },
};

export const createRoleCompositionTemplate: CreateCampaignTemplateBody = {
  id: '6b5a4f3e2d1c40b9a8f7e6d5c4b3a291',
  name: 'Admin Role Review',
  created: '2030-08-02T13:40:36.857Z',
  modified: null,
  description: 'Review of the admin role.',
  deadlineDuration: null,
  ownerRef: templateOwner,
  scheduled: false,
  campaign: {
    created: null,
    modified: null,
    filter: null,
    sunsetCommentsRequired: true,
    sourceOwnerCampaignInfo: null,
    searchCampaignInfo: null,
    roleCompositionCampaignInfo: {
      remediatorRef: {
        type: 'IDENTITY',
        id: '1c0b9a8f7e6d45c4b3a29180f7e6d5c4',
        name: 'Access Desk',
      },
      reviewerId: null,
      reviewer: null,
      roleIds: ['2d1c0b9a8f7e46d5c4b3a29180f7e6d5'],
      query: null,
      description: null,
    },
    alerts: null,
    totalCertifications: null,
    completedCertifications: null,
    sourcesWithOrphanEntitlements: null,
    id: null,
    name: 'Admin Role Review',
    description: 'Admin Role Review',
    deadline: null,
    type: 'ROLE_COMPOSITION',
    status: null,
    emailNotificationEnabled: false,
    autoRevokeAllowed: false,
    recommendationsEnabled: false,
    correlatedStatus: 'CORRELATED',
    mandatoryCommentRequirement: 'NO_DECISIONS',
  },
};

// The template page's "Example (from schema)": a MANAGER campaign carrying every type's settings.
export const templateSampleFromSchema: CreateCampaignTemplateBody = {
  name: 'Manager Campaign Template',
  description: 'Template for the yearly manager campaign.',
  // @ts-expect-error searchCampaignInfo is only for SEARCH campaigns
  campaign: {
    name: 'Manager Campaign',
    description: 'Everyone is reviewed by their manager.',
    type: 'MANAGER',
    searchCampaignInfo: { type: 'ACCESS', query: 'payroll' },
  },
};

// And the two mistakes the type rules exist for.
// @ts-expect-error sourceOwnerCampaignInfo is only for SOURCE_OWNER campaigns
export const managerWithSourceIds: CreateCampaignBody = {
  name: 'Quarterly Manager Review',
  description: null,
  type: 'MANAGER',
  sourceOwnerCampaignInfo: { sourceIds: ['9d4a3f5b2e1c40a6d8b7a6f5e4d3c2b1'] },
};
// @ts-expect-error a SEARCH campaign needs searchCampaignInfo
export const searchWithoutInfo: CreateCampaignBody = {
  name: 'Payroll Access Review',
  description: null,
  type: 'SEARCH',
};

// ---------------------------------------------------------------------------------------------
// Search: the request bodies documented for POST /search, /search/count and /search/aggregate.
// ---------------------------------------------------------------------------------------------

export const searchExamples: SearchPostBody[] = [
  { indices: ['accessprofiles'], query: { query: 'requestable:true' } },
  { indices: ['accountactivities'], query: { query: 'sources:"Corporate Directory"' } },
  { indices: ['entitlements'], query: { query: 'source.name:Payroll' } },
  { indices: ['events'], query: { query: 'type:PROVISIONING' } },
  { indices: ['identities'], query: { query: 'attributes.cloudLifecycleState:active' } },
  { indices: ['roles'], query: { query: 'enabled:true' } },
  { indices: ['identities'], query: { query: '"Ada Park"', fields: ['name'] } },
  {
    indices: ['identities'],
    query: { query: 'created: [2029-05-19T19:26:03.351Z TO now]', timeZone: 'America/Denver' },
  },
  {
    indices: ['identities'],
    query: {
      query: '"Ada Park"',
      innerHit: { type: 'access', query: 'source.name:"Corporate Directory"' },
    },
  },
  {
    indices: ['identities'],
    queryType: 'TYPEAHEAD',
    typeAheadQuery: {
      field: 'name',
      query: 'Ad',
      maxExpansions: 50,
      size: 100,
      sort: 'desc',
      sortByValue: false,
    },
  },
  {
    indices: ['identities'],
    queryType: 'TYPEAHEAD',
    typeAheadQuery: {
      field: 'source.name',
      nestedType: 'access',
      query: 'Corp',
      maxExpansions: 50,
      size: 100,
      sort: 'desc',
      sortByValue: false,
    },
  },
  {
    indices: ['identities'],
    query: { query: 'attributes.city:Denver' },
    filters: { 'attributes.personalEmail': { type: 'EXISTS', exclude: true } },
  },
  {
    indices: ['identities'],
    query: { query: 'attributes.city:Lisbon', timeZone: 'Europe/Lisbon' },
    filters: {
      accessCount: { type: 'RANGE', range: { lower: { value: '3' } } },
      created: {
        type: 'RANGE',
        range: {
          lower: { value: '2029-12-01', inclusive: true },
          upper: { value: '2031-01-01' },
        },
      },
    },
  },
  {
    indices: ['identities'],
    query: { query: 'attributes.city:Lisbon' },
    filters: {
      'source.name': { type: 'TERMS', terms: ['HR Staff', 'Corporate Directory'], exclude: true },
      isManager: { type: 'TERMS', terms: ['true'] },
    },
  },
  // Paging past 10,000 results: sorted by id, then from the last id of the previous page.
  { indices: ['identities'], query: { query: '*' }, sort: ['id'] },
  {
    indices: ['identities'],
    query: { query: '*' },
    sort: ['id'],
    searchAfter: ['4a3f2e1d0c9b48a7f6e5d4c3b2a19f8e'],
  },
  // Elasticsearch's own query language.
  { indices: ['identities'], queryType: 'DSL', queryDsl: { match: { name: 'ada.park' } } },
  // The Query.fields example as SailPoint prints it: one comma-separated string in an array.
  { indices: ['identities'], query: { query: 'ada', fields: ['firstName,lastName,email'] } },
];

export const countExample: SearchCountBody = {
  indices: ['identities'],
  query: { query: 'attributes.cloudLifecycleState:active' },
};

export const aggregateExample: SearchAggregateBody = {
  indices: ['identities'],
  aggregationType: 'SAILPOINT',
  aggregationsVersion: '5.2',
  query: { query: 'attributes.cloudLifecycleState:active' },
  aggregations: {
    bucket: {
      name: 'Identities per city',
      type: 'TERMS',
      field: 'attributes.city',
      size: 100,
      minDocCount: 2,
    },
  },
};
