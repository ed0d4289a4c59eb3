/**
 * The provincial delivery package (domain.md §4) as a list of files: folders `1.`–`6.`; each layer as a
 * Shapefile (CGCS2000 3° GK zone of the village's longitude, `.prj`, `.cpg`, GBK unless UTF-8 is asked for)
 * and as RFC 7946 GeoJSON; the tables as .xlsx and CSV; the field structure with Chinese aliases; in
 * `6.其他数据/` the sidecar `规划参数.json` (the inputs no layer field carries, package-inputs.ts) and the QC
 * summary `质检结果.json` / `.txt` (qc-summary.ts); and the manifest with a SHA-256 of every file. Pure
 * apart from Web Crypto's digest (async, as exceljs is): the same code runs in the CLI and in the editor's
 * worker. Nothing is written when a layer fails. docs/package.md describes the package.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { sha256HexOfBytes } from '../sha256.ts';
import type { CheckState } from '../../rules/context.ts';
import { RuleEngine, type CheckResult } from '../../rules/engine.ts';
import type { Translate } from '../../rules/render.ts';
import { computeTables } from '../../rules/tables/index.ts';
import type { SourceCrs } from '../crs/source-crs.ts';
import type { OutputFile } from '../files.ts';
import { writeGeoJson } from '../formats/geojson.format.ts';
import { crsForLayer, writeShapefile } from '../formats/shapefile-write.ts';
import type { ExportLayer } from '../formats/types.ts';
import { failure, success, type Message, type Result } from '../result.ts';
import type { OutputEncoding } from '../text/encode-text.ts';
import { deliveryLayers } from './delivery-layers.ts';
import { buildManifest, manifestText, type Manifest, type ManifestLayer } from './delivery-manifest.ts';
import { deliveryMapFiles, type DeliveryMaps } from './delivery-maps.ts';
import { tableFiles } from './delivery-tables.ts';
import { INPUTS_FILE_NAME, planInputsText } from './package-inputs.ts';
import { featureRefs } from './package-refs.ts';
import { QC_JSON_NAME, QC_TEXT_NAME, qcSummary, qcSummaryText } from './qc-summary.ts';

export const DELIVERY_FOLDERS = {
  documents: '1.规划文档数据',
  tables: '2.规划表格数据',
  data: '3.规划图形数据',
  images: '4.图像文件',
  description: '5.电子数据说明',
  other: '6.其他数据',
} as const;

export interface DeliveryOptions {
  /** Shapefile text; GBK by default (what Chinese desktop GIS expects). */
  readonly encoding?: OutputEncoding;
  /** The package's language: callers pass the Chinese translator (the province reads Chinese). */
  readonly t: Translate;
  /** DBF date; fixed by callers (tests) that want the same bytes for the same plan. */
  readonly date?: Date;
  /** Progress 0–1 between layers and tables, for a progress bar. */
  readonly onProgress?: (done: number) => void;
  /**
   * The check of this plan for the QC summary, when the caller has it (a RuleEngine's `result()`);
   * otherwise the plan is checked here.
   */
  readonly check?: CheckResult;
  /** With fonts: the 现状图 and 规划图 JPGs in `4.图像文件/` (delivery-maps.ts); without, a note says what belongs there. */
  readonly maps?: DeliveryMaps;
}

export interface Delivery {
  readonly files: readonly OutputFile[];
  readonly manifest: Manifest;
  readonly crs: SourceCrs;
}

type State = Pick<CheckState, 'plan' | 'derived' | 'area' | 'profile' | 'usable'>;

function layerSummary(layer: ExportLayer): ManifestLayer {
  let total = 0;
  for (const f of layer.features) if (f.geometry && f.geometry.type !== 'Point') total += ellipsoidalArea(f.geometry as Polygon | MultiPolygon);
  return { name: layer.name, alias: '', count: layer.features.length, totalAreaM2: layer.geometryType === 'point' ? null : Math.round(total * 100) / 100 };
}

