/**
 * 界址点 coordinate files (the national 勘测定界 TXT exchange format; see parcel-coords-parse.ts), GBK or
 * UTF-8, into lon/lat parcels. The CRS comes from the header (坐标系, 几度分带, 带号) or, when it says
 * too little, from the numbers.
 */
import { GK_ZONES, type GkZone } from '../../geo/projection.ts';
import { localDatumOfName } from '../crs/local-datums.ts';
import { gk, localForeignCrs } from '../crs/source-crs.ts';
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

/**
 * The header's CRS, 3° zones: CGCS2000, or Xian 1980 / Beijing 1954 (`80国家大地坐标系`, `54北京坐标系`),
 * whose local parameters the planner is then asked for, as for a Shapefile in them. The header gives the
 * zone; whether the easting carries it as a prefix shows in the numbers.
 */
function crsFromHeader(header: ParcelCoordsHeader, file: string, firstEasting: number | undefined): Result<DeclaredCrs | undefined> {
  const a = header.attributes;
  const system = a['坐标系'] ?? '';
  const local = system ? localDatumOfName(system) : undefined;
  if (system && !/2000/.test(system) && !local) return failure('io.crs.unsupportedDatum', { file, name: system, datum: system });
  if (a['几度分带'] && a['几度分带'] !== '3') return failure('io.parcelCoords.sixDegreeZones', { file, value: a['几度分带'] });
  const prefixed = firstEasting !== undefined && firstEasting >= 1_000_000;
  // Without 带号 a local datum's zone shows only in a prefix; CGCS2000 numbers are inferred by georeference.
  const zoneText = a['带号'] || (local && prefixed ? String(Math.floor((firstEasting as number) / 1_000_000)) : '');
  if (!zoneText) return local ? failure('io.crs.unsupportedDatum', { file, name: system, datum: system }) : success(undefined);
  const zone = Number(zoneText);
  if (!(GK_ZONES as readonly number[]).includes(zone)) return failure('io.crs.unsupported', { file, name: `${system} 带号=${zoneText}` });
  const name = `${system} 带号=${zone}`;
  const zonePrefix = firstEasting === undefined || prefixed;
  if (!local) return success({ crs: gk({ zone: zone as GkZone, zonePrefix }), how: 'header', name });
  const plane = { centralMeridian: zone * 3, falseEasting: (zonePrefix ? zone * 1_000_000 : 0) + 500_000 };
  return success({ crs: localForeignCrs(name, system, { datum: local, gk: plane }), how: 'header', name });
}

function read(dataset: readonly InputFile[], options: ReadOptions): Result<ImportedLayer> {
  const file = dataset[0] as InputFile;
  const name = fileName(file.name);
  const { text, encoding } = decode(file, options.encoding);
  const parsed = parseParcelCoords(text, name);
  if (!parsed.ok) return parsed;
  const notes: Message[] = [...parsed.notes];
  const firstEasting = parsed.value.parcels[0]?.geometry.coordinates.flat(3)[0] as number | undefined;
  const fromHeader = crsFromHeader(parsed.value.header, name, firstEasting);
  if (!fromHeader.ok) return fromHeader;
  const declared = fromHeader.value;
  if (!declared) notes.push(note('io.parcelCoords.noZone', { file: name }));
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
