import { LOCALE_NAMES, ZONES } from '../generated/java-zone-data.js';

// Reads the generated table of what Java knows about each zone (scripts/zone-data/generate-zone-data.mjs
// describes the encoding). The table is split into entries once, and each entry is decoded the first
// time its zone is used.

/** A zone's two short names in one locale. */
export interface ZoneNames {
  readonly standard: string;
  readonly daylight: string;
}

/** What Java knows about a zone: its Locale.US names, and when it keeps daylight time. */
export interface JavaZone extends ZoneNames {
  /**
   * `[start, threshold]` in epoch seconds and seconds east of UTC, in time order: from `start` on,
   * daylight time applies exactly when the zone's offset is larger than `threshold`. Before the first
   * piece (and in a zone without pieces) it never applies.
   */
  readonly pieces: readonly (readonly [start: number, threshold: number])[];
}

let zoneEntries: Map<string, string> | undefined;
const zones = new Map<string, JavaZone>();
let localeGroups: Map<string, Map<string, string>> | undefined;
const localeNames = new Map<Map<string, string>, Map<string, ZoneNames>>();

/** Java's data for the zone ID `id`, or undefined for an ID the JDK does not know. */
export function javaZone(id: string): JavaZone | undefined {
  let zone = zones.get(id);
  if (zone === undefined) {
    zoneEntries ??= splitEntries(ZONES);
    const entry = zoneEntries.get(id);
    if (entry === undefined) return undefined;
    zone = decodeZone(entry);
    zones.set(id, zone);
  }
  return zone;
}

/** Whether `zone` keeps daylight time at `epochSeconds`, when its offset there is `offsetSeconds`. */
export function isDaylightTime(
  zone: JavaZone,
  epochSeconds: number,
  offsetSeconds: number,
): boolean {
  let threshold: number | undefined;
  for (const [start, value] of zone.pieces) {
    if (start > epochSeconds) break;
    threshold = value;
  }
  return threshold !== undefined && offsetSeconds > threshold;
}

/**
 * The names Java writes for zone `id` in `locale` (a canonical BCP 47 tag): its own where the table has
 * them for the locale (looked up by the whole tag, then language and region, then language), else the
 * Locale.US names, which is what Java writes for most zones in most locales.
 */
export function zoneNamesIn(locale: string, id: string, zone: JavaZone): ZoneNames {
  const names = namesForLocale(locale);
  return names?.get(id) ?? zone;
}

function namesForLocale(locale: string): Map<string, ZoneNames> | undefined {
  localeGroups ??= splitLocaleGroups(LOCALE_NAMES);
  const [language = '', ...rest] = locale.split('-');
  const region = rest.find((part) => /^(?:[A-Z]{2}|\d{3})$/.test(part));
  const group =
    localeGroups.get(locale) ??
    (region === undefined ? undefined : localeGroups.get(`${language}-${region}`)) ??
    localeGroups.get(language);
  if (group === undefined) return undefined;
  let names = localeNames.get(group);
  if (names === undefined) {
    names = new Map([...group].map(([id, entry]) => [id, decodeNames(entry)]));
    localeNames.set(group, names);
  }
  return names;
}

/** "Area:City=ENTRY,…;Area:…" as zone ID → ENTRY. */
function splitEntries(encoded: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const chunk of encoded.split(';')) {
    const colon = chunk.indexOf(':');
    const area = chunk.slice(0, colon);
    for (const item of chunk.slice(colon + 1).split(',')) {
      const equals = item.indexOf('=');
      const city = item.slice(0, equals);
      entries.set(area === '' ? city : `${area}/${city}`, item.slice(equals + 1));
    }
  }
  return entries;
}

/** One map of zone ID → ENTRY per group, under each of the group's language tags. */
function splitLocaleGroups(encoded: string): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const line of encoded.split('\n')) {
    const [tags = '', entries = ''] = line.split('\t');
    const group = splitEntries(entries);
    for (const tag of tags.split(' ')) groups.set(tag, group);
  }
  return groups;
}

function decodeZone(entry: string): JavaZone {
  const bar = entry.indexOf('|');
  const names = decodeNames(bar === -1 ? entry : entry.slice(0, bar));
  const pieces =
    bar === -1
      ? []
      : entry
          .slice(bar + 1)
          .split(' ')
          .map((piece) => {
            const [start = '', threshold = ''] = piece.split(':');
            return [readNumber(start), readNumber(threshold)] as const;
          });
  return { ...names, pieces };
}

/** "STD", or "STD/DST" where DST is "" (the same), "*" (S made D: EST, EDT) or "%" (S added: CET, CEST). */
function decodeNames(text: string): ZoneNames {
  const slash = text.indexOf('/');
  if (slash === -1) return { standard: text, daylight: text };
  const standard = text.slice(0, slash);
  const second = text.slice(slash + 1);
  const daylight =
    second === ''
      ? standard
      : second === '*'
        ? standard.replace(/S(T)$/, 'D$1')
        : second === '%'
          ? standard.replace(/(T)$/, 'S$1')
          : second;
  return { standard, daylight };
}

/** Base-36 minutes, or base-36 seconds after a "!". */
function readNumber(text: string): number {
  return text.startsWith('!') ? parseInt(text.slice(1), 36) : parseInt(text, 36) * 60;
}
