import { searchIndices, type Readable, type components } from '@isc-sdk/types';
import type { AccessItem, Directory, Identity } from '../seed/directory.js';

type Schemas = components['schemas'];
type IdentityDocument = Readable<Schemas['IdentityDocument']>;
type EntitlementDocument = Readable<Schemas['EntitlementDocument']>;
type AccessProfileDocument = Readable<Schemas['AccessProfileDocument']>;
type RoleDocument = Readable<Schemas['RoleDocument']>;
type EventDocument = Readable<Schemas['EventDocument']>;
type AccountActivityDocument = Readable<Schemas['AccountActivityDocument']>;

/** Any document the tenant indexes. */
export type IndexedDocument =
  | IdentityDocument
  | EntitlementDocument
  | AccessProfileDocument
  | RoleDocument
  | EventDocument
  | AccountActivityDocument;

/** The indices the tenant serves, as named in the API (the spec's `Index` enum without `*`). */
export const SEARCH_INDICES = searchIndices;

/** One of {@link SEARCH_INDICES}. */
export type SearchIndexName = (typeof SEARCH_INDICES)[number];

const SYNCED = '2024-12-31T23:00:00.000Z';

function displayReference(
  directory: Directory,
  index: number,
): Readable<Schemas['DisplayReference']> {
  const identity = directory.identities[index]!;
  return { id: identity.id, name: identity.name, displayName: identity.displayName };
}

function owner(directory: Directory, index: number): Readable<Schemas['BaseAccessOwner']> {
  const identity = directory.identities[index]!;
  return { id: identity.id, name: identity.displayName, type: 'IDENTITY', email: identity.email };
}

function sourceReference(
  directory: Directory,
  sourceIndex: number,
): Readable<Schemas['Reference']> {
  const source = directory.sources[sourceIndex]!;
  return { id: source.id, name: source.name };
}

function identityAccess(
  directory: Directory,
  item: AccessItem,
): Readable<Schemas['IdentityAccess']> {
  switch (item.kind) {
    case 'ENTITLEMENT':
      return {
        id: item.id,
        name: item.name,
        displayName: item.name,
        type: 'ENTITLEMENT',
        description: item.description,
        source: sourceReference(directory, item.sourceIndex),
        privileged: item.privileged,
        attribute: item.attribute,
        value: item.value,
        standalone: true,
      };
    case 'ACCESS_PROFILE':
      return {
        id: item.id,
        name: item.name,
        displayName: item.name,
        type: 'ACCESS_PROFILE',
        description: item.description,
        source: sourceReference(directory, item.sourceIndex),
        owner: displayReference(directory, item.ownerIndex),
        revocable: true,
      };
    case 'ROLE':
      return {
        id: item.id,
        name: item.name,
        displayName: item.name,
        type: 'ROLE',
        description: item.description,
        owner: displayReference(directory, item.ownerIndex),
        disabled: false,
        revocable: true,
      };
  }
}

function identityDocument(
  directory: Directory,
  identity: Identity,
  index: number,
): IdentityDocument {
  const access = identity.accessIndexes.map((a) => directory.access[a]!);
  const count = (kind: AccessItem['kind']): number => access.filter((a) => a.kind === kind).length;
  const owned = <T extends { id: string; name: string; ownerIndex: number }>(items: readonly T[]) =>
    items
      .filter((item) => item.ownerIndex === index)
      .map((item) => ({ id: item.id, name: item.name }));
  return {
    id: identity.id,
    name: identity.name,
    _type: 'identity',
    displayName: identity.displayName,
    firstName: identity.firstName,
    lastName: identity.lastName,
    email: identity.email,
    created: identity.created,
    modified: identity.created,
    synced: SYNCED,
    phone: null,
    inactive: identity.lifecycleState === 'inactive',
    protected: index === 0,
    status: 'ACTIVE',
    employeeNumber: identity.employeeNumber,
    manager:
      identity.managerIndex === undefined
        ? null
        : displayReference(directory, identity.managerIndex),
    isManager: (directory.reports.get(index)?.length ?? 0) > 0,
    identityProfile: {
      id: directory.sources[0]!.id.split('').reverse().join(''),
      name: 'Employees',
    },
    source: sourceReference(directory, 0),
    attributes: {
      uid: identity.name,
      firstname: identity.firstName,
      lastname: identity.lastName,
      displayName: identity.displayName,
      email: identity.email,
      department: identity.department,
      title: identity.title,
      city: identity.city,
      cloudLifecycleState: identity.lifecycleState,
    },
    processingState: null,
    processingDetails: null,
    accounts: identity.accounts.map((account) => {
      const source = directory.sources[account.sourceIndex]!;
      return {
        id: account.id,
        name: identity.name,
        accountId: account.nativeIdentity,
        source: { id: source.id, name: source.name, type: source.type },
        disabled: identity.lifecycleState === 'inactive',
        locked: false,
        privileged: false,
        manuallyCorrelated: false,
        passwordLastSet: null,
        entitlementAttributes: null,
        created: account.created,
      };
    }),
    accountCount: identity.accounts.length,
    apps: [],
    appCount: 0,
    access: access.map((item) => identityAccess(directory, item)),
    accessCount: access.length,
    accessProfileCount: count('ACCESS_PROFILE'),
    entitlementCount: count('ENTITLEMENT'),
    roleCount: count('ROLE'),
    owns: {
      sources: owned(directory.sources),
      entitlements: owned(directory.entitlements),
      accessProfiles: owned(directory.accessProfiles),
      roles: owned(directory.roles),
      apps: [],
      governanceGroups: [],
      fallbackApprover: false,
    },
    tags: [],
  };
}

