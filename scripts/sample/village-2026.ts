/**
 * The 2026 sample village (docs/sample-village.md): the 2017 sample plan's village as a `zhejiang-2026`
 * village planning database, so both samples come from the same seeded generator. Every layer is read off
 * the 2017 plan; nothing is drawn anew except the one red-line polygon (the 2017 sample has none).
 *
 * - CJDCQ: the village boundary. JQDLTB: the base parcels. GHDLTB: the derived planned land of the 2017
 *   plan (rules/derive: base parcels cut by demolition, new build and use change), one feature per base
 *   parcel and planned class. Land classes in 用地用海 2023 through the 2017 → 2023 suggestion (`CODE_2023`).
 * - YJJBNT: the 2017 PBF. STBHHX: the 2017 red line, or, when it is empty, the largest 生态林 (131) parcel.
 * - GKBJ: each GHDLTB parcel's 管控边界 type as CCTool derives it (control-boundary.ts: PBF 0202, then the
 *   red line 0102, else the type of its code or its SSBJLX), dissolved by type. So 0301 村庄集中建设区 is the
 *   planned village construction land (its codes are 0301's), and 0101, 0201 and 0900 follow the codes.
 *   ⚠ ours: SSBJLX `T` (村庄弹性发展区 0302) on the parcels inside the 2017 有条件建设区 (control zone 020), the
 *   2017 zone for land where the village may build under conditions.
 * - Village info from the plan's meta; allocations (公顷) from the township quotas an indicator matches.
 *
 * Areas written into fields (JSMJ, TBMJ-derived figures, GHDLMJ, MJ) are ellipsoidal, rounded to 0.01 m² ⚠:
 * the database's own are planar Gauss-Krüger SHAPE_Area, which differs by the projection's scale (≈ 1e-4
 * in this village, 0.3° off the central meridian).
 */
import type { Geometry, Position } from 'geojson';
import { basename } from 'node:path';
import type { AreaGeometry, FeatureOf } from '../../src/domain/features.ts';
import type { LandClassCode } from '../../src/domain/land-classes.ts';
import { layerFeatures, type Plan } from '../../src/domain/plan.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { interiorPoint } from '../../src/geo/interior-point.ts';
import { union } from '../../src/geo/overlay.ts';
import { pointInAreaGeometry } from '../../src/geo/point-in-ring.ts';
import { mapSandiaoCode } from '../../src/profiles/sandiao/to-ydyh-2023.ts';
import { YDYH_2023_INDEX } from '../../src/profiles/ydyh/classes-2023.ts';
import { suggest2023 } from '../../src/profiles/zhejiang-2017/to-ydyh-2023.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from '../../src/profiles/zhejiang-2026/code-lists.ts';
import { controlTypeOf } from '../../src/profiles/zhejiang-2026/control-boundary.ts';
import { bsm, DATABASE_LAYERS, type DatabaseLayerName } from '../../src/profiles/zhejiang-2026/layers.ts';
import type { FieldValue, VillageDatabase, VillageFeature, VillageInfo, VillageLayer, VillageLayerName } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { CheckState } from '../../src/rules/context.ts';

export const SAMPLE_2026_OUT = 'samples/sample-village-2026.database.json';
const FILE = basename(SAMPLE_2026_OUT);

/**
 * The planner's choice where the 2017 → 2023 suggestion offers candidates without a default, for the
 * sample's land as docs/sample-village.md describes it [ours ⚠]. The other `choose` classes take their
 * first candidate: 151 → 060201 种植设施建设用地 (greenhouses), 2121 → 070301 一类农村宅基地, 2122 → 0704
 * 农村社区服务设施用地 (村委会, 文化礼堂 and the school: a real plan would code the school 080403, which the
 * Zhejiang table counts as 城镇), 2125 → 1401 公园绿地, 31 → 1701 河流水面 (the river), 32 → 0403 其他草地
 * (三调 0404). 12, 131 and 132 follow the base parcel's 三调 code (0201, 0301, 0302); 154 → 1705, 221 → 1202 and
 * 226 → 1311 are the suggestion's defaults.
 */
const CHOSEN_2023: Partial<Record<LandClassCode, string>> = {
  // Farm roads between the fields: 060101 村道用地 would be the village roads, here 2126 → 1207.
  '152': '060102',
  // Each hamlet's 2123 is its sewage terminal (三调 0809).
  '2123': '1303',
  // The 2124 parcels are workshops (三调 0601 工业用地).
  '2124': '100101',
};

/** The 2023 code of a 2017 class on a base parcel of this 三调 code. */
function code2023(classCode: LandClassCode, surveyCode: string | null): string {
  const survey = surveyCode === null ? null : mapSandiaoCode(surveyCode);
  const suggestion = suggest2023(classCode, survey?.kind === 'mapped' ? survey.code : undefined);
  const code = suggestion.kind === 'suggested' ? suggestion.code : (CHOSEN_2023[classCode] ?? suggestion.candidates[0]);
  if (code === undefined || !YDYH_2023_INDEX.get(code)) throw new Error(`2017 class ${classCode}: no 2023 code`);
  return code;
}

