/**
 * Shapefile import (`.shp` + `.shx` + `.dbf`, with `.prj` and `.cpg` when present; loose files or zip
 * members, any letter case, in sub-folders) and export (shapefile-write.ts).
 */
import { crsFromPrj } from '../crs/prj-read.ts';
import { extensionOf, fileName, stemOf, type InputFile } from '../files.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { readDbf, readDbfHeader, type DbfField } from '../shapefile/dbf-read.ts';
import { readShp } from '../shapefile/shp-read.ts';
import { georeference, type DeclaredCrs } from './georeference.ts';
import { chooseEncoding } from './shapefile-encoding.ts';
import { writeShapefile } from './shapefile-write.ts';
import type { FieldInfo, FileFormat, ImportedFeature, ImportedLayer, ReadOptions } from './types.ts';

const PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
type Part = (typeof PARTS)[number];
const REQUIRED: readonly Part[] = ['shp', 'shx', 'dbf'];

/** Files grouped by folder and name, case-insensitively: `a/DLTB.SHP` and `a/dltb.dbf` are one dataset. */
function claim(files: readonly InputFile[]): InputFile[][] {
  const groups = new Map<string, InputFile[]>();
  for (const file of files) {
    if (!(PARTS as readonly string[]).includes(extensionOf(file.name))) continue;
    const key = stemOf(file.name).toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  // A lone .prj or .cpg is not a dataset; a lone .dbf or .shx is one with its .shp missing.
  return [...groups.values()].filter((g) => g.some((f) => ['shp', 'shx', 'dbf'].includes(extensionOf(f.name))));
}

function read(dataset: readonly InputFile[], options: ReadOptions): Result<ImportedLayer> {
  const part = (p: Part) => dataset.find((f) => extensionOf(f.name) === p);
  const anyFile = dataset[0] as InputFile;
  const stem = stemOf(anyFile.name);
  const missing = REQUIRED.filter((p) => !part(p));
  if (missing.length) {
    return failure('io.shp.missingParts', { file: fileName(stem), missing: missing.map((p) => `${fileName(stem)}.${p}`).join(', ') });
  }
  const shpFile = part('shp') as InputFile;
  const dbfFile = part('dbf') as InputFile;
  const shxFile = part('shx') as InputFile;
  const notes: Message[] = [];

  const shp = readShp(shpFile.bytes, shxFile.bytes, { shp: fileName(shpFile.name), shx: fileName(shxFile.name) });
  if (!shp.ok) return shp;
  notes.push(...shp.notes);
  // Rough shares of a read measured on the 20,000-parcel bench file: geometry, then text, then reprojection.
  options.onProgress?.(0.3);
  const header = readDbfHeader(dbfFile.bytes, fileName(dbfFile.name));
  if (!header.ok) return header;
  if (header.value.recordCount !== shp.value.geometries.length) {
    return failure('io.shp.countMismatch', {
      shp: fileName(shpFile.name),
      shpCount: shp.value.geometries.length,
      dbf: fileName(dbfFile.name),
      dbfCount: header.value.recordCount,
    });
  }
  const encoding = chooseEncoding(dbfFile, header.value, part('cpg'), options.encoding, notes);
  const table = readDbf(dbfFile.bytes, header.value, encoding.encoding, fileName(dbfFile.name));
  if (!table.ok) return table;
  notes.push(...table.notes);
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

  const features: ImportedFeature[] = table.value.records.map((record) => ({
    geometry: shp.value.geometries[record.row - 1] ?? null,
    properties: record.properties,
    recordNo: record.row,
  }));
  const layer = georeference(
    {
      format: 'shapefile',
      file: shpFile.name,
      name: fileName(stem),
      fields: table.value.fields.map(fieldInfo),
      features,
      encoding,
      declared,
      crsText: prjText,
    },
    { ...options, ...(options.onProgress ? { onProgress: (done: number) => options.onProgress?.(0.5 + done * 0.5) } : {}) },
  );
  return layer.ok ? success(layer.value, [...notes, ...layer.notes]) : layer;
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
