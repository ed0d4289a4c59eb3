/**
 * What a planner can say a file is in when the file does not say (a DXF, a Shapefile without `.prj`, a
 * GeoJSON of projected numbers): CGCS2000 lon/lat and its 3° Gauss-Krüger zones 39–41, and the same zones
 * of Xian 1980 and Beijing 1954, which CAD drawings of older surveys (CASS) are in. Numbers alone cannot
 * tell Xian 1980 from CGCS2000 (tens of metres apart in Zhejiang, the same ranges), so only the planner can;
 * choosing one then asks for the county's parameters, as a `.prj` of it does (datum-settle.ts).
 */
import { centralMeridian, GK_ZONES, type GkZone } from '../../geo/projection.ts';
import type { LocalDatum } from '../../domain/datum-parameters.ts';
import { foreignCrsOfEpsg } from './foreign-epsg.ts';
import { epsgOf, GEOGRAPHIC, gk, type ReadCrs } from './source-crs.ts';

export interface CrsChoiceEntry {
  /** Its EPSG code, as the pick-list's value. */
  readonly key: string;
  readonly crs: ReadCrs;
}

const LOCAL_DATUMS: readonly { readonly datum: LocalDatum; readonly label: string; readonly prefixedZone25: number; readonly byMeridian75: number }[] = [
  // EPSG's numbering: 3° zones with the prefix from zone 25, and by central meridian from 75°E, one code per zone.
  { datum: 'xian1980', label: 'Xian 1980', prefixedZone25: 2349, byMeridian75: 2370 },
  { datum: 'beijing1954', label: 'Beijing 1954', prefixedZone25: 2401, byMeridian75: 2422 },
];

function localChoice(label: string, code: number, zone: GkZone, zonePrefix: boolean): CrsChoiceEntry {
  const name = `EPSG:${code} ${label} 3° GK zone ${zone} (CM ${centralMeridian(zone)}°E${zonePrefix ? ', zone prefix' : ''})`;
  const read = foreignCrsOfEpsg(code, name, '');
  // The codes are EPSG's Xian 1980 / Beijing 1954 zones, which foreign-epsg.ts always knows.
  if (!read.ok) throw new Error(`no local CRS for EPSG:${code}`);
  return { key: String(code), crs: { ...read.value, datumName: '' } };
}

const ours: CrsChoiceEntry[] = [GEOGRAPHIC, ...[true, false].flatMap((zonePrefix) => GK_ZONES.map((zone) => gk({ zone, zonePrefix })))].map((crs) => ({ key: String(epsgOf(crs)), crs }));
const older: CrsChoiceEntry[] = LOCAL_DATUMS.flatMap(({ label, prefixedZone25, byMeridian75 }) =>
  [true, false].flatMap((zonePrefix) => GK_ZONES.map((zone) => localChoice(label, (zonePrefix ? prefixedZone25 : byMeridian75) + zone - 25, zone, zonePrefix))),
);

export const CRS_CHOICES: readonly CrsChoiceEntry[] = [...ours, ...older];

/** The entry of a chosen CRS (the planner's choice is one of the entries, kept as it was given). */
export function choiceKeyOf(crs: ReadCrs): string | undefined {
  const same = JSON.stringify(crs);
  return CRS_CHOICES.find((entry) => entry.crs === crs || JSON.stringify(entry.crs) === same)?.key;
}
