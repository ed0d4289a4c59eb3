/**
 * A Plan rebuilt from the layers of a delivery package (domain.md §4), so the rules can check a package as
 * they check a plan drawn in the editor:
 * - JQDLTB → base parcels (DLDM must be a planning class code of domain.md §3.1);
 * - GHYT rows with CJJX C1/C2 → demolition parcels, their restoration use read from TDGHDL under them;
 *   E1/E2 → new-build parcels (use = GHYTDM without its prefix); G111/G112 → permanent basic farmland when
 *   the package has no JBNTBHTB or an empty one (said in a note); other G…/N112 rows → use changes;
 *   JBNTZBQ flag → reserve areas;
 * - JSYDGZQ → control zones (021 read as 020); XZQ → the village boundary, else the union of JQDLTB;
 * - JBNTBHTB → permanent basic farmland (the township's delineation);
 * - our own layers (docs/package.md): JBNTZBQ → reserve areas with their kind (then GHYT's flags are not
 *   read as reserve areas), GNFQ / ZZFQ → functional / consolidation zones, SSNYD → facility farmland,
 *   STBHHX → the red line, XJGZQ → the township's control zones.
 * Field names are read in any letter case (upper-cased by the readers, as dBASE and GDAL match them).
 * The sidecar `规划参数.json` (package-inputs.ts), when the package has one, gives what no field carries:
 * the plan meta, the justifications, each change's households, quota source and business purpose, and
 * which GHYT pieces make one change. Without it those stay "not entered" (households null, which the rules
 * read as not entered; no township tasks; no population), the rules that need them say "not checked",
 * and a note says so. Unknown codes are refused with the file and records named.
 */
