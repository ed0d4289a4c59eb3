/**
 * A Plan rebuilt from the layers of a delivery package (domain.md §4), so the rules can check a package as
 * they check a plan drawn in the editor:
 * - JQDLTB → base parcels (DLDM must be a planning class code of domain.md §3.1);
 * - GHYT rows with CJJX C1/C2 → demolition parcels, their restoration use read from TDGHDL under them;
 *   E1/E2 → new-build parcels (use = GHYTDM without its prefix); G111/G112 → permanent basic farmland when
 *   the package has no JBNTBHTB; other G…/N112 rows → use changes; JBNTZBQ flag → reserve areas;
 * - JSYDGZQ → control zones (021 read as 020); XZQ → the village boundary, else the union of JQDLTB;
 * - JBNTBHTB → permanent basic farmland (the township's delineation).
 * Fields the package does not carry (households, quota source, population) stay unset, and the rules
 * that need them say "not checked". Unknown codes are refused with the file and records named.
 */
import { normaliseControlZoneCode, type PbfType } from '../../domain/codes.ts';
import type { AreaGeometry, PlanFeature } from '../../domain/features.ts';
import { defaultProperties, LAYER_FIELDS, validateFieldValue, type FieldSpec } from '../../domain/fields.ts';
import { asFeatureId, type FeatureId } from '../../domain/ids.ts';
import { isLandClassCode, type LandClassCode } from '../../domain/land-classes.ts';
import type { LayerId } from '../../domain/layers.ts';
import type { Message, Result } from '../../domain/message.ts';
import { emptyPlan, type Plan } from '../../domain/plan.ts';
import { resolveProfile } from '../../domain/profile.ts';
import { union } from '../../geo/overlay.ts';
import type { FieldValue, PackageFeature, PackageLayer, PackageLayers } from './package-layers.ts';
import { isFlagSet, nullableNumber, nullableText, text } from './package-values.ts';
import { changeKey, ghytUse, ParsedRow } from './rows-used.ts';
import { TargetClasses } from './target-class.ts';

const MAX_LISTED = 5;

export interface ReconstructedPlan {
  readonly plan: Plan;
  /** BSM 标识码 of each feature that had one, so reports can name features as the package does. */
  readonly bsm: Readonly<Record<FeatureId, string>>;
}