function entitlementDocuments(directory: Directory): EntitlementDocument[] {
  return directory.entitlements.map((e, i) => ({
    id: e.id,
    name: e.name,
    _type: 'entitlement',
    description: e.description,
    attribute: e.attribute,
    value: e.value,
    modified: e.modified,
    synced: SYNCED,
    displayName: e.name,
    source: sourceReference(directory, e.sourceIndex),
    privileged: e.privileged,
    identityCount: directory.holders.get(i)?.length ?? 0,
    tags: e.privileged ? ['PRIVILEGED'] : [],
  }));
}

function accessProfileDocuments(directory: Directory): AccessProfileDocument[] {
  return directory.accessProfiles.map((ap) => ({
    id: ap.id,
    name: ap.name,
    _type: 'accessprofile',
    description: ap.description,
    created: ap.created,
    modified: ap.modified,
    synced: SYNCED,
    enabled: true,
    requestable: true,
    requestCommentsRequired: false,
    owner: owner(directory, ap.ownerIndex),
    source: sourceReference(directory, ap.sourceIndex),
    entitlements: ap.entitlementIndexes.map((n) => {
      const e = directory.entitlements[n]!;
      return {
        id: e.id,
        name: e.name,
        description: e.description,
        attribute: e.attribute,
        value: e.value,
      };
    }),
    entitlementCount: ap.entitlementIndexes.length,
    tags: [],
  }));
}

function roleDocuments(directory: Directory): RoleDocument[] {
  return directory.roles.map((role) => ({
    id: role.id,
    name: role.name,
    _type: 'role',
    description: role.description,
    created: role.created,
    modified: role.modified,
    synced: SYNCED,
    enabled: true,
    requestable: true,
    requestCommentsRequired: false,
    owner: owner(directory, role.ownerIndex),
    accessProfiles: role.accessProfileIndexes.map((n) => ({
      id: directory.accessProfiles[n]!.id,
      name: directory.accessProfiles[n]!.name,
    })),
    accessProfileCount: role.accessProfileIndexes.length,
    tags: [],
  }));
}

function eventDocuments(directory: Directory): EventDocument[] {
  return directory.identities.map((identity) => ({
    // Event IDs are the identity ID with its halves swapped: stable and distinct from the identity.
    id: identity.id.slice(16) + identity.id.slice(0, 16),
    name: 'Create Identity Passed',
    _type: 'event',
    created: identity.created,
    synced: SYNCED,
    action: 'IDENTITY_CREATED',
    type: 'IDENTITY_MANAGEMENT',
    actor: { name: 'System', type: 'IDENTITY' },
    target: { name: identity.name, type: 'IDENTITY' },
    stack: 'mock-tenant',
    trackingNumber: identity.id.split('').reverse().join(''),
    ipAddress: '127.0.0.1',
    details: null,
    attributes: { sourceName: directory.sources[0]!.name },
    objects: ['IDENTITY'],
    operation: 'CREATE',
    status: 'PASSED',
    technicalName: 'IDENTITY_CREATE_PASSED',
  }));
}

function accountActivityDocuments(directory: Directory): AccountActivityDocument[] {
  return directory.identities.slice(0, 25).map((identity) => ({
    id: identity.id.slice(8) + identity.id.slice(0, 8),
    name: `Identity Refresh ${identity.name}`,
    _type: 'accountactivity',
    action: 'Identity Refresh',
    created: identity.created,
    modified: identity.created,
    synced: SYNCED,
    stage: 'Completed',
    origin: null,
    status: 'Complete',
    requester: {
      id: directory.identities[0]!.id,
      name: directory.identities[0]!.name,
      type: 'IDENTITY',
    },
    recipient: { id: identity.id, name: identity.name, type: 'IDENTITY' },
    trackingNumber: identity.id,
    errors: null,
    warnings: null,
    approvals: [],
    originalRequests: [],
    expansionItems: [],
    accountRequests: [],
    sources: directory.sources[0]!.name,
  }));
}

/** The documents of every index, built from the directory on first use and kept. */
export class SearchIndex {
  private built: Map<SearchIndexName, IndexedDocument[]> | undefined;
  private byId: Map<string, IndexedDocument> | undefined;

  constructor(private readonly directory: Directory) {}

  private build(): Map<SearchIndexName, IndexedDocument[]> {
    if (this.built) return this.built;
    const d = this.directory;
    this.built = new Map<SearchIndexName, IndexedDocument[]>([
      ['accessprofiles', accessProfileDocuments(d)],
      ['accountactivities', accountActivityDocuments(d)],
      ['entitlements', entitlementDocuments(d)],
      ['events', eventDocuments(d)],
      ['identities', d.identities.map((identity, index) => identityDocument(d, identity, index))],
      ['roles', roleDocuments(d)],
    ]);
    this.byId = new Map();
    for (const [index, documents] of this.built) {
      for (const document of documents) this.byId.set(`${index}/${document.id}`, document);
    }
    return this.built;
  }

  /** Every document of one index, in a stable order. */
  documents(index: SearchIndexName): readonly IndexedDocument[] {
    return this.build().get(index) ?? [];
  }

  /** One document by index and ID. */
  find(index: SearchIndexName, id: string): IndexedDocument | undefined {
    this.build();
    return this.byId!.get(`${index}/${id}`);
  }
}