export async function writeDelivery(state: State, options: DeliveryOptions): Promise<Result<Delivery>> {
  const { t } = options;
  const encoding = options.encoding ?? 'gbk';
  const date = options.date ?? new Date();
  const layers = deliveryLayers(state, t);
  const base = layers.find((l) => l.name === 'JQDLTB');
  if (!base) return failure('package.delivery.noBase');
  // One zone for the whole package, from the base parcels: every layer must share the village's CRS.
  const crs = crsForLayer(base);
  const files: OutputFile[] = [];
  const notes: Message[] = [];
  const progress = (done: number) => options.onProgress?.(done);
  const schema: Record<string, { alias: string; fields: { name: string; type: string; length: number; decimals: number; alias: string }[] }> = {};

  for (const [i, layer] of layers.entries()) {
    const shp = writeShapefile(layer, { crs, encoding, date });
    if (!shp.ok) return shp;
    notes.push(...shp.notes);
    for (const file of shp.value) files.push({ name: `${DELIVERY_FOLDERS.data}/Shapefile/${file.name}`, bytes: file.bytes });
    // Every coordinate as the plan holds it: rounded to the 0.1 mm grid, a thin parcel's area moves by a few
    // thousandths of a m², enough to change its figure at 0.01 m² and the tables' sums, so a package
    // checked from its GeoJSON would state other figures than the plan it was written from.
    const json = writeGeoJson(layer, { exactCoordinates: true });
    if (!json.ok) return json;
    for (const file of json.value) files.push({ name: `${DELIVERY_FOLDERS.data}/GeoJSON/${file.name}`, bytes: file.bytes });
    schema[layer.name] = { alias: t(`package.delivery.layer.${layer.name}`), fields: layer.fields.map((f) => ({ name: f.name, type: f.type, length: f.length, decimals: f.decimals, alias: f.alias ?? '' })) };
    progress(((i + 1) / layers.length) * 0.6);
  }
  const encoder = new TextEncoder();
  files.push({ name: `${DELIVERY_FOLDERS.data}/字段结构.json`, bytes: encoder.encode(JSON.stringify(schema, null, 2)) });

  const computed = computeTables(state);
  const tables = await tableFiles(t, computed, state.plan.meta.villageName);
  for (const file of tables) files.push({ name: `${DELIVERY_FOLDERS.tables}/${file.name}`, bytes: file.bytes });
  progress(0.8);
  // The inputs no layer field carries, and the editor's check of the plan, beside the data (docs/package.md).
  const refs = featureRefs(state);
  files.push({ name: `${DELIVERY_FOLDERS.other}/${INPUTS_FILE_NAME}`, bytes: encoder.encode(planInputsText(state, refs, t('package.inputs.about'))) });
  const qc = qcSummary(t, state.plan, options.check ?? new RuleEngine(state.plan).result(), refs, date);
  files.push({ name: `${DELIVERY_FOLDERS.other}/${QC_JSON_NAME}`, bytes: encoder.encode(JSON.stringify(qc, null, 2) + '\n') });
  files.push({ name: `${DELIVERY_FOLDERS.other}/${QC_TEXT_NAME}`, bytes: encoder.encode(qcSummaryText(t, qc)) });
  progress(0.85);
  const maps = options.maps ? await deliveryMapFiles(state.plan, computed.F1, options.maps, t, DELIVERY_FOLDERS.images) : null;
  if (maps) {
    files.push(...maps.files);
    notes.push(...maps.notes);
  }
  progress(0.95);
  // Folders the editor does not fill (documents; the maps when none were made) get a note saying what belongs there; 6. says what its files are.
  for (const folder of ['documents', 'images', 'other'] as const) {
    if (folder === 'images' && maps && maps.files.length > 0) continue;
    files.push({ name: `${DELIVERY_FOLDERS[folder]}/说明.txt`, bytes: encoder.encode(t(`package.delivery.placeholder.${folder}`) + '\r\n') });
  }

  const manifest = await buildManifest({
    meta: state.plan.meta,
    crs,
    encoding,
    layers: layers.map((l) => ({ ...layerSummary(l), alias: schema[l.name]?.alias ?? '' })),
    files,
    hash: sha256HexOfBytes,
  });
  files.push({ name: `${DELIVERY_FOLDERS.description}/manifest.json`, bytes: encoder.encode(JSON.stringify(manifest, null, 2)) });
  files.push({ name: `${DELIVERY_FOLDERS.description}/电子数据说明.txt`, bytes: encoder.encode(manifestText(t, manifest)) });
  progress(1);
  return success({ files, manifest, crs }, notes);
}