export function reconstructPlan(layers: PackageLayers, profileId = 'zhejiang-2017'): Result<ReconstructedPlan> {
  const parcels = layers.JQDLTB;
  if (!parcels || parcels.features.length === 0) return fail('package.noParcels', {});
  const profile = resolveProfile(profileId, {});
  const notes: Message[] = [];
  const features: PlanFeature[] = [];
  const badCodes: string[] = [];
  const bsm: Record<FeatureId, string> = {};
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
      const value = properties[spec.key];
      if (value !== undefined && valid(spec, value)) merged[spec.key] = value;
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
    features.push({ id, layer, geometry: f.geometry, properties: merged } as unknown as PlanFeature);
  };

  for (const f of parcels.features) {
    const code = text(f.properties.DLDM);
    if (!isLandClassCode(code)) {
      badCodes.push(`#${f.recordNo} DLDM=${JSON.stringify(f.properties.DLDM ?? null)}`);
      continue;
    }
    add('base', parcels, f, {
      parcelNo: text(f.properties.TBBH) || String(f.recordNo),
      classCode: code,
      surveyCode: null,
      landNote: nullableText(f.properties.DLBZ),
      tenure: nullableText(f.properties.QSXZ),
      ownerCode: nullableText(f.properties.SQBM),
      ownerName: nullableText(f.properties.SQMC),
      slopeGrade: nullableText(f.properties.PDJB),
      ridgeCoefficient: nullableNumber(f.properties.TKXS),
      recordedArea: nullableNumber(f.properties.TBMJ),
      approvalNo: nullableText(f.properties.PZWH),
    });
  }
  if (badCodes.length) return fail('package.unknownClass', { file: parcels.file, count: badCodes.length, list: badCodes.slice(0, MAX_LISTED).join('; ') });

  const targetUses = new TargetClasses(layers.TDGHDL?.features ?? []);
  const ghyt = layers.GHYT;
  const ghytPbf: PackageFeature[] = [];
  if (ghyt) {
    for (const f of joinChangePieces(ghyt.features)) {
      const use = ghytUse(new ParsedRow(f));
      const cjjx = text(f.properties.CJJX).toUpperCase();
      const ghytdm = text(f.properties.GHYTDM).toUpperCase();
      const parcelNo = text(f.properties.YTDKBH) || String(f.recordNo);
      if (use === 'demolition') {
        add('demolition', ghyt, f, { parcelNo, linkage: cjjx, restorationUse: targetUses.classUnder(f.geometry) ?? '111', households: 0, note: text(f.properties.BZ) });
      } else if (use === 'newBuild') {
        const landUse = ghytdm.replace(/^[GXN]/, '');
        add('newBuild', ghyt, f, { parcelNo, useCode: isLandClassCode(landUse) ? landUse : '2121', linkage: cjjx, households: 0, quotaSource: 'linkage', industryPurpose: null, note: text(f.properties.BZ) });
        if (!isLandClassCode(landUse)) notes.push({ key: 'package.assumedUse', params: { file: ghyt.file, record: f.recordNo, code: ghytdm } });
      } else if (use === 'pbf') {
        ghytPbf.push(f);
      } else if (use === 'useChange') {
        const target = ghytdm === 'N112' ? targetUses.classUnder(f.geometry) ?? '111' : (ghytdm.slice(1) as LandClassCode);
        add('useChange', ghyt, f, { parcelNo, targetCode: target, newFarmlandType: nullableText(f.properties.XZNTLX), note: text(f.properties.BZ) });
      }
      if (isFlagSet(f.properties.JBNTZBQ)) add('reserve', ghyt, f, { kind: 'nearPbf', note: text(f.properties.BZ) });
    }
    if (ghyt.features.some((f) => isFlagSet(f.properties.JBNTZBQ))) notes.push({ key: 'package.assumedReserveKind', params: { file: ghyt.file } });
  }

  const pbfLayer = layers.JBNTBHTB;
  if (pbfLayer) {
    for (const f of pbfLayer.features) add('pbf', pbfLayer, f, { pbfType: pbfTypeOf(f.properties.JBNTLX), recordedArea: nullableNumber(f.properties.TBMJ) });
  } else if (ghyt) {
    for (const f of ghytPbf) add('pbf', ghyt, f, { pbfType: text(f.properties.GHYTDM).toUpperCase() as PbfType, recordedArea: null });
  }

  if (layers.JSYDGZQ) {
    const zones = layers.JSYDGZQ;
    const bad: string[] = [];
    for (const f of zones.features) {
      const code = normaliseControlZoneCode(text(f.properties.GZQLXDM));
      const spec = LAYER_FIELDS.controlZone.find((s) => s.key === 'zoneCode');
      if (!spec || !validateFieldValue(spec, code, profile)) {
        bad.push(`#${f.recordNo} GZQLXDM=${JSON.stringify(f.properties.GZQLXDM ?? null)}`);
        continue;
      }
      add('controlZone', zones, f, { zoneCode: code, note: text(f.properties.SM) });
    }
    if (bad.length) return fail('package.unknownZone', { file: zones.file, count: bad.length, list: bad.slice(0, MAX_LISTED).join('; ') });
  }

  const village = layers.XZQ?.features[0];
  const villageCode = text(village?.properties.XZQDM) || text(parcels.features[0]?.properties.XZQDM);
  const villageName = text(village?.properties.XZQMC) || text(parcels.features[0]?.properties.XZQMC);
  if (layers.XZQ && layers.XZQ.features.length > 0) {
    for (const f of layers.XZQ.features) add('boundary', layers.XZQ, f, { villageCode: text(f.properties.XZQDM).slice(0, 12), villageName: text(f.properties.XZQMC).slice(0, 60) });
  } else {
    const merged = union(features.filter((f) => f.layer === 'base').map((f) => f.geometry as AreaGeometry));
    if (!merged.ok) return fail('package.boundaryFailed', { file: parcels.file, detail: merged.error });
    if (merged.value) {
      features.push({ id: asFeatureId('XZQ-from-JQDLTB'), layer: 'boundary', geometry: merged.value, properties: { villageCode: villageCode.slice(0, 12), villageName: villageName.slice(0, 60) } });
      notes.push({ key: 'package.boundaryFromParcels', params: { file: parcels.file } });
    }
  }

  // The layer records built directly: applyPatch would also collect an undo step for every feature.
  const empty = emptyPlan({ villageName, villageCode, profileId });
  const records = new Map<LayerId, Record<FeatureId, PlanFeature>>();
  for (const f of features) {
    let record = records.get(f.layer);
    if (!record) records.set(f.layer, (record = { ...(empty.layers[f.layer] as Record<FeatureId, PlanFeature>) }));
    record[f.id] = f;
  }
  const plan: Plan = { ...empty, layers: { ...empty.layers, ...Object.fromEntries(records) } };
  return { ok: true, value: { plan, bsm }, notes };
}

/**
 * GHYT holds the derived pieces: a demolition or new-build that spans several base parcels is one row per
 * piece, all with the change's number (YTDKBH) and CJJX. Rows of one change are joined back into one
 * feature (the first row's record number and BSM stand for it), so a package written by the editor
 * reopens with the changes the planner drew. Rows without a number stay one change each.
 */
function joinChangePieces(rows: readonly PackageFeature[]): PackageFeature[] {
  const groups = new Map<string, PackageFeature[]>();
  const out: (PackageFeature | string)[] = [];
  for (const f of rows) {
    const key = changeKey(new ParsedRow(f));
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
  return out.flatMap((entry) => {
    if (typeof entry !== 'string') return [entry];
    const group = groups.get(entry) as PackageFeature[];
    const first = group[0] as PackageFeature;
    if (group.length === 1) return [first];
    const joined = union(group.map((g) => g.geometry));
    // A union that fails (broken pieces) keeps the pieces as separate changes rather than losing any.
    return joined.ok && joined.value ? [{ ...first, geometry: joined.value }] : group;
  });
}

function pbfTypeOf(value: FieldValue | undefined): PbfType {
  const v = text(value).toUpperCase();
  return v === 'G111' || v === '111' || v === '1' ? 'G111' : 'G112';
}

function fail<T>(key: string, params: Record<string, string | number>): Result<T> {
  return { ok: false, error: { key, params } };
}
