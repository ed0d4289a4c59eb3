/**
 * The plan as a CAD drawing for AutoCAD, CASS and GDAL: DXF R2004 (AC1018; the structure of R2000 with
 * true colours), text in GBK under `$DWGCODEPAGE ANSI_936` as Chinese AutoCAD writes it (characters outside
 * GBK as `\U+XXXX`), coordinates in the CGCS2000 3° Gauss-Krüger zone of the plan with the zone prefix,
 * metres. One CAD layer per plan layer and class (`基期地类图斑_111_水田`, `建新地块_2121_宅基地`,
 * `建设用地管制区_010_允许建设区`…) in the palette's colour; every ring a closed polyline; base parcels and
 * change parcels also a solid hatch in their class colour; parcel numbers as texts on `<layer>_注记`;
 * place names as texts. Public feedback (names, phone numbers) is never written.
 *
 * Written with @tarikjabiri/dxf (MIT), which makes the header, tables, handles and owners a CAD program
 * expects; we give it our own layer names, colours and GBK encoding.
 */
import {
  DxfWriter,
  HatchBoundaryPaths,
  HatchPolylineBoundary,
  HatchPredefinedPatterns,
  LWPolylineFlags,
  pattern,
  point2d,
  point3d,
  TextHorizontalAlignment,
  TextVerticalAlignment,
  vertex,
} from '@tarikjabiri/dxf';
import type { Position } from 'geojson';
import type { AreaGeometry, PlanFeature } from '../../domain/features.ts';
import { DEFAULT_LAYER_ORDER, type LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { CHANGE_COLOURS, CONTROL_ZONE_STYLE, controlZoneStyleKey, LAND_CLASS_COLOURS, PBF_COLOUR } from '../../profiles/zhejiang-2017/palette.ts';
import type { Plan } from '../../domain/plan.ts';
import { FACILITY_FARMLAND_CLASS } from '../../profiles/zhejiang-2017/class-roles.ts';
import { gkZoneForLongitude, toGaussKruger, type GkCrs } from '../../geo/projection.ts';
import { polygonsOf } from '../../geo/rings.ts';
import { ExtentBuilder } from '../crs/extent.ts';
import { success, type Result } from '../result.ts';
import { encodeText } from '../text/encode-text.ts';
import { nearestAci } from './dxf-colours.ts';

type Rgb = readonly [number, number, number];
type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface DxfWriteOptions {
  /** Chinese layer and class names (the worker's i18n). */
  readonly t: Translate;
  /** Text height in metres (3 m: 1.5 mm on paper at 1:2000). */
  readonly textHeight?: number;
  readonly onProgress?: (done: number) => void;
}

export interface DxfWritten {
  readonly bytes: Uint8Array;
  readonly crs: GkCrs;
  /** CAD layers written, with their entity counts (for the export's note and the tests). */
  readonly layers: ReadonlyMap<string, number>;
}

/** Plan layers written, bottom to top; feedback holds personal data and stays out. */
const WRITTEN: readonly LayerId[] = DEFAULT_LAYER_ORDER.filter((l) => l !== 'feedback');
/** Layers whose polygons are also filled (land use); zones and reference outlines stay outlines. */
const FILLED = new Set<LayerId>(['base', 'demolition', 'newBuild', 'useChange', 'facility']);
const GREY: Rgb = [128, 128, 128];

/** CAD layer names may not hold `<>/\":;?*|=,` or a backquote (AutoCAD refuses them). */
export function cadLayerName(name: string): string {
  return name.replace(/[<>/\\":;?*|=,`]/g, '_').slice(0, 255);
}

interface Style {
  readonly layer: string;
  /** The CAD layer's colour (outlines). */
  readonly colour: Rgb;
  /** The fill's colour (the class), when filled. */
  readonly fill: Rgb;
}

function styleOf(feature: PlanFeature, t: Translate): Style {
  const name = t(`layer.${feature.layer}`);
  const cls = (code: string) => `${name}_${code}_${t(`landClass.${code}`)}`;
  const colour = (code: string): Rgb => LAND_CLASS_COLOURS[code as keyof typeof LAND_CLASS_COLOURS] ?? GREY;
  switch (feature.layer) {
    case 'base':
      return { layer: cls(feature.properties.classCode), colour: colour(feature.properties.classCode), fill: colour(feature.properties.classCode) };
    case 'demolition':
      return { layer: cls(feature.properties.restorationUse), colour: CHANGE_COLOURS.demolition, fill: colour(feature.properties.restorationUse) };
    case 'newBuild':
      return { layer: cls(feature.properties.useCode), colour: CHANGE_COLOURS.newBuild, fill: colour(feature.properties.useCode) };
    case 'useChange':
      return { layer: cls(feature.properties.targetCode), colour: CHANGE_COLOURS.useChange, fill: colour(feature.properties.targetCode) };
    case 'pbf':
      return { layer: `${name}_${feature.properties.pbfType}`, colour: PBF_COLOUR, fill: PBF_COLOUR };
    case 'townshipZones':
    case 'controlZone': {
      const code = feature.properties.zoneCode;
      const c = CONTROL_ZONE_STYLE[controlZoneStyleKey(code)].colour;
      return { layer: `${name}_${code}_${t(`code.controlZone.${code}`)}`, colour: c, fill: c };
    }
    case 'functionalZone':
    case 'consolidationZone': {
      const c = CHANGE_COLOURS[feature.layer];
      const type = feature.properties.zoneType;
      const key = `code.${feature.layer}Type.${type}`;
      const label = t(key);
      return { layer: `${name}_${label === key ? type : label}`, colour: c, fill: c };
    }
    case 'facility':
      return { layer: `${name}_${t(`code.facilityType.${feature.properties.facilityType}`)}`, colour: CHANGE_COLOURS.facility, fill: colour(FACILITY_FARMLAND_CLASS) };
    case 'reserve':
    case 'boundary':
    case 'redline':
      return { layer: name, colour: CHANGE_COLOURS[feature.layer], fill: CHANGE_COLOURS[feature.layer] };
    default:
      return { layer: name, colour: GREY, fill: GREY };
  }
}

const rgbNumber = ([r, g, b]: Rgb) => (r << 16) | (g << 8) | b;

/**
 * A point well inside a polygon for its label: on the horizontal line through the middle of its extent,
 * the middle of the widest stretch inside (holes excluded), so it never falls in a hole or outside a
 * C-shaped parcel as a centroid would.
 */
export function labelPoint(rings: readonly (readonly Position[])[]): Position {
  const shell = rings[0] ?? [];
  const ys = shell.map((p) => p[1] as number);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2;
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i] as [number, number];
      const [x2, y2] = ring[i + 1] as [number, number];
      if ((y1 <= y && y2 > y) || (y2 <= y && y1 > y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
  }
  xs.sort((a, b) => a - b);
  let best: Position = shell[0] ?? [0, 0];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > width) {
      width = w;
      best = [((xs[i] as number) + (xs[i + 1] as number)) / 2, y];
    }
  }
  return best;
}

/** GBK bytes; characters GBK lacks as `\U+XXXX`, which AutoCAD and GDAL read back. */
function gbkWithEscapes(text: string): Uint8Array {
  const escaped = text.replace(/[\u0080-\u{10FFFF}]/gu, (char) => {
    if (encodeText(char, 'gbk').unencodable === '') return char;
    const code = char.codePointAt(0) as number;
    return code <= 0xffff ? `\\U+${code.toString(16).toUpperCase().padStart(4, '0')}` : '?';
  });
  return encodeText(escaped, 'gbk').bytes;
}

function parcelNoOf(feature: PlanFeature): string {
  const p = feature.properties as { parcelNo?: unknown };
  return typeof p.parcelNo === 'string' ? p.parcelNo.trim() : '';
}

export function writeDxf(plan: Plan, options: DxfWriteOptions): Result<DxfWritten> {
  const { t } = options;
  const height = options.textHeight ?? 3;
  const extent = new ExtentBuilder();
  for (const layer of WRITTEN) for (const f of Object.values(plan.layers[layer])) extent.addGeometry(f.geometry);
  const e = extent.extent();
  const crs: GkCrs = { zone: gkZoneForLongitude(e ? (e.minX + e.maxX) / 2 : 120), zonePrefix: true };
  const gk = (p: Position): Position => toGaussKruger(p, crs);

  const writer = new DxfWriter();
  writer.setVariable('$ACADVER', { 1: 'AC1018' });
  writer.setVariable('$DWGCODEPAGE', { 3: 'ANSI_936' });
  writer.setVariable('$INSUNITS', { 70: 6 });
  // Chinese text needs a big font in AutoCAD's shape fonts; gbcbig.shx comes with Chinese AutoCAD and CASS.
  writer.document.styleStandard.fontFileName = 'txt';
  writer.document.styleStandard.bigFontFileName = 'gbcbig.shx';
  const counts = new Map<string, number>();
  const layers = new Set<string>();
  const useLayer = (name: string, colour: Rgb) => {
    if (layers.has(name)) return name;
    layers.add(name);
    const layer = writer.addLayer(name, nearestAci(colour));
    layer.trueColor = rgbNumber(colour);
    return name;
  };
  const counted = (layer: string) => counts.set(layer, (counts.get(layer) ?? 0) + 1);

  const total = WRITTEN.reduce((n, l) => n + Object.keys(plan.layers[l]).length, 0);
  let done = 0;
  for (const planLayer of WRITTEN) {
    const labelLayer = cadLayerName(`${t(`layer.${planLayer}`)}_注记`);
    for (const feature of Object.values(plan.layers[planLayer]) as PlanFeature[]) {
      if (options.onProgress && ++done % 500 === 0) options.onProgress(done / total);
      if (feature.geometry.type === 'Point') {
        const name = (feature.properties as { name?: unknown }).name;
        if (typeof name !== 'string' || !name.trim()) continue;
        const layerName = useLayer(cadLayerName(t(`layer.${planLayer}`)), GREY);
        const [x, y] = gk(feature.geometry.coordinates) as [number, number];
        writer.addText(point3d(x, y), height, name.trim(), { layerName, horizontalAlignment: TextHorizontalAlignment.Center, verticalAlignment: TextVerticalAlignment.Middle, secondAlignmentPoint: point3d(x, y) });
        counted(layerName);
        continue;
      }
      const style = styleOf(feature, t);
      const layerName = useLayer(cadLayerName(style.layer), style.colour);
      const polygons = polygonsOf(feature.geometry as AreaGeometry).map((rings) => rings.map((ring) => ring.map(gk)));
      for (const rings of polygons) {
        for (const ring of rings) {
          // Closed polylines do not repeat the first vertex.
          writer.addLWPolyline(ring.slice(0, -1).map((p) => ({ point: point2d(p[0] as number, p[1] as number) })), { layerName, flags: LWPolylineFlags.Closed });
          counted(layerName);
        }
        if (FILLED.has(planLayer)) {
          const paths = new HatchBoundaryPaths();
          for (const ring of rings) paths.addPolylineBoundary(new HatchPolylineBoundary(ring.slice(0, -1).map((p) => vertex(p[0] as number, p[1] as number))));
          writer.addHatch(paths, pattern({ name: HatchPredefinedPatterns.SOLID }), { layerName, colorNumber: nearestAci(style.fill), trueColor: rgbNumber(style.fill) as unknown as string });
          counted(layerName);
        }
      }
      const parcelNo = parcelNoOf(feature);
      const first = polygons[0];
      if (parcelNo && first) {
        const [x, y] = labelPoint(first) as [number, number];
        const textLayer = useLayer(labelLayer, [0, 0, 0]);
        writer.addText(point3d(x, y), height, parcelNo, { layerName: textLayer, horizontalAlignment: TextHorizontalAlignment.Center, verticalAlignment: TextVerticalAlignment.Middle, secondAlignmentPoint: point3d(x, y) });
        counted(textLayer);
      }
    }
  }
  const bytes = gbkWithEscapes(writer.stringify() + '\n');
  options.onProgress?.(1);
  return success({ bytes, crs, layers: counts });
}
