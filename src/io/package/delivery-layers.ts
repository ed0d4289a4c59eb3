/**
 * A plan as the layers of the provincial delivery package (domain.md §4), ready for the Shapefile and
 * GeoJSON writers: the package layers of write-package.ts (the same codes and areas the checker reads)
 * completed with the fields only a deliverable carries (names, net areas, 规划期限), the reference layers
 * STBHHX (red line) and XJGZQ (the township's control zones), plus our own layers GNFQ, ZZFQ, JBNTZBQ,
 * SSNYD (facility farmland) and GSYJ. Layers the plan has no features for are left out.
 *
 * BSM is the feature's 1-based place in its layer (for GHYT/TDGHDL: base parcels in plan order, then each
 * parcel's pieces in derivation order). The plan keeps its layers in insertion order, in files and in
 * drafts, so the same plan exported twice, or saved and reopened, gives every feature the same BSM.
 */
import type { Feature } from 'geojson';
import { villageTime } from '../../domain/calendar.ts';
import type { CodeEntry } from '../../domain/code-entry.ts';
import { FACILITY_TYPES, RESERVE_KINDS } from '../../profiles/zhejiang-2017/codes.ts';
import { isLandClassCode, landClass } from '../../profiles/zhejiang-2017/land-classes.ts';
import { findFeature, layerFeatures } from '../../domain/plan.ts';
import type { CheckState } from '../../rules/context.ts';
import type { Translate } from '../../rules/render.ts';
import type { AreaOrPoint, ExportLayer, ExportValue } from '../formats/types.ts';
import { DELIVERY_FIELDS, type DeliveryLayerName } from './delivery-fields.ts';
import { packageLayers } from './write-package.ts';

type State = Pick<CheckState, 'plan' | 'derived' | 'area' | 'profile'>;
type Values = Record<string, ExportValue>;

const m2 = (v: number) => Math.round(v * 100) / 100;

/** GHYTMC: the zj-qc names (`新增宅基地` for G2121, `一般农田` for N111…), built from the class names. */
export function ghytName(code: string): string {
  const fixed: Readonly<Record<string, string>> = { G111: '示范区基本农田', G112: '一般基本农田', N111: '一般农田', N112: '新增一般农田' };
  if (fixed[code]) return fixed[code];
  const use = code.slice(1);
  if (!isLandClassCode(use)) return '';
  return code.startsWith('G') ? `新增${landClass(use).zh}` : landClass(use).zh;
}

function nameOf(list: readonly CodeEntry[], code: string): string {
  return list.find((e) => e.code === code)?.zh ?? code;
}

function layer(name: DeliveryLayerName, features: readonly { geometry: AreaOrPoint | null; properties: Values }[], geometryType: ExportLayer['geometryType'] = 'polygon'): ExportLayer {
  return { name, geometryType, fields: DELIVERY_FIELDS[name], features };
}

function fromCollection(features: readonly Feature[], extra: (props: Values, i: number) => Values): { geometry: AreaOrPoint | null; properties: Values }[] {
  return features.map((f, i) => {
    const props = (f.properties ?? {}) as Values;
    return { geometry: f.geometry as AreaOrPoint, properties: { ...props, ...extra(props, i) } };
  });
}

