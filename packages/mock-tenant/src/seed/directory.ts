// The seeded "directory": the identities, sources and access the tenant's campaigns review and
// its search indices return. Built once at startup from the seed and never changed afterwards.

/** The three kinds of access a certification reviews. */
export type AccessKind = 'ENTITLEMENT' | 'ACCESS_PROFILE' | 'ROLE';

/** A permission an entitlement carries (for the item permissions operation). */
export interface Permission {
  readonly target: string;
  readonly rights: readonly string[];
}

/** A connected application. */
export interface Source {
  readonly id: string;
  readonly name: string;
  /** Connector type, e.g. "Active Directory - Direct". */
  readonly type: string;
  readonly ownerIndex: number;
  readonly created: string;
}

/** Fields every access item has, whatever its kind. */
interface AccessBase {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly ownerIndex: number;
  readonly privileged: boolean;
  readonly created: string;
  readonly modified: string;
}

/** A group, permission set or similar on one source. */
export interface Entitlement extends AccessBase {
  readonly kind: 'ENTITLEMENT';
  readonly sourceIndex: number;
  readonly attribute: string;
  readonly value: string;
  readonly permissions: readonly Permission[];
}

/** A bundle of entitlements of one source. */
export interface AccessProfile extends AccessBase {
  readonly kind: 'ACCESS_PROFILE';
  readonly sourceIndex: number;
  readonly entitlementIndexes: readonly number[];
}

/** A bundle of access profiles. */
export interface Role extends AccessBase {
  readonly kind: 'ROLE';
  readonly accessProfileIndexes: readonly number[];
}

/** Any access item. */
export type AccessItem = Entitlement | AccessProfile | Role;

/** An account of an identity on a source. */
export interface Account {
  readonly id: string;
  readonly sourceIndex: number;
  readonly nativeIdentity: string;
  readonly created: string;
}

/** A person. Index 0 is the admin the tenant's credentials act as. */
export interface Identity {
  readonly id: string;
  /** Login name, e.g. `alison.ferguso`. */
  readonly name: string;
  readonly displayName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly employeeNumber: string;
  readonly department: string;
  readonly title: string;
  readonly city: string;
  readonly lifecycleState: 'active' | 'inactive';
  readonly managerIndex: number | undefined;
  readonly created: string;
  /** Positions in {@link Directory.access}. */
  readonly accessIndexes: readonly number[];
  readonly accounts: readonly Account[];
}

/** The whole seeded directory, with lookups by ID. */
export interface Directory {
  readonly identities: readonly Identity[];
  readonly sources: readonly Source[];
  readonly entitlements: readonly Entitlement[];
  readonly accessProfiles: readonly AccessProfile[];
  readonly roles: readonly Role[];
  /** Every access item: entitlements, then access profiles, then roles. */
  readonly access: readonly AccessItem[];
  /** Direct reports of each identity, by index. */
  readonly reports: ReadonlyMap<number, readonly number[]>;
  /** Identities holding each access item, by position in {@link access}. */
  readonly holders: ReadonlyMap<number, readonly number[]>;
  readonly identityIndexById: ReadonlyMap<string, number>;
  readonly accessIndexById: ReadonlyMap<string, number>;
  readonly sourceIndexById: ReadonlyMap<string, number>;
}
