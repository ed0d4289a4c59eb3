/**
 * A plan as the GeoJSON layers of a delivery package (domain.md §4 field names): JQDLTB from the base
 * parcels, GHYT and TDGHDL from the derived pieces, JSYDGZQ, XZQ and JBNTBHTB from their layers. The
 * reverse of reconstruct.ts, and what a reviewer's checker reads. Areas are ellipsoidal m² to 0.01.
 *
 * A piece's MJ / GHDLMJ is the area of the polygon written beside it, not the piece's share of its parcel
 * (`Piece.areaM2`, which withWholeArea scales so a parcel's pieces add up to it: the overlay drops sub-mm
 * slivers along every cut of a jittered parcel). The province's area check (zj-qc AreaRule) and a county
 * reviewer compare each feature's field with that feature's own shape; a figure carrying a share of a
 * sliver the polygon does not hold is off by up to ~0.02 m², beyond its 0.01 rounding, and reads as an
 * error in the file. The difference is the slivers' area, under 0.05 m² a parcel (pieces.ts SLIVERS_M2):
 * the tables, computed from the pieces' shares, still agree with the sums of these fields to far inside
 * their 0.01 公顷 (domain.md §5), and their own totals balance by the rounding rule stated there.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { landClass } from '../../profiles/zhejiang-2017/land-classes.ts';
import { layerFeatures } from '../../domain/plan.ts';
import type { CheckState } from '../../rules/context.ts';
import type { PackageLayerName } from './package-layers.ts';

type Row = Record<string, string | number | null>;
const m2 = (v: number) => Math.round(v * 100) / 100;

function collection(rows: readonly { geometry: Polygon | MultiPolygon; properties: Row }[]): FeatureCollection {
  return { type: 'FeatureCollection', features: rows.map((r): Feature => ({ type: 'Feature', geometry: r.geometry, properties: r.properties })) };
}

/** The provincial layers; our own (GNFQ, SSNYD…) are written by delivery-layers.ts. */
export type ProvincialLayerName = Extract<PackageLayerName, 'XZQ' | 'JQDLTB' | 'GHYT' | 'TDGHDL' | 'JSYDGZQ' | 'JBNTBHTB'>;

export function packageLayers(state: Pick<CheckState, 'plan' | 'derived' | 'area'>): Record<ProvincialLayerName, FeatureCollection> {
  const { plan } = state;
  const xzqdm = plan.meta.villageCode;
  const xzqmc = plan.meta.villageName;
  const bases = layerFeatures(plan, 'base');
  // Each piece's own polygon area (see above), measured once for GHYT and TDGHDL.
  const pieces = bases.flatMap((b) => state.derived.piecesOf(b.id).map((piece) => ({ piece, base: b, area: m2(state.area(piece)) })));
  const changeNo = new Map<string, string>();
  for (const layer of ['demolition', 'newBuild', 'useChange'] as const) for (const f of layerFeatures(plan, layer)) changeNo.set(f.id, f.properties.parcelNo);
  return {
    XZQ: collection(layerFeatures(plan, 'boundary').map((f) => ({ geometry: f.geometry, properties: { XZQDM: f.properties.villageCode || xzqdm, XZQMC: f.properties.villageName || xzqmc } }))),
    JQDLTB: collection(
      bases.map((b, i) => {
        const p = b.properties;
        return {
          geometry: b.geometry,
          properties: { BSM: i + 1, YSDM: '2003010100', TBBH: p.parcelNo, XZQDM: xzqdm, XZQMC: xzqmc, DLDM: p.classCode, DLMC: landClass(p.classCode).zh, TBMJ: p.recordedArea ?? m2(state.area(b)), DLBZ: p.landNote, SQBM: p.ownerCode, SQMC: p.ownerName, QSXZ: p.tenure, PDJB: p.slopeGrade, TKXS: p.ridgeCoefficient, PZWH: p.approvalNo },
        };
      }),
    ),
    GHYT: collection(
      pieces.map(({ piece, base, area }, i) => {
        const ridge = base.properties.ridgeCoefficient ?? 0;
        return {
          geometry: piece.geometry,
          properties: { BSM: i + 1, YSDM: '2003020710', XZQDM: xzqdm, XZQMC: xzqmc, YTDKBH: piece.change ? (changeNo.get(piece.change.id) ?? '') : base.properties.parcelNo, GHYTDM: piece.ghytdm, GHYTBM: piece.ghytbm, MJ: area, JMJ: m2(area * (1 - ridge)), CJJX: piece.cjjx, JBNTZBQ: piece.reserve ? 1 : 0, JNLX: piece.pbf },
        };
      }),
    ),
    TDGHDL: collection(pieces.map(({ piece, area }, i) => ({ geometry: piece.geometry, properties: { BSM: i + 1, YSDM: '2003020210', GHDLDM: piece.targetClass, GHDLMC: landClass(piece.targetClass).zh, GHDLMJ: area, XZQDM: xzqdm, XZQMC: xzqmc } }))),
    JSYDGZQ: collection(layerFeatures(plan, 'controlZone').map((z, i) => ({ geometry: z.geometry, properties: { BSM: i + 1, YSDM: '2003020420', GZQLXDM: z.properties.zoneCode, GZQMJ: m2(state.area(z)), SM: z.properties.note, XZQDM: xzqdm } }))),
    JBNTBHTB: collection(layerFeatures(plan, 'pbf').map((f, i) => ({ geometry: f.geometry, properties: { BSM: i + 1, JBNTLX: f.properties.pbfType, TBMJ: f.properties.recordedArea ?? m2(state.area(f)) } }))),
  };
}