/** `t` names codes in the package's language (the province reads Chinese: callers pass the zh translator). */
export function deliveryLayers(state: State, t: Translate): ExportLayer[] {
  const { plan } = state;
  const xzqdm = plan.meta.villageCode;
  // 规划期限 as a date field: the last day of the target year.
  const hqrq = `${plan.meta.targetYear}1231`;
  const pkg = packageLayers(state);
  const bases = layerFeatures(plan, 'base');
  const pieces = bases.flatMap((base) => state.derived.piecesOf(base.id).map((piece) => ({ piece, base })));

  const jqdltb = fromCollection(pkg.JQDLTB.features, (props, i) => {
    const base = bases[i]!.properties;
    const tbmj = typeof props.TBMJ === 'number' ? props.TBMJ : 0;
    const kksm = base.ridgeCoefficient === null ? null : m2(tbmj * base.ridgeCoefficient);
    return { DLMC: landClass(base.classCode).zh, KKSM: kksm, TBDLMJ: m2(tbmj - (kksm ?? 0)), HQRQ: hqrq };
  });
  const ghyt = fromCollection(pkg.GHYT.features, (props, i) => {
    const { piece, base } = pieces[i]!;
    const change = piece.change ? findFeature(plan, piece.change.id) : undefined;
    const changeProps = (change?.properties ?? {}) as { note?: string; newFarmlandType?: string | null };
    return {
      GHYTMC: ghytName(String(props.GHYTDM ?? '')),
      JNLX: piece.pbf === 'G111' ? '1' : piece.pbf === 'G112' ? '2' : null,
      JBNTZBQ: piece.reserve ? '1' : null,
      BZ: changeProps.note || null,
      XZNTLX: changeProps.newFarmlandType ?? null,
      PZWH: base.properties.approvalNo,
      HQRQ: hqrq,
    };
  });
  const tdghdl = fromCollection(pkg.TDGHDL.features, (_props, i) => {
    const base = pieces[i]!.base.properties;
    return { TBBH: base.parcelNo, SQBM: base.ownerCode, SQMC: base.ownerName, QSXZ: base.tenure, HQRQ: hqrq };
  });
  const zones = (source: 'functionalZone' | 'consolidationZone', code: string, nameField: string, dictionary: readonly CodeEntry[]) =>
    layerFeatures(plan, source).map((z, i) => ({ geometry: z.geometry, properties: { BSM: i + 1, [code]: z.properties.zoneType, [nameField]: nameOf(dictionary, z.properties.zoneType), MJ: m2(state.area(z)), SM: z.properties.note, XZQDM: xzqdm } }));

  const layers: ExportLayer[] = [
    layer('XZQ', fromCollection(pkg.XZQ.features, () => ({}))),
    layer('JQDLTB', jqdltb),
    layer('GHYT', ghyt),
    layer('TDGHDL', tdghdl),
    layer('JSYDGZQ', fromCollection(pkg.JSYDGZQ.features, () => ({}))),
    layer('JBNTBHTB', fromCollection(pkg.JBNTBHTB.features, () => ({}))),
    layer('STBHHX', layerFeatures(plan, 'redline').map((r, i) => ({ geometry: r.geometry, properties: { BSM: i + 1, MC: r.properties.name, MJ: m2(state.area(r)) } }))),
    layer('XJGZQ', layerFeatures(plan, 'townshipZones').map((z, i) => ({ geometry: z.geometry, properties: { BSM: i + 1, GZQLXDM: z.properties.zoneCode, GZQMJ: m2(state.area(z)) } }))),
    layer('GNFQ', zones('functionalZone', 'GNFQDM', 'GNFQMC', state.profile.functionalZoneTypes)),
    layer('ZZFQ', zones('consolidationZone', 'ZZFQDM', 'ZZFQMC', state.profile.consolidationZoneTypes)),
    layer(
      'JBNTZBQ',
      layerFeatures(plan, 'reserve').map((r, i) => ({ geometry: r.geometry, properties: { BSM: i + 1, ZBQLX: r.properties.kind, ZBQLXMC: nameOf(RESERVE_KINDS, r.properties.kind), MJ: m2(state.area(r)), SM: r.properties.note, XZQDM: xzqdm } })),
    ),
    layer(
      'SSNYD',
      layerFeatures(plan, 'facility').map((f, i) => ({ geometry: f.geometry, properties: { BSM: i + 1, SSLX: f.properties.facilityType, SSLXMC: nameOf(FACILITY_TYPES, f.properties.facilityType), XMMJ: f.properties.projectArea, MJ: m2(state.area(f)), SM: f.properties.note, XZQDM: xzqdm } })),
    ),
    layer(
      'GSYJ',
      layerFeatures(plan, 'feedback').map((f, i) => ({
        geometry: f.geometry,
        properties: { BSM: i + 1, YJNR: f.properties.comment, TJR: f.properties.author, TJSJ: villageTime(f.properties.createdAt), CLZT: t(`notice.status.${f.properties.status}`), DFYJ: f.properties.answer },
      })),
      'point',
    ),
  ];
  return layers.filter((l) => l.features.length > 0);
}
