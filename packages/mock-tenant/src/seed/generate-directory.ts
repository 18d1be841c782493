import { hexId } from '../core/id-factory.js';
import { createRandom, type Random } from '../core/random.js';
import type { ResolvedSize } from '../resolve-options.js';
import type {
  AccessItem,
  AccessProfile,
  Account,
  Directory,
  Entitlement,
  Identity,
  Permission,
  Role,
  Source,
} from './directory.js';
import {
  ACCESS_WORDS,
  CITIES,
  DEPARTMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  PERMISSION_TARGETS,
  RIGHTS,
  SOURCE_KINDS,
  TITLES,
} from './name-lists.js';

// Seeded objects get timestamps in 2023-2024, independent of the tenant clock, so the same seed
// always gives byte-identical documents.
const EPOCH = Date.UTC(2023, 0, 2, 9, 0, 0);
const DAY = 86_400_000;

function timestamp(random: Random, maxDays: number): string {
  return new Date(EPOCH + random.int(maxDays) * DAY + random.int(DAY)).toISOString();
}

function distinctIndexes(random: Random, count: number, bound: number): number[] {
  const picked = new Set<number>();
  const wanted = Math.min(count, bound);
  while (picked.size < wanted) picked.add(random.int(bound));
  return [...picked].sort((a, b) => a - b);
}

function generateSources(random: Random, size: ResolvedSize, identityCount: number): Source[] {
  return Array.from({ length: size.sources }, (_, i) => {
    const kind = SOURCE_KINDS[i % SOURCE_KINDS.length]!;
    const round = Math.floor(i / SOURCE_KINDS.length);
    return {
      id: hexId(random),
      name: round === 0 ? kind.name : `${kind.name} ${round + 1}`,
      type: kind.type,
      ownerIndex: 1 + random.int(Math.max(1, identityCount - 1)),
      created: timestamp(random, 60),
    };
  });
}

function generatePermissions(random: Random, entitlementNumber: number): Permission[] {
  if (entitlementNumber % 3 !== 0) return [];
  return Array.from({ length: 1 + random.int(3) }, () => ({
    target: random.pick(PERMISSION_TARGETS),
    rights: distinctIndexes(random, 1 + random.int(3), RIGHTS.length).map((r) => RIGHTS[r]!),
  }));
}

function generateEntitlements(
  random: Random,
  size: ResolvedSize,
  sources: Source[],
  owners: number,
): Entitlement[] {
  const result: Entitlement[] = [];
  sources.forEach((source, sourceIndex) => {
    const kind = SOURCE_KINDS[sourceIndex % SOURCE_KINDS.length]!;
    for (let n = 0; n < size.entitlementsPerSource; n++) {
      const department = DEPARTMENTS[n % DEPARTMENTS.length]!;
      const word = ACCESS_WORDS[Math.floor(n / DEPARTMENTS.length) % ACCESS_WORDS.length]!;
      const cycle = Math.floor(n / (DEPARTMENTS.length * ACCESS_WORDS.length));
      const label = `${department} ${word}${cycle > 0 ? ` ${cycle + 1}` : ''}`;
      const value =
        kind.attribute === 'memberOf'
          ? `CN=${label},OU=Groups,DC=acme,DC=example`
          : label.replace(/ /g, '_');
      const created = timestamp(random, 300);
      result.push({
        kind: 'ENTITLEMENT',
        id: hexId(random),
        name: value,
        description: `${word} of ${department} data in ${source.name}`,
        ownerIndex: 1 + random.int(owners),
        privileged: word === 'Admins' || word === 'Owners',
        created,
        modified: created,
        sourceIndex,
        attribute: kind.attribute,
        value,
        permissions: generatePermissions(random, result.length),
      });
    }
  });
  return result;
}

function generateAccessProfiles(
  random: Random,
  size: ResolvedSize,
  sources: Source[],
  entitlements: Entitlement[],
  owners: number,
): AccessProfile[] {
  return Array.from({ length: size.accessProfiles }, (_, i) => {
    const sourceIndex = i % sources.length;
    const first = sourceIndex * size.entitlementsPerSource;
    const picks = distinctIndexes(random, 2 + random.int(3), size.entitlementsPerSource).map(
      (n) => first + n,
    );
    const department = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const created = timestamp(random, 300);
    return {
      kind: 'ACCESS_PROFILE',
      id: hexId(random),
      name: `${sources[sourceIndex]!.name} ${department} Access ${Math.floor(i / sources.length) + 1}`,
      description: `Bundles ${picks.length} ${sources[sourceIndex]!.name} entitlements for ${department}`,
      ownerIndex: 1 + random.int(owners),
      privileged: picks.some((p) => entitlements[p]!.privileged),
      created,
      modified: created,
      sourceIndex,
      entitlementIndexes: picks,
    };
  });
}

function generateRoles(
  random: Random,
  size: ResolvedSize,
  accessProfiles: AccessProfile[],
  owners: number,
): Role[] {
  return Array.from({ length: size.roles }, (_, i) => {
    const department = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const title = TITLES[Math.floor(i / DEPARTMENTS.length) % TITLES.length]!;
    const picks =
      accessProfiles.length === 0
        ? []
        : distinctIndexes(random, 1 + random.int(3), accessProfiles.length);
    const created = timestamp(random, 300);
    const cycle = Math.floor(i / (DEPARTMENTS.length * TITLES.length));
    return {
      kind: 'ROLE',
      id: hexId(random),
      name: `${department} ${title}${cycle > 0 ? ` ${cycle + 1}` : ''}`,
      description: `Birthright access of a ${department} ${title.toLowerCase()}`,
      ownerIndex: 1 + random.int(owners),
      privileged: picks.some((p) => accessProfiles[p]!.privileged),
      created,
      modified: created,
      accessProfileIndexes: picks,
    };
  });
}

