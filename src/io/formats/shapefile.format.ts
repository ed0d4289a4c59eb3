/**
 * Shapefile import (`.shp` + `.shx` + `.dbf`, with `.prj` and `.cpg` when present; loose files or zip
 * members, any letter case, in sub-folders) and export (shapefile-write.ts). The `.shp` is enough, as GDAL
 * reads it: without the `.dbf` the layer has geometry only (a boundary or an outline is still useful, but
 * never survey parcels), without the `.shx` the index is rebuilt from the records (shp-read.ts); both said.
 */
import type { Geometry } from 'geojson';
import { crsFromPrj } from '../crs/prj-read.ts';
import { extensionOf, fileName, stemOf, type InputFile } from '../files.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { readDbf, readDbfHeader, type DbfField, type DbfRecord } from '../shapefile/dbf-read.ts';
import { readShp } from '../shapefile/shp-read.ts';
import { georeference, type DeclaredCrs, type RawFeature } from './georeference.ts';
import { emptyProperties, type JsonValue, type Properties } from './properties.ts';
import { chooseEncoding } from './shapefile-encoding.ts';
import { writeShapefile } from './shapefile-write.ts';
import type { EncodingReport, FieldInfo, FileFormat, ImportedLayer, ReadOptions } from './types.ts';
import { addToList } from '../../domain/lists.ts';

const PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
type Part = (typeof PARTS)[number];

/** Files grouped by folder and name, case-insensitively: `a/DLTB.SHP` and `a/dltb.dbf` are one dataset. */
function claim(files: readonly InputFile[]): InputFile[][] {
  const groups = new Map<string, InputFile[]>();
  for (const file of files) {
    if (!(PARTS as readonly string[]).includes(extensionOf(file.name))) continue;
    const key = stemOf(file.name).toLowerCase();
    addToList(groups, key, file);
  }
  // A lone .prj or .cpg is not a dataset; a lone .dbf or .shx is one with its .shp missing.
  return [...groups.values()].filter((g) => g.some((f) => ['shp', 'shx', 'dbf'].includes(extensionOf(f.name))));
}

function read(dataset: readonly InputFile[], options: ReadOptions): Result<ImportedLayer> {
  const part = (p: Part) => dataset.find((f) => extensionOf(f.name) === p);
  const anyFile = dataset[0] as InputFile;
  const stem = stemOf(anyFile.name);
  const shpFile = part('shp');
  if (!shpFile) return failure('io.shp.missingParts', { file: fileName(stem), missing: `${fileName(stem)}.shp` });
  const shxFile = part('shx');
  const notes: Message[] = [];

  const shp = readShp(shpFile.bytes, shxFile?.bytes ?? null, { shp: fileName(shpFile.name), shx: fileName(shxFile?.name ?? `${stem}.shx`) });
  if (!shp.ok) return shp;
  notes.push(...shp.notes);
  // Rough shares of a read measured on the 20,000-parcel bench file: geometry, then text, then reprojection.
  options.onProgress?.(0.3);
  const dbfFile = part('dbf');
  let table: AttributeTable;
  if (dbfFile) {
    const read = readTable(dbfFile, fileName(shpFile.name), shp.value.geometries.length, part('cpg'), options, notes);
    if (!read.ok) return read;
    table = read.value;
  } else {
    notes.push(note('io.shp.noDbf', { file: fileName(shpFile.name), dbf: fileName(`${stem}.dbf`) }));
    table = { fields: [], records: shp.value.geometries.map((_, i) => ({ row: i + 1, properties: emptyProperties(), value: () => undefined })), encoding: null };
  }
  options.onProgress?.(0.5);

  const prjFile = part('prj');
  const prjText = prjFile ? new TextDecoder('utf-8').decode(prjFile.bytes) : null;
  let declared: DeclaredCrs | undefined;
  if (prjFile && prjText !== null) {
    const fromPrj = crsFromPrj(prjText, fileName(prjFile.name));
    if (fromPrj.ok) {
      declared = { crs: fromPrj.value.crs, how: 'prj', name: fromPrj.value.name };
      if (fromPrj.value.datum === 'wgs84') notes.push(note('io.crs.wgs84AsCgcs2000', { file: fileName(prjFile.name) }));
    } else if (fromPrj.error.key === 'io.crs.prjNotWkt') {
      // Not a projection at all (an HTML page saved under that name): say so and go by the numbers.
      notes.push(fromPrj.error);
    } else if (!options.crs) {
      return fromPrj;
    }
  }

  const features = table.records.map((record) => new ShapefileRecord(shp.value.geometries[record.row - 1] ?? null, record));
  const layer = georeference(
    {
      format: 'shapefile',
      file: shpFile.name,
      name: fileName(stem),
      fields: table.fields,
      features,
      encoding: table.encoding,
      declared,
      crsText: prjText,
    },
    { ...options, ...(options.onProgress ? { onProgress: (done: number) => options.onProgress?.(0.5 + done * 0.5) } : {}) },
  );
  if (!layer.ok) return layer;
  return success(dbfFile ? layer.value : { ...layer.value, missingDbf: fileName(`${stem}.dbf`) }, [...notes, ...layer.notes]);
}

/** The attribute side of a layer: the `.dbf`'s, or one empty record per shape when it is missing. */
interface AttributeTable {
  readonly fields: readonly FieldInfo[];
  readonly records: readonly AttributeRow[];
  readonly encoding: EncodingReport | null;
}

type AttributeRow = Pick<DbfRecord, 'row' | 'properties' | 'value'>;

/** A record: its shape, and its row of the table, whose values are decoded only when read. */
class ShapefileRecord implements RawFeature {
  readonly recordNo: number;

  constructor(
    readonly geometry: Geometry | null,
    private readonly attributes: AttributeRow,
  ) {
    this.recordNo = attributes.row;
  }

  get properties(): Properties {
    return this.attributes.properties;
  }

  field(name: string): JsonValue | undefined {
    return this.attributes.value(name);
  }
}

/** The `.dbf`: as many records as the `.shp` has shapes, text in the chosen, declared or detected encoding. */
function readTable(dbfFile: InputFile, shpName: string, shapes: number, cpg: InputFile | undefined, options: ReadOptions, notes: Message[]): Result<AttributeTable> {
  const header = readDbfHeader(dbfFile.bytes, fileName(dbfFile.name), shapes);
  if (!header.ok) return header;
  notes.push(...header.notes);
  if (header.value.recordCount !== shapes) {
    return failure('io.shp.countMismatch', { shp: shpName, shpCount: shapes, dbf: fileName(dbfFile.name), dbfCount: header.value.recordCount });
  }
  const encoding = chooseEncoding(dbfFile, header.value, cpg, options.encoding, notes);
  const table = readDbf(dbfFile.bytes, header.value, encoding.encoding, fileName(dbfFile.name));
  if (!table.ok) return table;
  notes.push(...table.notes);
  return success({ fields: table.value.fields.map(fieldInfo), records: table.value.records, encoding });
}

function fieldInfo(field: DbfField): FieldInfo {
  const kind = field.type === 'C' ? 'text' : field.type === 'N' || field.type === 'F' ? (field.decimals > 0 ? 'real' : 'integer') : field.type === 'D' ? 'date' : field.type === 'L' ? 'boolean' : 'other';
  return { name: field.name, kind, width: field.length, decimals: field.decimals };
}

export const shapefileFormat: FileFormat = {
  id: 'shapefile',
  labelKey: 'io.format.shapefile',
  extensions: PARTS,
  claim,
  read,
  write: writeShapefile,
};