const nameOf = (code: string): string => YDYH_2023_INDEX.get(code)?.zh ?? '';
const m2 = (geometry: AreaGeometry): number => Math.round(ellipsoidalArea(geometry) * 100) / 100;
const insideAny = (geometry: AreaGeometry, zones: readonly AreaGeometry[]): boolean => {
  const point = interiorPoint(geometry);
  return point !== null && zones.some((zone) => pointInAreaGeometry(point, zone) === 'inside');
};

/** A layer of the database: each feature's fields in the declared order, BSM and YSDM filled. */
function databaseLayer(name: DatabaseLayerName, xzqdm: string, rows: readonly { geometry: Geometry; values: Readonly<Record<string, FieldValue>> }[]): VillageLayer {
  const layer = DATABASE_LAYERS.find((l) => l.name === name);
  if (!layer) throw new Error(`no layer ${name}`);
  const fieldNames = layer.fields.map((f) => f.name);
  const unknown = rows.flatMap((row) => Object.keys(row.values)).filter((field) => !fieldNames.includes(field));
  if (unknown.length) throw new Error(`${name}: undeclared fields ${unknown.join(', ')}`);
  const features = rows.map((row, k): VillageFeature => {
    const id = bsm(xzqdm, k + 1);
    if (!id.ok) throw new Error(`${name}: ${id.error}`);
    const values: Record<string, FieldValue> = { ...row.values, BSM: id.value, YSDM: layer.ysdm };
    const properties = Object.fromEntries(fieldNames.map((field) => [field, values[field] ?? null]));
    return { ref: `${name}#${id.value}`, geometry: row.geometry, properties };
  });
  return { name, file: FILE, fieldNames, features };
}

function referenceLayer(name: VillageLayerName, geometries: readonly AreaGeometry[]): VillageLayer {
  return { name, file: FILE, fieldNames: [], features: geometries.map((geometry, k) => ({ ref: `${name}#${k + 1}`, geometry, properties: {} })) };
}

interface PlannedParcel {
  readonly geometry: AreaGeometry;
  readonly code: string;
}

/** Each base parcel's planned land, one parcel per planned class: the base parcel itself where it keeps one class. */
function plannedParcels(plan: Plan): PlannedParcel[] {
  const derived = CheckState.build(plan).derived;
  return layerFeatures(plan, 'base').flatMap((base) => {
    const byClass = new Map<LandClassCode, AreaGeometry[]>();
    for (const piece of derived.piecesOf(base.id)) byClass.set(piece.targetClass, [...(byClass.get(piece.targetClass) ?? []), piece.geometry]);
    if (byClass.size <= 1) return [{ geometry: base.geometry, code: code2023([...byClass.keys()][0] ?? base.properties.classCode, base.properties.surveyCode) }];
    return [...byClass].map(([targetClass, pieces]) => ({ geometry: dissolved(pieces, `base ${base.properties.parcelNo}`), code: code2023(targetClass, base.properties.surveyCode) }));
  });
}

function dissolved(geometries: readonly AreaGeometry[], what: string): AreaGeometry {
  const merged = geometries.length === 1 ? { ok: true as const, value: geometries[0] as AreaGeometry } : union(geometries);
  if (!merged.ok || merged.value === null) throw new Error(`${what}: ${merged.ok ? 'empty' : merged.error}`);
  return roundedGeometry(merged.value);
}

/** The plan's precision (9 decimals) for the vertices an overlay returns. */
function roundedGeometry(geometry: AreaGeometry): AreaGeometry {
  const round = (p: Position): Position => [Math.round((p[0] as number) * 1e9) / 1e9, Math.round((p[1] as number) * 1e9) / 1e9];
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(round)) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map((ring) => ring.map(round))) };
}

/** The 2017 red line, or the largest 生态林 parcel when the plan has none (the layer must exist for #7 and GKBJ 0102). */
function redLine(plan: Plan): AreaGeometry[] {
  const drawn = layerFeatures(plan, 'redline').map((f) => f.geometry);
  if (drawn.length) return drawn;
  const forest = layerFeatures(plan, 'base').filter((f) => f.properties.classCode === '131').map((f) => f.geometry);
  const largest = forest.sort((a, b) => ellipsoidalArea(b) - ellipsoidalArea(a))[0];
  return largest ? [largest] : [];
}

