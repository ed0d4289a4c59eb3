/**
 * From a 2017 village plan to a `zhejiang-2026` village planning database (issue 15). Every layer is read
 * off the 2017 plan; nothing is drawn anew except, when the plan has no red line, the one red-line polygon.
 *
 * - CJDCQ: the village boundary. JQDLTB: the base parcels. GHDLTB: the derived planned land of the 2017
 *   plan (rules/derive: base parcels cut by demolition, new build and use change), one feature per base
 *   parcel and planned class.
 * - Land classes in 用地用海 2023 through the 2017 → 2023 suggestion (profiles/zhejiang-2017/to-ydyh-2023.ts),
 *   which counts only once the planner has reviewed it: `review2017Plan` lists one group per 2017 class,
 *   base and planned land together (a planner decides a class, not a layer), for every class the table
 *   leaves open or offers several codes for; the base parcel's 三调 code decides 园地 and 林地 where it can.
 *   What a 2023 code cannot say is kept: 生态林/商品林 in BZ ⚠ ours.
 * - YJJBNT: the 2017 PBF. STBHHX: the 2017 red line, or, when it is empty, the largest 生态林 (131) parcel.
 * - GKBJ: each GHDLTB parcel's 管控边界 type as CCTool derives it (control-boundary.ts: PBF 0202, then the
 *   red line 0102, else the type of its code or its SSBJLX), dissolved by type. ⚠ ours: SSBJLX `T` (村庄弹性
 *   发展区 0302) on the parcels inside the 2017 有条件建设区 (control zone 020).
 * - Village info from the plan's meta; allocations (公顷) from the township quotas an indicator matches.
 *
 * Areas written into fields (JSMJ, TBMJ-derived figures, GHDLMJ, MJ) are ellipsoidal, rounded to 0.01 m² ⚠:
 * the database's own are planar Gauss-Krüger SHAPE_Area, which differs by the projection's scale (≈ 1e-4
 * 0.3° off the central meridian).
 */
