/**
 * The layers of a provincial delivery package (domain.md §4) as read from files, before a plan is rebuilt
 * from them. Reading (GeoJSON or Shapefile, loose or zipped) produces these; `reconstruct.ts` turns them
 * into a Plan. Geometry is lon/lat by the time it gets here. The provincial layers come first, then our own
 * (docs/package.md): functional and consolidation zones, reserve areas, facility farmland, the red line and
 * the township's control zones, so a package made by the editor reopens with every layer a rule reads.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../../geo/bbox.ts';

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

/** The layer a file name stands for (`JQDLTB.geojson`, `ghyt.json`, GeoJSONSeq `JQDLTB.geojsonl`), or undefined. */
export function layerNameOf(fileName: string): PackageLayerName | undefined {
  const match = /^([A-Za-z]+)\.(geojson[ls]?|json)$/i.exec(fileName);
  const stem = match?.[1]?.toUpperCase();
  return PACKAGE_LAYER_NAMES.find((n) => n === stem);
}
