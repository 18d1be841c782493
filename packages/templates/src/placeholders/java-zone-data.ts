import { LOCALE_NAMES, ZONES } from '../generated/java-zone-data.js';

// Reads the generated table of what Java knows about each zone (scripts/zone-data/generate-zone-data.mjs
// describes the encoding). The table is read in full the first time `%Z` needs it.

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

let zones: Map<string, JavaZone> | undefined;
let localeNames: Map<string, Map<string, ZoneNames>> | undefined;

/** Java's data for the zone ID `id`, or undefined for an ID the JDK does not know. */
export function javaZone(id: string): JavaZone | undefined {
  zones ??= readZoneTable(ZONES);
  return zones.get(id);
}

/** Whether `zone` keeps daylight time at `epochSeconds`, when its offset there is `offsetSeconds`. */
export function isDaylightTime(
  zone: JavaZone,
  epochSeconds: number,
  offsetSeconds: number,
): boolean {
  let threshold = Infinity;
  for (const [start, value] of zone.pieces) {
    if (start > epochSeconds) break;
    threshold = value;
  }
  return offsetSeconds > threshold;
}

/**
 * The names Java writes for zone `id` in `locale` (a canonical BCP 47 tag): its own where the table has
 * them for the locale (looked up by the whole tag, then language and region, then language), else the
 * Locale.US names, which is what Java writes for most zones in most locales.
 */
export function zoneNamesIn(locale: string, id: string, zone: JavaZone): ZoneNames {
  localeNames ??= readLocaleNames(LOCALE_NAMES);
  const { language, region } = new Intl.Locale(locale);
  const names =
    localeNames.get(locale) ??
    localeNames.get(`${language}-${region}`) ??
    localeNames.get(language);
  return names?.get(id) ?? zone;
}

/** Reads ZONES: "Area:City=ENTRY,…;Area:…" into zone ID → {@link JavaZone}. */
export function readZoneTable(encoded: string): Map<string, JavaZone> {
  const table = new Map<string, JavaZone>();
  for (const [id, entry] of readEntries(encoded)) {
    const [names, pieces] = entry.split('|') as [string, string?];
    table.set(id, { ...readNames(names), pieces: pieces === undefined ? [] : readPieces(pieces) });
  }
  return table;
}

/** Reads LOCALE_NAMES: one "tag tag…<TAB>Area:City=ENTRY,…" line per group, into tag → ID → names. */
export function readLocaleNames(encoded: string): Map<string, Map<string, ZoneNames>> {
  const byTag = new Map<string, Map<string, ZoneNames>>();
  for (const line of encoded.split('\n')) {
    const [tags, entries] = line.split('\t') as [string, string];
    const names = new Map([...readEntries(entries)].map(([id, entry]) => [id, readNames(entry)]));
    for (const tag of tags.split(' ')) byTag.set(tag, names);
  }
  return byTag;
}

/** "Area:City=ENTRY,…;Area:…" as [zone ID, ENTRY] pairs; the area "" stands for IDs without one. */
function* readEntries(encoded: string): Generator<[string, string]> {
  for (const chunk of encoded.split(';')) {
    const colon = chunk.indexOf(':');
    const area = chunk.slice(0, colon);
    for (const item of chunk.slice(colon + 1).split(',')) {
      const equals = item.indexOf('=');
      const city = item.slice(0, equals);
      yield [area === '' ? city : `${area}/${city}`, item.slice(equals + 1)];
    }
  }
}

/** "STD", or "STD/DST" where DST is "" (the same), "*" (S made D: EST, EDT) or "%" (S added: CET, CEST). */
function readNames(text: string): ZoneNames {
  const [standard, second] = text.split('/') as [string, string?];
  const daylight =
    second === undefined || second === ''
      ? standard
      : second === '*'
        ? standard.replace(/S(T)$/, 'D$1')
        : second === '%'
          ? standard.replace(/(T)$/, 'S$1')
          : second;
  return { standard, daylight };
}

/** "start:threshold start:threshold…" in base-36 minutes, or base-36 seconds after a "!". */
function readPieces(text: string): [number, number][] {
  return text.split(' ').map((piece) => {
    const [start, threshold] = piece.split(':') as [string, string];
    return [readNumber(start), readNumber(threshold)];
  });
}

function readNumber(text: string): number {
  return text.startsWith('!') ? parseInt(text.slice(1), 36) : parseInt(text, 36) * 60;
}