/** Managers: the first tenth of the identities (at least one, the admin). */
function pickManager(random: Random, index: number, managerCount: number): number | undefined {
  if (index === 0) return undefined;
  if (index < managerCount) return index <= 5 ? 0 : 1 + random.int(Math.min(5, managerCount - 1));
  return random.int(managerCount);
}

function pickAccess(
  random: Random,
  size: ResolvedSize,
  counts: [number, number, number],
): number[] {
  const [entitlements, accessProfiles, roles] = counts;
  const wanted = Math.max(1, size.accessPerIdentity - 2 + random.int(5));
  const picked = new Set<number>();
  let attempts = 0;
  while (picked.size < wanted && attempts < wanted * 10) {
    attempts += 1;
    const roll = random.next();
    if (roll < 0.15 && roles > 0) picked.add(entitlements + accessProfiles + random.int(roles));
    else if (roll < 0.4 && accessProfiles > 0)
      picked.add(entitlements + random.int(accessProfiles));
    else picked.add(random.int(entitlements));
  }
  return [...picked].sort((a, b) => a - b);
}

function sourceOf(item: AccessItem): number | undefined {
  return item.kind === 'ROLE' ? undefined : item.sourceIndex;
}

function generateIdentities(
  random: Random,
  size: ResolvedSize,
  access: AccessItem[],
  sources: Source[],
): Identity[] {
  const managerCount = Math.max(1, Math.round(size.identities / 10));
  const counts: [number, number, number] = [
    size.sources * size.entitlementsPerSource,
    size.accessProfiles,
    size.roles,
  ];
  const usedLogins = new Map<string, number>();
  return Array.from({ length: size.identities }, (_, index) => {
    const isAdmin = index === 0;
    const firstName = isAdmin ? 'Mock' : random.pick(FIRST_NAMES);
    const lastName = isAdmin ? 'Admin' : random.pick(LAST_NAMES);
    const base = `${firstName}.${lastName}`.toLowerCase();
    const seen = usedLogins.get(base) ?? 0;
    usedLogins.set(base, seen + 1);
    const name = seen === 0 ? base : `${base}${seen + 1}`;
    const department = isAdmin ? 'Operations' : random.pick(DEPARTMENTS);
    const accessIndexes = pickAccess(random, size, counts);
    const accountSources = new Set<number>();
    for (const a of accessIndexes) {
      const source = sourceOf(access[a]!);
      if (source !== undefined) accountSources.add(source);
    }
    accountSources.add(0);
    const created = timestamp(random, 365);
    const accounts: Account[] = [...accountSources]
      .sort((a, b) => a - b)
      .map((sourceIndex) => ({
        id: hexId(random),
        sourceIndex,
        nativeIdentity: sources[sourceIndex]!.type.startsWith('Active Directory')
          ? `CN=${firstName} ${lastName},OU=Users,DC=acme,DC=example`
          : name,
        created,
      }));
    return {
      id: hexId(random),
      name,
      displayName: `${firstName} ${lastName}`,
      firstName,
      lastName,
      email: `${name}@acme.example`,
      employeeNumber: `E${String(10000 + index)}`,
      department,
      title: isAdmin ? 'Identity Administrator' : `${department} ${random.pick(TITLES)}`,
      city: random.pick(CITIES),
      lifecycleState: !isAdmin && random.next() < 0.05 ? 'inactive' : 'active',
      managerIndex: pickManager(random, index, managerCount),
      created,
      accessIndexes,
      accounts,
    };
  });
}

/** Builds the directory for a seed and sizes; the same inputs always give the same directory. */
export function generateDirectory(seed: number, size: ResolvedSize): Directory {
  const random = createRandom(seed);
  const owners = Math.max(1, size.identities - 1);
  const sources = generateSources(random, size, size.identities);
  const entitlements = generateEntitlements(random, size, sources, owners);
  const accessProfiles = generateAccessProfiles(random, size, sources, entitlements, owners);
  const roles = generateRoles(random, size, accessProfiles, owners);
  const access: AccessItem[] = [...entitlements, ...accessProfiles, ...roles];
  const identities = generateIdentities(random, size, access, sources);

  const reports = new Map<number, number[]>();
  const holders = new Map<number, number[]>();
  identities.forEach((identity, index) => {
    if (identity.managerIndex !== undefined) {
      const list = reports.get(identity.managerIndex) ?? [];
      list.push(index);
      reports.set(identity.managerIndex, list);
    }
    for (const a of identity.accessIndexes) {
      const list = holders.get(a) ?? [];
      list.push(index);
      holders.set(a, list);
    }
  });
  return {
    identities,
    sources,
    entitlements,
    accessProfiles,
    roles,
    access,
    reports,
    holders,
    identityIndexById: new Map(identities.map((identity, index) => [identity.id, index])),
    accessIndexById: new Map(access.map((item, index) => [item.id, index])),
    sourceIndexById: new Map(sources.map((source, index) => [source.id, index])),
  };
}
