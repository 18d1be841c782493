// Deterministic payloads for the benchmark server, shaped like the API's own examples: campaigns,
// access review items with a full entitlement, account and access-profile summary (about 2 KB each),
// and identity search documents. Built once at server start; the server sends prebuilt buffers.

/** A small seeded generator (xorshift32), so every run serves byte-identical payloads. */
function seeded(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

const hex = (random, length) => {
  let text = '';
  for (let i = 0; i < length; i += 1) text += Math.floor(random() * 16).toString(16);
  return text;
};

const firstNames = [
  'Alison',
  'Bruno',
  'Chidi',
  'Dana',
  'Emeka',
  'Farah',
  'Goran',
  'Hana',
  'Ivo',
  'Jun',
];
const lastNames = [
  'Ferguson',
  'Okafor',
  'Novak',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Haddad',
  'Silva',
];
const sources = ['ODS-AD-Source', 'Workday', 'ServiceNow', 'Okta', 'SAP-ERP'];

function person(random) {
  const first = firstNames[Math.floor(random() * firstNames.length)];
  const last = lastNames[Math.floor(random() * lastNames.length)];
  return {
    id: hex(random, 32),
    name: `${first} ${last}`,
    email: `${first}.${last}@example.com`.toLowerCase(),
  };
}

/** One access review item, numbered `index`, as GET /certifications/{id}/access-review-items returns it. */
export function accessReviewItem(random, index) {
  const owner = person(random);
  const identity = person(random);
  const source = sources[index % sources.length];
  const entitlementId = hex(random, 32);
  const entitlementName = `CN=entitlement.${hex(random, 8)}`;
  const entitlement = {
    id: entitlementId,
    name: entitlementName,
    description: 'Gives read/write access to the company database',
    privileged: index % 17 === 0,
    owner: { type: 'IDENTITY', ...owner },
    attributeName: 'memberOf',
    attributeValue: entitlementName,
    sourceSchemaObjectType: 'groups',
    sourceName: source,
    sourceType: 'Active Directory - Direct',
    sourceId: hex(random, 32),
    hasPermissions: false,
    isPermission: false,
    revocable: true,
    cloudGoverned: false,
    containsDataAccess: true,
    dataAccess: {
      policies: [{ value: `GDPR-${index % 40}` }],
      categories: [{ value: `email-${index % 9}`, matchCount: index % 23 }],
      impactScore: { value: 'Medium' },
    },
    account: {
      nativeIdentity: `CN=${identity.name}`,
      disabled: false,
      locked: false,
      type: 'IDENTITY',
      id: hex(random, 32),
      name: identity.name,
      created: '2020-04-20T20:11:05.067Z',
      modified: '2020-05-20T18:57:16.987Z',
      activityInsights: {
        accountID: hex(random, 32),
        usageDays: index % 90,
        usageDaysState: 'COMPLETE',
      },
    },
  };
  return {
    accessSummary: {
      access: { type: 'ENTITLEMENT', id: entitlementId, name: entitlementName },
      entitlement,
      accessProfile: null,
      role: null,
    },
    identitySummary: {
      id: hex(random, 32),
      name: identity.name,
      identityId: identity.id,
      completed: false,
    },
    id: hex(random, 32),
    completed: false,
    newAccess: index % 11 === 0,
    decision: null,
    comments: null,
  };
}

/** The campaign POST /campaigns answers with (202). */
export function campaign(random) {
  return {
    id: hex(random, 32),
    name: 'Manager Campaign',
    description: 'Everyone needs to be reviewed by their manager',
    deadline: '2030-10-19T13:49:37.385Z',
    type: 'MANAGER',
    status: 'PENDING',
    emailNotificationEnabled: false,
    autoRevokeAllowed: false,
    recommendationsEnabled: true,
    created: '2026-11-20T13:49:37.385Z',
    modified: '2026-11-20T13:49:37.385Z',
    totalCertifications: 100,
    completedCertifications: 10,
    alerts: [],
    sourcesWithOrphanEntitlements: [],
    correlatedStatus: 'CORRELATED',
    mandatoryCommentRequirement: 'NO_DECISIONS',
    sunsetCommentsRequired: true,
    filter: { id: hex(random, 32), type: 'CAMPAIGN_FILTER', name: 'Test Filter' },
  };
}

/** An identity document as GET /search/identities/{id} returns it. */
export function identityDocument(random) {
  const who = person(random);
  const access = Array.from({ length: 12 }, (_, i) => ({
    id: hex(random, 32),
    name: `CN=group.${hex(random, 6)}`,
    displayName: `Group ${i}`,
    type: 'ENTITLEMENT',
    description: 'Membership of a directory group',
    source: { id: hex(random, 32), name: sources[i % sources.length] },
    privileged: false,
    attribute: 'memberOf',
    value: `CN=group.${i}`,
    standalone: false,
  }));
  return {
    id: who.id,
    name: who.name.toLowerCase().replace(' ', '.'),
    _type: 'identity',
    type: 'identity',
    displayName: who.name,
    firstName: who.name.split(' ')[0],
    lastName: who.name.split(' ')[1],
    email: who.email,
    created: '2018-06-25T20:22:28.104Z',
    modified: '2026-09-25T18:10:29.021Z',
    inactive: false,
    protected: false,
    status: 'UNREGISTERED',
    employeeNumber: String(Math.floor(random() * 100000)),
    manager: { id: hex(random, 32), name: 'alison.ferguson', displayName: 'Alison Ferguson' },
    isManager: false,
    identityProfile: { id: hex(random, 32), name: 'HR Employees' },
    source: { id: hex(random, 32), name: 'Workday' },
    attributes: { cloudLifecycleState: 'active', department: 'Engineering', location: 'Austin' },
    processingState: null,
    processingDetails: null,
    accounts: [],
    accountCount: 3,
    apps: [],
    appCount: 0,
    access,
    accessCount: access.length,
    entitlementCount: access.length,
    roleCount: 0,
    accessProfileCount: 0,
    owns: [],
    ownsCount: 0,
    tags: [],
  };
}

/** Everything the server serves, built from one seed. */
export function buildPayloads({ items }) {
  const random = seeded(20261203);
  return {
    campaign: campaign(random),
    identity: identityDocument(random),
    items: Array.from({ length: items }, (_, index) => accessReviewItem(random, index)),
  };
}
