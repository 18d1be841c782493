import { JAVA_ZONE_NAMES } from '../generated/java-zone-names.js';

/** Java's two short names for a zone. */
export interface JavaZoneNames {
  readonly standard: string;
  readonly daylight: string;
}

let table: Map<string, JavaZoneNames> | undefined;

/** Java's short names for `timeZone` where they differ from Intl's en-US names, else undefined. */
export function javaZoneNames(timeZone: string): JavaZoneNames | undefined {
  table ??= decode(JAVA_ZONE_NAMES);
  return table.get(timeZone);
}

/** Reads the "Area:City=STD/DST,City=NAME;…" form of the generated table. */
function decode(encoded: string): Map<string, JavaZoneNames> {
  const zones = new Map<string, JavaZoneNames>();
  for (const chunk of encoded.split(';')) {
    const colon = chunk.indexOf(':');
    const area = chunk.slice(0, colon);
    for (const entry of chunk.slice(colon + 1).split(',')) {
      const [city = '', names = ''] = entry.split('=');
      const [standard = '', daylight = standard] = names.split('/');
      zones.set(area === '' ? city : `${area}/${city}`, { standard, daylight });
    }
  }
  return zones;
}