function baseRow(base: FeatureOf<'base'>, village: { code: string; name: string }, baseYear: number) {
  const p = base.properties;
  const code = code2023(p.classCode, p.surveyCode);
  const tbmj = p.recordedArea ?? m2(base.geometry);
  const cultivated = code.startsWith('01');
  // ⚠ The deduction is 田坎 as the 三调 DLTB writes it (KCDLBM 1203), which CCTool copies into JQDLTB.
  const kcxs = cultivated ? (p.ridgeCoefficient ?? 0) : 0;
  const kcmj = Math.round(tbmj * kcxs * 100) / 100;
  return {
    geometry: base.geometry,
    values: {
      TBBH: p.parcelNo,
      JQDLBM: code,
      JQDLMC: nameOf(code),
      QSXZ: p.tenure,
      QSDWDM: p.ownerCode,
      QSDWMC: p.ownerName,
      ZLDWDM: village.code,
      ZLDWMC: village.name,
      TBMJ: tbmj,
      KCDLBM: kcxs > 0 ? '1203' : null,
      KCXS: kcxs > 0 ? kcxs : null,
      KCMJ: kcxs > 0 ? kcmj : null,
      TBDLMJ: Math.round((tbmj - kcmj) * 100) / 100,
      GDPDJB: cultivated ? p.slopeGrade : null,
      SJNF: baseYear,
    },
  };
}

const SQUARE_METRES_PER_HECTARE = 10_000;

/** The township quotas (m²) as 上级下达 allocations (公顷) of the indicators they are (indicators.ts). */
function allocationsOf(quotas: Plan['meta']['quotas']): VillageDatabase['allocations'] {
  const byIndicator: readonly [number, number | null][] = [
    [1, quotas.constructionTotal],
    [2, quotas.urbanRuralConstruction],
    [3, quotas.villageConstruction],
    [8, quotas.permanentBasicFarmland],
    [9, quotas.cultivatedLand],
  ];
  return Object.fromEntries(byIndicator.flatMap(([n, m]) => (m === null ? [] : [[n, m / SQUARE_METRES_PER_HECTARE]])));
}

function villageInfo(plan: Plan): VillageInfo {
  const { meta } = plan;
  return {
    // CCTool's maps title the village with its county (village-info-complete).
    villageName: `${meta.county}${meta.township}${meta.villageName}`,
    // ⚠ ours: the 2017 plan has no village type; the sample's seat village with three hamlets reads as 集聚提升类.
    villageType: '集聚提升类',
    planPeriod: `${meta.baseYear}-${meta.targetYear}年`,
    basePopulation: meta.population,
    // The 2017 plan records one population; the target repeats it.
    targetPopulation: meta.population,
    // The sample has no heritage sites.
    baseHeritage: 0,
    targetHeritage: 0,
  };
}

export function villageDatabaseFromPlan(plan: Plan): VillageDatabase {
  const xzqdm = plan.meta.villageCode;
  const village = { code: `${xzqdm}0000000`, name: plan.meta.villageName };
  const boundary = layerFeatures(plan, 'boundary');
  const cjdcq = boundary.map((f) => ({ geometry: f.geometry, values: { ZLDWDM: village.code, ZLDWMC: village.name, JSMJ: m2(f.geometry), CZLX: villageInfo(plan).villageType } }));
  const jqdltb = layerFeatures(plan, 'base').map((base) => baseRow(base, village, plan.meta.baseYear));

  const pbf = layerFeatures(plan, 'pbf').map((f) => f.geometry);
  const red = redLine(plan);
  const flexible = layerFeatures(plan, 'controlZone').filter((z) => z.properties.zoneCode === '020').map((z) => z.geometry);
  const typed = plannedParcels(plan).map((parcel) => {
    const ssbjlx = insideAny(parcel.geometry, flexible) ? 'T' : null;
    // CCTool: the PBF over the red line over the plan parcels; SSBJLX applies to plan parcels only.
    const type = insideAny(parcel.geometry, pbf) ? '0202' : insideAny(parcel.geometry, red) ? '0102' : controlTypeOf(parcel.code, ssbjlx);
    if (type === null) throw new Error(`GHDLTB ${parcel.code}: no 管控边界 type`);
    return { ...parcel, ssbjlx, type };
  });
  const ghdltb = typed.map((parcel, k) => ({
    geometry: parcel.geometry,
    values: { TBBH: String(k + 1), GHDLBM: parcel.code, GHDLMC: nameOf(parcel.code), GHDLMJ: m2(parcel.geometry), SSBJLX: parcel.ssbjlx },
  }));
  const gkbj = GKBJ_TYPES.flatMap((type) => {
    const parts = typed.filter((parcel) => parcel.type === (type.code as GkbjTypeCode)).map((parcel) => parcel.geometry);
    if (parts.length === 0) return [];
    const geometry = dissolved(parts, `GKBJ ${type.code}`);
    return [{ geometry, values: { GKBJLXMC: type.zh, GKBJLXDM: type.code, MJ: m2(geometry) } }];
  });

  return {
    edition: 'ydyh-2023',
    info: villageInfo(plan),
    allocations: allocationsOf(plan.meta.quotas),
    layers: {
      CJDCQ: databaseLayer('CJDCQ', xzqdm, cjdcq),
      JQDLTB: databaseLayer('JQDLTB', xzqdm, jqdltb),
      GHDLTB: databaseLayer('GHDLTB', xzqdm, ghdltb),
      GKBJ: databaseLayer('GKBJ', xzqdm, gkbj),
      YJJBNT: referenceLayer('YJJBNT', pbf),
      STBHHX: referenceLayer('STBHHX', red),
    },
  };
}
