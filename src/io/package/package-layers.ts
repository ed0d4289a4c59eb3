/**
 * The layers of a provincial delivery package (domain.md §4) as read from files, before a plan is rebuilt
 * from them. Reading (GeoJSON or Shapefile, loose or zipped) produces these; `reconstruct.ts` turns them
 * into a Plan. Geometry is lon/lat by the time it gets here. The provincial layers come first, then our own
 * (docs/package.md): functional and consolidation zones, reserve areas, facility farmland, the red line and
 * the township's control zones, so a package made by the editor reopens with every layer a rule reads.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../../geo/bbox.ts';
import type { Message } from '../../domain/message.ts';
import { fileName, stemOf } from '../files.ts';
import { zhejiang2017LayersText } from '../../profiles/zhejiang-2017/text/layers.text.ts';

/**
 * In reading order: JBNTBHTB before GHYT (whether it has rows decides what GHYT's G111/G112 rows are),
 * GHYT before TDGHDL (whose rows are kept only under GHYT's changes).
 */
export const PACKAGE_LAYER_NAMES = ['JQDLTB', 'JBNTBHTB', 'GHYT', 'TDGHDL', 'JSYDGZQ', 'XZQ', 'GNFQ', 'ZZFQ', 'JBNTZBQ', 'SSNYD', 'STBHHX', 'XJGZQ'] as const;
export type PackageLayerName = (typeof PACKAGE_LAYER_NAMES)[number];
/** Without these a package cannot become a plan. */
export const REQUIRED_LAYERS: readonly PackageLayerName[] = ['JQDLTB'];

export type FieldValue = string | number | boolean | null;

export interface PackageFeature {
  /** 1-based record number in its file, for messages. */
  readonly recordNo: number;
  readonly geometry: Polygon | MultiPolygon;
  readonly properties: Readonly<Record<string, FieldValue>>;
}

export interface PackageLayer {
  readonly name: PackageLayerName;
  /** The file it came from, as the user named it. */
  readonly file: string;
  /** The rows kept: every polygon row, or those the plan uses when the reader was given a test (rows-used.ts). */
  readonly features: readonly PackageFeature[];
  /** Polygon rows read from the file, kept or not. */
  readonly rows: number;
}

export type PackageLayers = Partial<Record<PackageLayerName, PackageLayer>>;

/** A row's fields, however the reader holds them (parsed, or still as text: geojson-skim.ts). */
export interface Fields {
  /** The field as the row's properties hold it after reading (nested values as JSON text); undefined when absent. */
  field(name: string): FieldValue | undefined;
}

/** What a reader knows of a row when it decides whether to keep it (rows-used.ts). */
export interface RowSummary extends Fields {
  /** The box around its geometry, in lon/lat; may be a hair larger than the exact one. */
  box(): BBox;
}

/** Which rows of a layer to keep; a row left out is still checked and counted. */
export type KeepRow = (row: RowSummary) => boolean;

/**
 * The Chinese names a county's files are named by (基期地类图斑.shp, 行政区.shp): the catalogue's, as the
 * package's 字段结构.json gives them (`package.delivery.layer.*`), and domain.md's 整备区 for JBNTZBQ.
 */
const CHINESE_NAMES: ReadonlyMap<string, PackageLayerName> = new Map<string, PackageLayerName>([
  ...PACKAGE_LAYER_NAMES.map((name) => [chineseNameOf(name), name] as const),
  ['整备区', 'JBNTZBQ'],
]);

function chineseNameOf(name: PackageLayerName): string {
  const text = zhejiang2017LayersText[`package.delivery.layer.${name}`];
  if (!text) throw new Error(`no catalogue name for ${name}`);
  return text.zh;
}

/** What may stand between a layer's code and its Chinese name in a file name: `JQDLTB_基期地类图斑`, `基期地类图斑(JQDLTB)`. */
const BETWEEN = /[\s_\-—–.·()（）[\]【】]/g;
/**
 * A name begins with its code or its name and ends with them or a closing bracket: macOS's `._JQDLTB.shp`
 * copies on a USB stick (resource forks, not Shapefiles) and other hidden files are no layer.
 */
const WHOLE = /^[A-Za-z\p{Script=Han}].*[A-Za-z\p{Script=Han})）\]】]$|^[A-Za-z\p{Script=Han}]$/u;

/**
 * The layer a file's name without its extension stands for: its code in any case (`JQDLTB`, `ghyt`), its
 * Chinese name (`基期地类图斑`), or both when they name the same layer (`JQDLTB基期地类图斑`,
 * `JQDLTB_基期地类图斑`, `基期地类图斑(JQDLTB)`). Nothing is guessed: another word beside the name
 * (`JQDLTB副本`, `村级行政区`), or a code and a name of different layers, is no layer.
 */
export function layerOfStem(stem: string): PackageLayerName | undefined {
  if (!WHOLE.test(stem)) return undefined;
  const parts = /^([A-Za-z]*)([^A-Za-z]*)([A-Za-z]*)$/.exec(stem.replace(BETWEEN, ''));
  if (!parts) return undefined;
  const [, before = '', chinese = '', after = ''] = parts;
  if (before && after) return undefined;
  const code = (before || after).toUpperCase();
  const byCode = code ? PACKAGE_LAYER_NAMES.find((n) => n === code) : undefined;
  const byName = chinese ? CHINESE_NAMES.get(chinese) : undefined;
  if ((code && !byCode) || (chinese && !byName) || (byCode && byName && byCode !== byName)) return undefined;
  return byCode ?? byName;
}

/** The layer a file name stands for (`JQDLTB.geojson`, `ghyt.json`, GeoJSONSeq `JQDLTB.geojsonl`, `基期地类图斑.geojson`), or undefined. */
export function layerNameOf(name: string): PackageLayerName | undefined {
  const match = /^(.+)\.(geojson[ls]?|json)$/i.exec(name);
  return match?.[1] === undefined ? undefined : layerOfStem(match[1]);
}

/**
 * A note saying which layer a file was taken for, when its name is not the layer's code (基期地类图斑.shp →
 * JQDLTB): the package summary shows the file beside the layer, and the command line says it here.
 */
export function layerFileNote(name: PackageLayerName, file: string): Message | null {
  return fileName(stemOf(file)).toUpperCase() === name ? null : { key: 'package.layerFileNamed', params: { file, layer: name, nameKey: `package.delivery.layer.${name}` } };
}
