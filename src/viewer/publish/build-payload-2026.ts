/**
 * A 2026 村庄规划 (a `VillageDatabase`) reduced to a notice payload (payload-2026.ts): the village, the
 * planned parcels with their plain-word group and area, the 管控边界 and the 村庄建设边界 dissolved from
 * them, the 永久基本农田 and 生态保护红线, the class colours from the profile, and the three tables.
 * Codes are counted in the 2023 edition as the checks count them (`codedParcels`); the sentence still
 * shows the code and name the plan writes.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { union } from '../../geo/overlay.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { tableGroupOf } from '../../profiles/ydyh/groupings-2023.ts';
import { GKBJ_TYPES, VILLAGE_CONSTRUCTION_BOUNDARY_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import { classColour, hexOf } from '../../profiles/zhejiang-2026/map-style.ts';
import type { VillageDatabase, VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseTables } from '../../rules/ydyh/database-tables.ts';
import { codedParcels, isAreaGeometry, textOf } from '../../rules/ydyh/database-parcels.ts';
import { encodeArea } from '../payload/geometry-codec.ts';
import { NOTICE_2026_PROFILE, NOTICE_2026_SCHEMA_VERSION, type NoticePayload2026, type OutlineEntry2026 } from '../payload/payload-2026.ts';
import { NOTICE_FORMAT } from '../payload/payload.ts';
import { boxAround, compactArea, originOf } from './build-payload.ts';
import type { NoticeDetails } from './notice-details.ts';
import { noticeTables2026 } from './notice-tables-2026.ts';

export interface Payload2026Input {
  readonly database: VillageDatabase;
  /** What feedback files name the plan by (the kept plan's id, or the file it was opened from). */
  readonly planId: string;
  readonly villageName: string;
  readonly versionName: string;
  readonly details: NoticeDetails;
  readonly tables: DatabaseTables;
  readonly noticeId: string;
  readonly publishedAt: string;
}

type Shaped = VillageFeature & { readonly geometry: AreaGeometry };

const shapes = (database: VillageDatabase, layer: VillageLayerName): Shaped[] => (database.layers[layer]?.features ?? []).filter((f): f is Shaped => isAreaGeometry(f.geometry));

/** A GKBJ feature's type: its GKBJLXDM, or the type GKBJLXMC names where the code is empty (as the 管控表 counts it). */
function controlType(feature: VillageFeature): string {
  const code = textOf(feature.properties.GKBJLXDM);
  const name = textOf(feature.properties.GKBJLXMC);
  return code ?? GKBJ_TYPES.find((entry) => entry.zh === name)?.code ?? '';
}

export function buildPayload2026({ database, planId, villageName, versionName, details, tables, noticeId, publishedAt }: Payload2026Input): NoticePayload2026 {
  const village = shapes(database, 'CJDCQ');
  const parcels = shapes(database, 'GHDLTB');
  const bbox = boxAround((village.length ? village : parcels).map((f) => f.geometry));
  const origin = originOf(bbox);
  const area = compactArea(origin);
  const outlines = (layer: VillageLayerName): OutlineEntry2026[] => shapes(database, layer).map((f) => area(f.geometry, f.ref, {}));
  const counted = new Map(codedParcels(database, 'target').map((p) => [p.ref, p.code]));
  const classColours: Record<string, string> = {};
  const parcelEntries = parcels.map((f) => {
    const written = textOf(f.properties.GHDLBM) ?? '';
    const code = counted.get(f.ref) ?? '';
    const colour = classColour(YDYH_2023_INDEX, code, database.classColours);
    if (colour && written) classColours[written] = hexOf(colour);
    const n = textOf(f.properties.GHDLMC) ?? YDYH_2023_INDEX.get(code)?.zh ?? '';
    return area(f.geometry, f.ref, { c: written, n, f: YDYH_2023_INDEX.root(code) ?? null, z: code ? tableGroupOf(code, database.tableGroups) : null });
  });
  const control = shapes(database, 'GKBJ').map((f) => ({ feature: f, type: controlType(f) }));
  const building = union(control.filter((c) => (VILLAGE_CONSTRUCTION_BOUNDARY_TYPES as readonly string[]).includes(c.type)).map((c) => c.feature.geometry));
  return {
    format: NOTICE_FORMAT,
    schemaVersion: NOTICE_2026_SCHEMA_VERSION,
    profile: NOTICE_2026_PROFILE,
    noticeId,
    planId,
    versionName,
    publishedAt,
    village: { name: villageName, planPeriod: database.info.planPeriod },
    details,
    origin,
    bbox,
    layers: {
      village: village.map((f) => area(f.geometry, f.ref, {})),
      parcels: parcelEntries,
      control: control.map(({ feature, type }) => area(feature.geometry, feature.ref, { t: type, n: textOf(feature.properties.GKBJLXMC) ?? '' })),
      // A dissolve polyclip cannot do leaves the notice without the line; the 管控边界 themselves still show.
      constructionBoundary: building.ok && building.value ? encodeArea(building.value, origin) : null,
      pbf: outlines('YJJBNT'),
      redLine: outlines('STBHHX'),
    },
    classColours,
    tables: noticeTables2026(tables),
  };
}
