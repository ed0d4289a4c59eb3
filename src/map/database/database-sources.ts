/**
 * A village database's layers as the GeoJSON the map draws: each feature keeps its `ref` (how issues and
 * the feature panel name it), its code and the fill or outline colour the profile's style gives it
 * (profiles/zhejiang-2026/map-style.ts), a parcel's fill the plan's own colour of its class where it set one. Codes of a declared 2020 database are coloured as the checks count
 * them, in 2023 (`convert2020To2023`); a code the classification does not know is drawn grey and hatched, so
 * it stands out before its finding is read.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { convert2020To2023 } from '../../profiles/ydyh/edition-2020.ts';
import { GKBJ_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import { classColour, GKBJ_TYPE_COLOURS, hexOf, type MapLayerStyle } from '../../profiles/zhejiang-2026/map-style.ts';
import type { FieldValue, VillageDatabase, VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';

export const UNKNOWN_CLASS_COLOUR = '#bdbdbd';

export interface DrawnProperties {
  readonly ref: string;
  /** The code drawn by (2023), or '' when the feature has none. */
  readonly code: string;
  readonly colour: string;
  /** 1 when the code is not a known class or type: the map hatches it. */
  readonly unknown: 0 | 1;
}

const textOf = (value: FieldValue | undefined): string => (value === null || value === undefined ? '' : String(value).trim());

const GKBJ_BY_NAME = new Map<string, string>(GKBJ_TYPES.map((t) => [t.zh, t.code]));

function classProperties(feature: VillageFeature, style: MapLayerStyle, edition: VillageDatabase['edition'], planColours: PlanColours): DrawnProperties {
  const written = textOf(feature.properties[style.codeField ?? '']);
  const code = edition === 'ydyh-2020' ? convert2020To2023(written).code : written;
  const colour = code ? classColour(YDYH_2023_INDEX, code, planColours) : null;
  return { ref: feature.ref, code, colour: colour ? hexOf(colour) : UNKNOWN_CLASS_COLOUR, unknown: colour ? 0 : 1 };
}

/** GKBJ by its type code, or by its type name where only the name was filled (§4.3 accepts either). */
function typeProperties(feature: VillageFeature, style: MapLayerStyle): DrawnProperties {
  const code = textOf(feature.properties['GKBJLXDM']) || (GKBJ_BY_NAME.get(textOf(feature.properties['GKBJLXMC'])) ?? '');
  const colour = GKBJ_TYPE_COLOURS[code as keyof typeof GKBJ_TYPE_COLOURS];
  return { ref: feature.ref, code, colour: hexOf(colour ?? style.colour), unknown: colour ? 0 : 1 };
}

/** The plan's own class colours (`classColours`), which parcels are filled with before the profile's. */
type PlanColours = NonNullable<VillageDatabase['classColours']>;

export function drawnProperties(feature: VillageFeature, style: MapLayerStyle, edition: VillageDatabase['edition'], planColours: PlanColours = {}): DrawnProperties {
  if (style.draw === 'classes') return classProperties(feature, style, edition, planColours);
  if (style.draw === 'types') return typeProperties(feature, style);
  return { ref: feature.ref, code: '', colour: hexOf(style.colour), unknown: 0 };
}

export function layerData(db: VillageDatabase, style: MapLayerStyle): FeatureCollection<Geometry, DrawnProperties> {
  const features: Feature<Geometry, DrawnProperties>[] = [];
  for (const feature of db.layers[style.layer]?.features ?? []) {
    if (feature.geometry) features.push({ type: 'Feature', geometry: feature.geometry, properties: drawnProperties(feature, style, db.edition, db.classColours) });
  }
  return { type: 'FeatureCollection', features };
}