import { FACILITY_TYPES, RESERVE_KINDS, normaliseControlZoneCode, type PbfType } from '../../profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../../domain/code-entry.ts';
import type { AreaGeometry, PlanFeature } from '../../domain/features.ts';
import { defaultProperties, LAYER_FIELDS, validateFieldValue, type FieldSpec } from '../../profiles/zhejiang-2017/fields.ts';
import { asFeatureId, type FeatureId } from '../../domain/ids.ts';
import { isCultivatedLand, isLandClassCode, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { ridgeFraction } from '../survey/survey-fields.ts';
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { failure, type Message, type Result } from '../../domain/message.ts';
import { emptyPlan, type Plan } from '../../domain/plan.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { coordinateGrid, gridPartingM, toleranceForGrid } from '../../geo/coordinate-grid.ts';
import { snapCoverage } from '../../geo/coverage-snap.ts';
import { union } from '../../geo/overlay.ts';
import { DEFAULT_CLASSES } from '../../profiles/zhejiang-2017/editing-defaults.ts';
import { pbfTypeOfField } from '../../profiles/zhejiang-2017/pbf-types.ts';
import { listSome } from '../result.ts';
import { rebuiltJustifications, type ChangeInputs, type PlanInputs } from './package-inputs.ts';
import { PACKAGE_LAYER_NAMES, type PackageFeature, type PackageLayer, type PackageLayers } from './package-layers.ts';
import { refOf } from './package-refs.ts';
import { codeWithZeros, isFlagSet, nullableNumber, nullableText, text } from './package-values.ts';
import { changeKey, ghytUse, hasPbfRows, ParsedRow, type GhytUse } from './rows-used.ts';
import { TargetClasses } from './target-class.ts';
import { majority } from '../../domain/lists.ts';

const MAX_LISTED = 5;

export interface ReconstructedPlan {
  readonly plan: Plan;
  /** BSM 标识码 of each feature that had one, so reports can name features as the package does. */
  readonly bsm: Readonly<Record<FeatureId, string>>;
  /** Each feature's package reference (`GHYT#40`, package-refs.ts): its layer and BSM (XZQ: record number). */
  readonly refs: Readonly<Record<FeatureId, string>>;
}

export interface ReconstructOptions {
  /** The rule profile asked for (the CLI's --profile); else the sidecar's; else zhejiang-2017. */
  readonly profileId?: string;
  /** The sidecar, when the package has a usable one. */
  readonly inputs?: PlanInputs | null;
  /** The package has a sidecar file, usable or not (an unusable one was already reported by the reader). */
  readonly inputsFound?: boolean;
}

export function reconstructPlan(layers: PackageLayers, options: ReconstructOptions = {}): Result<ReconstructedPlan> {
  const parcels = layers.JQDLTB;
  if (!parcels || parcels.features.length === 0) return failure('package.noParcels', {});
  const boundaryRows = villageBoundaryRows(layers.XZQ, parcels);
  const village = boundaryRows.kept[0];
  const villageCode = text(village?.properties.XZQDM) || text(parcels.features[0]?.properties.XZQDM);
  const villageName = text(village?.properties.XZQMC) || text(parcels.features[0]?.properties.XZQMC);
  const notes: Message[] = [];
  let inputs = options.inputs ?? null;
  // Another village's sidecar (copied into the wrong folder) would give this package another village's tasks.
  if (inputs && inputs.villageCode && villageCode && inputs.villageCode !== villageCode) {
    notes.push({ key: 'package.inputs.otherVillage', params: { file: inputs.file, inputsCode: inputs.villageCode, packageCode: villageCode } });
    inputs = null;
  } else if (!inputs && !options.inputsFound) {
    notes.push({ key: 'package.inputs.missing', params: {} });
  }
  const chosenProfile = options.profileId ?? inputs?.meta.profileId ?? 'zhejiang-2017';
  const profile = resolveProfile(chosenProfile, inputs?.meta.profileOverrides ?? {});
  const features: PlanFeature[] = [];
  const badCodes: string[] = [];
  const bsm: Record<FeatureId, string> = {};
  const refs: Record<FeatureId, string> = {};
  const byRef = new Map<string, FeatureId>();
  const usedIds = new Set<string>();
  // A code field's verdict depends only on the value: asked once per distinct code, not once per parcel.
  const codeVerdicts = new Map<FieldSpec, Map<unknown, boolean>>();
  const valid = (spec: FieldSpec, value: unknown): boolean => {
    if (spec.kind !== 'code') return validateFieldValue(spec, value as never, profile);
    let verdicts = codeVerdicts.get(spec);
    if (!verdicts) codeVerdicts.set(spec, (verdicts = new Map()));
    let verdict = verdicts.get(value);
    if (verdict === undefined) verdicts.set(value, (verdict = validateFieldValue(spec, value as never, profile)));
    return verdict;
  };
  const cut = new Map<string, { file: string; fieldKey: string; max: number; rows: string[] }>();
  const unknownOptional = new Map<string, { file: string; fieldKey: string; rows: string[] }>();
  // Defaults and field names once per layer, not once per feature (24,000 base parcels).
  const defaultsOf = new Map<LayerId, { readonly defaults: Record<string, unknown>; readonly keys: ReadonlySet<string> }>();
  const add = (layer: LayerId, source: PackageLayer, f: PackageFeature, properties: Record<string, unknown>) => {
    let known = defaultsOf.get(layer);
    if (!known) {
      known = { defaults: defaultProperties(layer, profile, '') as unknown as Record<string, unknown>, keys: new Set(LAYER_FIELDS[layer].map((s) => s.key)) };
      defaultsOf.set(layer, known);
    }
    const merged: Record<string, unknown> = { ...known.defaults };
    for (const spec of LAYER_FIELDS[layer]) {
      const raw = properties[spec.key];
      if (raw === undefined) continue;
      // A code a tool stored as a number lost its leading zeros (XZNTLX 1 for 01): read as the code it is.
      const value = spec.kind === 'code' && typeof raw === 'string' && !valid(spec, raw) ? codeWithZeros(raw, codesOf(spec.options(profile))) : raw;
      if (valid(spec, value)) merged[spec.key] = value;
      else if (spec.kind === 'text' && typeof value === 'string' && value.length > spec.maxLength) {
        // Text longer than the plan holds (60 characters of 权属单位 from a UTF-8 Shapefile): its start, not nothing.
        merged[spec.key] = value.slice(0, spec.maxLength);
        const cutKey = `${source.file}\u0000${spec.key}`;
        let entry = cut.get(cutKey);
        if (!entry) cut.set(cutKey, (entry = { file: source.file, fieldKey: `field.${spec.key}`, max: spec.maxLength, rows: [] }));
        entry.rows.push(`#${f.recordNo}`);
      } else if (spec.kind === 'code' && spec.nullable && value !== null) {
        // An optional code outside its list (QSXZ, PDJB, DLBZ, XZNTLX…) is left empty: said, not silently lost.
        const unknownKey = `${source.file}\u0000${spec.key}`;
        let entry = unknownOptional.get(unknownKey);
        if (!entry) unknownOptional.set(unknownKey, (entry = { file: source.file, fieldKey: `field.${spec.key}`, rows: [] }));
        entry.rows.push(`#${f.recordNo} ${JSON.stringify(value)}`);
      }
    }
    for (const k of Object.keys(properties)) {
      const v = properties[k];
      if (v !== undefined && !known.keys.has(k)) merged[k] = v;
    }
    // One GHYT row can give two features (a new-build that is also a reserve area): the second gets its layer added.
    const plain = `${source.name}-${f.recordNo}`;
    const id = asFeatureId(usedIds.has(plain) ? `${plain}-${layer}` : plain);
    usedIds.add(id);
    const code = text(f.properties.BSM);
    if (code) bsm[id] = code;
    const ref = refOf(source.name, code || f.recordNo);
    refs[id] = ref;
    if (!byRef.has(ref)) byRef.set(ref, id);
    features.push({ id, layer, geometry: f.geometry, properties: merged } as unknown as PlanFeature);
  };
  /** Rows whose code is not in its list keep the field's default; a note names them. */
  const unknownCodes = (source: PackageLayer, field: string, list: readonly string[]) => {
    if (list.length) notes.push({ key: 'package.unknownCodeKept', params: { file: source.file, field, count: list.length, list: listSome(list, MAX_LISTED) } });
  };

  for (const f of parcels.features) {
    const code = text(f.properties.DLDM);
    if (!isLandClassCode(code)) {
      badCodes.push(`#${f.recordNo} DLDM=${JSON.stringify(f.properties.DLDM ?? null)}`);
      continue;
    }
    const key = text(f.properties.BSM);
    add('base', parcels, f, {
      parcelNo: text(f.properties.TBBH) || String(f.recordNo),
      classCode: code,
      surveyCode: (key && inputs?.surveyCodes.get(key)) || null,
      landNote: nullableText(f.properties.DLBZ),
      tenure: nullableText(f.properties.QSXZ),
      ownerCode: nullableText(f.properties.SQBM),
      ownerName: nullableText(f.properties.SQMC),
      slopeGrade: nullableText(f.properties.PDJB),
      // TKXS is the guidance's name; a package made from 三调 data may carry KCXS (扣除系数) instead.
      ridgeCoefficient: ridgeFraction(nullableNumber(f.properties.TKXS) ?? nullableNumber(f.properties.KCXS)),
      recordedArea: key && inputs?.baseAreaNotEntered.has(key) ? null : nullableNumber(f.properties.TBMJ),
      approvalNo: nullableText(f.properties.PZWH),
    });
  }
  const boundary = boundaryOnParcels(boundaryRows.kept, parcels, profile.coverageToleranceM);
  // The boundary snapped onto the parcels is no coarser than they are: its rounding is not named as theirs is.
  notes.push(...coarseCoordinatesNotes(boundary.snapped ? { ...layers, XZQ: undefined } : layers, profile.coverageToleranceM));
  if (boundary.snapped && layers.XZQ) notes.push({ key: 'package.boundarySnapped', params: { file: layers.XZQ.file, ...boundary.snapped } });
  const withoutRidge = features.filter((f) => f.layer === 'base' && isCultivatedLand(f.properties.classCode as LandClassCode) && f.properties.ridgeCoefficient === null).length;
  if (withoutRidge) notes.push({ key: 'package.ridgeNotEntered', params: { file: parcels.file, count: withoutRidge } });
  if (badCodes.length) return failure('package.unknownClass', { file: parcels.file, count: badCodes.length, list: badCodes.slice(0, MAX_LISTED).join('; ') });

  const targetUses = new TargetClasses(layers.TDGHDL?.features ?? []);
  const ghyt = layers.GHYT;
  const ghytPbf: PackageFeature[] = [];
  // Reserve areas come from their own layer when the package has it (exact outline and kind), else from GHYT's flag.
  const reserveLayer = layers.JBNTZBQ;
  /** Demolitions and new-builds without a sidecar entry: their households (a new-build's quota source) are not known. */
  const withoutInputs: string[] = [];
  if (ghyt) {
    const claimed = inputs ? claimPieces(ghyt, inputs.changes) : { byRow: new Map<PackageFeature, ChangeInputs>(), unmatched: [] };
    if (inputs && claimed.unmatched.length) notes.push({ key: 'package.inputs.unmatched', params: { file: inputs.file, count: claimed.unmatched.length, list: listSome(claimed.unmatched, MAX_LISTED) } });
    for (const { feature: f, entry, rows } of joinChangePieces(ghyt.features, claimed.byRow, profile.coverageToleranceM)) {
      // The sidecar's kind: a use change's first piece may carry the code of unchanged land (claimPieces).
      const use = entry?.layer ?? ghytUse(new ParsedRow(f));
      const cjjx = text(f.properties.CJJX).toUpperCase();
      const ghytdm = text(f.properties.GHYTDM).toUpperCase();
      const parcelNo = entry?.parcelNo || text(f.properties.YTDKBH) || String(f.recordNo);
      if ((use === 'demolition' || use === 'newBuild') && !entry) withoutInputs.push(parcelNo);
      if (use === 'demolition') {
        const restorationUse = entry?.restorationUse ?? targetUses.classUnder(f.geometry) ?? DEFAULT_CLASSES.demolition;
        add('demolition', ghyt, f, { parcelNo, linkage: cjjx, restorationUse, households: entry?.households ?? null, note: text(f.properties.BZ) });
      } else if (use === 'newBuild') {
        const landUse = ghytdm.replace(/^[GXN]/, '');
        add('newBuild', ghyt, f, { parcelNo, useCode: isLandClassCode(landUse) ? landUse : DEFAULT_CLASSES.newBuild, linkage: cjjx, households: entry?.households ?? null, quotaSource: entry?.quotaSource ?? defaultQuotaSource(cjjx), industryPurpose: entry?.industryPurpose ?? null, note: text(f.properties.BZ) });
        if (!isLandClassCode(landUse)) notes.push({ key: 'package.assumedUse', params: { file: ghyt.file, record: f.recordNo, code: ghytdm } });
      } else if (use === 'pbf') {
        ghytPbf.push(f);
      } else if (use === 'useChange') {
        const target = entry?.targetCode ?? (ghytdm === 'N112' ? (targetUses.classUnder(f.geometry) ?? DEFAULT_CLASSES.useChange) : (ghytdm.slice(1) as LandClassCode));
        add('useChange', ghyt, f, { parcelNo, targetCode: target, newFarmlandType: nullableText(f.properties.XZNTLX), note: text(f.properties.BZ) });
        // A piece on basic farmland is still basic farmland (G111/G112) where GHYT is where that is read from.
        ghytPbf.push(...rows.filter((row) => ghytUse(new ParsedRow(row)) === 'pbf'));
      }
      if (!reserveLayer && isFlagSet(f.properties.JBNTZBQ)) add('reserve', ghyt, f, { kind: 'nearPbf', note: text(f.properties.BZ) });
    }
    if (!reserveLayer && ghyt.features.some((f) => isFlagSet(f.properties.JBNTZBQ))) notes.push({ key: 'package.assumedReserveKind', params: { file: ghyt.file } });
  }
  if (withoutInputs.length) notes.push({ key: 'package.inputs.changesNotEntered', params: { count: withoutInputs.length, list: listSome(withoutInputs, MAX_LISTED) } });

  if (reserveLayer) {
    const kinds: readonly string[] = codesOf(RESERVE_KINDS);
    const bad: string[] = [];
    for (const f of reserveLayer.features) {
      const kind = text(f.properties.ZBQLX);
      if (!kinds.includes(kind)) bad.push(`#${f.recordNo} ZBQLX=${JSON.stringify(f.properties.ZBQLX ?? null)}`);
      add('reserve', reserveLayer, f, { kind: kinds.includes(kind) ? kind : 'nearPbf', note: text(f.properties.SM) });
    }
    if (bad.length) notes.push({ key: 'package.assumedReserveKind', params: { file: reserveLayer.file } });
  }
  const zoneLayer = (source: PackageLayer | undefined, layer: 'functionalZone' | 'consolidationZone', field: string) => {
    if (!source) return;
    const dictionary = layer === 'functionalZone' ? profile.functionalZoneTypes : profile.consolidationZoneTypes;
    const bad: string[] = [];
    for (const f of source.features) {
      const zoneType = text(f.properties[field]);
      if (!dictionary.some((e) => e.code === zoneType)) bad.push(`#${f.recordNo} ${field}=${JSON.stringify(f.properties[field] ?? null)}`);
      add(layer, source, f, { zoneType, note: text(f.properties.SM) });
    }
    unknownCodes(source, field, bad);
  };
  zoneLayer(layers.GNFQ, 'functionalZone', 'GNFQDM');
  zoneLayer(layers.ZZFQ, 'consolidationZone', 'ZZFQDM');
  const facilities = layers.SSNYD;
  if (facilities) {
    const types: readonly string[] = codesOf(FACILITY_TYPES);
    const bad: string[] = [];
    for (const f of facilities.features) {
      const type = text(f.properties.SSLX);
      if (!types.includes(type)) bad.push(`#${f.recordNo} SSLX=${JSON.stringify(f.properties.SSLX ?? null)}`);
      add('facility', facilities, f, { facilityType: type, projectArea: nullableNumber(f.properties.XMMJ), note: text(f.properties.SM) });
    }
    unknownCodes(facilities, 'SSLX', bad);
  }
  const redline = layers.STBHHX;
  if (redline) for (const f of redline.features) add('redline', redline, f, { name: text(f.properties.MC).slice(0, 60) });

  const pbfLayer = layers.JBNTBHTB;
  if (pbfLayer && hasPbfRows(layers)) {
    for (const f of pbfLayer.features) {
      const key = text(f.properties.BSM);
      add('pbf', pbfLayer, f, { pbfType: pbfTypeOfField(text(f.properties.JBNTLX).toUpperCase()), recordedArea: key && inputs?.pbfAreaNotEntered.has(key) ? null : nullableNumber(f.properties.TBMJ) });
    }
  } else if (ghyt) {
    for (const f of ghytPbf) add('pbf', ghyt, f, { pbfType: text(f.properties.GHYTDM).toUpperCase() as PbfType, recordedArea: null });
    if (pbfLayer && ghytPbf.length) notes.push({ key: 'package.pbfFromGhyt', params: { file: pbfLayer.file, ghyt: ghyt.file, count: ghytPbf.length } });
  }

  for (const [name, layer] of [['JSYDGZQ', 'controlZone'], ['XJGZQ', 'townshipZones']] as const) {
    const zones = layers[name];
    if (!zones) continue;
    const bad: string[] = [];
    for (const f of zones.features) {
      const spec = LAYER_FIELDS[layer].find((s) => s.key === 'zoneCode');
      const code = normaliseControlZoneCode(spec?.kind === 'code' ? codeWithZeros(f.properties.GZQLXDM, codesOf(spec.options(profile))) : text(f.properties.GZQLXDM));
      if (!spec || !validateFieldValue(spec, code, profile)) {
        bad.push(`#${f.recordNo} GZQLXDM=${JSON.stringify(f.properties.GZQLXDM ?? null)}`);
        continue;
      }
      add(layer, zones, f, layer === 'controlZone' ? { zoneCode: code, note: text(f.properties.SM) } : { zoneCode: code });
    }
    if (bad.length) return failure('package.unknownZone', { file: zones.file, count: bad.length, list: bad.slice(0, MAX_LISTED).join('; ') });
  }

  if (layers.XZQ && boundaryRows.kept.length > 0) {
    for (const f of boundary.rows) add('boundary', layers.XZQ, f, { villageCode: text(f.properties.XZQDM).slice(0, 12), villageName: text(f.properties.XZQMC).slice(0, 60) });
    if (boundaryRows.others.length > 0) {
      const others = boundaryRows.others.map((f) => `#${f.recordNo} ${text(f.properties.XZQDM)} ${text(f.properties.XZQMC)}`.trim());
      notes.push({ key: 'package.boundaryOtherVillages', params: { file: layers.XZQ.file, code: villageCode, count: others.length, list: listSome(others, MAX_LISTED) } });
    }
  } else {
    // Snapped first, as the pieces of a change are (joinChangePieces): a county's parcels share their
    // corners only to ±0.3 mm, and a plain union kept every hair-thin gap between them as a hole in the
    // boundary, or cut parcels off as separate parts where gaps met.
    const bases = features.filter((f) => f.layer === 'base') as { geometry: AreaGeometry }[];
    const merged = union(snapCoverage(bases, { toleranceM: profile.coverageToleranceM }).features.map((f) => f.geometry));
    if (!merged.ok) return failure('package.boundaryFailed', { file: parcels.file, detail: merged.error });
    if (merged.value) {
      features.push({ id: asFeatureId('XZQ-from-JQDLTB'), layer: 'boundary', geometry: merged.value, properties: { villageCode: villageCode.slice(0, 12), villageName: villageName.slice(0, 60) } });
      notes.push({ key: 'package.boundaryFromParcels', params: { file: parcels.file } });
    }
  }

  let meta: Partial<Plan['meta']> = { villageName, villageCode, profileId: chosenProfile };
  if (inputs) {
    const { justifications, unmatched } = rebuiltJustifications(inputs, (ref) => byRef.get(ref));
    meta = { ...inputs.meta, ...meta, justifications };
    if (unmatched) notes.push({ key: 'package.inputs.justificationsUnmatched', params: { file: inputs.file, count: unmatched } });
    notes.push({ key: 'package.inputs.read', params: { file: inputs.file, justifications: Object.keys(justifications).length } });
  }
  // The layer records built directly: applyPatch would also collect an undo step for every feature.
  const empty = emptyPlan(meta);
  const records = new Map<LayerId, Record<FeatureId, PlanFeature>>();
  for (const f of features) {
    let record = records.get(f.layer);
    if (!record) records.set(f.layer, (record = { ...(empty.layers[f.layer] as Record<FeatureId, PlanFeature>) }));
    record[f.id] = f;
  }
  const plan: Plan = { ...empty, layers: { ...empty.layers, ...Object.fromEntries(records) } };
  for (const { rows, ...params } of cut.values()) notes.push({ key: 'package.textCut', params: { ...params, count: rows.length, list: listSome(rows, MAX_LISTED) } });
  for (const { rows, ...params } of unknownOptional.values()) notes.push({ key: 'package.unknownCodeEmpty', params: { ...params, count: rows.length, list: listSome(rows, MAX_LISTED) } });
  return { ok: true, value: { plan, bsm, refs }, notes };
}

/**
 * The GHYT rows each sidecar change claims (its pieces, by BSM), checked against the rows: every piece must
 * be a row of the change's kind whose YTDKBH is the change's number (or its start: a Shapefile cuts it at
 * 12 characters). A change that does not fit is left out and named; its rows are read as without a
 * sidecar. Rows the reader left out (rows-used.ts) are never claimed.
 */
function claimPieces(ghyt: PackageLayer, changes: readonly ChangeInputs[]): { readonly byRow: Map<PackageFeature, ChangeInputs>; readonly unmatched: string[] } {
  const rowOf = new Map<string, PackageFeature>();
  for (const f of ghyt.features) {
    const key = text(f.properties.BSM);
    if (key && !rowOf.has(key)) rowOf.set(key, f);
  }
  const byRow = new Map<PackageFeature, ChangeInputs>();
  const unmatched: string[] = [];
  for (const change of changes) {
    const rows = change.pieces.map((ref) => rowOf.get(ref.slice(ref.indexOf('#') + 1)));
    const fits = rows.every((row) => {
      if (!row || byRow.has(row)) return false;
      const number = text(row.properties.YTDKBH);
      return pieceOf(ghytUse(new ParsedRow(row)), change.layer) && (number === '' || change.parcelNo.startsWith(number));
    });
    if (!fits) {
      unmatched.push(`${change.ref} ${change.parcelNo}`.trim());
      continue;
    }
    for (const row of rows as PackageFeature[]) byRow.set(row, change);
  }
  return { byRow, unmatched };
}

/**
 * Whether a GHYT row of this use can be a piece of a change of that kind. A demolition's or new-build's
 * pieces carry its CJJX. A use change's pieces carry the code of what each piece becomes, which on land
 * already of the target class is the code of unchanged land (N111, X…) or, on basic farmland, G111/G112:
 * any row without CJJX.
 */
function pieceOf(use: GhytUse, layer: ChangeInputs['layer']): boolean {
  return layer === 'useChange' ? use !== 'demolition' && use !== 'newBuild' : use === layer;
}

/**
 * GHYT holds the derived pieces: a demolition or new-build that spans several base parcels is one row per
 * piece, all with the change's number (YTDKBH) and CJJX. Rows of one change are joined back into one
 * feature (the row with the lowest BSM stands for it), so a package written by the editor
 * reopens with the changes the planner drew. Rows the sidecar names as the pieces of one change are joined
 * as it says (use changes too, which have no CJJX to join them by); other rows without a number stay one
 * change each. Another tool's pieces were cut from parcels that do not share vertices exactly: they are
 * snapped to each other within the coverage tolerance before the union, which would otherwise keep their
 * sub-millimetre seam as a notch in the change's outline (a demolition's perimeter went from 89 to 115 m,
 * the seam counted twice), or two polygons where the pieces are apart.
 */
function joinChangePieces(
  rows: readonly PackageFeature[],
  claimed: ReadonlyMap<PackageFeature, ChangeInputs>,
  toleranceM: number,
): { readonly feature: PackageFeature; readonly entry: ChangeInputs | undefined; readonly rows: readonly PackageFeature[] }[] {
  const groups = new Map<string, PackageFeature[]>();
  const out: (PackageFeature | string)[] = [];
  for (const f of rows) {
    const entry = claimed.get(f);
    const key = entry ? `inputs|${entry.ref}` : changeKey(new ParsedRow(f));
    if (!key) {
      out.push(f);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(f);
    else {
      groups.set(key, [f]);
      out.push(key);
    }
  }
  return out.flatMap((item) => {
    if (typeof item !== 'string') return [{ feature: item, entry: claimed.get(item), rows: [item] }];
    // In BSM order: the piece that names the change (its ref, GHYT#BSM, in reports) and the snapping must
    // not depend on the order another tool wrote the rows in.
    const group = (groups.get(item) as PackageFeature[]).sort((a, b) => bsmOrder(a) - bsmOrder(b));
    const first = group[0] as PackageFeature;
    const entry = claimed.get(first);
    if (group.length === 1) return [{ feature: first, entry, rows: group }];
    const joined = union(snapCoverage(group, { toleranceM }).features.map((g) => g.geometry));
    // A union that fails (broken pieces) keeps the pieces as separate changes rather than losing any; the
    // sidecar's values then go to the first only, so households are not counted twice.
    return joined.ok && joined.value ? [{ feature: { ...first, geometry: joined.value }, entry, rows: group }] : group.map((g, k) => ({ feature: g, entry: k === 0 ? entry : undefined, rows: [g] }));
  });
}

/** A row's BSM as a number to order pieces by; rows without one keep their order, after the rest. */
function bsmOrder(row: PackageFeature): number {
  const value = Number(text(row.properties.BSM));
  return text(row.properties.BSM) !== '' && Number.isFinite(value) ? value : Infinity;
}

/**
 * A new-build's quota source when the package does not say (no sidecar): E2 (拟新增) is the linkage's new
 * build, as CJJX says; E1 (虚拟新增) is not on the linkage ledger, and is read as the township's quota,
 * which no rule exempts and which is compared only through the township's totals (not checked without
 * them). Any other choice would make an error (E1 on linkage) or an exemption (reserve) out of a guess.
 */
function defaultQuotaSource(cjjx: string): 'linkage' | 'township' {
  return cjjx === 'E1' ? 'township' : 'linkage';
}

/**
 * A note for each layer whose coordinates were rounded more coarsely than the coverage tolerance can tell
 * apart (coordinate-grid.ts), suggesting the tolerance that rounding needs; the profile is not changed for
 * the planner: the tolerance is the plan's (and the province's) to set. At a T-junction the vertex and
 * both ends of the edge it lies on are rounded, each by up to `roundingM`, so the two can part by twice
 * that: on GDAL's 7-decimal GeoJSON a tolerance of the rounding alone (0.01 m) still left 36 false gaps and
 * overlaps (besides the 4 planted) on a 500-parcel village, twice it (0.02 m) none.
 * Every layer is looked at, not only JQDLTB: a village boundary (XZQ) or GHYT from another tool at 7
 * decimals beside full-precision parcels gave 31 false gaps along the boundary, or changes 0.04–0.06 m²
 * outside their zone, with nothing said; GK kept to the millimetre (CCTool, GDAL's COORDINATE_PRECISION=3)
 * gave 30 false gaps and overlaps at 1 mm, none at the suggested 2 mm. A layer no coarser than one already
 * named is not named again.
 */
function coarseCoordinatesNotes(layers: PackageLayers, toleranceM: number): Message[] {
  const notes: Message[] = [];
  let saidM = toleranceM;
  for (const name of PACKAGE_LAYER_NAMES) {
    const layer = layers[name];
    const grid = layer ? coordinateGrid(layer.features.map((f) => f.geometry)) : null;
    const partingM = grid ? gridPartingM(grid) : 0;
    if (!layer || !grid || partingM <= saidM) continue;
    saidM = partingM;
    const suggested = toleranceForGrid(grid);
    // To a tenth of a millimetre: GK kept to the millimetre rounds by 0.7 mm and parts by 1.4 mm, not "1 and 1".
    const mm = (m: number) => Math.round(m * 10_000) / 10;
    const params = { file: layer.file, roundingMm: mm(grid.roundingM), partingMm: mm(partingM), toleranceM, suggestedM: suggested };
    notes.push(
      grid.kind === 'lonLat'
        ? { key: 'package.coarseCoordinates.lonLat', params: { ...params, decimals: Math.round(-Math.log10(grid.step)) } }
        : { key: 'package.coarseCoordinates.gk', params: { ...params, stepM: grid.step } },
    );
  }
  return notes;
}

/**
 * The XZQ rows, snapped onto the base parcels where the XZQ is rounded more coarsely than they are and than
 * the coverage tolerance (an XZQ exported at 7 decimals beside parcels at full precision): within what its
 * rounding can part two copies of a vertex (coordinate-grid.ts), its vertices go onto the parcels' vertices
 * or edges and the parcels' corners on its edges are inserted (coverage-snap.ts, the parcels never moved).
 * Otherwise every corner along the boundary left a sliver of up to 8 mm: false gaps at the survey's 1 mm, or,
 * with the tolerance widened to 2 cm as the note on coarse coordinates suggests, every gap and overlap up to
 * 2 cm inside the village passing unseen.
 */
function boundaryOnParcels(rows: readonly PackageFeature[], parcels: PackageLayer, toleranceM: number): { readonly rows: readonly PackageFeature[]; readonly snapped: { readonly roundingMm: number; readonly shiftMm: number } | null } {
  const grid = coordinateGrid(rows.map((f) => f.geometry));
  const parcelsGrid = coordinateGrid(parcels.features.map((f) => f.geometry));
  if (!grid || gridPartingM(grid) <= Math.max(toleranceM, parcelsGrid ? gridPartingM(parcelsGrid) : 0)) return { rows, snapped: null };
  const snap = snapCoverage(rows, { reference: parcels.features.map((f) => f.geometry), toleranceM: toleranceForGrid(grid), ontoReferenceEdges: true });
  const mm = (m: number) => Math.round(m * 10_000) / 10;
  return { rows: snap.features, snapped: { roundingMm: mm(grid.roundingM), shiftMm: mm(snap.report.maxShiftM) } };
}

const XZQDM_LENGTH = 12;

/**
 * The XZQ rows of this village, and those of others: an XZQ cut from the township's layer often keeps a
 * neighbour or two, which taken as this village's boundary named the report after the neighbour, set the
 * planner's own inputs aside as another village's and reported the neighbour as a gap. This village is the
 * code most base parcels carry (XZQDM, else the first 12 digits of ZLDWDM); the rows of other codes are set
 * aside when a row has it. Without such a code, or with no row of it, every row is the boundary, as before.
 */
function villageBoundaryRows(xzq: PackageLayer | undefined, parcels: PackageLayer): { readonly kept: readonly PackageFeature[]; readonly others: readonly PackageFeature[] } {
  const rows = xzq?.features ?? [];
  const codeOf = (f: PackageFeature) => text(f.properties.XZQDM).slice(0, XZQDM_LENGTH);
  const parcelsCode = majority(parcels.features.map((parcel) => (text(parcel.properties.XZQDM) || text(parcel.properties.ZLDWDM)).slice(0, XZQDM_LENGTH) || null));
  const kept = parcelsCode === null ? [] : rows.filter((f) => codeOf(f) === parcelsCode);
  if (kept.length === 0) return { kept: rows, others: [] };
  return { kept, others: rows.filter((f) => codeOf(f) !== parcelsCode) };
}