import type { Geometry } from 'geojson';
import type { AreaGeometry, FeatureOf } from '../../domain/features.ts';
import { LAND_CLASSES, landClass, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { failure, listSome, success, type Message, type Result } from '../../domain/message.ts';
import { layerFeatures, type Plan } from '../../domain/plan.ts';
import { FIELD_RIDGE_CODE } from '../../profiles/sandiao/classes.ts';
import { mapSandiaoCode } from '../../profiles/sandiao/to-ydyh-2023.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { RED_LINE_STAND_IN_CLASS, suggest2023, type Suggestion2017Row, type Suggestion2023 } from '../../profiles/zhejiang-2017/to-ydyh-2023.ts';
import type { ControlTypeOverrides } from '../../profiles/zhejiang-2026/control-boundary.ts';
import { bsm, DATABASE_LAYERS, type DatabaseLayerName } from '../../profiles/zhejiang-2026/layers.ts';
import type { FieldValue, VillageDatabase, VillageFeature, VillageInfo, VillageLayer, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { CheckState } from '../../rules/context.ts';
import { areaM2 as m2, controlBoundaries, dissolved as dissolvedOr, insideAny, parcelControlType } from '../../commands/village-database/control-boundaries.ts';
import { invalidDecisions, undecidedGroups, type ReviewDecisions, type ReviewGroup } from './review-groups.ts';
import { addToList } from '../../domain/lists.ts';

/** The file a converted database's layers name as theirs: none until the planner saves it, then under this name. */
const CONVERTED_FILE = 'village-2026.database.json';

/** The suggestion for a 2017 class on a base parcel of this 三调 code (whose 2023 code picks among 园地 and 林地). */
function suggestionFor(classCode: LandClassCode, surveyCode: string | null): Suggestion2023 {
  const survey = surveyCode === null ? null : mapSandiaoCode(surveyCode);
  return suggest2023(classCode, survey?.kind === 'mapped' ? survey.code : undefined);
}

/** The planner reviews what the table leaves open or offers several codes for, unless the base parcel's 三调 code decided it. */
const needsReview = (suggestion: Suggestion2023): boolean => suggestion.kind === 'choose' || (!suggestion.fromBase && suggestion.row.to.length > 1);

/** A `lost` fact that is the 2017 class's own name (生态林, 商品林) can be kept as that name in BZ; others (211's 城镇) only noted. */
const keptInBz = (row: Suggestion2017Row): string | null => (row.lost !== undefined && row.lost === landClass(row.from).zh ? row.lost : null);

interface BaseLand {
  readonly base: FeatureOf<'base'>;
  /** The base parcel's planned land by 2017 class (the derived pieces). */
  readonly planned: ReadonlyMap<LandClassCode, readonly AreaGeometry[]>;
}

function baseLands(plan: Plan): BaseLand[] {
  const derived = CheckState.build(plan).derived;
  return layerFeatures(plan, 'base').map((base) => {
    const planned = new Map<LandClassCode, AreaGeometry[]>();
    for (const piece of derived.piecesOf(base.id)) addToList(planned, piece.targetClass, piece.geometry);
    return { base, planned };
  });
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const round2 = (value: number): number => Math.round(value * 100) / 100;

function reviewGroups(lands: readonly BaseLand[]): readonly ReviewGroup[] {
  const tally = new Map<LandClassCode, { count: number; areaM2: number; bySurvey: number }>();
  for (const { base, planned } of lands) {
    // Each base parcel counted once per class: its whole area where the class is its base class, else its planned pieces of it.
    const areaByClass = new Map([[base.properties.classCode, ellipsoidalArea(base.geometry)]]);
    for (const [target, pieces] of planned) if (!areaByClass.has(target)) areaByClass.set(target, sum(pieces.map(ellipsoidalArea)));
    for (const [classCode, area] of areaByClass) {
      const suggestion = suggestionFor(classCode, base.properties.surveyCode);
      const counts = tally.get(classCode) ?? { count: 0, areaM2: 0, bySurvey: 0 };
      if (needsReview(suggestion)) tally.set(classCode, { ...counts, count: counts.count + 1, areaM2: counts.areaM2 + area });
      else if (suggestion.kind === 'suggested' && suggestion.fromBase) tally.set(classCode, { ...counts, bySurvey: counts.bySurvey + 1 });
    }
  }
  return LAND_CLASSES.flatMap(({ code, zh, en }): ReviewGroup[] => {
    const counts = tally.get(code);
    if (!counts?.count) return [];
    const suggestion = suggest2023(code);
    const kept = keptInBz(suggestion.row);
    const notes: Message[] = [
      ...(counts.bySurvey ? [{ key: 'villageDb.from2017.restAfterSurvey', params: { decided: counts.bySurvey } }] : []),
      ...(kept ? [{ key: 'villageDb.from2017.keptInBz', params: { name: kept } }] : suggestion.row.lost ? [{ key: 'villageDb.from2017.notSaid', params: { name: zh } }] : []),
    ];
    return [{ key: code, fromZh: zh, fromEn: en, count: counts.count, areaM2: round2(counts.areaM2), candidates: suggestion.row.to, suggested: suggestion.kind === 'suggested' ? suggestion.code : null, notes }];
  });
}

/** The review list of a 2017 plan's conversion: the 2017 classes whose 2023 code the planner confirms or chooses. */
export function review2017Plan(plan: Plan): readonly ReviewGroup[] {
  return reviewGroups(baseLands(plan));
}

interface Coded {
  readonly code: string;
  /** BZ: what the 2023 code cannot say. */
  readonly note: string | null;
}
type PlannedParcel = Coded & { readonly geometry: AreaGeometry };
type Row = { readonly geometry: Geometry; readonly values: Readonly<Record<string, FieldValue>> };

/** Codes a 2017 class on a base parcel of this 三调 code, once the review found every group decided. */
function coder(decisions: ReviewDecisions): (classCode: LandClassCode, surveyCode: string | null) => Coded {
  return (classCode, surveyCode) => {
    const suggestion = suggestionFor(classCode, surveyCode);
    const code = (needsReview(suggestion) ? decisions[classCode] : undefined) ?? (suggestion.kind === 'suggested' ? suggestion.code : undefined);
    if (code === undefined) throw new Error(`2017 class ${classCode} undecided after the review`);
    return { code, note: keptInBz(suggestion.row) };
  };
}

const nameOf = (code: string): string => YDYH_2023_INDEX.get(code)?.zh ?? '';
const NOT_DISSOLVED = 'villageDb.from2017.notDissolved';
const dissolved = (geometries: readonly AreaGeometry[], what: string): Result<AreaGeometry> => dissolvedOr(geometries, what, NOT_DISSOLVED);

/** Each base parcel's planned land, one parcel per planned class: the base parcel itself where it keeps one class. */
function plannedParcels(lands: readonly BaseLand[], codeOf: ReturnType<typeof coder>): Result<PlannedParcel[]> {
  const parcels: PlannedParcel[] = [];
  for (const { base, planned } of lands) {
    const { classCode, surveyCode, parcelNo } = base.properties;
    if (planned.size <= 1) parcels.push({ geometry: base.geometry, ...codeOf([...planned.keys()][0] ?? classCode, surveyCode) });
    else {
      for (const [targetClass, pieces] of planned) {
        const geometry = dissolved(pieces, `${parcelNo} (${targetClass})`);
        if (!geometry.ok) return geometry;
        parcels.push({ geometry: geometry.value, ...codeOf(targetClass, surveyCode) });
      }
    }
  }
  return success(parcels);
}

/** A layer of the database: each feature's fields in the declared order, BSM and YSDM filled. */
function databaseLayer(name: DatabaseLayerName, xzqdm: string, rows: readonly Row[]): VillageLayer {
  const layer = DATABASE_LAYERS.find((l) => l.name === name);
  if (!layer) throw new Error(`no layer ${name}`);
  const fieldNames = layer.fields.map((f) => f.name);
  const unknown = rows.flatMap((row) => Object.keys(row.values)).filter((field) => !fieldNames.includes(field));
  if (unknown.length) throw new Error(`${name}: undeclared fields ${unknown.join(', ')}`);
  const features = rows.map((row, k): VillageFeature => {
    const id = bsm(xzqdm, k + 1);
    // The village code was checked before; only a layer of 10⁸ features would get here.
    if (!id.ok) throw new Error(`${name}: ${id.error}`);
    const values: Record<string, FieldValue> = { ...row.values, BSM: id.value, YSDM: layer.ysdm };
    return { ref: `${name}#${id.value}`, geometry: row.geometry, properties: Object.fromEntries(fieldNames.map((field) => [field, values[field] ?? null])) };
  });
  return { name, file: CONVERTED_FILE, fieldNames, features };
}

function referenceLayer(name: VillageLayerName, geometries: readonly AreaGeometry[]): VillageLayer {
  return { name, file: CONVERTED_FILE, fieldNames: [], features: geometries.map((geometry, k) => ({ ref: `${name}#${k + 1}`, geometry, properties: {} })) };
}

/** The 2017 red line, or the largest parcel of its stand-in class when the plan has none (the layer must exist for #7 and GKBJ 0102). */
function redLine(plan: Plan): AreaGeometry[] {
  const drawn = layerFeatures(plan, 'redline').map((f) => f.geometry);
  if (drawn.length) return drawn;
  const forest = layerFeatures(plan, 'base').filter((f) => f.properties.classCode === RED_LINE_STAND_IN_CLASS).map((f) => f.geometry);
  const largest = forest.sort((a, b) => ellipsoidalArea(b) - ellipsoidalArea(a))[0];
  return largest ? [largest] : [];
}

function baseRow(base: FeatureOf<'base'>, village: { code: string; name: string }, baseYear: number, codeOf: ReturnType<typeof coder>) {
  const p = base.properties;
  const { code, note } = codeOf(p.classCode, p.surveyCode);
  const tbmj = p.recordedArea ?? m2(base.geometry);
  const cultivated = code.startsWith('01');
  // ⚠ The deduction is 田坎 as the 三调 DLTB writes it (KCDLBM), which CCTool copies into JQDLTB.
  const kcxs = cultivated ? (p.ridgeCoefficient ?? 0) : 0;
  const kcmj = round2(tbmj * kcxs);
  const values = { TBBH: p.parcelNo, JQDLBM: code, JQDLMC: nameOf(code), QSXZ: p.tenure, QSDWDM: p.ownerCode, QSDWMC: p.ownerName, ZLDWDM: village.code, ZLDWMC: village.name, TBMJ: tbmj };
  const deduction = { KCDLBM: kcxs > 0 ? FIELD_RIDGE_CODE : null, KCXS: kcxs > 0 ? kcxs : null, KCMJ: kcxs > 0 ? kcmj : null, TBDLMJ: round2(tbmj - kcmj) };
  return { geometry: base.geometry, values: { ...values, ...deduction, GDPDJB: cultivated ? p.slopeGrade : null, SJNF: baseYear, BZ: note } };
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
    // ⚠ ours: a 2017 plan has no village type; 集聚提升类 is the most common, the planner corrects it.
    villageType: '集聚提升类',
    planPeriod: `${meta.baseYear}-${meta.targetYear}年`,
    basePopulation: meta.population,
    // A 2017 plan records one population; the target repeats it.
    targetPopulation: meta.population,
    // A 2017 plan records no heritage sites.
    baseHeritage: 0,
    targetHeritage: 0,
  };
}

/**
 * The 2017 plan as a 2026 village database with the planner's decisions on its review list; refused while
 * a group without a default is undecided, a decision names no candidate of its group, or the village has
 * no 12-digit code for the BSMs. The planner's own 管控边界 types of classes, if any, type the GKBJ and go
 * with the plan.
 */
export function databaseFrom2017Plan(plan: Plan, decisions: ReviewDecisions, controlTypes: ControlTypeOverrides = {}): Result<VillageDatabase> {
  const lands = baseLands(plan);
  const groups = reviewGroups(lands);
  const invalid = invalidDecisions(groups, decisions);
  if (invalid.length) return failure('villageDb.from2017.invalidDecisions', { decisions: listSome(invalid.map(({ key, code }) => `${key} → ${code}`)) });
  const undecided = undecidedGroups(groups, decisions);
  if (undecided.length) return failure('villageDb.from2017.undecided', { count: undecided.length, groups: listSome(undecided.map((group) => `${group.key} ${group.fromZh}`)) });
  const xzqdm = plan.meta.villageCode;
  if (!bsm(xzqdm, 1).ok) return failure('villageDb.from2017.noVillageCode', { code: xzqdm });

  const codeOf = coder(decisions);
  const info = villageInfo(plan);
  const village = { code: `${xzqdm}0000000`, name: plan.meta.villageName };
  const cjdcq = layerFeatures(plan, 'boundary').map((f) => ({ geometry: f.geometry, values: { ZLDWDM: village.code, ZLDWMC: village.name, JSMJ: m2(f.geometry), CZLX: info.villageType } }));
  const jqdltb = layerFeatures(plan, 'base').map((base) => baseRow(base, village, plan.meta.baseYear, codeOf));

  const pbf = layerFeatures(plan, 'pbf').map((f) => f.geometry);
  const red = redLine(plan);
  const flexible = layerFeatures(plan, 'controlZone').filter((z) => z.properties.zoneCode === '020').map((z) => z.geometry);
  const parcels = plannedParcels(lands, codeOf);
  if (!parcels.ok) return parcels;
  const typed = parcels.value.map((parcel) => {
    const ssbjlx = insideAny(parcel.geometry, flexible) ? 'T' : null;
    // Every candidate of the 2017 table has a type of its code (a test checks it).
    const type = parcelControlType(parcel.geometry, parcel.code, ssbjlx, { pbf, redLine: red }, controlTypes);
    return { ...parcel, ssbjlx, type };
  });
  const ghdltb = typed.map((parcel, k) => ({
    geometry: parcel.geometry,
    values: { TBBH: String(k + 1), GHDLBM: parcel.code, GHDLMC: nameOf(parcel.code), GHDLMJ: m2(parcel.geometry), SSBJLX: parcel.ssbjlx, BZ: parcel.note },
  }));
  const boundaries = controlBoundaries(typed, NOT_DISSOLVED);
  if (!boundaries.ok) return boundaries;
  const gkbj = boundaries.value.map(({ code, name, geometry, areaM2 }): Row => ({ geometry, values: { GKBJLXMC: name, GKBJLXDM: code, MJ: areaM2 } }));

  return success({
    edition: 'ydyh-2023',
    info,
    allocations: allocationsOf(plan.meta.quotas),
    layers: {
      CJDCQ: databaseLayer('CJDCQ', xzqdm, cjdcq),
      JQDLTB: databaseLayer('JQDLTB', xzqdm, jqdltb),
      GHDLTB: databaseLayer('GHDLTB', xzqdm, ghdltb),
      GKBJ: databaseLayer('GKBJ', xzqdm, gkbj),
      YJJBNT: referenceLayer('YJJBNT', pbf),
      STBHHX: referenceLayer('STBHHX', red),
    },
    ...(Object.keys(controlTypes).length > 0 ? { controlTypes } : {}),
  });
}
