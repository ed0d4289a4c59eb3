/** What every format reads into and writes from: layers of features in lon/lat (CGCS2000). */
import type { Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { DatumParameters } from '../../domain/datum-parameters.ts';
import type { BBox } from '../../geo/bbox.ts';
import type { CrsReport, ReadCrs, SourceCrs } from '../crs/source-crs.ts';
import type { Region } from '../crs/locate.ts';
import type { InputFile, OutputFile } from '../files.ts';
import type { ImportLimits } from '../limits.ts';
import type { Result } from '../result.ts';
import type { OutputEncoding } from '../text/encode-text.ts';
import type { JsonValue, Properties } from './properties.ts';

export interface ImportedFeature {
  /** lon/lat, polygons wound as RFC 7946; null for a record without a shape. */
  readonly geometry: Geometry | null;
  readonly properties: Properties;
  /** 1-based position in the source (DBF row, GeoJSON feature, parcel section): what messages cite. */
  readonly recordNo: number;
}

export type FieldKind = 'text' | 'integer' | 'real' | 'date' | 'boolean' | 'other';

export interface FieldInfo {
  readonly name: string;
  readonly kind: FieldKind;
  /** DBF width and decimals, when the source has them. */
  readonly width: number | null;
  readonly decimals: number | null;
}

export interface EncodingReport {
  /** Decoder label used (`gbk`, `utf-8`, `windows-1251`…). */
  readonly encoding: string;
  readonly how: 'cpg' | 'languageDriver' | 'header' | 'detected' | 'chosen' | 'ascii';
  readonly confidence: 'high' | 'low';
  /** The first records' text read both ways, for the encoding switch; null when the text is plain ASCII. */
  readonly preview: EncodingPreview | null;
}

export interface EncodingPreview {
  readonly fields: readonly string[];
  readonly gbk: readonly (readonly string[])[];
  readonly utf8: readonly (readonly string[])[];
}

export type FormatId = 'shapefile' | 'geojson' | 'parcel-coords' | 'dxf';

export interface ImportedLayer {
  readonly format: FormatId;
  /** The main file (`…/DLTB.shp`, `a.geojson`) as the planner named it. */
  readonly file: string;
  /** Layer name: the file name without folders and extension. */
  readonly name: string;
  readonly fields: readonly FieldInfo[];
  readonly features: readonly ImportedFeature[];
  readonly crs: CrsReport;
  readonly encoding: EncodingReport | null;
  /** The attribute table a Shapefile came without (`DLTB.dbf`): every feature has empty properties. */
  readonly missingDbf?: string;
}

export interface ReadOptions {
  /** Decode DBF/TXT text with this encoding instead of the `.cpg` or the guess (the encoding switch). */
  readonly encoding?: string;
  /** Take coordinates in this CRS, whatever the file says or the numbers suggest (crs-choices.ts). */
  readonly crs?: ReadCrs;
  /** Swap X and Y of every coordinate before anything else (data with northing first). */
  readonly swapXY?: boolean;
  /** 'zhejiang' (default) refuses data that cannot be in Zhejiang; 'any' only refuses impossible coordinates. */
  readonly region?: Region;
  /** Longitude of the village, to choose the zone of GK coordinates written without the zone prefix. */
  readonly expectedLongitude?: number;
  /** Convert GCJ-02 (web-map offset) coordinates to CGCS2000: only when the planner asked. */
  readonly convertGcj02?: boolean;
  /** The county's Beijing 1954 / Xian 1980 parameters (the plan's, remembered or just entered). */
  readonly datumParameters?: readonly DatumParameters[];
  readonly limits?: ImportLimits;
  /** 0–1 as the read goes on (per dataset, per 1,000 records), for a progress bar; called synchronously. */
  readonly onProgress?: (done: number) => void;
  /**
   * Which records to keep, asked once the CRS is settled and before a record is reprojected or (Shapefile)
   * its other fields decoded; the others are left out of the layer. A delivery package's reader keeps a few
   * hundred of GHYT's and TDGHDL's 24,000 rows. Not asked with `convertGcj02` (the box would be off by the
   * offset): every record is kept then.
   */
  readonly keepRecord?: (record: RecordPeek) => boolean;
}

/** A record as `keepRecord` sees it: one field at a time, and its box in lon/lat. */
export interface RecordPeek {
  readonly geometry: Geometry | null;
  field(name: string): JsonValue | undefined;
  /** Around the record's shape in lon/lat, somewhat larger than the exact box; empty without a shape. */
  box(): BBox;
}

export type AreaOrPoint = Polygon | MultiPolygon | Point;
/** What an exported feature may hold: an area, a point or a line (the 2026 database's 界线 layer). */
export type ExportGeometry = AreaOrPoint | LineString | MultiLineString;

/** A DBF field as the deliverable catalogue (domain.md §4) defines it. */
export interface ExportField {
  /** At most 10 ASCII characters (dBASE). */
  readonly name: string;
  readonly type: 'C' | 'N' | 'F' | 'D' | 'L';
  readonly length: number;
  readonly decimals: number;
  /** Chinese alias (`图斑编号`), for GeoJSON metadata and the package's schema file. */
  readonly alias?: string;
}

export type ExportValue = string | number | boolean | null;

export interface ExportFeature {
  /** lon/lat (CGCS2000). */
  readonly geometry: ExportGeometry | null;
  /** Values by field name; fields not in the layer's list are never written. */
  readonly properties: Readonly<Record<string, ExportValue>>;
}

export interface ExportLayer {
  /** File base name (`JQDLTB`). */
  readonly name: string;
  readonly geometryType: 'polygon' | 'polyline' | 'point';
  readonly fields: readonly ExportField[];
  readonly features: readonly ExportFeature[];
}

export interface WriteOptions {
  /** Shapefile: the projected CRS (GK zone) or lon/lat; GeoJSON is always lon/lat (RFC 7946). */
  readonly crs?: SourceCrs;
  /** Shapefile text: GBK by default (what Chinese desktop GIS expects), UTF-8 on request. */
  readonly encoding?: OutputEncoding;
  /** GeoJSON: indent for people to read; compact by default. */
  readonly pretty?: boolean;
  /**
   * GeoJSON: every coordinate as held instead of 9 decimals, for a file that must read back as the same data
   * (the village database): on the 0.1 mm grid, vertices closer than that (thousands in a GKBJ dissolved from
   * reprojected parcels) become one point and the ring touches or crosses itself.
   */
  readonly exactCoordinates?: boolean;
  /** DBF "last update" date; fixed by callers that want the same bytes for the same content. */
  readonly date?: Date;
}

/** One format of the registry (style.md: one file per format, results as values with notes). */
export interface FileFormat {
  readonly id: FormatId;
  /** i18n key of its name in menus and messages. */
  readonly labelKey: string;
  /** Extensions (lower case, no dot) of the files it reads; the first is its main file. */
  readonly extensions: readonly string[];
  /** The files of `files` this format reads, grouped into datasets (one layer each). */
  readonly claim: (files: readonly InputFile[]) => readonly (readonly InputFile[])[];
  readonly read: (dataset: readonly InputFile[], options: ReadOptions) => Result<ImportedLayer>;
  readonly write?: (layer: ExportLayer, options: WriteOptions) => Result<OutputFile[]>;
}
