/**
 * 界址点 coordinate files (the national 勘测定界 TXT exchange format; see parcel-coords-parse.ts), GBK or
 * UTF-8, into lon/lat parcels. The CRS comes from the header (坐标系, 几度分带, 带号) or, when it says
 * too little, from the numbers.
 */
import { GK_ZONES, type GkZone } from '../../geo/projection.ts';
import { gk } from '../crs/source-crs.ts';
import { extensionOf, fileName, stemOf, type InputFile } from '../files.ts';
import { looksLikeParcelCoords, parseParcelCoords, PARCEL_FIELDS, type ParcelCoordsHeader } from '../parcel-coords/parcel-coords-parse.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { isDecodable } from '../text/code-pages.ts';
import { detectEncoding } from '../text/detect-encoding.ts';
import { georeference, type DeclaredCrs } from './georeference.ts';
import type { EncodingReport, FileFormat, ImportedLayer, ReadOptions } from './types.ts';

const EXTENSIONS = ['txt'] as const;

function decode(file: InputFile, chosen: string | undefined): { text: string; encoding: EncodingReport } {
  if (chosen && isDecodable(chosen)) {
    return { text: new TextDecoder(chosen).decode(file.bytes), encoding: { encoding: chosen, how: 'chosen', confidence: 'high', preview: null } };
  }
  const guess = detectEncoding([file.bytes]);
  const encoding = guess.encoding === 'gbk' ? 'gbk' : 'utf-8';
  return { text: new TextDecoder(encoding).decode(file.bytes), encoding: { encoding, how: guess.encoding === 'ascii' ? 'ascii' : 'detected', confidence: guess.confidence, preview: null } };
}

/** A `.txt` is claimed only when it has the format's section headers (zips carry other text files). */
function claim(files: readonly InputFile[]): InputFile[][] {
  return files.filter((f) => extensionOf(f.name) === 'txt' && looksLikeParcelCoords(decode(f, undefined).text)).map((f) => [f]);
}

/** The header's CRS: CGCS2000 only (西安80 / 北京54 need local transformation parameters), 3° zones. */
function crsFromHeader(header: ParcelCoordsHeader, file: string): Result<DeclaredCrs | undefined> {
  const a = header.attributes;
  const system = a['坐标系'] ?? '';
  if (system && !/2000/.test(system)) return failure('io.crs.unsupportedDatum', { file, name: system, datum: system });
  if (a['几度分带'] && a['几度分带'] !== '3') return failure('io.parcelCoords.sixDegreeZones', { file, value: a['几度分带'] });
  const zone = Number(a['带号']);
  if (!a['带号']) return success(undefined);
  if (!(GK_ZONES as readonly number[]).includes(zone)) return failure('io.crs.unsupported', { file, name: `${system} 带号=${a['带号']}` });
  return success({ crs: gk({ zone: zone as GkZone, zonePrefix: true }), how: 'header', name: `${system} 带号=${zone}` });
}

function read(dataset: readonly InputFile[], options: ReadOptions): Result<ImportedLayer> {
  const file = dataset[0] as InputFile;
  const name = fileName(file.name);
  const { text, encoding } = decode(file, options.encoding);
  const parsed = parseParcelCoords(text, name);
  if (!parsed.ok) return parsed;
  const notes: Message[] = [...parsed.notes];
  const fromHeader = crsFromHeader(parsed.value.header, name);
  if (!fromHeader.ok) return fromHeader;
  let declared = fromHeader.value;
  // The header gives the zone; whether the easting carries it as a prefix shows in the numbers.
  if (declared && declared.crs.kind === 'gk') {
    const firstEasting = parsed.value.parcels[0]?.geometry.coordinates.flat(3)[0] as number | undefined;
    if (firstEasting !== undefined && firstEasting < 1_000_000) declared = { ...declared, crs: gk({ zone: declared.crs.zone, zonePrefix: false }) };
  } else {
    notes.push(note('io.parcelCoords.noZone', { file: name }));
  }
  const layer = georeference(
    {
      format: 'parcel-coords',
      file: file.name,
      name: fileName(stemOf(file.name)),
      fields: PARCEL_FIELDS.map((f) => ({ name: f, kind: f === '界址点数' ? 'integer' : f === '地块面积' ? 'real' : 'text', width: null, decimals: null })),
      features: parsed.value.parcels.map((p) => ({ geometry: p.geometry, properties: p.properties, recordNo: p.recordNo })),
      encoding,
      declared,
      crsText: null,
    },
    options,
  );
  return layer.ok ? success(layer.value, [...notes, ...layer.notes]) : layer;
}

export const parcelCoordsFormat: FileFormat = {
  id: 'parcel-coords',
  labelKey: 'io.format.parcelCoords',
  extensions: EXTENSIONS,
  claim,
  read,
};
